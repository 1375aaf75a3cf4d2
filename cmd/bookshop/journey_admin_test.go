package main

import (
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// TestJourneyAdmin walks the administrator through the shop's back office:
// add a book, upload its cover (preview, progress, then the thumbnail), edit
// it while another edit lands (the 412 conflict and its reload), and confirm
// and ship a shopper's order.
func TestJourneyAdmin(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	dune := e.booksByTitle(t)["Dune"]
	buyer := e.register(t, "buyer@example.com", "Buyer-pass-1").AccessToken
	orderID := e.checkout(t, buyer, dune.ID, 1)

	b := openTab(t, e)
	signIn(b, e.cfg.AdminEmail, e.cfg.AdminPassword)
	b.Click(tid("nav-admin-books"))
	waitPath(b, "/admin/books")
	waitCount(b, tid("admin-book-row"), 14)
	b.CheckA11y("admin books")

	id := addBook(t, b)
	uploadCover(t, b, e, id)
	editDuringAnotherEdit(t, b, e, id)
	confirmAndShip(t, b, e, orderID, buyer)
}

// addBook adds a book through the form and returns its id.
func addBook(t *testing.T, b *browsertest.Browser) string {
	t.Helper()
	b.Click(tid("admin-new-book"))
	waitPath(b, "/admin/books/new")
	b.WaitVisible(tid("book-form"))
	b.CheckA11y("admin book, new")
	b.SendKeys(tid("book-title"), "The Dispossessed")
	b.SendKeys(tid("book-author"), "Ursula K. Le Guin")
	b.SendKeys(tid("book-category"), "Science Fiction")
	b.SendKeys(tid("book-description"), "An ambiguous utopia.")
	b.SendKeys(tid("book-price"), "17.50")
	b.Clear(tid("book-stock"))
	b.SendKeys(tid("book-stock"), "6")
	b.Click(tid("book-save"))
	waitFor(b, "the new book's page", `/^\/admin\/books\/[0-9A-Z]{26}$/.test(location.pathname)`)
	waitText(b, "main h1", "Edit “The Dispossessed”")
	waitTextContains(b, tid("notice"), "Added The Dispossessed. Now add a cover.")
	b.CheckA11y("admin book")
	loc := b.Location()
	return loc[strings.LastIndex(loc, "/")+1:]
}

// uploadCover chooses a PNG, sees its preview, uploads it with progress and
// waits for the thumbnail the server makes.
func uploadCover(t *testing.T, b *browsertest.Browser, e embedded, id string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "cover.png")
	writeCover(t, file, 400, 560)
	// The progress bar shows only while the upload runs, a few milliseconds
	// here: an observer notes that it appeared.
	browsertest.Eval[bool](b, `(() => {
		window.sawProgress = false;
		new MutationObserver(() => { if (document.querySelector('[data-testid="cover-progress"]')) window.sawProgress = true; })
			.observe(document.body, {childList: true, subtree: true});
		return true;
	})()`)
	b.UploadFile(tid("cover-file"), file)
	b.WaitVisible(tid("cover-preview"))
	waitFor(b, "the preview shows the image", `document.querySelector('[data-testid="cover-preview"]').naturalWidth === 400`)
	b.CheckA11y("admin book, cover chosen")
	b.Click(tid("cover-submit"))
	b.WaitVisible(tid("cover-done"))
	if !browsertest.Eval[bool](b, "window.sawProgress") {
		t.Error("no upload progress was shown")
	}
	b.WaitNotPresent(tid("cover-preview"))
	current := tid("cover-upload") + " figure img.cover"
	waitFor(b, "the current cover is the new thumbnail, loaded", fmt.Sprintf(
		`(img => img && img.src.includes("/thumbnails/") && img.complete && img.naturalWidth === 200)(document.querySelector(%s))`, js(current)))
	if book := e.book(t, id); book.Cover == nil || book.Cover.ThumbnailURL == "" {
		t.Errorf("the API shows cover %+v, want one with a thumbnail", book.Cover)
	}
}

// editDuringAnotherEdit changes the price in the form while another edit
// of the title lands through the API: saving answers 412, the page says so
// and reloads the other edit on request; saving again succeeds.
func editDuringAnotherEdit(t *testing.T, b *browsertest.Browser, e embedded, id string) {
	t.Helper()
	before := e.book(t, id)
	waitTextContains(b, "main", fmt.Sprintf("Version %d ·", before.Version)) // the form edits the current version
	other := before
	other.Title = "The Dispossessed: An Ambiguous Utopia"
	e.putBook(t, other)

	b.AllowError(`status of 412 .*/api/books/` + id + `\)$`) // provoked: the stale save below
	b.Clear(tid("book-price"))
	b.SendKeys(tid("book-price"), "18.00")
	b.Click(tid("book-save"))
	b.WaitVisible(tid("book-conflict"))
	b.CheckA11y("admin book, conflict")
	b.Click(within(tid("book-form"), tid("book-reload")))
	waitTextContains(b, tid("notice"), "Loaded the latest version.")
	b.WaitNotPresent(tid("book-conflict"))
	if got, want := b.Value(tid("book-title")), other.Title; got != want {
		t.Errorf("after the reload the title reads %q, want the other edit's %q", got, want)
	}
	if got := b.Value(tid("book-price")); got != "17.50" {
		t.Errorf("after the reload the price reads %q, want the stored 17.50", got)
	}
	b.Clear(tid("book-price"))
	b.SendKeys(tid("book-price"), "18.00")
	b.Click(tid("book-save"))
	waitTextContains(b, tid("notice"), "Saved "+other.Title+".")
	if got := e.book(t, id); got.Title != other.Title || got.PriceCents != 1800 || got.Version != before.Version+2 {
		t.Errorf("the API shows %q at %d cents, version %d; want both edits, version %d", got.Title, got.PriceCents, got.Version, before.Version+2)
	}
}

// confirmAndShip moves a shopper's order from PENDING to CONFIRMED to
// SHIPPED on /admin/orders.
func confirmAndShip(t *testing.T, b *browsertest.Browser, e embedded, orderID, buyer string) {
	t.Helper()
	order := tid("admin-order") + `[data-order-id="` + orderID + `"]`
	b.Click(tid("nav-admin-orders"))
	waitPath(b, "/admin/orders")
	b.WaitVisible(order)
	b.CheckA11y("admin orders")
	b.Click(within(order, tid("set-status-CONFIRMED")))
	b.WaitNotPresent(order)
	waitTextContains(b, tid("notice"), "is now confirmed.")

	b.Click(tid("status-tab-CONFIRMED"))
	waitPath(b, "/admin/orders?status=CONFIRMED")
	b.Click(within(order, tid("set-status-SHIPPED")))
	b.WaitNotPresent(order)
	waitTextContains(b, tid("notice"), "is now shipped.")

	b.Click(tid("status-tab-SHIPPED"))
	b.WaitVisible(within(order, tid("set-status-DELIVERED")))
	b.CheckA11y("admin orders, shipped")
	status, body := e.call(t, "GET", "/api/orders/"+orderID, buyer, "")
	var got apiOrder
	if status != http.StatusOK || json.Unmarshal([]byte(body), &got) != nil || got.Status != "SHIPPED" {
		t.Errorf("the shopper's GET /api/orders/%s = %d %s, want it SHIPPED", orderID, status, body)
	}
}

// putBook replaces a book through the API as the administrator, with
// If-Match naming book.Version.
func (e embedded) putBook(t *testing.T, book apiBook) {
	t.Helper()
	details, _ := json.Marshal(map[string]any{
		"title": book.Title, "author": book.Author, "category": book.Category, "description": book.Description,
		"priceCents": book.PriceCents, "currency": book.Currency, "stock": book.Stock,
	})
	req, err := http.NewRequest("PUT", e.url+"/api/books/"+book.ID, strings.NewReader(string(details)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.adminToken(t))
	req.Header.Set("If-Match", fmt.Sprintf(`"%d"`, book.Version))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(resp.Body)
		t.Fatalf("PUT /api/books/%s = %d %s", book.ID, resp.StatusCode, msg)
	}
}

// writeCover writes a w×h PNG with a diagonal gradient.
func writeCover(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{R: uint8(40 + x*150/w), G: uint8(60 + y*120/h), B: 140, A: 255})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
