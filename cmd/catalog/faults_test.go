package main

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
)

// faultTimeout is the function's timeout in the fault tests: shorter than
// the template's 10 s to keep them quick; the handler answers
// DeadlineReserve before it.
const faultTimeout = 4 * time.Second

// call is one request of a fault test and what it got.
type call struct {
	name, method, path string
	body               any
	header             []string
}

// wantUnavailable sends every call at once and checks each answer: 503
// application/problem+json with Retry-After, no internal detail, within
// the function's timeout.
func wantUnavailable(t *testing.T, f function, calls []call) {
	t.Helper()
	var wg sync.WaitGroup
	for _, c := range calls {
		wg.Go(func() {
			start := time.Now()
			resp, body := f.raw(t, c.method, c.path, c.body, c.header...)
			elapsed := time.Since(start)
			if resp.StatusCode != 503 || resp.Header.Get("Content-Type") != "application/problem+json" || resp.Header.Get("Retry-After") == "" {
				t.Errorf("%s while DynamoDB is paused: %d %v %s, want 503 problem with Retry-After", c.name, resp.StatusCode, resp.Header, body)
			}
			for _, leak := range []string{"dynamodb", "DynamoDB", "127.0.0.1", "deadline", "operation error"} {
				if strings.Contains(body, leak) {
					t.Errorf("%s: the problem shows %q: %s", c.name, leak, body)
				}
			}
			if elapsed > faultTimeout+time.Second {
				t.Errorf("%s answered after %v, beyond the function's %v timeout", c.name, elapsed, faultTimeout)
			}
		})
	}
	wg.Wait()
}

// raw sends a request like do and returns the body as text.
func (f function) raw(t *testing.T, method, path string, body any, header ...string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Error(err)
			return &http.Response{}, ""
		}
		r = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, f.url+path, r)
	if err != nil {
		t.Error(err)
		return &http.Response{}, ""
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+adminToken)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return &http.Response{}, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestCatalogWhileDynamoDBIsPaused freezes the function's DynamoDB Local in
// the middle of its work: reads, listings, creates and updates answer 503
// problems with Retry-After before the function's timeout (the SDK's
// retries are bounded by the invocation's deadline), never a 500; once it
// runs again the same function, not restarted, serves the same requests,
// and every book is whole (a timed-out write is applied entirely or not at
// all).
func TestCatalogWhileDynamoDBIsPaused(t *testing.T) {
	ddb, fault := dynamotest.Own(t)
	f := startFunctionOn(t, ddb, faultTimeout)
	resp, book := f.do(t, "POST", "/api/books", dune)
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %v", resp.StatusCode, book)
	}
	id := book["id"].(string)
	revised := map[string]any{"title": "Dune Messiah", "author": "Frank Herbert", "category": "sf", "priceCents": 1999, "stock": 2}

	fault.Pause()
	wantUnavailable(t, f, []call{
		{name: "get", method: "GET", path: "/api/books/" + id},
		{name: "list", method: "GET", path: "/api/books?category=science-fiction"},
		{name: "create", method: "POST", path: "/api/books", body: dune},
		{name: "update", method: "PUT", path: "/api/books/" + id, body: revised, header: []string{"If-Match", `"1"`}},
		{name: "cover upload", method: "POST", path: "/api/books/" + id + "/cover", body: map[string]any{"contentType": "image/png", "contentLength": 4}},
	})
	fault.Unpause()

	resp, got := f.do(t, "GET", "/api/books/"+id, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("get after DynamoDB is back: %d %v", resp.StatusCode, got)
	}
	// The paused update may have been applied when DynamoDB resumed: the
	// book is then wholly the revision, at version 2, else wholly the
	// original at version 1.
	switch etag := resp.Header.Get("ETag"); {
	case etag == `"1"` && got["title"] == "Dune" && got["priceCents"] == 1899.0:
		if resp, p := f.do(t, "PUT", "/api/books/"+id, revised, "If-Match", `"1"`); resp.StatusCode != 200 {
			t.Errorf("update after DynamoDB is back: %d %v", resp.StatusCode, p)
		}
	case etag == `"2"` && got["title"] == "Dune Messiah" && got["priceCents"] == 1999.0:
	default:
		t.Errorf("book after the paused update: ETag %s, %v", etag, got)
	}
	if resp, p := f.do(t, "GET", "/api/books?category=sf", nil); resp.StatusCode != 200 || len(p["items"].([]any)) != 1 {
		t.Errorf("list after DynamoDB is back: %d %v", resp.StatusCode, p)
	}
	if resp, p := f.do(t, "POST", "/api/books", dune); resp.StatusCode != 201 {
		t.Errorf("create after DynamoDB is back: %d %v", resp.StatusCode, p)
	}
}
