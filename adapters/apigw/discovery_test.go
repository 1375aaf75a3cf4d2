package apigw_test

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// discoveryFixture is a handler serving the catalog and discovery over
// memory adapters, with the projection run in-process as the embedded mode
// does.
type discoveryFixture struct {
	*fixture
	projector *app.Projector
}

func newDiscoveryFixture(t *testing.T) *discoveryFixture {
	t.Helper()
	books := memory.NewBookRepository()
	f := newFixtureWith(t, books, testConfig)
	index, ledger := memory.NewSearchIndex(), memory.NewSalesLedger()
	projector, err := app.NewProjector(index, ledger, books)
	if err != nil {
		t.Fatal(err)
	}
	books.OnBookChanged(func(ctx context.Context, c app.BookChange) {
		if err := projector.BookChanged(ctx, c); err != nil {
			t.Error(err)
		}
	})
	cursors, err := app.NewCursorCodec([]byte("cursor-signing-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	discovery, err := app.NewDiscovery(index, ledger, books, newClock(), cursors)
	if err != nil {
		t.Fatal(err)
	}
	if f.handler, err = apigw.NewHandler(apigw.Services{Catalog: f.catalog, Discovery: discovery}, testConfig, nil); err != nil {
		t.Fatal(err)
	}
	return &discoveryFixture{fixture: f, projector: projector}
}

type searchPage struct {
	Items []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"items"`
	NextCursor *string `json:"nextCursor"`
}

func TestSearchFindsBooksPageByPage(t *testing.T) {
	f := newDiscoveryFixture(t)
	f.seed(t,
		domain.BookDetails{Title: "Wuthering Heights", Author: "Emily Brontë", Category: "classics", PriceCents: 999, Stock: 3},
		domain.BookDetails{Title: "Jane Eyre", Author: "Charlotte Brontë", Category: "classics", PriceCents: 999, Stock: 3},
		domain.BookDetails{Title: "Brontë Letters", Author: "Someone", Category: "letters", PriceCents: 999, Stock: 3},
	)
	resp := f.serve(t, newEvent(t, "GET", "/api/search?q=BRONTE&limit=2"))
	wantStatus(t, resp, 200)
	var first searchPage
	if err := json.Unmarshal([]byte(resp.Body), &first); err != nil {
		t.Fatal(err)
	}
	if len(first.Items) != 2 || first.Items[0].Title != "Brontë Letters" || first.NextCursor == nil {
		t.Fatalf("first page %s", resp.Body)
	}
	resp = f.serve(t, newEvent(t, "GET", "/api/search?q=BRONTE&limit=2&cursor="+url.QueryEscape(*first.NextCursor)))
	wantStatus(t, resp, 200)
	var second searchPage
	if err := json.Unmarshal([]byte(resp.Body), &second); err != nil {
		t.Fatal(err)
	}
	if len(second.Items) != 1 || second.NextCursor != nil {
		t.Fatalf("second page %s", resp.Body)
	}
	resp = f.serve(t, newEvent(t, "GET", "/api/search?q=bronte&category=letters"))
	wantStatus(t, resp, 200)
	if v := decodeJSON(t, resp); len(v["items"].([]any)) != 1 {
		t.Errorf("category letters: %s", resp.Body)
	}
}

func TestDiscoveryBadInputIsAProblemNamingTheField(t *testing.T) {
	f := newDiscoveryFixture(t)
	tests := []struct{ target, field string }{
		{"/api/search", "q"},
		{"/api/search?q=a", "q"},
		{"/api/search?q=" + strings.Repeat("a", 101), "q"},
		{"/api/search?q=dune&limit=0", "limit"},
		{"/api/search?q=dune&limit=x", "limit"},
		{"/api/search?q=dune&cursor=forged", "cursor"},
		{"/api/bestsellers?period=week", "period"},
		{"/api/bestsellers?limit=51", "limit"},
		{"/api/bestsellers?category=%21%21", "category"},
		{"/api/books/book-0001/also-bought?limit=0", "limit"},
	}
	for _, tt := range tests {
		resp := f.serve(t, newEvent(t, "GET", tt.target))
		if resp.StatusCode != 400 {
			t.Errorf("GET %s: status %d, want 400: %s", tt.target, resp.StatusCode, resp.Body)
			continue
		}
		if p := decodeProblem(t, resp); len(p.Errors) == 0 || p.Errors[0].Field != tt.field {
			t.Errorf("GET %s: errors %+v, want field %q", tt.target, p.Errors, tt.field)
		}
	}
	resp := f.serve(t, newEvent(t, "GET", "/api/books/missing/also-bought"))
	wantStatus(t, resp, 404)
	decodeProblem(t, resp)
}

func TestRankingsListBooksWithCounts(t *testing.T) {
	f := newDiscoveryFixture(t)
	books := f.seed(t,
		domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "science-fiction", PriceCents: 1499, Stock: 9},
		domain.BookDetails{Title: "Dawn", Author: "Octavia E. Butler", Category: "science-fiction", PriceCents: 1299, Stock: 9},
	)
	lines := []domain.OrderLine{{BookID: books[0].ID(), Title: "Kindred", UnitPrice: books[0].Price(), Qty: 2},
		{BookID: books[1].ID(), Title: "Dawn", UnitPrice: books[1].Price(), Qty: 1}}
	o, err := domain.NewOrder("order-1", "user-1", lines, domain.DefaultShippingPolicy, epoch)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.projector.OrderChanged(context.Background(), app.OrderChange{New: &o}); err != nil {
		t.Fatal(err)
	}
	type ranking struct {
		Items []struct {
			Book  struct{ ID string } `json:"book"`
			Count int64               `json:"count"`
		} `json:"items"`
	}
	resp := f.serve(t, newEvent(t, "GET", "/api/bestsellers?period=30d"))
	wantStatus(t, resp, 200)
	// Rankings are public reads, like the catalog: caches may keep them.
	if got := resp.Headers["Cache-Control"]; got != "" {
		t.Errorf("best sellers: Cache-Control = %q, want none", got)
	}
	var best ranking
	if err := json.Unmarshal([]byte(resp.Body), &best); err != nil {
		t.Fatal(err)
	}
	if len(best.Items) != 2 || best.Items[0].Book.ID != string(books[0].ID()) || best.Items[0].Count != 2 {
		t.Errorf("best sellers %s", resp.Body)
	}
	resp = f.serve(t, newEvent(t, "GET", "/api/books/"+string(books[1].ID())+"/also-bought"))
	wantStatus(t, resp, 200)
	var also ranking
	if err := json.Unmarshal([]byte(resp.Body), &also); err != nil {
		t.Fatal(err)
	}
	if len(also.Items) != 1 || also.Items[0].Book.ID != string(books[0].ID()) || also.Items[0].Count != 1 {
		t.Errorf("also bought %s", resp.Body)
	}
}

// A function without the discovery use case does not serve its routes.
func TestDiscoveryRoutesNeedTheDiscoveryService(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/api/search?q=dune", "/api/bestsellers", "/api/books/b/also-bought"} {
		resp := f.serve(t, newEvent(t, "GET", target))
		wantStatus(t, resp, 404)
	}
}
