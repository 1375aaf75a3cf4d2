package main

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// TestJourneyDiscovery: a shopper searches from the header (accents and
// case do not matter, the last word is a prefix; the results survive a
// reload and name the query in the box), finds nothing for nonsense, and,
// after two orders, sees the best sellers on their page (all time and 30
// days, kept in the URL) and on the catalog's strip, and "Customers also
// bought" on a book page, which leads to the other book's page.
func TestJourneyDiscovery(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	books := e.booksByTitle(t)
	dune, kindred, middlemarch := books["Dune"], books["Kindred"], books["Middlemarch"]
	b := openTab(t, e)

	searchFromTheHeader(t, b, books["Wuthering Heights"], books["The Pragmatic Programmer"])

	ann := e.register(t, "ann@example.com", "Ann-pass-123")
	bob := e.register(t, "bob@example.com", "Bob-pass-123")
	e.checkoutLines(t, ann.AccessToken, "ann-1", map[string]int{dune.ID: 2, kindred.ID: 1})
	e.checkoutLines(t, bob.AccessToken, "bob-1", map[string]int{dune.ID: 1, middlemarch.ID: 1})

	browseBestSellers(t, b, dune)
	alsoBought(t, b, dune, kindred, middlemarch)
}

// searchFromTheHeader types queries into the header's search box.
func searchFromTheHeader(t *testing.T, b *browsertest.Browser, wuthering, pragmatic apiBook) {
	t.Helper()
	b.Navigate("/")
	waitCount(b, tid("book-card"), 12)
	b.SendKeys(tid("search-input"), "BRONTE")
	b.Click(tid("search-submit"))
	waitPath(b, "/search?q=BRONTE")
	results := within(tid("search-results"), tid("book-card"))
	waitCount(b, results, 1)
	b.WaitVisible(results + `[data-book-id="` + wuthering.ID + `"]`)
	waitText(b, "main h1", "Results for “BRONTE”")
	b.CheckA11y("search results")

	b.Reload()
	waitCount(b, results, 1)
	b.WaitVisible(results + `[data-book-id="` + wuthering.ID + `"]`)
	if got := b.Value(tid("search-input")); got != "BRONTE" {
		t.Errorf("after a reload the search box holds %q, want the query", got)
	}

	b.Clear(tid("search-input"))
	b.SendKeys(tid("search-input"), "pragm\n") // Enter submits
	waitPath(b, "/search?q=pragm")
	waitCount(b, results, 1)
	b.WaitVisible(results + `[data-book-id="` + pragmatic.ID + `"]`)

	b.Clear(tid("search-input"))
	b.SendKeys(tid("search-input"), "zzyzx\n")
	waitPath(b, "/search?q=zzyzx")
	b.WaitVisible(tid("search-empty"))
	waitCount(b, results, 0)

	// Open a result: the book page.
	b.Back()
	waitPath(b, "/search?q=pragm")
	b.Click(within(results+`[data-book-id="`+pragmatic.ID+`"]`, "a"))
	waitPath(b, "/books/"+pragmatic.ID)
	waitText(b, "main h1", pragmatic.Title)
}

// browseBestSellers: the /bestsellers page ranks by units sold, keeps the
// period in the URL, and the catalog shows the strip.
func browseBestSellers(t *testing.T, b *browsertest.Browser, top apiBook) {
	t.Helper()
	b.Navigate("/")
	b.WaitVisible(tid("bestsellers-strip"))
	first := within(tid("bestsellers-strip"), tid("bestseller")) + `:first-child`
	waitFor(b, "the strip's first book is "+top.Title,
		`document.querySelector(`+js(first)+`)?.dataset.bookId === `+js(top.ID))
	b.Click(tid("bestsellers-more"))
	waitPath(b, "/bestsellers")
	waitText(b, "main h1", "Best sellers")
	ranked := within(tid("bestsellers-page"), tid("bestseller"))
	waitCount(b, ranked, 3)
	waitFor(b, "the first best seller is "+top.Title,
		`document.querySelector(`+js(ranked)+`)?.dataset.bookId === `+js(top.ID))
	waitText(b, within(ranked, tid("bestseller-count")), "3 sold")
	b.CheckA11y("best sellers")

	choose(b, tid("bestsellers-period"), "30d")
	waitPath(b, "/bestsellers?period=30d")
	waitCount(b, ranked, 3)
	b.Reload()
	waitCount(b, ranked, 3)
	if got := b.Value(tid("bestsellers-period")); got != "30d" {
		t.Errorf("after a reload the period shows %q, want 30d", got)
	}
}

// alsoBought: a book page lists the books ordered with it, and one of them
// leads to its own page, which lists the first book back.
func alsoBought(t *testing.T, b *browsertest.Browser, book, withA, withB apiBook) {
	t.Helper()
	b.Navigate("/books/" + book.ID)
	waitText(b, "main h1", book.Title)
	others := within(tid("also-bought"), tid("also-bought-book"))
	waitCount(b, others, 2)
	for _, o := range []apiBook{withA, withB} {
		b.WaitVisible(others + `[data-book-id="` + o.ID + `"]`)
	}
	b.CheckA11y("book with also-bought")

	b.Click(within(others+`[data-book-id="`+withA.ID+`"]`, "a"))
	waitPath(b, "/books/"+withA.ID)
	waitText(b, "main h1", withA.Title)
	waitCount(b, others, 1)
	b.WaitVisible(others + `[data-book-id="` + book.ID + `"]`)
}
