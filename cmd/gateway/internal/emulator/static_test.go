package emulator_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestWebApp checks the CloudFront stand-in: files come from the web
// origin, "/" is index.html, app routes (paths without a file extension) are
// index.html as the template's CloudFront Function rewrites them, a missing
// file keeps the origin's status, /api/ paths never reach the web origin, and
// /covers/ and /thumbnails/ come from the covers bucket.
func TestWebApp(t *testing.T) {
	files := map[string]string{"/bookshop-web/index.html": "<html>shop</html>", "/bookshop-web/assets/app.js": "console.log(1)",
		"/bookshop-covers/covers/b1/x.jpg": "jpeg", "/bookshop-covers/thumbnails/b1/x-200x280.jpg": "thumb"}
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
	gw := newGateway(t, func(c *emulator.Config) {
		c.WebOrigin = origin.URL + "/bookshop-web"
		c.CoversOrigin = origin.URL + "/bookshop-covers"
	})
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
		{"GET", "/admin/books?x=1", 200, "<html>shop</html>"},
		{"GET", "/assets/missing.js", 403, ""},
		{"GET", "/covers/b1/x.jpg", 200, "jpeg"},
		{"GET", "/thumbnails/b1/x-200x280.jpg", 200, "thumb"},
		{"GET", "/covers/b1/none.jpg", 403, ""},
		{"GET", "/covers/b1", 403, ""},
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
