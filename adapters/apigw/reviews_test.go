package apigw_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// adaSub is the subject of the JWT fixture event (ada@example.com, admin).
const adaSub = "7f3a9c1e-0b2d-4e5f-8a6b-9c0d1e2f3a4b"

// newReviewFixture is a handler serving the catalog and the reviews over
// memory adapters, with one book seeded.
func newReviewFixture(t *testing.T) (*fixture, domain.Book) {
	t.Helper()
	books := memory.NewBookRepository()
	f := newFixtureWith(t, books, testConfig)
	repo, err := memory.NewReviewRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	cursors, err := app.NewCursorCodec([]byte("cursor-signing-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	reviews := app.NewReviews(repo, books, memory.NewProfileRepository(), newClock(), cursors)
	f.handler, err = apigw.NewHandler(apigw.Services{Catalog: f.catalog, Reviews: reviews}, testConfig, nil)
	if err != nil {
		t.Fatal(err)
	}
	return f, f.seed(t, kindred)[0]
}

// signedIn makes the event carry the JWT authorizer of the fixture event
// with the given subject, email and groups claims.
func signedIn(t *testing.T, sub, email, groups string) eventOption {
	jwt := loadEvent(t, "apigw-v2-request-jwt-authorizer.json").RequestContext.Authorizer
	jwt.JWT.Claims["sub"], jwt.JWT.Claims["email"], jwt.JWT.Claims["cognito:groups"] = sub, email, groups
	return func(ev *events.APIGatewayV2HTTPRequest) { ev.RequestContext.Authorizer = jwt }
}

func asAda(t *testing.T) eventOption { return signedIn(t, adaSub, "ada@example.com", "[admin]") }

func reviewsOf(id domain.BookID) string { return "/api/books/" + string(id) + "/reviews" }

// bookRating reads the book through the API and returns its rating and ETag.
func bookRating(t *testing.T, f *fixture, id domain.BookID) (map[string]any, string) {
	t.Helper()
	resp := f.serve(t, newEvent(t, "GET", "/api/books/"+string(id)))
	wantStatus(t, resp, 200)
	return decodeJSON(t, resp)["rating"].(map[string]any), resp.Headers["ETag"]
}

func TestReviewLifecycle(t *testing.T) {
	t.Parallel()
	f, book := newReviewFixture(t)
	_, bookETag := bookRating(t, f, book.ID())

	// The JWT fixture event itself, re-aimed at the reviews route.
	ev := loadEvent(t, "apigw-v2-request-jwt-authorizer.json")
	ev.RawPath, ev.RequestContext.HTTP.Path = reviewsOf(book.ID()), reviewsOf(book.ID())
	ev.Body = `{"rating":4,"text":"Unsettling and brilliant."}`
	resp := f.serve(t, ev)
	wantStatus(t, resp, 201)
	mine := reviewsOf(book.ID()) + "/" + adaSub
	if resp.Headers["Location"] != mine || resp.Headers["ETag"] != `"1"` {
		t.Fatalf("Location %q ETag %q, want %q and \"1\"", resp.Headers["Location"], resp.Headers["ETag"], mine)
	}
	body := decodeJSON(t, resp)
	diff(t, "created review", map[string]any{
		"bookId": string(book.ID()), "userId": adaSub, "author": "ada", "rating": float64(4),
		"text": "Unsettling and brilliant.", "createdAt": body["createdAt"], "updatedAt": body["updatedAt"], "version": float64(1),
	}, body)

	rating, etagAfter := bookRating(t, f, book.ID())
	diff(t, "rating", map[string]any{"average": float64(4), "count": float64(1)}, rating)
	if etagAfter != bookETag {
		t.Fatalf("book ETag %s after a review, want unchanged %s", etagAfter, bookETag)
	}

	dup := f.serve(t, newEvent(t, "POST", reviewsOf(book.ID()), asAda(t), jsonBody(`{"rating":1}`)))
	wantStatus(t, dup, 409)
	decodeProblem(t, dup)

	put := func(target, ifMatch string, opts ...eventOption) events.APIGatewayV2HTTPResponse {
		opts = append(opts, jsonBody(`{"rating":2,"text":"Less sure now."}`))
		if ifMatch != "" {
			opts = append(opts, header("If-Match", ifMatch))
		}
		return f.serve(t, newEvent(t, "PUT", target, opts...))
	}
	wantStatus(t, put(mine, "", asAda(t)), 428)
	wantStatus(t, put(mine, `"7"`, asAda(t)), 412)
	wantStatus(t, put(mine, `"1"`, signedIn(t, "someone-else", "eve@example.com", "")), 403)
	wantStatus(t, put(mine, `"1"`), 401)
	edited := put(reviewsOf(book.ID())+"/mine", `"1"`, asAda(t))
	wantStatus(t, edited, 200)
	if edited.Headers["ETag"] != `"2"` {
		t.Fatalf("ETag after edit = %q, want \"2\"", edited.Headers["ETag"])
	}
	rating, _ = bookRating(t, f, book.ID())
	diff(t, "rating after edit", map[string]any{"average": float64(2), "count": float64(1)}, rating)

	got := f.serve(t, newEvent(t, "GET", mine))
	wantStatus(t, got, 200)
	if r := decodeJSON(t, got); r["text"] != "Less sure now." || r["version"] != float64(2) {
		t.Fatalf("GET review = %v", r)
	}

	// Another user may not delete it; an admin may.
	wantStatus(t, f.serve(t, newEvent(t, "DELETE", mine, signedIn(t, "someone-else", "eve@example.com", ""))), 403)
	wantStatus(t, f.serve(t, newEvent(t, "DELETE", mine, signedIn(t, "moderator", "mod@example.com", "[admin]"))), 204)
	wantStatus(t, f.serve(t, newEvent(t, "DELETE", mine, asAda(t))), 404)
	rating, _ = bookRating(t, f, book.ID())
	diff(t, "rating after delete", map[string]any{"average": float64(0), "count": float64(0)}, rating)
}

func TestAverageRatingIsRoundedToTwoDecimals(t *testing.T) {
	t.Parallel()
	f, book := newReviewFixture(t)
	for i, stars := range []int{5, 4, 4} {
		resp := f.serve(t, newEvent(t, "POST", reviewsOf(book.ID()),
			signedIn(t, fmt.Sprint("user-", i), fmt.Sprintf("u%d@example.com", i), ""), jsonBody(fmt.Sprintf(`{"rating":%d}`, stars))))
		wantStatus(t, resp, 201)
	}
	rating, _ := bookRating(t, f, book.ID())
	diff(t, "rating", map[string]any{"average": 4.33, "count": float64(3)}, rating)
}

// TestReviewRefusalsWriteNothing covers anonymous callers, bad input and
// missing books: each gets its problem and nothing is stored.
func TestReviewRefusalsWriteNothing(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", domain.MaxReviewTextLen+1)
	tests := []struct {
		name       string
		target     string
		body       string
		anonymous  bool
		wantStatus int
		wantFields []string
	}{
		{name: "anonymous", body: `{"rating":5}`, anonymous: true, wantStatus: 401},
		{name: "rating and text out of range", body: `{"rating":0,"text":"` + long + `"}`, wantStatus: 400, wantFields: []string{"rating", "text"}},
		{name: "rating missing", body: `{"text":"no stars"}`, wantStatus: 400, wantFields: []string{"rating"}},
		{name: "wrong type and unknown field", body: `{"rating":"five","stars":5}`, wantStatus: 400, wantFields: []string{"stars", "rating"}},
		{name: "fractional rating", body: `{"rating":4.5}`, wantStatus: 400, wantFields: []string{"rating"}},
		{name: "malformed JSON", body: `{"rating":`, wantStatus: 400},
		{name: "missing book", target: reviewsOf("no-such-book"), body: `{"rating":3}`, wantStatus: 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, book := newReviewFixture(t)
			target := tt.target
			if target == "" {
				target = reviewsOf(book.ID())
			}
			opts := []eventOption{jsonBody(tt.body)}
			if !tt.anonymous {
				opts = append(opts, asAda(t))
			}
			resp := f.serve(t, newEvent(t, "POST", target, opts...))
			wantStatus(t, resp, tt.wantStatus)
			p := decodeProblem(t, resp)
			var fields []string
			for _, fe := range p.Errors {
				fields = append(fields, fe.Field)
			}
			diff(t, "fields", tt.wantFields, fields)
			rating, _ := bookRating(t, f, book.ID())
			diff(t, "rating", map[string]any{"average": float64(0), "count": float64(0)}, rating)
			list := f.serve(t, newEvent(t, "GET", reviewsOf(book.ID())))
			wantStatus(t, list, 200)
			if items := decodeJSON(t, list)["items"].([]any); len(items) != 0 {
				t.Fatalf("%d reviews stored, want none", len(items))
			}
		})
	}
}

func TestListReviewsPaginatesNewestFirst(t *testing.T) {
	t.Parallel()
	f, book := newReviewFixture(t)
	for i := range 5 {
		resp := f.serve(t, newEvent(t, "POST", reviewsOf(book.ID()),
			signedIn(t, fmt.Sprint("user-", i), fmt.Sprintf("u%d@example.com", i), ""), jsonBody(`{"rating":3}`)))
		wantStatus(t, resp, 201)
	}
	var users []any
	target := reviewsOf(book.ID()) + "?limit=2"
	var firstCursor string
	for pages := 0; ; pages++ {
		if pages == 3 {
			t.Fatal("more than 3 pages")
		}
		resp := f.serve(t, newEvent(t, "GET", target))
		wantStatus(t, resp, 200)
		page := decodeJSON(t, resp)
		for _, it := range page["items"].([]any) {
			users = append(users, it.(map[string]any)["userId"])
		}
		next, _ := page["nextCursor"].(string)
		if next == "" {
			break
		}
		if firstCursor == "" {
			firstCursor = next
		}
		target = reviewsOf(book.ID()) + "?limit=2&cursor=" + next
	}
	diff(t, "users", []any{"user-4", "user-3", "user-2", "user-1", "user-0"}, users)

	other := f.seed(t, middlemarch)[0]
	for _, target := range []string{
		reviewsOf(book.ID()) + "?cursor=" + firstCursor + "x",
		reviewsOf(other.ID()) + "?cursor=" + firstCursor,
		reviewsOf(book.ID()) + "?limit=0",
		reviewsOf(book.ID()) + "?limit=101",
	} {
		resp := f.serve(t, newEvent(t, "GET", target))
		wantStatus(t, resp, 400)
		if p := decodeProblem(t, resp); len(p.Errors) != 1 {
			t.Fatalf("%s: field errors %v, want one", target, p.Errors)
		}
	}
	wantStatus(t, f.serve(t, newEvent(t, "GET", reviewsOf("no-such-book"))), 404)
}

// TestRoutesOfAbsentServicesAreNotFound: a function without the reviews use
// cases answers their routes 404, and one with only reviews answers the
// catalog's routes 404.
func TestRoutesOfAbsentServicesAreNotFound(t *testing.T) {
	t.Parallel()
	catalogOnly := newFixture(t)
	book := catalogOnly.seed(t, dune)[0]
	for _, ev := range []events.APIGatewayV2HTTPRequest{
		newEvent(t, "GET", reviewsOf(book.ID())),
		newEvent(t, "POST", reviewsOf(book.ID()), asAda(t), jsonBody(`{"rating":5}`)),
		newEvent(t, "PUT", reviewsOf(book.ID())+"/mine", asAda(t), header("If-Match", `"1"`), jsonBody(`{"rating":5}`)),
	} {
		resp := catalogOnly.serve(t, ev)
		wantStatus(t, resp, 404)
		decodeProblem(t, resp)
	}

	books := memory.NewBookRepository()
	repo, err := memory.NewReviewRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	cursors, err := app.NewCursorCodec([]byte("cursor-signing-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	h, err := apigw.NewHandler(apigw.Services{Reviews: app.NewReviews(repo, books, memory.NewProfileRepository(), newClock(), cursors)}, testConfig, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := h.Handle(context.Background(), newEvent(t, "GET", "/api/books"))
	if err != nil || resp.StatusCode != 404 {
		t.Fatalf("GET /api/books on a reviews-only handler = %d, %v; want 404", resp.StatusCode, err)
	}
}
