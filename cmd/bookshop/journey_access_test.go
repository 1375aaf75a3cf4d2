package main

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// TestJourneyNonAdmin: neither a visitor nor a signed-in shopper ever sees
// an administration link, and typing an admin URL shows "not allowed"
// without asking the admin API; unknown paths and missing books show the
// not-found page.
func TestJourneyNonAdmin(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	const email, password = "reader@example.com", "Reader-pass-1"
	e.register(t, email, password)
	dune := e.booksByTitle(t)["Dune"]
	b := openTab(t, e)

	noAdminLinks := func(page string) {
		t.Helper()
		if n := b.Count(`a[href^="/admin"], ` + tid("nav-admin-books") + ", " + tid("nav-admin-orders")); n != 0 {
			t.Errorf("%s shows %d administration link(s) to a non-admin", page, n)
		}
	}
	notAllowed := func(path, name string) {
		t.Helper()
		b.Navigate(path)
		b.WaitVisible(tid("not-allowed"))
		waitText(b, "main h1", "Not allowed")
		if name != "" {
			b.CheckA11y(name)
		}
	}

	// A visitor.
	b.Navigate("/")
	waitCount(b, tid("book-card"), 12)
	noAdminLinks("the catalog")
	notAllowed("/admin/books", "not allowed, signed out")
	b.WaitVisible(`main a[href="/login?next=%2Fadmin%2Fbooks"]`) // offers to sign in as an administrator

	// A shopper.
	signIn(b, email, password)
	for _, path := range []string{"/", "/books/" + dune.ID, "/cart", "/orders"} {
		b.Navigate(path)
		b.WaitVisible("main h1")
		b.WaitVisible(tid("account"))
		noAdminLinks(path)
	}
	notAllowed("/admin/books", "not allowed, signed in")
	waitTextContains(b, "main", "Your account cannot manage the shop.")
	notAllowed("/admin/books/new", "")
	notAllowed("/admin/books/"+dune.ID, "")
	notAllowed("/admin/orders", "")
	notAllowed("/admin/orders?status=SHIPPED", "")
	noAdminLinks("the not-allowed page")
	if n := b.CountRequests("/api/admin/"); n != 0 {
		t.Errorf("the app asked the admin API %d time(s) for a non-admin: %v", n, apiRequests(b))
	}

	for _, path := range []string{"/no/such/page", "/books", "/orders/x/y"} {
		b.Navigate(path)
		b.WaitVisible(tid("not-found"))
		waitText(b, "main h1", "Page not found")
	}
	b.CheckA11y("not found")

	// The app asks for the book and the API answers 404: the browser logs
	// that answer as an error, and here it is the point.
	b.AllowError(`status of 404 .*/api/books/NOPE\)$`)
	b.Navigate("/books/NOPE")
	b.WaitVisible(tid("not-found"))
	waitText(b, "main h1", "Book not found")
	b.CheckA11y("not found, book")
	b.Click(`main a[href="/"]`)
	waitCount(b, tid("book-card"), 12)

	// Signed out and in again: both sign-ins carry the browser's one device
	// id, which the account's sign-in throttle lets through (app.WithDevice).
	b.Click(tid("sign-out"))
	b.WaitVisible(tid("sign-in"))
	signIn(b, email, password)
	devices := loginDevices(t, b)
	if len(devices) != 2 || devices[0] != devices[1] || !regexp.MustCompile(`^[A-Za-z0-9_-]{22}$`).MatchString(devices[0]) {
		t.Errorf("the device ids of the two sign-ins = %q, want one 22-character base64url id twice", devices)
	}
}

// TestJourneyReviews writes, edits and deletes a review from the book page,
// and finds the shopper's review beyond the first page of reviews.
func TestJourneyReviews(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	books := e.booksByTitle(t)
	const email, password = "critic@example.com", "Critic-pass-1"
	critic := e.register(t, email, password).AccessToken
	b := openTab(t, e)
	signIn(b, email, password)

	// A book without reviews: no request for "my review" at all.
	middlemarch := books["Middlemarch"]
	b.ResetRequests()
	b.Navigate("/books/" + middlemarch.ID)
	b.WaitVisible(tid("review-form"))
	waitTextContains(b, ".reviews-section", "No reviews yet.")
	b.Click(tid("review-rating-4"))
	b.SendKeys(tid("review-text"), "Slow, wise and very long.")
	b.Click(tid("review-submit"))
	b.WaitVisible(tid("my-review"))
	waitTextContains(b, tid("notice"), "Thank you for your review.")
	waitTextContains(b, ".book__rating", "4.0 (1 review)")
	b.CheckA11y("book, own review")

	b.Reload() // the review comes from the list of reviews
	waitTextContains(b, tid("my-review"), "Slow, wise and very long.")
	b.Click(tid("review-edit"))
	b.Click(tid("review-rating-5"))
	b.Click(tid("review-submit"))
	waitTextContains(b, tid("notice"), "Your review is updated.")
	waitTextContains(b, tid("my-review"), "5 out of 5 stars")
	waitTextContains(b, ".book__rating", "5.0 (1 review)")
	b.Click(tid("review-delete"))
	b.Click(tid("review-delete-confirm"))
	b.WaitVisible(tid("review-form"))
	waitTextContains(b, tid("notice"), "Your review is deleted.")
	waitTextContains(b, ".book__rating", "No reviews yet")
	if n := b.CountRequests("/api/books/" + middlemarch.ID + "/reviews/mine"); n != 2 {
		t.Errorf("%d requests to …/reviews/mine, want 2 (PUT and DELETE): %v", n, apiRequests(b))
	}

	// A review on the second page: six readers reviewed after the critic, and
	// the first page holds five.
	wuthering, things := books["Wuthering Heights"], books["Things Fall Apart"]
	e.review(t, critic, wuthering.ID, 2, "Too stormy.")
	for i := range 6 {
		reader := e.register(t, fmt.Sprintf("reader%d@example.com", i), "Reader-pass-1").AccessToken
		e.review(t, reader, wuthering.ID, 4, fmt.Sprintf("Reader %d liked it.", i))
		e.review(t, reader, things.ID, 5, fmt.Sprintf("Reader %d loved it.", i))
	}
	b.ResetRequests()
	b.Navigate("/books/" + wuthering.ID)
	waitTextContains(b, tid("my-review"), "Too stormy.")
	waitCount(b, within(".reviews-section", tid("review")), 1+5)
	if n := b.CountRequests("/api/books/" + wuthering.ID + "/reviews/mine"); n != 1 {
		t.Errorf("%d requests to …/reviews/mine, want 1 (not on the first page): %v", n, apiRequests(b))
	}
	b.Click(tid("reviews-load-more"))
	waitCount(b, within(".reviews-section", tid("review")), 1+6) // the critic's is not shown twice
	b.CheckA11y("book, reviews")

	// Six reviews, none of them the critic's: the first page cannot tell,
	// so the app asks, and the API answers 404, which the browser logs.
	b.AllowError(`status of 404 .*/api/books/` + things.ID + `/reviews/mine\)$`)
	b.Navigate("/books/" + things.ID)
	b.WaitVisible(tid("review-form"))
	waitCount(b, within(".reviews-section", tid("review")), 5)
}

// review posts a review through the API.
func (e embedded) review(t *testing.T, token, bookID string, rating int, text string) {
	t.Helper()
	status, body := e.call(t, "POST", "/api/books/"+bookID+"/reviews", token, fmt.Sprintf(`{"rating":%d,"text":%q}`, rating, text))
	if status != 201 {
		t.Fatalf("POST review: %d %s", status, body)
	}
}

// TestJourneyPhoneAndDark: the catalog, a book and the cart on a narrow
// phone screen (no sideways scrolling, axe clean), and the catalog in the
// dark colour scheme (axe checks contrast there too).
func TestJourneyPhoneAndDark(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	dune := e.booksByTitle(t)["Dune"]

	t.Run("phone", func(t *testing.T) {
		b := openTab(t, e, browsertest.WithViewport(browsertest.Phone))
		fits := func(page string) {
			t.Helper()
			if w := browsertest.Eval[[2]int](b, "[document.documentElement.scrollWidth, window.innerWidth]"); w[0] > w[1] {
				t.Errorf("%s is %d px wide on a %d px screen", page, w[0], w[1])
			}
		}
		b.Navigate("/")
		waitCount(b, tid("book-card"), 12)
		fits("the catalog")
		b.CheckA11y("catalog, phone")
		b.Navigate("/books/" + dune.ID)
		b.WaitVisible(tid("add-to-cart"))
		fits("the book page")
		b.CheckA11y("book, phone")
		b.Click(tid("add-to-cart"))
		waitText(b, tid("cart-count"), "1")
		b.Click(tid("cart-link"))
		waitCount(b, tid("cart-line"), 1)
		b.WaitVisible(tid("checkout-sign-in"))
		fits("the cart")
		b.CheckA11y("cart, phone")
	})
	t.Run("dark", func(t *testing.T) {
		b := openTab(t, e, browsertest.WithColorScheme("dark"))
		b.Navigate("/")
		waitCount(b, tid("book-card"), 12)
		// The page follows the scheme: a dark background.
		dark := browsertest.Eval[bool](b, `(() => {
			const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
			return r + g + b < 3 * 80;
		})()`)
		if !dark {
			t.Error("the catalog's background is not dark in the dark colour scheme")
		}
		b.CheckA11y("catalog, dark")
	})
}
