package apigw_test

import (
	"encoding/base64"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
)

// TestEveryAnswerIsNosniff: successes, problems, 404s and preflights all
// carry X-Content-Type-Options: nosniff, so no browser sniffs a JSON body
// into HTML.
func TestEveryAnswerIsNosniff(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	book := f.seed(t, kindred)[0]
	for name, ev := range map[string]events.APIGatewayV2HTTPRequest{
		"GET /api/books":           newEvent(t, "GET", "/api/books"),
		"GET /api/books/{id}":      newEvent(t, "GET", "/api/books/"+string(book.ID())),
		"unknown path":             newEvent(t, "GET", "/api/nothing"),
		"401 problem":              newEvent(t, "POST", "/api/books", jsonBody(`{}`)),
		"400 problem":              newEvent(t, "GET", "/api/books?limit=x"),
		"health":                   newEvent(t, "GET", "/api/health"),
		"POST /api/books as admin": newEvent(t, "POST", "/api/books", asAdmin(), jsonBody(`{"title":"T","author":"A","category":"c","priceCents":1,"stock":1}`)),
	} {
		if got := f.serve(t, ev).Headers["X-Content-Type-Options"]; got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options = %q, want nosniff", name, got)
		}
	}
}

// TestPrivateAnswersAreNoStore: per-user and admin answers carry
// Cache-Control: no-store, public catalog reads do not.
func TestPrivateAnswersAreNoStore(t *testing.T) {
	t.Parallel()
	f := newOrderFixture(t)
	for _, tt := range []struct {
		name string
		ev   events.APIGatewayV2HTTPRequest
		want string
	}{
		{"my orders", newEvent(t, "GET", "/api/orders", asUser(t, "user-1", "")), "no-store"},
		{"my orders without a token (401)", newEvent(t, "GET", "/api/orders"), "no-store"},
		{"admin orders", newEvent(t, "GET", "/api/admin/orders?status=PENDING", asUser(t, "admin-1", "[admin]")), "no-store"},
		{"a new book", newEvent(t, "POST", "/api/books", asAdmin(), jsonBody(`{"title":"T","author":"A","category":"c","priceCents":1,"stock":1}`)), "no-store"},
		{"the catalog", newEvent(t, "GET", "/api/books"), ""},
		{"a book", newEvent(t, "GET", "/api/books/"+string(f.dune.ID())), ""},
	} {
		if got := f.serve(t, tt.ev).Headers["Cache-Control"]; got != tt.want {
			t.Errorf("%s: Cache-Control = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestInvalidUTF8IsRefusedNamingTheField: invalid bytes and unpaired
// surrogate escapes in a JSON string answer 400 naming the field, and
// nothing is stored (encoding/json alone would store U+FFFD).
func TestInvalidUTF8IsRefusedNamingTheField(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"invalid byte":        "{\"title\":\"Kin\xffdred\",\"author\":\"A\",\"category\":\"c\",\"priceCents\":1,\"stock\":1}",
		"lone high surrogate": `{"title":"Kin\ud800dred","author":"A","category":"c","priceCents":1,"stock":1}`,
		"lone low surrogate":  `{"title":"Kin\udc00dred","author":"A","category":"c","priceCents":1,"stock":1}`,
	} {
		t.Run(name, func(t *testing.T) {
			f := newFixture(t)
			ev := newEvent(t, "POST", "/api/books", asAdmin(), jsonBody(""))
			ev.Body, ev.IsBase64Encoded = base64.StdEncoding.EncodeToString([]byte(body)), true
			resp := f.serve(t, ev)
			wantStatus(t, resp, 400)
			p := decodeProblem(t, resp)
			if len(p.Errors) != 1 || p.Errors[0].Field != "title" {
				t.Errorf("errors = %+v, want one naming title", p.Errors)
			}
			if n := len(f.snapshot(t)); n != 0 {
				t.Errorf("%d books stored, want none", n)
			}
		})
	}
	t.Run("a valid surrogate pair is accepted", func(t *testing.T) {
		f := newFixture(t)
		resp := f.serve(t, newEvent(t, "POST", "/api/books", asAdmin(),
			jsonBody(`{"title":"Kindred \ud83d\udcda","author":"A","category":"c","priceCents":1,"stock":1}`)))
		wantStatus(t, resp, 201)
		if got := decodeJSON(t, resp)["title"]; got != "Kindred 📚" {
			t.Errorf("title = %q", got)
		}
	})
}

// TestMyReviewNeedsSignIn: GET/PUT/DELETE .../reviews/mine without a token
// answer 401, never a 404 about an empty user id; the authorizer guards
// those routes while other users' reviews stay public.
func TestMyReviewNeedsSignIn(t *testing.T) {
	t.Parallel()
	f, book := newReviewFixture(t)
	mine := reviewsOf(book.ID()) + "/mine"
	for _, method := range []string{"GET", "PUT", "DELETE"} {
		resp := f.serve(t, newEvent(t, method, mine, header("If-Match", `"1"`), jsonBody(`{"rating":3}`)))
		wantStatus(t, resp, 401)
		if !apigw.Guarded(method, mine) {
			t.Errorf("%s %s is not guarded by the authorizer", method, mine)
		}
	}
	if apigw.Guarded("GET", reviewsOf(book.ID())+"/someone") {
		t.Error("GET of another user's review is guarded; it is public")
	}
	wantStatus(t, f.serve(t, newEvent(t, "GET", mine, asAda(t))), 404) // signed in, no review yet
}
