//go:build screenshots

package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// screenshotsDir is where TestScreenshots writes the README's pictures;
// empty skips it, so that `make test` leaves docs/screenshots alone. `make
// screenshots` sets it:
//
//	go test -tags screenshots -count=1 -run '^TestScreenshots$' ./cmd/bookshop/ -args -screenshots=$PWD/docs/screenshots
var screenshotsDir = flag.String("screenshots", "", "write the storefront's screenshots (catalog, book, admin books) as PNGs into this folder")

// screenshotViewport is the window of the README's pictures.
var screenshotViewport = browsertest.Viewport{Width: 1280, Height: 800, Scale: 1}

// TestScreenshots takes the README's pictures of the embedded shop: the
// catalog, a book page with reviews, and the administrator's book list, each
// the 1280×800 window once its covers are loaded.
func TestScreenshots(t *testing.T) {
	if *screenshotsDir == "" {
		t.Skip("no -screenshots folder: see `make screenshots`")
	}
	if err := os.MkdirAll(*screenshotsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	e := startShop(t)
	book := e.booksByTitle(t)["The Left Hand of Darkness"]
	for i, r := range []struct {
		rating int
		name   string
		text   string
	}{{5, "Ada", "Changed how I think about gender and loyalty."}, {4, "Ben K.", "Cold planet, warm book."}} {
		reader := e.registerNamed(t, "reader"+string(rune('a'+i))+"@example.com", "Reader-pass-1", r.name).AccessToken
		e.review(t, reader, book.ID, r.rating, r.text)
	}

	b := openTab(t, e, browsertest.WithViewport(screenshotViewport))
	shoot := func(name, path, ready string) {
		t.Helper()
		// Settle first: the recorder never sees the end of requests that a
		// navigation cut off, so WaitNetworkIdle would wait for them forever.
		b.WaitNetworkIdle()
		b.Navigate(path)
		b.WaitVisible(ready)
		b.WaitNetworkIdle()
		waitFor(b, "the images in view are loaded", `[...document.images]
			.filter(i => i.getBoundingClientRect().top < innerHeight)
			.every(i => i.complete && i.naturalWidth > 0)`)
		ctx, cancel := context.WithTimeout(b.Context(), 30*time.Second)
		defer cancel()
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot of %s: %v", path, err)
		}
		file := filepath.Join(*screenshotsDir, name+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s (%d KiB)", path, file, len(png)/1024)
	}
	shoot("catalog", "/", tid("book-card"))
	shoot("book", "/books/"+book.ID, tid("review"))
	signIn(b, e.cfg.AdminEmail, e.cfg.AdminPassword)
	shoot("admin-books", "/admin/books", tid("admin-book-row")) // a fresh load: no "signed in" notice
}
