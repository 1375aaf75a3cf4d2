package webui_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/webui"
)

// assetPaths returns the paths of the built script and stylesheet, read
// from the embedded index.html.
func assetPaths(t *testing.T) (script, stylesheet string) {
	t.Helper()
	index := string(file(t, "index.html").Body)
	s := regexp.MustCompile(`<script type="module" src="(/assets/app-[A-Z0-9]+\.js)"></script>`).FindStringSubmatch(index)
	c := regexp.MustCompile(`<link rel="stylesheet" href="(/assets/app-[A-Z0-9]+\.css)">`).FindStringSubmatch(index)
	if s == nil || c == nil {
		t.Fatalf("index.html does not reference a hashed script and stylesheet:\n%s", index)
	}
	return s[1], c[1]
}

func file(t *testing.T, path string) webui.File {
	t.Helper()
	for _, f := range webui.Files() {
		if f.Path == path {
			return f
		}
	}
	t.Fatalf("no file %q in webui.Files()", path)
	return webui.File{}
}

func serve(h http.Handler, method, path string, header map[string]string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestHandlerServesFilesTheAppRoutesAndNotFound(t *testing.T) {
	h := webui.Handler(webui.Options{})
	script, stylesheet := assetPaths(t)
	index := file(t, "index.html").Body
	tests := []struct {
		name         string
		method, path string
		status       int
		contentType  string
		cacheControl string
		// index: the body is index.html.
		index bool
	}{
		{"root is the index", "GET", "/", 200, "text/html; charset=utf-8", webui.CacheIndex, true},
		{"index.html itself", "GET", "/index.html", 200, "text/html; charset=utf-8", webui.CacheIndex, true},
		{"script is immutable", "GET", script, 200, "text/javascript; charset=utf-8", webui.CacheImmutable, false},
		{"stylesheet is immutable", "GET", stylesheet, 200, "text/css; charset=utf-8", webui.CacheImmutable, false},
		{"a book page loads the app", "GET", "/books/01JBOOK0000000000000000000", 200, "text/html; charset=utf-8", webui.CacheIndex, true},
		{"a nested app path loads the app", "GET", "/admin/books/new", 200, "text/html; charset=utf-8", webui.CacheIndex, true},
		{"a path with a query loads the app", "GET", "/?category=classics&sort=title", 200, "text/html; charset=utf-8", webui.CacheIndex, true},
		{"a trailing slash loads the app", "GET", "/cart/", 200, "text/html; charset=utf-8", webui.CacheIndex, true},
		{"HEAD of an app path", "HEAD", "/orders", 200, "text/html; charset=utf-8", webui.CacheIndex, false},
		{"a missing file is 404, not the app", "GET", "/assets/app-OLD.js", 404, "text/plain; charset=utf-8", "no-store", false},
		{"a missing favicon.ico is 404", "GET", "/favicon.ico", 404, "text/plain; charset=utf-8", "no-store", false},
		{"an extension anywhere in the last segment", "GET", "/robots.txt", 404, "text/plain; charset=utf-8", "no-store", false},
		{"the API root is not the app", "GET", "/api", 404, "text/plain; charset=utf-8", "no-store", false},
		{"an API path is not the app", "GET", "/api/nope", 404, "text/plain; charset=utf-8", "no-store", false},
		{"dot segments cannot leave /api/", "GET", "/books/../api/books", 404, "text/plain; charset=utf-8", "no-store", false},
		{"POST is not allowed", "POST", "/", 405, "text/plain; charset=utf-8", "no-store", false},
		{"DELETE is not allowed", "DELETE", "/books/x", 405, "text/plain; charset=utf-8", "no-store", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rec := serve(h, tc.method, tc.path, nil)
			got := [3]string{http.StatusText(rec.Code), rec.Header().Get("Content-Type"), rec.Header().Get("Cache-Control")}
			want := [3]string{http.StatusText(tc.status), tc.contentType, tc.cacheControl}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%s %s: status, content type, cache control (-want +got):\n%s", tc.method, tc.path, diff)
			}
			if tc.index && !bytes.Equal(rec.Body.Bytes(), index) {
				t.Errorf("%s %s: body is not index.html", tc.method, tc.path)
			}
			if tc.method == "HEAD" && rec.Body.Len() != 0 {
				t.Errorf("HEAD answered a body of %d bytes", rec.Body.Len())
			}
			if tc.status == 405 && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("405 with Allow %q", rec.Header().Get("Allow"))
			}
		})
	}
}

func TestHandlerSendsSecurityHeadersOnEveryResponse(t *testing.T) {
	h := webui.Handler(webui.Options{})
	want := map[string]string{
		"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
			"frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
		"X-Frame-Options":        "DENY",
	}
	script, _ := assetPaths(t)
	for _, path := range []string{"/", "/books/x", script, "/missing.png", "/api/x"} {
		rec := serve(h, "GET", path, nil)
		got := map[string]string{}
		for k := range want {
			got[k] = rec.Header().Get(k)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("GET %s: security headers (-want +got):\n%s", path, diff)
		}
	}
}

func TestContentSecurityPolicyAddsConfiguredOrigins(t *testing.T) {
	opts := webui.Options{ImageOrigins: []string{"https://covers.example.com/", " http://localhost:9000"}, ConnectOrigins: []string{"http://localhost:9000"}}
	csp := serve(webui.Handler(opts), "GET", "/", nil).Header().Get("Content-Security-Policy")
	for _, want := range []string{
		"img-src 'self' data: blob: https://covers.example.com http://localhost:9000;",
		"connect-src 'self' http://localhost:9000;",
		"script-src 'self';",
	} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
}

func TestContentSecurityPolicyRefusesOriginsThatWouldRewriteIt(t *testing.T) {
	for _, origin := range []string{"https://a.example; script-src *", "https://a.example 'unsafe-inline'", "a,b"} {
		t.Run(origin, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("origin %q was accepted", origin)
				}
			}()
			webui.Options{ConnectOrigins: []string{origin}}.ContentSecurityPolicy()
		})
	}
}

func TestHandlerAnswersNotModifiedForTheCurrentETag(t *testing.T) {
	h := webui.Handler(webui.Options{})
	script, _ := assetPaths(t)
	for _, path := range []string{"/", "/books/x", script} {
		first := serve(h, "GET", path, nil)
		etag := first.Header().Get("ETag")
		if !regexp.MustCompile(`^"[0-9a-f]+"$`).MatchString(etag) {
			t.Fatalf("GET %s: ETag %q is not a strong entity tag", path, etag)
		}
		for _, inm := range []string{etag, `"other", ` + etag, "W/" + etag, "*"} {
			rec := serve(h, "GET", path, map[string]string{"If-None-Match": inm})
			if rec.Code != http.StatusNotModified || rec.Body.Len() != 0 || rec.Header().Get("ETag") != etag {
				t.Errorf("GET %s If-None-Match %s = %d with %d bytes, want an empty 304", path, inm, rec.Code, rec.Body.Len())
			}
		}
		if rec := serve(h, "GET", path, map[string]string{"If-None-Match": `"stale"`}); rec.Code != http.StatusOK {
			t.Errorf("GET %s with a stale ETag = %d, want 200", path, rec.Code)
		}
	}
}

func TestHandlerCompressesTextForClientsThatAcceptGzip(t *testing.T) {
	h := webui.Handler(webui.Options{})
	script, _ := assetPaths(t)
	plain := serve(h, "GET", script, nil)
	tests := []struct {
		acceptEncoding string
		gzipped        bool
	}{
		{"gzip, deflate, br", true},
		{"br;q=1.0, gzip;q=0.8", true},
		{"*", true},
		{"", false},
		{"br", false},
		{"gzip;q=0", false},
		{"gzip;q=0, *", false},
	}
	for _, tc := range tests {
		rec := serve(h, "GET", script, map[string]string{"Accept-Encoding": tc.acceptEncoding})
		if got := rec.Header().Get("Content-Encoding") == "gzip"; got != tc.gzipped {
			t.Errorf("Accept-Encoding %q: gzipped %v, want %v", tc.acceptEncoding, got, tc.gzipped)
			continue
		}
		if rec.Header().Get("Vary") != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q", tc.acceptEncoding, rec.Header().Get("Vary"))
		}
		body := rec.Body.Bytes()
		if tc.gzipped {
			zr, err := gzip.NewReader(rec.Body)
			if err != nil {
				t.Fatal(err)
			}
			if body, err = io.ReadAll(zr); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(body, plain.Body.Bytes()) {
			t.Errorf("Accept-Encoding %q: the body differs from the file", tc.acceptEncoding)
		}
	}
}

func TestFilesCarryTheirHeaders(t *testing.T) {
	files := webui.Files()
	script, stylesheet := assetPaths(t)
	seen := map[string]bool{}
	for _, f := range files {
		seen["/"+f.Path] = true
		if strings.HasPrefix(f.Path, "/") || f.ContentType == "" || f.ContentType == "application/octet-stream" || len(f.Body) == 0 {
			t.Errorf("file %q: content type %q, %d bytes", f.Path, f.ContentType, len(f.Body))
		}
		want := webui.CacheImmutable
		if f.Path == "index.html" {
			want = webui.CacheIndex
		}
		if f.CacheControl != want {
			t.Errorf("file %q: Cache-Control %q, want %q", f.Path, f.CacheControl, want)
		}
	}
	for _, p := range []string{"/index.html", script, stylesheet} {
		if !seen[p] {
			t.Errorf("Files() lacks %s", p)
		}
	}
	index := string(file(t, "index.html").Body)
	for _, bad := range []string{"<script>", "style=", "<style"} {
		if strings.Contains(index, bad) {
			t.Errorf("index.html has inline %q, which the CSP refuses", bad)
		}
	}
	icon := regexp.MustCompile(`<link rel="icon" type="image/svg\+xml" href="([^"]+)">`).FindStringSubmatch(index)
	if icon == nil || !seen[icon[1]] {
		t.Errorf("index.html has no icon link to a file of the site (%v), so browsers would ask for /favicon.ico", icon)
	}
}

// firstViewBudget is the most JavaScript + CSS, gzipped, the first catalog
// view may download (issue 10: ≤ 60 KB).
const firstViewBudget = 60 * 1024

// TestFirstViewFitsTheWeightBudget gzips the script and stylesheet
// index.html loads, as a CDN would send them, and checks their sum.
func TestFirstViewFitsTheWeightBudget(t *testing.T) {
	script, stylesheet := assetPaths(t)
	total := 0
	for _, p := range []string{script, stylesheet} {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		body := file(t, strings.TrimPrefix(p, "/")).Body
		if _, err := zw.Write(body); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d bytes, %d gzipped", p, len(body), buf.Len())
		total += buf.Len()
	}
	if total > firstViewBudget {
		t.Errorf("the first view loads %d bytes of JavaScript and CSS gzipped, over the budget of %d", total, firstViewBudget)
	}
}
