package apigw_test

import (
	"context"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestHealth(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	resp := f.serve(t, newEvent(t, "GET", "/api/health"))
	wantStatus(t, resp, 200)
	diff(t, "body", map[string]any{"status": "ok"}, decodeJSON(t, resp))
}

// bookBody is the JSON the API should send for a book of the fixture's
// clock (second n after epoch) at version v.
func bookBody(id string, d domain.BookDetails, category, currency string, created, updated int, version int64) map[string]any {
	return map[string]any{
		"id": id, "title": d.Title, "author": d.Author, "category": category, "description": d.Description,
		"priceCents": float64(d.PriceCents), "currency": currency, "stock": float64(d.Stock),
		"createdAt": epoch.Add(time.Duration(created) * time.Second).Format(time.RFC3339Nano),
		"updatedAt": epoch.Add(time.Duration(updated) * time.Second).Format(time.RFC3339Nano),
		"version":   float64(version),
		"rating":    map[string]any{"average": float64(0), "count": float64(0)},
	}
}

// TestBookLifecycle creates a book from the JWT-authorized fixture event,
// reads it, replaces it with the ETag it got, and deletes it twice.
func TestBookLifecycle(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	kindredWant := bookBody("book-0001", domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler",
		Description: "Dana is pulled back in time.", PriceCents: 1499, Stock: 4}, "science-fiction", "USD", 0, 0, 1)

	// POST: 201, Location, ETag.
	resp := f.serve(t, loadEvent(t, "apigw-v2-request-jwt-authorizer.json"))
	wantStatus(t, resp, 201)
	diff(t, "created book", kindredWant, decodeJSON(t, resp))
	if got := resp.Headers["Location"]; got != "/api/books/book-0001" {
		t.Errorf("Location = %q", got)
	}
	etag := resp.Headers["ETag"]
	if etag != `"1"` {
		t.Fatalf("ETag = %q, want \"1\"", etag)
	}

	// GET the Location: same book, same ETag.
	resp = f.serve(t, newEvent(t, "GET", "/api/books/book-0001"))
	wantStatus(t, resp, 200)
	diff(t, "read book", kindredWant, decodeJSON(t, resp))
	if resp.Headers["ETag"] != etag {
		t.Errorf("GET ETag = %q, want %q", resp.Headers["ETag"], etag)
	}

	// PUT with the ETag: a new version and ETag.
	resp = f.serve(t, newEvent(t, "PUT", "/api/books/book-0001", asAdmin(), header("If-Match", etag),
		jsonBody(`{"title":"Kindred","author":"Octavia E. Butler","category":"Classics","priceCents":999,"currency":"eur","stock":0}`)))
	wantStatus(t, resp, 200)
	diff(t, "replaced book", bookBody("book-0001", domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler",
		PriceCents: 999}, "classics", "EUR", 0, 1, 2), decodeJSON(t, resp))
	if resp.Headers["ETag"] != `"2"` {
		t.Errorf("PUT ETag = %q, want \"2\"", resp.Headers["ETag"])
	}

	// The old ETag is now stale.
	resp = f.serve(t, newEvent(t, "PUT", "/api/books/book-0001", asAdmin(), header("If-Match", etag), jsonBody(validBook)))
	wantStatus(t, resp, 412)

	// DELETE with the current ETag, then again: 204 then 404.
	resp = f.serve(t, newEvent(t, "DELETE", "/api/books/book-0001", asAdmin(), header("If-Match", `"2"`)))
	wantStatus(t, resp, 204)
	if resp.Body != "" || resp.Headers["Content-Type"] != "" {
		t.Errorf("204 has a body %q or Content-Type %q", resp.Body, resp.Headers["Content-Type"])
	}
	resp = f.serve(t, newEvent(t, "DELETE", "/api/books/book-0001", asAdmin()))
	wantStatus(t, resp, 404)
	decodeProblem(t, resp)
	resp = f.serve(t, newEvent(t, "GET", "/api/books/book-0001"))
	wantStatus(t, resp, 404)
}

func TestDeleteWithoutIfMatchDeletesAnyVersion(t *testing.T) {
	t.Parallel()
	for _, ifMatch := range []string{"", "*"} {
		f := newFixture(t)
		f.seed(t, dune)
		if _, err := f.catalog.UpdateBook(app.AsSystem(context.Background()), "book-0001", 1, kindred); err != nil {
			t.Fatal(err)
		}
		resp := f.serve(t, newEvent(t, "DELETE", "/api/books/book-0001", asAdmin(), header("If-Match", ifMatch)))
		wantStatus(t, resp, 204)
		if len(f.snapshot(t)) != 0 {
			t.Errorf("If-Match %q: book not deleted", ifMatch)
		}
	}
}

func TestCreateBookFromBase64Body(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ev := loadEvent(t, "apigw-v2-request-base64-body.json")
	asAdmin()(&ev)
	resp := f.serve(t, ev)
	wantStatus(t, resp, 201)
	diff(t, "created book", bookBody("book-0001", domain.BookDetails{Title: "Beloved", Author: "Toni Morrison",
		PriceCents: 1299, Stock: 2}, "classics", "EUR", 0, 0, 1), decodeJSON(t, resp))
}

// TestHeaderNamesInAnyCase uses header names the way some tools (and
// aws-lambda-go's own fixtures) spell them, not lower-cased.
func TestHeaderNamesInAnyCase(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.seed(t, dune)
	ev := newEvent(t, "PUT", "/api/books/book-0001", asAdmin())
	ev.Headers = map[string]string{"Content-Type": "application/json", "IF-MATCH": `"1"`, "Origin": "https://shop.example"}
	ev.Body = validBook
	resp := f.serve(t, ev)
	wantStatus(t, resp, 200)
	if resp.Headers["Access-Control-Allow-Origin"] != "https://shop.example" {
		t.Errorf("CORS headers missing: %v", resp.Headers)
	}
}

// TestQueryFromParametersOnly serves an event that has queryStringParameters
// but no rawQueryString, as some hand-written events do.
func TestQueryFromParametersOnly(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.seed(t, dune, middlemarch)
	ev := newEvent(t, "GET", "/api/books")
	ev.QueryStringParameters = map[string]string{"category": "classics"}
	resp := f.serve(t, ev)
	wantStatus(t, resp, 200)
	if ids := pageIDs(t, resp); !slices.Equal(ids, []string{"book-0002"}) {
		t.Errorf("ids = %v", ids)
	}
}

type pageJSON struct {
	Items []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"items"`
	NextCursor *string `json:"nextCursor"`
}

func decodePage(t *testing.T, resp events.APIGatewayV2HTTPResponse) pageJSON {
	t.Helper()
	var p pageJSON
	if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(resp.Body, `"nextCursor":`) || !strings.Contains(resp.Body, `"items":[`) {
		t.Errorf("page lacks items or nextCursor: %s", resp.Body)
	}
	return p
}

func pageIDs(t *testing.T, resp events.APIGatewayV2HTTPResponse) []string {
	var ids []string
	for _, it := range decodePage(t, resp).Items {
		ids = append(ids, it.ID)
	}
	return ids
}

// walk follows nextCursor from first until the last page and returns every
// id in order and the size of each page.
func walk(t *testing.T, f *fixture, first string) (ids []string, sizes []int) {
	t.Helper()
	target := first
	for range 20 {
		resp := f.serve(t, newEvent(t, "GET", target))
		wantStatus(t, resp, 200)
		p := decodePage(t, resp)
		sizes = append(sizes, len(p.Items))
		for _, it := range p.Items {
			ids = append(ids, it.ID)
		}
		if p.NextCursor == nil {
			return ids, sizes
		}
		sep := "?"
		if strings.Contains(first, "?") {
			sep = "&"
		}
		target = first + sep + "cursor=" + url.QueryEscape(*p.NextCursor)
	}
	t.Fatal("pagination does not end")
	return nil, nil
}

func TestListBooksPagination(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	titles := []string{"Ubik", "Axiomatic", "Neuromancer", "Solaris", "Hyperion", "Emma", "Dracula"}
	for _, title := range titles {
		d := dune
		d.Title = title
		if title == "Emma" || title == "Dracula" {
			d.Category = "classics"
		}
		f.seed(t, d)
	}
	tests := []struct {
		name      string
		first     string
		wantIDs   []string
		wantSizes []int
	}{
		{"newest first, default page", "/api/books", []string{"book-0007", "book-0006", "book-0005", "book-0004", "book-0003", "book-0002", "book-0001"}, []int{7}},
		{"newest first in pages", "/api/books?limit=3",
			[]string{"book-0007", "book-0006", "book-0005", "book-0004", "book-0003", "book-0002", "book-0001"}, []int{3, 3, 1}},
		{"exact pages", "/api/books?sort=newest&limit=7", []string{"book-0007", "book-0006", "book-0005", "book-0004", "book-0003", "book-0002", "book-0001"}, []int{7}},
		{"by title", "/api/books?sort=title&limit=2",
			[]string{"book-0002", "book-0007", "book-0006", "book-0005", "book-0003", "book-0004", "book-0001"}, []int{2, 2, 2, 1}},
		{"one category", "/api/books?category=Science%20Fiction&limit=2",
			[]string{"book-0005", "book-0004", "book-0003", "book-0002", "book-0001"}, []int{2, 2, 1}},
		{"empty category listing", "/api/books?category=poetry", nil, []int{0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, sizes := walk(t, f, tt.first)
			diff(t, "ids", tt.wantIDs, ids)
			diff(t, "page sizes", tt.wantSizes, sizes)
		})
	}
}

func TestListBooksHasFullBooks(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.seed(t, middlemarch)
	resp := f.serve(t, newEvent(t, "GET", "/api/books"))
	wantStatus(t, resp, 200)
	diff(t, "page", map[string]any{
		"items":      []any{bookBody("book-0001", middlemarch, "classics", "GBP", 0, 0, 1)},
		"nextCursor": nil,
	}, decodeJSON(t, resp))
}

func TestCoverUploadAndLinks(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.seed(t, dune)
	before := time.Now()
	resp := f.serve(t, newEvent(t, "POST", "/api/books/book-0001/cover", asAdmin(), jsonBody(`{"contentType":"image/png","contentLength":1024}`)))
	wantStatus(t, resp, 200)
	var up struct {
		UploadURL string            `json:"uploadUrl"`
		Method    string            `json:"method"`
		Headers   map[string]string `json:"headers"`
		ExpiresAt time.Time         `json:"expiresAt"`
		Key       string            `json:"key"`
	}
	dec := json.NewDecoder(strings.NewReader(resp.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&up); err != nil {
		t.Fatal(err)
	}
	if up.Method != "PUT" || up.Key != "covers/book-0001/book-0002.png" ||
		!strings.HasPrefix(up.UploadURL, "https://objects.test/o/covers/book-0001/book-0002.png?") {
		t.Errorf("upload = %+v", up)
	}
	diff(t, "upload headers", map[string]string{"Content-Type": "image/png"}, up.Headers)
	if ttl := up.ExpiresAt.Sub(before); ttl < app.CoverUploadTTL-2*time.Second || ttl > app.CoverUploadTTL+time.Second {
		t.Errorf("expiresAt %v is not about %v from now", up.ExpiresAt, app.CoverUploadTTL)
	}

	// Once the thumbnailer has recorded the cover, reads carry its stable
	// public paths (no presigned, expiring URLs: browsers and CDNs cache them).
	cover := domain.Cover{OriginalKey: up.Key, ThumbnailKey: "thumbnails/book-0001/a-320.webp"}
	if _, err := f.catalog.RecordCover(context.Background(), "book-0001", cover); err != nil {
		t.Fatal(err)
	}
	resp = f.serve(t, newEvent(t, "GET", "/api/books/book-0001"))
	wantStatus(t, resp, 200)
	got, _ := decodeJSON(t, resp)["cover"].(map[string]any)
	if got["url"] != "/covers/book-0001/book-0002.png" || got["thumbnailUrl"] != "/thumbnails/book-0001/a-320.webp" {
		t.Errorf("cover = %v", got)
	}
	if _, ok := got["thumbnail2xUrl"]; ok || len(got) != 2 {
		t.Errorf("cover = %v, want url and thumbnailUrl only", got)
	}
}

func asString(v any) string { s, _ := v.(string); return s }

func TestBookWithoutCoverOmitsCover(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.seed(t, dune)
	resp := f.serve(t, newEvent(t, "GET", "/api/books/book-0001"))
	if strings.Contains(resp.Body, "cover") {
		t.Errorf("body mentions a cover: %s", resp.Body)
	}
}

func TestCoverURLsUseTheAssetBaseURL(t *testing.T) {
	cfg := testConfig
	cfg.AssetBaseURL = "https://cdn.example/"
	f := newFixtureWith(t, memory.NewBookRepository(), cfg)
	b := f.seed(t, domain.BookDetails{Title: "T", Author: "A", Category: "c", PriceCents: 1, Stock: 1})[0]
	cover := domain.Cover{OriginalKey: app.CoverPrefix(b.ID()) + "x.jpg", Thumbnail2xKey: app.ThumbnailPrefix(b.ID()) + "x-2x.jpg"}
	if _, err := f.catalog.RecordCover(context.Background(), b.ID(), cover); err != nil {
		t.Fatal(err)
	}
	resp := f.serve(t, newEvent(t, "GET", "/api/books/"+string(b.ID())))
	wantStatus(t, resp, 200)
	got, _ := decodeJSON(t, resp)["cover"].(map[string]any)
	want := map[string]any{"url": "https://cdn.example/" + cover.OriginalKey, "thumbnail2xUrl": "https://cdn.example/" + cover.Thumbnail2xKey}
	diff(t, "cover", want, got)
}
