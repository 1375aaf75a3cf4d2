package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/cmd/internal/seed"
)

// serveEmbedded starts the embedded mode (in memory, seeded) on a local
// HTTP server whose address is its public URL, as `go run ./cmd/bookshop`
// does; the server stops with t.
func serveEmbedded(t *testing.T) (config, *server, *httptest.Server) {
	t.Helper()
	cfg, err := configFromEnv(func(k string) string { return map[string]string{"LOG_LEVEL": "error"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(nil)
	cfg.PublicURL = "http://" + ts.Listener.Addr().String()
	srv, err := initializeServer(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv.handler
	ts.Start()
	t.Cleanup(ts.Close)
	return cfg, srv, ts
}

// TestEmbeddedServer starts the embedded mode as `go run ./cmd/bookshop`
// does and uses it as a browser would: list the seeded books, upload a cover
// through the presigned URL the API hands out, read it back.
func TestEmbeddedServer(t *testing.T) {
	cfg, _, ts := serveEmbedded(t)

	var page struct {
		Items []struct{ ID, Title string } `json:"items"`
	}
	getJSON(t, ts.URL+"/api/books?limit=100", &page)
	if len(page.Items) != len(seed.Books) {
		t.Fatalf("listed %d books, want the %d seeded", len(page.Items), len(seed.Books))
	}

	id := page.Items[0].ID
	resp, err := postAsAdmin(t, ts.URL, cfg, "/api/books/"+id+"/cover",
		strings.NewReader(`{"contentType":"image/png","contentLength":4}`))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("cover upload request: %v %v", resp, err)
	}
	var upload struct {
		UploadURL string            `json:"uploadUrl"`
		Headers   map[string]string `json:"headers"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&upload); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if !strings.HasPrefix(upload.UploadURL, cfg.PublicURL+objectsPath+"/covers/"+id+"/") {
		t.Fatalf("upload URL %q is not served by this process", upload.UploadURL)
	}
	put, _ := http.NewRequest("PUT", upload.UploadURL, strings.NewReader("\x89PNG"))
	for k, v := range upload.Headers {
		put.Header.Set(k, v)
	}
	if resp, err := http.DefaultClient.Do(put); err != nil || resp.StatusCode != 200 {
		t.Fatalf("PUT cover: %v %v", resp, err)
	}
	if resp, err := http.Get(ts.URL + "/api/health"); err != nil || resp.StatusCode != 200 {
		t.Fatalf("health: %v %v", resp, err)
	}
}

// TestSeedBooksHaveCoversAndThumbnails: the embedded shop starts like the
// local stack, every seed book with a generated cover and its thumbnails.
func TestSeedBooksHaveCoversAndThumbnails(t *testing.T) {
	cfg, err := configFromEnv(func(k string) string { return map[string]string{"LOG_LEVEL": "error"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := initializeServer(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv.objects.WaitForHooks()
	rec := httptest.NewRecorder()
	srv.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/api/books?limit=100", nil))
	var page struct {
		Items []struct {
			Title string
			Cover *struct{ URL, ThumbnailURL, Thumbnail2xURL string }
		} `json:"items"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &page); err != nil || len(page.Items) != len(seed.Books) {
		t.Fatalf("listing: %v, %d items: %s", err, len(page.Items), rec.Body)
	}
	for _, b := range page.Items {
		if b.Cover == nil || b.Cover.URL == "" || b.Cover.ThumbnailURL == "" || b.Cover.Thumbnail2xURL == "" {
			t.Errorf("%q: cover %+v, want an original and both thumbnails", b.Title, b.Cover)
		}
	}
}

func TestSeedCanBeDisabled(t *testing.T) {
	cfg, err := configFromEnv(func(k string) string { return map[string]string{"BOOKSHOP_SEED": "false"}[k] })
	if err != nil {
		t.Fatal(err)
	}
	srv, err := initializeServer(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	srv.handler.ServeHTTP(rec, httptest.NewRequest("GET", "/api/books", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `"items":[]`) {
		t.Fatalf("GET /api/books = %d %s; want an empty catalog", rec.Code, rec.Body)
	}
}

func TestConfigRejectsBadPort(t *testing.T) {
	if _, err := configFromEnv(func(k string) string { return map[string]string{"PORT": "eighty"}[k] }); err == nil {
		t.Fatal("PORT=eighty was accepted")
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// TestEmbeddedServerMakesThumbnails uploads a real PNG through the presigned
// URL, as a browser would, and then finds the book's cover with thumbnail
// URLs that serve JPEGs of 200x280 and 400x560, made in-process as the
// thumbnailer function makes them on AWS.
func TestEmbeddedServerMakesThumbnails(t *testing.T) {
	cfg, srv, ts := serveEmbedded(t)
	var page struct {
		Items []struct{ ID string } `json:"items"`
	}
	getJSON(t, ts.URL+"/api/books?limit=1", &page)
	id := page.Items[0].ID

	img := image.NewNRGBA(image.Rect(0, 0, 640, 900))
	for y := range 900 {
		for x := range 640 {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 60, 255})
		}
	}
	var cover bytes.Buffer
	if err := png.Encode(&cover, img); err != nil {
		t.Fatal(err)
	}
	resp, err := postAsAdmin(t, ts.URL, cfg, "/api/books/"+id+"/cover",
		strings.NewReader(fmt.Sprintf(`{"contentType":"image/png","contentLength":%d}`, cover.Len())))
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("cover upload request: %v %v", resp, err)
	}
	var upload struct {
		UploadURL string            `json:"uploadUrl"`
		Headers   map[string]string `json:"headers"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&upload); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	put, _ := http.NewRequest("PUT", upload.UploadURL, bytes.NewReader(cover.Bytes()))
	for k, v := range upload.Headers {
		put.Header.Set(k, v)
	}
	if resp, err := http.DefaultClient.Do(put); err != nil || resp.StatusCode != 200 {
		t.Fatalf("PUT cover: %v %v", resp, err)
	}

	srv.objects.WaitForHooks()

	var book struct {
		Cover struct{ URL, ThumbnailURL, Thumbnail2xURL string } `json:"cover"`
	}
	getJSON(t, ts.URL+"/api/books/"+id, &book)
	for _, tc := range []struct {
		url  string
		w, h int
	}{{book.Cover.ThumbnailURL, 200, 280}, {book.Cover.Thumbnail2xURL, 400, 560}} {
		if tc.url == "" {
			t.Fatalf("book cover %+v has no thumbnail URLs", book.Cover)
		}
		resp, err := http.Get(ts.URL + tc.url) // cover URLs are paths on the shop origin
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %v %v", tc.url, resp, err)
		}
		cfg, format, err := image.DecodeConfig(resp.Body)
		resp.Body.Close()
		if err != nil || format != "jpeg" || resp.Header.Get("Content-Type") != "image/jpeg" || cfg.Width != tc.w || cfg.Height != tc.h {
			t.Errorf("%s serves a %dx%d %s (%s, %v), want a %dx%d JPEG", tc.url, cfg.Width, cfg.Height, format, resp.Header.Get("Content-Type"), err, tc.w, tc.h)
		}
	}
	if resp, err := http.Get(ts.URL + book.Cover.URL); err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/png" {
		t.Errorf("original cover %s: %v %v", book.Cover.URL, resp, err)
	}
}

// TestEmbeddedServerServesTheStorefront checks the split of paths between
// the web app and the API: the app's pages (also deep links) answer the
// app's HTML with its security headers, while /api/ stays the API, with
// problem+json errors.
func TestEmbeddedServerServesTheStorefront(t *testing.T) {
	e := startEmbedded(t, nil)
	for _, path := range []string{"/", "/books/some-id", "/admin/books"} {
		resp, err := http.Get(e.url + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		csp := resp.Header.Get("Content-Security-Policy")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") ||
			!strings.Contains(string(body), `<div id="app">`) {
			t.Errorf("GET %s = %d %s, want the web app's index.html", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if !strings.Contains(csp, "script-src 'self';") || !strings.Contains(csp, "frame-ancestors 'none'") {
			t.Errorf("GET %s: Content-Security-Policy %q", path, csp)
		}
		// Presigned cover URLs name BOOKSHOP_PUBLIC_URL: the policy admits it.
		if !strings.Contains(csp, "img-src 'self' data: blob: "+e.url+";") || !strings.Contains(csp, "connect-src 'self' "+e.url+";") {
			t.Errorf("GET %s: Content-Security-Policy %q does not admit the public URL %s", path, csp, e.url)
		}
	}
	for _, path := range []string{"/api/nope", "/api"} {
		status, body := e.call(t, "GET", path, "", "")
		if status != 404 || !strings.Contains(body, `"status":404`) {
			t.Errorf("GET %s = %d %s, want the API's 404 problem", path, status, body)
		}
	}
	resp, err := http.Get(e.url + "/api/nope")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
		t.Errorf("GET /api/nope: Content-Type %q, want application/problem+json", ct)
	}
	if resp, err := http.Get(e.url + "/assets/app-MISSING.js"); err != nil || resp.StatusCode != 404 {
		t.Errorf("GET a missing asset: %v %v, want 404", resp, err)
	}
}
