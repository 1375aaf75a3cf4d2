package app_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

type discoveryFixture struct {
	books     *memory.BookRepository
	projector *app.Projector
	discovery *app.Discovery
	now       time.Time
}

func newDiscoveryFixture(t *testing.T) discoveryFixture {
	t.Helper()
	f := discoveryFixture{books: memory.NewBookRepository(), now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)}
	index, ledger := memory.NewSearchIndex(), memory.NewSalesLedger()
	cursors, err := app.NewCursorCodec([]byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	if f.projector, err = app.NewProjector(index, ledger, f.books); err != nil {
		t.Fatal(err)
	}
	if f.discovery, err = app.NewDiscovery(index, ledger, f.books, apptest.NewClock(f.now), cursors); err != nil {
		t.Fatal(err)
	}
	return f
}

// addBook stores a book and projects its creation.
func (f discoveryFixture) addBook(t *testing.T, id, title, author, category string) domain.Book {
	t.Helper()
	b, err := domain.NewBook(domain.BookID(id), domain.BookDetails{Title: title, Author: author, Category: category, PriceCents: 1000, Stock: 10}, f.now)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.books.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	if err := f.projector.BookChanged(context.Background(), app.BookChange{New: &b}); err != nil {
		t.Fatal(err)
	}
	return b
}

func (f discoveryFixture) order(t *testing.T, id string, books ...domain.Book) domain.Order {
	t.Helper()
	var lines []domain.OrderLine
	for _, b := range books {
		lines = append(lines, domain.OrderLine{BookID: b.ID(), Title: b.Title(), UnitPrice: b.Price(), Qty: 1})
	}
	o, err := domain.NewOrder(domain.OrderID(id), "user-1", lines, domain.DefaultShippingPolicy, f.now)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.projector.OrderChanged(context.Background(), app.OrderChange{New: &o}); err != nil {
		t.Fatal(err)
	}
	return o
}

func titles(books []domain.Book) []string {
	out := make([]string, len(books))
	for i, b := range books {
		out[i] = b.Title()
	}
	return out
}

func TestDiscoverySearchPagesAndSkipsDeletedBooks(t *testing.T) {
	f := newDiscoveryFixture(t)
	ctx := context.Background()
	f.addBook(t, "B1", "Saga of Ice", "Ann", "fantasy")
	gone := f.addBook(t, "B2", "Saga of Fire", "Ann", "fantasy")
	f.addBook(t, "B3", "Saga of Wind", "Ann", "fantasy")
	// Deleted, but the index has not heard of it yet.
	if _, err := f.books.Delete(ctx, gone.ID(), 0); err != nil {
		t.Fatal(err)
	}
	page, err := f.discovery.Search(ctx, app.SearchRequest{Query: "saga", Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(page.Books); !slices.Equal(got, []string{"Saga of Ice"}) || page.NextCursor == "" {
		t.Fatalf("first page %v, cursor %q", got, page.NextCursor)
	}
	next, err := f.discovery.Search(ctx, app.SearchRequest{Query: "SAGA", Limit: 2, Cursor: page.NextCursor})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(next.Books); !slices.Equal(got, []string{"Saga of Wind"}) || next.NextCursor != "" {
		t.Fatalf("second page %v, cursor %q", got, next.NextCursor)
	}
	if _, err := f.discovery.Search(ctx, app.SearchRequest{Query: "sagas", Cursor: page.NextCursor}); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("a cursor of another search = %v, want invalid", err)
	}
}

func TestDiscoveryValidation(t *testing.T) {
	f := newDiscoveryFixture(t)
	ctx := context.Background()
	_, err := f.discovery.Search(ctx, app.SearchRequest{Query: "x", Limit: 51, Category: "!!", Cursor: "bad"})
	if got := fieldNames(t, err); !slices.Equal(got, []string{"q", "category", "limit", "cursor"}) {
		t.Errorf("search fields %v", got)
	}
	_, err = f.discovery.BestSellers(ctx, app.BestSellersRequest{Period: "7d", Limit: -1})
	if got := fieldNames(t, err); !slices.Equal(got, []string{"period", "limit"}) {
		t.Errorf("best sellers fields %v", got)
	}
	_, err = f.discovery.AlsoBought(ctx, "B1", 99)
	if got := fieldNames(t, err); !slices.Equal(got, []string{"limit"}) {
		t.Errorf("also bought fields %v", got)
	}
	if _, err := f.discovery.AlsoBought(ctx, "missing", 0); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("also bought of a missing book = %v", err)
	}
}

func TestDiscoveryRankingsFollowOrders(t *testing.T) {
	f := newDiscoveryFixture(t)
	ctx := context.Background()
	a := f.addBook(t, "B1", "Alpha", "Ann", "fiction")
	b := f.addBook(t, "B2", "Beta", "Ann", "poetry")
	c := f.addBook(t, "B3", "Gamma", "Ann", "fiction")
	f.order(t, "O1", a, b)
	f.order(t, "O2", a, c)
	o3 := f.order(t, "O3", b)
	best, err := f.discovery.BestSellers(ctx, app.BestSellersRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(best) != 3 || best[0].Book.ID() != a.ID() || best[0].Count != 2 || best[1].Book.ID() != b.ID() {
		t.Fatalf("best sellers %+v", best)
	}
	fiction, err := f.discovery.BestSellers(ctx, app.BestSellersRequest{Category: "Fiction", Period: "30d", Limit: 1})
	if err != nil || len(fiction) != 1 || fiction[0].Book.ID() != a.ID() {
		t.Fatalf("fiction best sellers %+v, %v", fiction, err)
	}
	cancelled := o3
	if err := cancelled.Cancel(domain.ActorOwner, f.now); err != nil {
		t.Fatal(err)
	}
	if err := f.projector.OrderChanged(ctx, app.OrderChange{Old: &o3, New: &cancelled}); err != nil {
		t.Fatal(err)
	}
	also, err := f.discovery.AlsoBought(ctx, a.ID(), 0)
	if err != nil || len(also) != 2 || also[0].Book.ID() != b.ID() || also[1].Book.ID() != c.ID() {
		t.Fatalf("also bought %+v, %v", also, err)
	}
	best, _ = f.discovery.BestSellers(ctx, app.BestSellersRequest{Category: "poetry"})
	if len(best) != 1 || best[0].Count != 1 {
		t.Fatalf("poetry after the cancellation %+v", best)
	}
}

// TestProjectionReplayRebuildsProjectionsOnce: a replay projects the stored
// books and orders (a cancelled order counts nothing), and replaying again
// changes nothing.
func TestProjectionReplayRebuildsProjectionsOnce(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	books := memory.NewBookRepository()
	orders, err := memory.NewOrderRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	var stored []domain.Book
	for _, title := range []string{"Alpha Saga", "Beta Saga"} {
		b, err := domain.NewBook(domain.BookID("B-"+title), domain.BookDetails{Title: title, Author: "Ann", Category: "fiction", PriceCents: 1000, Stock: 10}, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := books.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, b)
	}
	place := func(id string, bs ...domain.Book) {
		var lines []domain.OrderLine
		for _, b := range bs {
			lines = append(lines, domain.OrderLine{BookID: b.ID(), Title: b.Title(), UnitPrice: b.Price(), Qty: 1})
		}
		o, err := domain.NewOrder(domain.OrderID(id), "user-1", lines, domain.DefaultShippingPolicy, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := orders.PlaceOrder(ctx, o, app.IdempotencyRecord{UserID: "user-1", Key: id, OrderID: o.ID(), ExpiresAt: now.Add(time.Hour)}, now); err != nil {
			t.Fatal(err)
		}
	}
	place("O1", stored...)
	place("O2", stored[0])
	if _, err := orders.Update(ctx, "O2", func(o *domain.Order) error { return o.Cancel(domain.ActorOwner, now) }); err != nil {
		t.Fatal(err)
	}

	index, ledger := memory.NewSearchIndex(), memory.NewSalesLedger()
	cursors, err := app.NewCursorCodec([]byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	projector, err := app.NewProjector(index, ledger, books)
	if err != nil {
		t.Fatal(err)
	}
	discovery, err := app.NewDiscovery(index, ledger, books, apptest.NewClock(now), cursors)
	if err != nil {
		t.Fatal(err)
	}
	replay, err := app.NewProjectionReplay(books, orders, projector)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		counts, err := replay.Run(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if want := (app.ReplayCounts{Books: 2, Orders: 2}); counts != want {
			t.Fatalf("replay counts = %+v, want %+v", counts, want)
		}
		page, err := discovery.Search(ctx, app.SearchRequest{Query: "saga"})
		if err != nil || len(page.Books) != 2 {
			t.Fatalf("search after the replay: %v, %v", titles(page.Books), err)
		}
		best, err := discovery.BestSellers(ctx, app.BestSellersRequest{})
		if err != nil || len(best) != 2 || best[0].Count != 1 || best[1].Count != 1 {
			t.Fatalf("best sellers after the replay: %+v, %v", best, err)
		}
	}
}
