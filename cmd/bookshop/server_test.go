package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestEmbeddedServer starts the embedded mode as `go run ./cmd/bookshop`
// does and uses it as a browser would: list the seeded books, upload a cover
// through the presigned URL the API hands out, read it back.
func TestEmbeddedServer(t *testing.T) {
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
	defer ts.Close()

	var page struct {
		Items []struct{ ID, Title string } `json:"items"`
	}
	getJSON(t, ts.URL+"/api/books?limit=100", &page)
	if len(page.Items) != len(seedBooks) {
		t.Fatalf("listed %d books, want the %d seeded", len(page.Items), len(seedBooks))
	}

	id := page.Items[0].ID
	resp, err := http.Post(ts.URL+"/api/books/"+id+"/cover", "application/json",
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
