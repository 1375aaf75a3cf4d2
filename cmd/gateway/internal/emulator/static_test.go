package emulator_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestWebApp checks the CloudFront stand-in: files come from the web
// origin, "/" is index.html, paths without a file fall back to index.html
// (SPA), and /api/ paths never do.
func TestWebApp(t *testing.T) {
	files := map[string]string{"/bookshop-web/index.html": "<html>shop</html>", "/bookshop-web/assets/app.js": "console.log(1)"}
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			w.WriteHeader(http.StatusForbidden) // S3 without ListBucket answers 403 for a missing key
			return
		}
		if r.URL.Path == "/bookshop-web/index.html" {
			w.Header().Set("Content-Type", "text/html")
		}
		_, _ = io.WriteString(w, body)
	}))
	t.Cleanup(origin.Close)
	gw := newGateway(t, func(c *emulator.Config) { c.WebOrigin = origin.URL + "/bookshop-web" })
	tests := []struct {
		method, path string
		status       int
		body         string
	}{
		{"GET", "/", 200, "<html>shop</html>"},
		{"GET", "/index.html", 200, "<html>shop</html>"},
		{"GET", "/assets/app.js", 200, "console.log(1)"},
		{"GET", "/books/01ABC", 200, "<html>shop</html>"},
		{"HEAD", "/books/01ABC", 200, ""},
		{"GET", "/api/unknown", 404, `{"message":"Not Found"}`},
		{"POST", "/books/01ABC", 404, `{"message":"Not Found"}`},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			resp, body := do(t, newRequest(t, tt.method, gw.URL+tt.path, nil))
			if resp.StatusCode != tt.status || string(body) != tt.body {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, tt.status, tt.body)
			}
		})
	}
}
