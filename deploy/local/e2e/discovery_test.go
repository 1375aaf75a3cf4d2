package e2e

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// searchTimeout is the promise: a new book is searchable within
// five seconds (table stream → gateway poller → projector → index).
const searchTimeout = 5 * time.Second

// projectionTimeout bounds the wait for orders to reach the rankings.
const projectionTimeout = 30 * time.Second

// ranking is the answer of /api/bestsellers and /api/books/{id}/also-bought.
type ranking struct {
	Items []struct {
		Book  book  `json:"book"`
		Count int64 `json:"count"`
	} `json:"items"`
}

// discovery creates two books as the administrator, finds the first by
// search within five seconds (by a prefix of a word with an accent, typed
// without it), has a user place two orders holding both, and waits until
// the best sellers and the first book's also-bought show them.
func discovery(t *testing.T, s *stack, admin string) {
	stamp := time.Now().UnixNano()
	newBook := func(title string) book {
		var b book
		callAs(t, admin, http.MethodPost, s.API+"/api/books", map[string]any{
			"title": title, "author": "Zoë Quillfeather", "category": "Discovery Test", "priceCents": 999, "stock": 50,
		}, http.StatusCreated, &b)
		return b
	}
	first := newBook(fmt.Sprintf("Zephyrine Almanac %d", stamp))
	second := newBook(fmt.Sprintf("Zephyrine Atlas %d", stamp))

	start := time.Now()
	search := s.API + "/api/search?q=" + url.QueryEscape(fmt.Sprintf("zoe zephyrine almanac %d", stamp)[:len("zoe zephyrine alm")])
	eventually(t, searchTimeout, func() error {
		var page struct{ Items []book }
		call(t, http.MethodGet, search, nil, http.StatusOK, &page)
		if !slices.ContainsFunc(page.Items, func(b book) bool { return b.ID == first.ID }) {
			return fmt.Errorf("GET %s does not find book %s yet: %+v", search, first.ID, page.Items)
		}
		return nil
	})
	t.Logf("the new book was found by search %s after its creation", time.Since(start).Round(time.Millisecond))

	user := newUser(t, s)
	for i, qty := range []int{3, 1} {
		headers := map[string]string{"Authorization": "Bearer " + user, "Idempotency-Key": fmt.Sprintf("e2e-discovery-%d-%d", stamp, i)}
		cart := map[string]any{"items": []map[string]any{{"bookId": first.ID, "qty": qty}, {"bookId": second.ID, "qty": 1}}}
		if status, _, body := do(t, http.MethodPost, s.API+"/api/orders", cart, headers); status != http.StatusCreated {
			t.Fatalf("checkout %d: status %d, want 201: %s", i, status, body)
		}
	}

	best := s.API + "/api/bestsellers?category=discovery-test&period=30d"
	eventually(t, projectionTimeout, func() error {
		var r ranking
		call(t, http.MethodGet, best, nil, http.StatusOK, &r)
		if len(r.Items) != 2 || r.Items[0].Book.ID != first.ID || r.Items[0].Count != 4 || r.Items[1].Count != 2 {
			return fmt.Errorf("GET %s: %+v; want %s with 4 units, then %s with 2", best, r.Items, first.ID, second.ID)
		}
		return nil
	})
	also := s.API + "/api/books/" + first.ID + "/also-bought"
	eventually(t, projectionTimeout, func() error {
		var r ranking
		call(t, http.MethodGet, also, nil, http.StatusOK, &r)
		if len(r.Items) != 1 || r.Items[0].Book.ID != second.ID || r.Items[0].Count != 2 {
			return fmt.Errorf("GET %s: %+v; want %s bought together twice", also, r.Items, second.ID)
		}
		return nil
	})
	var all ranking
	call(t, http.MethodGet, s.API+"/api/bestsellers", nil, http.StatusOK, &all)
	if len(all.Items) == 0 {
		t.Error("the all-time best sellers are empty after two orders")
	}

	t.Run("storefront", func(t *testing.T) { discoveryStorefront(t, s, first, second, stamp) })
}

// discoveryStorefront walks the discovery pages in a real browser: the
// catalog's best-sellers strip, the header's search box to the results page
// (a deep link), the book page's "Customers also bought" and the best
// sellers page with its period filter.
func discoveryStorefront(t *testing.T, s *stack, first, second book, stamp int64) {
	b := browsertest.New(t, browsertest.WithBaseURL(s.API), browsertest.WithTimeout(30*time.Second))
	b.Navigate("/?category=discovery-test")
	b.WaitVisible(`[data-testid="bestsellers-strip"] [data-book-id="` + first.ID + `"]`)
	if got := b.CountRequests("/api/"); got != 2 {
		t.Errorf("the catalog made %d API requests, want 2 (books, then best sellers): %+v", got, b.Requests())
	}

	b.SendKeys(`[data-testid="search-input"]`, fmt.Sprintf("quillfeather atlas %d\n", stamp))
	b.WaitVisible(`[data-testid="search-results"] [data-book-id="` + second.ID + `"]`)
	if n := b.Count(`[data-testid="search-results"] [data-testid="book-card"]`); n != 1 {
		t.Errorf("the search shows %d books, want 1", n)
	}
	if loc := b.Location(); !strings.Contains(loc, "/search?q=quillfeather") {
		t.Errorf("the results page is at %s, want /search?q=…", loc)
	}
	b.CheckA11y("search results (local stack)")
	b.Reload() // a deep link
	b.WaitVisible(`[data-testid="search-results"] [data-book-id="` + second.ID + `"]`)
	if v := b.Value(`[data-testid="search-input"]`); !strings.HasPrefix(v, "quillfeather atlas") {
		t.Errorf("the search box holds %q after a reload", v)
	}

	b.Navigate("/search?q=zz" + fmt.Sprint(stamp))
	b.WaitVisible(`[data-testid="search-empty"]`)

	b.Navigate("/books/" + first.ID)
	b.WaitVisible(`[data-testid="also-bought"] [data-book-id="` + second.ID + `"]`)
	b.CheckA11y("book with also-bought (local stack)")

	b.Navigate("/bestsellers?category=discovery-test&period=30d")
	b.WaitVisible(`[data-testid="bestsellers-page"] [data-book-id="` + first.ID + `"]`)
	if got := b.Text(`[data-testid="bestsellers-page"] [data-book-id="` + first.ID + `"] [data-testid="bestseller-count"]`); got != "4 sold" {
		t.Errorf("the first best seller shows %q, want 4 sold", got)
	}
	b.CheckA11y("best sellers (local stack)")
}
