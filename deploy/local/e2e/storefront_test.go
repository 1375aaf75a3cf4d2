package e2e

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// storefront opens the local stack in a real browser as a shopper and an
// administrator would: the storefront comes from the web bucket through the
// gateway (CloudFront's stand-in), the catalog's covers from the covers
// bucket at /thumbnails/, and a cover chosen in the admin page travels
// browser → presigned PUT to MinIO → bucket notification → thumbnailer →
// the thumbnail shown in the page.
func storefront(t *testing.T, s *stack, admin string) {
	status, h, body := do(t, http.MethodGet, s.API+"/books/any-id", nil, nil)
	if status != http.StatusOK || !strings.Contains(string(body), `<div id="app">`) || h.Get("Cache-Control") != "no-cache" {
		t.Fatalf("GET /books/any-id through the gateway: %d, Cache-Control %q: %.200s", status, h.Get("Cache-Control"), body)
	}

	// Steps wait up to a minute: the thumbnailer runs behind a bucket
	// notification, and the page polls for its result for 30 s.
	b := browsertest.New(t, browsertest.WithBaseURL(s.API), browsertest.WithTimeout(time.Minute))
	b.Navigate("/")
	b.WaitVisible(`[data-testid="book-card"] img[src^="/thumbnails/"]`)
	loaded := browsertest.Eval[bool](b, `(async () => {
		const img = document.querySelector('[data-testid="book-card"] img');
		await img.decode();
		return img.naturalWidth > 0;
	})()`)
	if !loaded {
		t.Error("the first catalog cover did not load from the covers bucket")
	}
	b.CheckA11y("catalog (local stack)")

	var created book
	callAs(t, admin, http.MethodPost, s.API+"/api/books", map[string]any{
		"title": "Browser Cover", "author": "E2E", "category": "Testing", "priceCents": 100, "stock": 1,
	}, http.StatusCreated, &created)
	t.Cleanup(func() {
		callAs(t, admin, http.MethodDelete, s.API+"/api/books/"+created.ID, nil, http.StatusNoContent, nil)
	})

	b.Navigate("/login?next=" + "/admin/books/" + created.ID)
	b.SendKeys("#email", adminEmail)
	b.SendKeys("#password", adminPassword)
	b.Click(`[data-testid="login-submit"]`)
	b.WaitVisible(`[data-testid="cover-file"]`)

	file := filepath.Join(t.TempDir(), "cover.jpg")
	if err := os.WriteFile(file, testJPEG(t, 300, 450), 0o600); err != nil {
		t.Fatal(err)
	}
	b.UploadFile(`[data-testid="cover-file"]`, file)
	b.WaitVisible(`[data-testid="cover-preview"]`)
	b.Click(`[data-testid="cover-submit"]`)
	b.WaitVisible(`[data-testid="cover-done"]`)
	b.CheckA11y("admin book (local stack)")
}
