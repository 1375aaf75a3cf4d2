package main

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/network"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// TestJourneyShopper walks a new shopper through the shop: browse, filter
// and sort (kept in the URL and across a reload), load more, open a book
// (deep link, reload, back and forward), register, confirm and sign in, add
// two books, find the cart after a reload, double-click checkout (one
// order), see the order and cancel it (stock restored).
func TestJourneyShopper(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	books := e.booksByTitle(t)
	dune, kindred := books["Dune"], books["Kindred"]
	b := openTab(t, e)

	browseCatalog(t, b)
	openBook(t, b, dune)

	const email, password = "shopper@example.com", "Shopper-pass-1"
	registerAndSignIn(t, b, e, email, password)

	fillCart(t, b, dune, kindred)
	orderID := checkOutOnce(t, b, e, email, password)
	if got := e.book(t, dune.ID).Stock; got != dune.Stock-1 {
		t.Errorf("Dune stock after checkout = %d, want %d", got, dune.Stock-1)
	}
	if got := e.book(t, kindred.ID).Stock; got != kindred.Stock-2 {
		t.Errorf("Kindred stock after checkout = %d, want %d", got, kindred.Stock-2)
	}

	cancelOrder(t, b, orderID)
	token := e.login(t, email, password).AccessToken
	if orders := e.myOrders(t, token); len(orders) != 1 || orders[0].Status != "CANCELLED" {
		t.Errorf("orders after cancelling = %+v, want the one order CANCELLED", orders)
	}
	if got := e.book(t, dune.ID).Stock; got != dune.Stock {
		t.Errorf("Dune stock after cancelling = %d, want %d again", got, dune.Stock)
	}
	if got := e.book(t, kindred.ID).Stock; got != kindred.Stock {
		t.Errorf("Kindred stock after cancelling = %d, want %d again", got, kindred.Stock)
	}
}

// browseCatalog: the first view (one API request until the books are
// shown, then the best-sellers strip's; gzipped assets), a category and a
// sort order in the URL that survive a reload and follow back, then "Load
// more".
func browseCatalog(t *testing.T, b *browsertest.Browser) {
	t.Helper()
	b.Navigate("/")
	waitCount(b, tid("book-card"), 12)
	view := catalogViewOf(b)
	if view.BeforeBooks != 1 {
		t.Errorf("the first catalog view sent %d API requests before the books arrived, want 1 (GET /api/books): %v",
			view.BeforeBooks, view.APIRequests)
	}
	if len(view.APIRequests) != 2 || !strings.HasPrefix(view.APIRequests[0], "/api/books?") ||
		!strings.HasPrefix(view.APIRequests[1], "/api/bestsellers?") {
		t.Errorf("the first catalog view's API requests %v, want GET /api/books, then the best sellers strip's", view.APIRequests)
	}
	for _, r := range b.Requests() {
		if (r.Type == network.ResourceTypeScript || r.Type == network.ResourceTypeStylesheet) && !r.FromCache && r.BodyBytes >= r.DecodedBytes {
			t.Errorf("%s came uncompressed: %d bytes sent for %d", r.URL, r.BodyBytes, r.DecodedBytes)
		}
	}
	b.CheckA11y("catalog")

	choose(b, tid("filter-category"), "classics")
	waitPath(b, "/?category=classics")
	waitCount(b, tid("book-card"), 4)
	choose(b, tid("filter-sort"), "title")
	waitPath(b, "/?category=classics&sort=title")
	classics := []string{"Middlemarch", "Pride and Prejudice", "Things Fall Apart", "Wuthering Heights"}
	waitTitles(b, classics...)
	waitText(b, "main h1", "Classics")

	b.Reload()
	waitTitles(b, classics...)
	if c, s := b.Value(tid("filter-category")), b.Value(tid("filter-sort")); c != "classics" || s != "title" {
		t.Errorf("after a reload the filters show category %q, sort %q; want classics, title", c, s)
	}
	b.Back()
	waitPath(b, "/?category=classics")
	waitCount(b, tid("book-card"), 4)
	if s := b.Value(tid("filter-sort")); s != "newest" {
		t.Errorf("back to /?category=classics: sort shows %q, want newest", s)
	}
	b.Back()
	waitPath(b, "/")
	waitCount(b, tid("book-card"), 12)

	b.Click(tid("load-more"))
	waitCount(b, tid("book-card"), 14)
	b.WaitNotPresent(tid("load-more"))
	// Focus moves to the first book of the new page for keyboard users.
	waitFor(b, "the 13th book has the focus",
		`[...document.querySelectorAll('[data-testid="book-card"]')].indexOf(document.activeElement?.closest('[data-testid="book-card"]')) === 12`)
}

// openBook opens book from the catalog, reloads it (the deep link) and
// walks back to the catalog and forward again.
func openBook(t *testing.T, b *browsertest.Browser, book apiBook) {
	t.Helper()
	card := tid("book-card") + `[data-book-id="` + book.ID + `"]`
	b.Click(within(card, "a"))
	page := tid("book") + `[data-book-id="` + book.ID + `"]`
	b.WaitVisible(page)
	waitPath(b, "/books/"+book.ID)
	waitText(b, "main h1", book.Title)
	// The new page's heading takes the focus, and names the document.
	waitFor(b, "the heading has the focus", `document.activeElement === document.querySelector("main h1")`)
	if title := browsertest.Eval[string](b, "document.title"); title != book.Title+" · Bookshop" {
		t.Errorf("document.title = %q", title)
	}
	b.CheckA11y("book")

	b.Reload()
	b.WaitVisible(page)
	waitText(b, "main h1", book.Title)
	b.Back()
	waitPath(b, "/")
	waitCount(b, tid("book-card"), 12) // the first page again: "Load more" is not kept
	b.Forward()
	b.WaitVisible(page)
}

// registerAndSignIn creates an account through /register, confirms it with
// the code the identity provider "emailed" and signs in.
func registerAndSignIn(t *testing.T, b *browsertest.Browser, e embedded, email, password string) {
	t.Helper()
	here := browsertest.Eval[string](b, "location.pathname + location.search")
	b.Click(tid("sign-in"))
	b.WaitVisible(tid("login-form"))
	waitPath(b, "/login?next="+url.QueryEscape(here)) // back here after signing in
	b.CheckA11y("login")
	b.Click(`a[href="/register"]`)
	b.WaitVisible(tid("register-form"))
	b.CheckA11y("register")
	b.SendKeys("#email", email)
	b.SendKeys("#password", password)
	b.Click(tid("register-submit"))

	b.WaitVisible(tid("confirm-form"))
	waitPath(b, "/confirm?email="+url.QueryEscape(email))
	b.CheckA11y("confirm")
	if got := b.Value("#email"); got != email {
		t.Errorf("the confirm form's email = %q, want %q", got, email)
	}
	code, ok := e.srv.idp.ConfirmationCode(email)
	if !ok {
		t.Fatalf("no confirmation code for %s", email)
	}
	b.SendKeys("#code", code)
	b.Click(tid("confirm-submit"))

	b.WaitVisible(tid("login-form"))
	waitTextContains(b, "main", "Your account is confirmed")
	b.CheckA11y("login, confirmed")
	if got := b.Value("#email"); got != email {
		t.Errorf("the sign-in form's email = %q, want %q", got, email)
	}
	b.SendKeys("#password", password)
	b.Click(tid("login-submit"))
	waitTextContains(b, tid("account"), email)
	b.WaitVisible(tid("nav-orders"))
	b.WaitNotPresent(tid("sign-in"))
	if n := b.Count(tid("nav-admin-books")) + b.Count(tid("nav-admin-orders")); n != 0 {
		t.Errorf("a shopper sees %d admin links", n)
	}
}

// fillCart adds one of first and two of second from their pages (deep
// links), then checks the cart, also after a reload.
func fillCart(t *testing.T, b *browsertest.Browser, first, second apiBook) {
	t.Helper()
	b.Navigate("/books/" + first.ID)
	b.WaitVisible(tid("add-to-cart"))
	b.WaitVisible(tid("review-form")) // signed in: the form to write a review
	b.CheckA11y("book, signed in")
	b.Click(tid("add-to-cart"))
	waitText(b, tid("cart-count"), "1")
	waitTextContains(b, tid("notice"), "Added 1 × "+first.Title+" to your cart (1 in cart).")
	waitTextContains(b, tid("in-cart"), "1 in your cart")

	b.Navigate("/books/" + second.ID)
	b.WaitVisible(tid("add-to-cart"))
	waitText(b, tid("cart-count"), "1") // the cart survived the page load
	b.Clear(tid("add-qty"))
	b.SendKeys(tid("add-qty"), "2")
	b.Click(tid("add-to-cart"))
	waitText(b, tid("cart-count"), "3")
	waitTextContains(b, tid("notice"), "Added 2 × "+second.Title+" to your cart (2 in cart).")

	subtotal := dollars(first.PriceCents + 2*second.PriceCents)
	b.Click(tid("cart-link"))
	waitPath(b, "/cart")
	waitCount(b, tid("cart-line"), 2)
	waitText(b, tid("cart-subtotal"), subtotal)
	b.CheckA11y("cart")

	b.Reload()
	waitCount(b, tid("cart-line"), 2)
	waitText(b, tid("cart-subtotal"), subtotal)
	waitText(b, tid("cart-count"), "3")
	for _, want := range []struct {
		book apiBook
		qty  string
	}{{first, "1"}, {second, "2"}} {
		line := tid("cart-line") + `[data-book-id="` + want.book.ID + `"]`
		if got := b.Value(within(line, tid("qty-input"))); got != want.qty {
			t.Errorf("cart line %s: quantity %s, want %s", want.book.Title, got, want.qty)
		}
	}
}

// checkOutOnce double-clicks "Check out" and checks that exactly one order
// was placed, in the browser and through the API, and shown; it returns the
// order's id.
func checkOutOnce(t *testing.T, b *browsertest.Browser, e embedded, email, password string) string {
	t.Helper()
	subtotal := b.Text(tid("cart-subtotal"))
	// The button is disabled until the cart has fetched the current books.
	waitFor(b, "checkout is enabled", `document.querySelector('[data-testid="checkout"]')?.disabled === false`)
	b.ResetRequests()
	doubleClick(b, tid("checkout"))
	b.WaitVisible(tid("order-placed"))
	waitText(b, tid("cart-count"), "0")
	loc, err := url.Parse(b.Location())
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`^/orders/([^/]+)$`).FindStringSubmatch(loc.Path)
	if m == nil || loc.Query().Get("placed") != "1" {
		t.Fatalf("after checkout the page is %s, want /orders/{id}?placed=1", loc)
	}
	orderID := m[1]
	posts := 0
	for _, r := range b.Requests() {
		if r.Method == "POST" && strings.HasSuffix(r.URL, "/api/orders") {
			posts++
		}
	}
	if posts != 1 {
		t.Errorf("a double click on checkout sent %d POST /api/orders, want 1", posts)
	}
	token := e.login(t, email, password).AccessToken
	orders := e.myOrders(t, token)
	if len(orders) != 1 || orders[0].ID != orderID || orders[0].Status != "PENDING" {
		t.Fatalf("the API lists %+v, want the one PENDING order %s", orders, orderID)
	}

	order := tid("order") + `[data-order-id="` + orderID + `"]`
	b.WaitVisible(order + `[data-status="PENDING"]`)
	waitText(b, tid("order-subtotal"), subtotal)
	waitText(b, tid("order-total"), dollars(orders[0].TotalCents))
	b.CheckA11y("order, placed")

	b.Click(tid("nav-orders"))
	waitPath(b, "/orders")
	waitCount(b, tid("order-row"), 1)
	b.CheckA11y("orders")
	b.Click(within(tid("order-row"), "a"))
	b.WaitVisible(order)
	waitPath(b, "/orders/"+orderID)
	return orderID
}

// cancelOrder cancels the open order from its page.
func cancelOrder(t *testing.T, b *browsertest.Browser, orderID string) {
	t.Helper()
	b.Click(tid("cancel-order"))
	b.WaitVisible(tid("order") + `[data-order-id="` + orderID + `"][data-status="CANCELLED"]`)
	waitTextContains(b, tid("notice"), "Your order is cancelled.")
	b.WaitNotPresent(tid("cancel-order"))
	b.CheckA11y("order, cancelled")
}

// apiRequests lists the method and URL of the page's API requests.
func apiRequests(b *browsertest.Browser) []string {
	var out []string
	for _, r := range b.Requests() {
		if u, err := url.Parse(r.URL); err == nil && strings.HasPrefix(u.Path, "/api/") {
			out = append(out, r.Method+" "+u.RequestURI())
		}
	}
	return out
}
