package apigw_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestCORS(t *testing.T) {
	t.Parallel()
	allowed := map[string]string{
		"Allow":                        "GET, PUT, DELETE, OPTIONS",
		"Vary":                         "Origin",
		"Access-Control-Allow-Origin":  "https://shop.example",
		"Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
		"Access-Control-Allow-Headers": "Authorization, Content-Type, If-Match, Idempotency-Key",
		"Access-Control-Max-Age":       "600",
	}
	tests := []struct {
		name   string
		cfg    apigw.Config
		origin string
		want   map[string]string
	}{
		{"allowed origin", testConfig, "https://shop.example", allowed},
		{"origin in another case", testConfig, "https://SHOP.example", func() map[string]string {
			m := maps(allowed)
			m["Access-Control-Allow-Origin"] = "https://SHOP.example"
			return m
		}()},
		{"other origin", testConfig, "https://evil.example", map[string]string{"Allow": "GET, PUT, DELETE, OPTIONS", "Vary": "Origin"}},
		{"any origin", apigw.Config{AllowedOrigins: []string{"*"}, MaxAge: time.Hour, AllowedHeaders: []string{"Content-Type"}},
			"https://evil.example", map[string]string{
				"Allow":                        "GET, PUT, DELETE, OPTIONS",
				"Access-Control-Allow-Origin":  "*",
				"Access-Control-Allow-Methods": "GET, POST, PUT, DELETE, OPTIONS",
				"Access-Control-Allow-Headers": "Content-Type",
				"Access-Control-Max-Age":       "3600",
			}},
		{"CORS disabled", apigw.Config{}, "https://shop.example", map[string]string{"Allow": "GET, PUT, DELETE, OPTIONS"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixtureWith(t, memory.NewBookRepository(), tt.cfg)
			ev := loadEvent(t, "apigw-v2-request-preflight.json")
			ev.Headers["origin"] = tt.origin
			resp := f.serve(t, ev)
			wantStatus(t, resp, 204)
			want := maps(tt.want)
			want["X-Content-Type-Options"] = "nosniff"
			diff(t, "preflight headers", want, resp.Headers)
			if resp.Body != "" {
				t.Errorf("body %q", resp.Body)
			}
		})
	}
}

func maps(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func TestCORSHeadersOnResponses(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.seed(t, dune)
	for _, target := range []string{"/api/books/book-0001", "/api/books/nope"} {
		resp := f.serve(t, newEvent(t, "GET", target, header("Origin", "https://shop.example")))
		for k, want := range map[string]string{
			"Access-Control-Allow-Origin":   "https://shop.example",
			"Access-Control-Expose-Headers": "ETag, Location",
			"Vary":                          "Origin",
		} {
			if got := resp.Headers[k]; got != want {
				t.Errorf("GET %s: %s = %q, want %q", target, k, got, want)
			}
		}
	}
	resp := f.serve(t, newEvent(t, "GET", "/api/books/book-0001", header("Origin", "https://evil.example")))
	if _, ok := resp.Headers["Access-Control-Allow-Origin"]; ok || resp.Headers["Vary"] != "Origin" {
		t.Errorf("other origin got %v", resp.Headers)
	}
}

func TestPreflightOfUnknownPathIsNotFound(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	ev := loadEvent(t, "apigw-v2-request-preflight.json")
	ev.RawPath = "/api/authors"
	wantStatus(t, f.serve(t, ev), 404)
}

// failingRepository fails or panics on Get with a message that must never
// reach a client.
type failingRepository struct {
	app.BookRepository
	panics bool
}

const secret = "dynamodb: table arn:aws:dynamodb:eu-west-1:123456789012:table/books-secret is throttled"

func (r failingRepository) Get(context.Context, domain.BookID) (domain.Book, error) {
	if r.panics {
		panic(secret)
	}
	return domain.Book{}, errors.New(secret)
}

func TestInternalErrorsAreLoggedNotShown(t *testing.T) {
	t.Parallel()
	for _, panics := range []bool{false, true} {
		f := newFixtureWith(t, failingRepository{BookRepository: memory.NewBookRepository(), panics: panics}, testConfig)
		ev := newEvent(t, "GET", "/api/books/book-0001", header("Origin", "https://shop.example"))
		resp, err := f.handler.Handle(context.Background(), ev)
		if err != nil {
			t.Fatalf("panics=%v: Handle error %v", panics, err)
		}
		wantStatus(t, resp, 500)
		diff(t, "problem", problem{
			Type: typeBase + "internal", Title: "Internal server error", Status: 500,
			Detail: "An unexpected error occurred. Quote request id LV7fzho-PHcEJPw= if you report it.",
		}, decodeProblem(t, resp))
		if resp.Headers["Access-Control-Allow-Origin"] == "" {
			t.Error("a 500 lacks CORS headers, so a browser would hide it")
		}
		line := onlyLogLine(t, f)
		if line["level"] != "ERROR" || line["requestId"] != "LV7fzho-PHcEJPw=" || !strings.Contains(asString(line["error"]), secret) {
			t.Errorf("panics=%v: log line %v", panics, line)
		}
	}
}

func onlyLogLine(t *testing.T, f *fixture) map[string]any {
	t.Helper()
	lines := f.logs.JSONLines(t)
	if len(lines) != 1 {
		t.Fatalf("%d log lines, want 1:\n%s", len(lines), f.logs.String())
	}
	return lines[0]
}

func TestRequestLogLine(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	f.serve(t, newEvent(t, "GET", "/api/books/nope"))
	line := onlyLogLine(t, f)
	if _, err := time.Parse(time.RFC3339Nano, asString(line["time"])); err != nil {
		t.Errorf("time: %v", err)
	}
	if d, ok := line["duration"].(float64); !ok || d <= 0 {
		t.Errorf("duration = %v", line["duration"])
	}
	delete(line, "time")
	delete(line, "duration")
	diff(t, "log line", map[string]any{
		"level": "INFO", "msg": "request", "requestId": "LV7fzho-PHcEJPw=", "method": "GET", "path": "/api/books/nope",
		"status": float64(404), "error": `get book: book "nope" not found`,
	}, line)
}

// principalRecorder records the principal each Get runs for.
type principalRecorder struct {
	app.BookRepository
	mu  sync.Mutex
	got []app.Principal
}

func (r *principalRecorder) Get(ctx context.Context, id domain.BookID) (domain.Book, error) {
	r.mu.Lock()
	r.got = append(r.got, app.PrincipalFrom(ctx))
	r.mu.Unlock()
	return r.BookRepository.Get(ctx, id)
}

func TestPrincipalReachesUseCases(t *testing.T) {
	t.Parallel()
	rec := &principalRecorder{BookRepository: memory.NewBookRepository()}
	f := newFixtureWith(t, rec, testConfig)
	f.seed(t, dune)

	signedIn := loadEvent(t, "apigw-v2-request-jwt-authorizer.json")
	signedIn.RequestContext.HTTP.Method, signedIn.RawPath, signedIn.Body = "GET", "/api/books/book-0001", ""
	wantStatus(t, f.serve(t, signedIn), 200)
	jsonGroups := loadEvent(t, "apigw-v2-request-jwt-authorizer.json")
	jsonGroups.RequestContext.HTTP.Method, jsonGroups.RawPath, jsonGroups.Body = "GET", "/api/books/book-0001", ""
	jsonGroups.RequestContext.Authorizer.JWT.Claims["cognito:groups"] = `["editors","admin"]`
	wantStatus(t, f.serve(t, jsonGroups), 200)
	wantStatus(t, f.serve(t, newEvent(t, "GET", "/api/books/book-0001")), 200)

	ada := app.Principal{UserID: "7f3a9c1e-0b2d-4e5f-8a6b-9c0d1e2f3a4b", Email: "ada@example.com", Groups: []string{"admin", "editors"}}
	adaJSON := ada
	adaJSON.Groups = []string{"editors", "admin"}
	diff(t, "principals", []app.Principal{ada, adaJSON, {}}, rec.got)
	if !rec.got[0].IsAdmin() || !rec.got[1].IsAdmin() || !rec.got[2].Anonymous() {
		t.Errorf("principals %+v", rec.got)
	}
}

func TestNewHandlerRejectsNoServices(t *testing.T) {
	if h, err := apigw.NewHandler(apigw.Services{}, apigw.Config{}, nil); err == nil || h != nil {
		t.Errorf("NewHandler(Services{}) = %v, %v; want an error", h, err)
	}
}
