package apigw_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// epoch is the fake clock's first instant.
var epoch = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// newClock returns a clock whose Now returns epoch, epoch+1s, epoch+2s, ...
// so timestamps are deterministic and distinct.
func newClock() *apptest.Clock { return apptest.NewSteppingClock(epoch, time.Second) }

// newBookIDs returns book-0001, book-0002, ...: unique and sorting by
// creation like ULIDs.
func newBookIDs() *apptest.IDs { return apptest.NewIDs("book-", 4) }

// fixture is a handler over memory adapters.
type fixture struct {
	books   app.BookRepository
	objects *memory.ObjectStore
	catalog *app.Catalog
	handler *apigw.Handler
	logs    *apptest.LogBuffer
}

var testConfig = apigw.Config{AllowedOrigins: []string{"https://shop.example"}}

func newFixture(t testing.TB) *fixture {
	return newFixtureWith(t, memory.NewBookRepository(), testConfig)
}

func newFixtureWith(t testing.TB, books app.BookRepository, cfg apigw.Config) *fixture {
	t.Helper()
	objects, err := memory.NewObjectStore("https://objects.test/o", []byte("object-signing-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	cursors, err := app.NewCursorCodec([]byte("cursor-signing-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	catalog := app.NewCatalog(books, objects, newClock(), newBookIDs(), cursors)
	logs := &apptest.LogBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	handler, err := apigw.NewHandler(apigw.Services{Catalog: catalog}, cfg, logger)
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{books: books, objects: objects, catalog: catalog, handler: handler, logs: logs}
}

// seed creates books through the catalog and returns them.
func (f *fixture) seed(t testing.TB, details ...domain.BookDetails) []domain.Book {
	t.Helper()
	out := make([]domain.Book, len(details))
	for i, d := range details {
		b, err := f.catalog.CreateBook(app.AsSystem(context.Background()), d)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = b
	}
	return out
}

// snapshot returns every stored book, to prove a request wrote nothing.
func (f *fixture) snapshot(t testing.TB) []domain.BookSnapshot {
	t.Helper()
	page, err := f.books.List(context.Background(), app.BookListQuery{Sort: app.SortNewest, Limit: 10_000})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]domain.BookSnapshot, len(page.Books))
	for i, b := range page.Books {
		out[i] = b.Snapshot()
	}
	return out
}

func (f *fixture) serve(t testing.TB, ev events.APIGatewayV2HTTPRequest) events.APIGatewayV2HTTPResponse {
	t.Helper()
	resp, err := f.handler.Handle(context.Background(), ev)
	if err != nil {
		t.Fatalf("Handle returned error %v; want a response and nil", err)
	}
	checkOpenAPI(t, ev, resp)
	return resp
}

var dune = domain.BookDetails{Title: "Dune", Author: "Frank Herbert", Category: "Science Fiction", PriceCents: 1899, Stock: 20,
	Description: "Politics, ecology and prophecy on the desert planet Arrakis."}

var kindred = domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "science-fiction", PriceCents: 1499, Stock: 4}

var middlemarch = domain.BookDetails{Title: "Middlemarch", Author: "George Eliot", Category: "classics", PriceCents: 1299, Currency: "GBP", Stock: 5}

// loadEvent reads a v2 event from testdata.
func loadEvent(t testing.TB, name string) events.APIGatewayV2HTTPRequest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var ev events.APIGatewayV2HTTPRequest
	if err := json.Unmarshal(data, &ev); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return ev
}

// newEvent starts from the anonymous GET fixture and sets the method and
// target ("/path?query") the way API Gateway fills an event.
func newEvent(t testing.TB, method, target string, opts ...eventOption) events.APIGatewayV2HTTPRequest {
	t.Helper()
	ev := loadEvent(t, "apigw-v2-request-no-authorizer.json")
	path, query, _ := strings.Cut(target, "?")
	ev.RawPath, ev.RawQueryString = path, query
	ev.RequestContext.HTTP.Method, ev.RequestContext.HTTP.Path = method, path
	ev.QueryStringParameters = nil
	if values, err := url.ParseQuery(query); err == nil && len(values) > 0 {
		ev.QueryStringParameters = make(map[string]string, len(values))
		for k, v := range values {
			ev.QueryStringParameters[k] = strings.Join(v, ",")
		}
	}
	for _, o := range opts {
		o(&ev)
	}
	return ev
}

type eventOption func(*events.APIGatewayV2HTTPRequest)

// jsonBody sets an application/json body.
func jsonBody(body string) eventOption { return body2("application/json", body) }

func body2(contentType, body string) eventOption {
	return func(ev *events.APIGatewayV2HTTPRequest) {
		ev.Body = body
		ev.Headers["content-length"] = fmt.Sprint(len(body))
		if contentType != "" {
			ev.Headers["content-type"] = contentType
		}
	}
}

func header(name, value string) eventOption {
	return func(ev *events.APIGatewayV2HTTPRequest) { ev.Headers[strings.ToLower(name)] = value }
}

// problem is a decoded problem+json body.
type problem struct {
	Type   string       `json:"type"`
	Title  string       `json:"title"`
	Status int          `json:"status"`
	Detail string       `json:"detail"`
	Errors []fieldError `json:"errors"`
}

type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// decodeProblem checks the response is a problem and decodes it strictly.
func decodeProblem(t testing.TB, resp events.APIGatewayV2HTTPResponse) problem {
	t.Helper()
	if ct := resp.Headers["Content-Type"]; ct != "application/problem+json" {
		t.Errorf("Content-Type = %q, want application/problem+json", ct)
	}
	var p problem
	dec := json.NewDecoder(strings.NewReader(resp.Body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		t.Fatalf("problem body %s: %v", resp.Body, err)
	}
	if p.Status != resp.StatusCode {
		t.Errorf("problem status %d, response status %d", p.Status, resp.StatusCode)
	}
	return p
}

// decodeJSON decodes a JSON response body into a generic value.
func decodeJSON(t testing.TB, resp events.APIGatewayV2HTTPResponse) map[string]any {
	t.Helper()
	if ct := resp.Headers["Content-Type"]; ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json (body %s)", ct, resp.Body)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &v); err != nil {
		t.Fatalf("body %q: %v", resp.Body, err)
	}
	return v
}

func wantStatus(t testing.TB, resp events.APIGatewayV2HTTPResponse, want int) {
	t.Helper()
	if resp.StatusCode != want {
		t.Fatalf("status = %d, want %d; body %s", resp.StatusCode, want, resp.Body)
	}
}

func diff(t testing.TB, what string, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, d)
	}
}

// withClaims makes the event carry API Gateway's JWT authorizer context, as
// after a verified token, with exactly these claims.
func withClaims(claims map[string]string) eventOption {
	return func(ev *events.APIGatewayV2HTTPRequest) {
		c := make(map[string]string, len(claims))
		for k, v := range claims {
			c[k] = v
		}
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: c, Scopes: []string{"aws.cognito.signin.user.admin"}},
		}
	}
}

// asAdmin signs the event in as a member of the admin group, the caller the
// catalog's mutations require.
func asAdmin() eventOption {
	return withClaims(map[string]string{"sub": "admin-sub-0001", "email": "admin@example.com", "cognito:groups": "[admin]",
		"token_use": "access", "client_id": "test-client"})
}

// asReader signs the event in as a user in no group.
func asReader() eventOption {
	return withClaims(map[string]string{"sub": "reader-sub-0001", "email": "reader@example.com", "token_use": "access", "client_id": "test-client"})
}
