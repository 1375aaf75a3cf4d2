package porttest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// OrderStores are an OrderRepository and the BookRepository over the same
// storage, whose books the orders take stock from.
type OrderStores struct {
	Orders app.OrderRepository
	Books  app.BookRepository
}

// OrderRepository runs the app.OrderRepository contract, including the
// atomicity of PlaceOrder and of cancelling through Update, and their
// behaviour under concurrency: every case below as a subtest, each with its
// own stores. newStores must return empty stores that no other test uses.
// The use cases over this port (app.Orders) are tested in package app.
func OrderRepository(t *testing.T, newStores func(t *testing.T) OrderStores) {
	runCases(t, newStores, []suiteCase[OrderStores]{
		{name: "place order takes stock, bumps book versions and stores the order", run: testOrderPlace},
		{name: "short stock names every short book and writes nothing", run: testOrderPlaceShortStock},
		{name: "missing book is not found and writes nothing", run: testOrderPlaceMissingBook},
		{name: "changed price is reported and writes nothing", run: testOrderPlaceChangedPrice},
		{name: "a held idempotency key refuses the order; an expired one is reused; keys are per user", run: testOrderIdempotencyKeys},
		{name: "get missing order is not found", run: testOrderGetMissing},
		{name: "update stores the callback's result; a failing callback persists nothing", run: testOrderUpdate},
		{name: "cancelling gives the stock back atomically, skipping deleted books", run: testOrderCancelGivesStockBack},
		{name: "listings are newest first, paginated and filtered", run: testOrderListings},
		{name: "200 concurrent checkouts of a book with stock 10 sell exactly 10", run: testOrderConcurrentCheckouts, serial: true},
		{name: "20 concurrent retries with one idempotency key place one order", run: testOrderConcurrentRetriesOneKey, serial: true},
		{name: "cancel raced with ship: exactly one wins", run: testOrderCancelRacedWithShip, serial: true},
	})
}

func testOrderPlace(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a, b := stockedBook(t, s, 5, 1250), stockedBook(t, s, 3, 999)
	order := newOrder(t, "user-a", line(a, 2), line(b, 3))
	must(t, s.Orders.PlaceOrder(ctx, order, record("user-a", "k1", order), epoch))
	assertStock(t, s, a.ID(), 3, a.Version()+1)
	assertStock(t, s, b.ID(), 0, b.Version()+1)
	got, err := s.Orders.Get(ctx, order.ID())
	must(t, err)
	assertSameOrder(t, got, order)
	if got.Subtotal().Cents() != 2*1250+3*999 || got.Shipping().Cents() != 1000 || got.Total().Cents() != 2*1250+3*999+1000 {
		t.Errorf("amounts: subtotal %d shipping %d total %d", got.Subtotal().Cents(), got.Shipping().Cents(), got.Total().Cents())
	}
	rec, err := s.Orders.FindIdempotency(ctx, "user-a", "k1", epoch)
	must(t, err)
	if rec.OrderID != order.ID() || rec.RequestHash != "hash-"+string(order.ID()) || !rec.ExpiresAt.Equal(epoch.Add(app.IdempotencyTTL).Truncate(time.Second)) {
		t.Errorf("idempotency record = %+v", rec)
	}
}

func testOrderPlaceShortStock(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a, b, c := stockedBook(t, s, 1, 100), stockedBook(t, s, 9, 100), stockedBook(t, s, 0, 100)
	order := newOrder(t, "user-a", line(a, 2), line(b, 3), line(c, 1))
	err := s.Orders.PlaceOrder(ctx, order, record("user-a", "k1", order), epoch)
	var oos *domain.OutOfStockError
	if !errors.As(err, &oos) || !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("PlaceOrder = %v, want a *domain.OutOfStockError", err)
	}
	if want := []domain.BookID{a.ID(), c.ID()}; !slices.Equal(oos.BookIDs, want) {
		t.Errorf("short books = %v, want %v", oos.BookIDs, want)
	}
	assertNothingPlaced(t, s, order, "user-a", "k1")
	assertStock(t, s, a.ID(), 1, a.Version())
	assertStock(t, s, b.ID(), 9, b.Version())
}

func testOrderPlaceMissingBook(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a := stockedBook(t, s, 5, 100)
	ghost := newBook(t, details("Ghost", "Nobody", "none"))
	order := newOrder(t, "user-a", line(a, 1), line(ghost, 1))
	err := s.Orders.PlaceOrder(ctx, order, record("user-a", "k1", order), epoch)
	var nf *domain.NotFoundError
	if !errors.As(err, &nf) || nf.ID != string(ghost.ID()) {
		t.Fatalf("PlaceOrder = %v, want a *domain.NotFoundError for %s", err, ghost.ID())
	}
	assertNothingPlaced(t, s, order, "user-a", "k1")
	assertStock(t, s, a.ID(), 5, a.Version())
}

func testOrderPlaceChangedPrice(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a := stockedBook(t, s, 5, 100)
	order := newOrder(t, "user-a", line(a, 1))
	d := a.Snapshot().Details
	d.PriceCents = 200
	a, err := s.Books.Update(ctx, a.ID(), func(b *domain.Book) error { return b.Revise(d, later) })
	must(t, err)
	err = s.Orders.PlaceOrder(ctx, order, record("user-a", "k1", order), epoch)
	if !errors.Is(err, app.ErrCatalogChanged) {
		t.Fatalf("PlaceOrder = %v, want app.ErrCatalogChanged", err)
	}
	assertNothingPlaced(t, s, order, "user-a", "k1")
	assertStock(t, s, a.ID(), 5, a.Version())
}

func testOrderIdempotencyKeys(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a := stockedBook(t, s, 10, 100)
	first := newOrder(t, "user-a", line(a, 1))
	must(t, s.Orders.PlaceOrder(ctx, first, record("user-a", "k1", first), epoch))
	second := newOrder(t, "user-a", line(a, 1))
	err := s.Orders.PlaceOrder(ctx, second, record("user-a", "k1", second), epoch.Add(time.Hour))
	if !errors.Is(err, app.ErrIdempotencyKeyTaken) {
		t.Fatalf("PlaceOrder with a held key = %v, want app.ErrIdempotencyKeyTaken", err)
	}
	assertNothingPlaced(t, s, second, "", "")
	assertStock(t, s, a.ID(), 9, a.Version()+1)

	other := newOrder(t, "user-b", line(a, 1))
	must(t, s.Orders.PlaceOrder(ctx, other, record("user-b", "k1", other), epoch))

	expiry := epoch.Add(app.IdempotencyTTL).Truncate(time.Second)
	if _, err := s.Orders.FindIdempotency(ctx, "user-a", "k1", expiry.Add(-time.Millisecond)); err != nil {
		t.Fatalf("FindIdempotency just before expiry = %v", err)
	}
	if _, err := s.Orders.FindIdempotency(ctx, "user-a", "k1", expiry); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("FindIdempotency at expiry = %v, want domain.ErrNotFound", err)
	}
	renewed := record("user-a", "k1", second)
	renewed.ExpiresAt = expiry.Add(app.IdempotencyTTL)
	must(t, s.Orders.PlaceOrder(ctx, second, renewed, expiry))
	rec, err := s.Orders.FindIdempotency(ctx, "user-a", "k1", expiry)
	must(t, err)
	if rec.OrderID != second.ID() {
		t.Fatalf("record after reuse points at %s, want %s", rec.OrderID, second.ID())
	}
}

func testOrderGetMissing(t *testing.T, s OrderStores) {
	_, err := s.Orders.Get(context.Background(), domain.OrderID(newID()))
	var nf *domain.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("Get = %v, want a *domain.NotFoundError", err)
	}
}

func testOrderUpdate(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a := stockedBook(t, s, 5, 100)
	order := placed(t, s, "user-a", line(a, 2))
	got, err := s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error { return o.Advance(domain.OrderConfirmed, later) })
	must(t, err)
	if got.Status() != domain.OrderConfirmed || got.Version() != 2 {
		t.Fatalf("Update returned %s v%d", got.Status(), got.Version())
	}
	boom := errors.New("boom")
	if _, err := s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error {
		must(t, o.Advance(domain.OrderShipped, later))
		return boom
	}); !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want the callback's error", err)
	}
	stored, err := s.Orders.Get(ctx, order.ID())
	must(t, err)
	assertSameOrder(t, stored, got)
	assertStock(t, s, a.ID(), 3, a.Version()+1)
	if _, err := s.Orders.Update(ctx, domain.OrderID(newID()), func(*domain.Order) error { return nil }); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Update missing = %v, want domain.ErrNotFound", err)
	}
}

func testOrderCancelGivesStockBack(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a, b := stockedBook(t, s, 5, 100), stockedBook(t, s, 5, 100)
	order := placed(t, s, "user-a", line(a, 2), line(b, 1))
	_, err := s.Books.Delete(ctx, b.ID(), 0)
	must(t, err)
	got, err := s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error { return o.Cancel(domain.ActorOwner, later) })
	must(t, err)
	if got.Status() != domain.OrderCancelled {
		t.Fatalf("status = %s", got.Status())
	}
	assertStock(t, s, a.ID(), 5, a.Version()+2)
	if _, err := s.Books.Get(ctx, b.ID()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("deleted book came back: %v", err)
	}
	// A second cancellation is refused by the domain and gives nothing back.
	if _, err := s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error { return o.Cancel(domain.ActorAdmin, later) }); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second cancel = %v, want domain.ErrConflict", err)
	}
	assertStock(t, s, a.ID(), 5, a.Version()+2)
}

func testOrderListings(t *testing.T, s OrderStores) {
	ctx := context.Background()
	a := stockedBook(t, s, 100, 100)
	var mine []domain.OrderID
	for range 7 {
		mine = append(mine, placed(t, s, "user-a", line(a, 1)).ID())
		placed(t, s, "user-b", line(a, 1))
	}
	slices.Reverse(mine)
	got := walkOrders(t, func(after string) (app.OrderListPage, error) { return s.Orders.ListByUser(ctx, "user-a", 3, after) }, 3)
	if !slices.Equal(got, mine) {
		t.Fatalf("user-a's orders\n got %v\nwant %v", got, mine)
	}
	_, err := s.Orders.Update(ctx, mine[2], func(o *domain.Order) error { return o.Advance(domain.OrderConfirmed, later) })
	must(t, err)
	_, err = s.Orders.Update(ctx, mine[5], func(o *domain.Order) error { return o.Advance(domain.OrderConfirmed, later) })
	must(t, err)
	got = walkOrders(t, func(after string) (app.OrderListPage, error) {
		return s.Orders.ListByStatus(ctx, domain.OrderConfirmed, 1, after)
	}, 2)
	if want := []domain.OrderID{mine[2], mine[5]}; !slices.Equal(got, want) {
		t.Fatalf("confirmed orders %v, want %v", got, want)
	}
	page, err := s.Orders.ListByUser(ctx, "nobody", 10, "")
	must(t, err)
	if len(page.Orders) != 0 || page.Next != "" {
		t.Fatalf("listing of a user without orders = %+v", page)
	}
}

// testOrderConcurrentCheckouts places 200 orders of one copy each, by 200
// users, at once.
func testOrderConcurrentCheckouts(t *testing.T, s OrderStores) {
	ctx := context.Background()
	book := stockedBook(t, s, 10, 1500)
	const buyers = 200
	orders := make([]domain.Order, buyers)
	for i := range orders {
		orders[i] = newOrder(t, fmt.Sprintf("buyer-%03d", i), line(book, 1))
	}
	var placedN, outOfStock int
	var mu sync.Mutex
	var other []error
	var wg sync.WaitGroup
	for _, o := range orders {
		wg.Go(func() {
			err := s.Orders.PlaceOrder(ctx, o, record(o.UserID(), "key", o), epoch)
			var oos *domain.OutOfStockError
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				placedN++
			case errors.As(err, &oos) && slices.Equal(oos.BookIDs, []domain.BookID{book.ID()}):
				outOfStock++
			default:
				other = append(other, err)
			}
		})
	}
	wg.Wait()
	if placedN != 10 || outOfStock != buyers-10 || len(other) > 0 {
		t.Fatalf("%d placed, %d out of stock, other errors %v; want 10 and %d", placedN, outOfStock, other, buyers-10)
	}
	assertStock(t, s, book.ID(), 0, book.Version()+10)
	pending := walkOrders(t, func(after string) (app.OrderListPage, error) {
		return s.Orders.ListByStatus(ctx, domain.OrderPending, app.MaxPageSize, after)
	}, 1)
	if len(pending) != 10 {
		t.Fatalf("%d orders stored, want 10", len(pending))
	}
}

// testOrderConcurrentRetriesOneKey places 20 orders of one user under one
// idempotency key at once, as retries of one checkout do.
func testOrderConcurrentRetriesOneKey(t *testing.T, s OrderStores) {
	ctx := context.Background()
	book := stockedBook(t, s, 50, 700)
	attempts := make([]domain.Order, 20)
	for i := range attempts {
		attempts[i] = newOrder(t, "user-a", line(book, 2))
	}
	errs := make([]error, len(attempts))
	var wg sync.WaitGroup
	for i, o := range attempts {
		wg.Go(func() { errs[i] = s.Orders.PlaceOrder(ctx, o, record("user-a", "same-key", o), epoch) })
	}
	wg.Wait()
	var winners []domain.Order
	for i, err := range errs {
		switch {
		case err == nil:
			winners = append(winners, attempts[i])
		case !errors.Is(err, app.ErrIdempotencyKeyTaken):
			t.Errorf("PlaceOrder = %v, want nil or app.ErrIdempotencyKeyTaken", err)
		}
	}
	if len(winners) != 1 {
		t.Fatalf("%d orders placed for one key, want 1", len(winners))
	}
	rec, err := s.Orders.FindIdempotency(ctx, "user-a", "same-key", epoch)
	must(t, err)
	if rec.OrderID != winners[0].ID() {
		t.Fatalf("record points at %s, want the placed order %s", rec.OrderID, winners[0].ID())
	}
	for _, o := range attempts {
		if o.ID() != winners[0].ID() {
			assertNothingPlaced(t, s, o, "", "")
		}
	}
	assertStock(t, s, book.ID(), 48, book.Version()+1)
	page, err := s.Orders.ListByUser(ctx, "user-a", 10, "")
	must(t, err)
	if len(page.Orders) != 1 {
		t.Fatalf("%d orders stored, want 1", len(page.Orders))
	}
}

// testOrderCancelRacedWithShip races a cancellation with shipping, as an
// admin's two requests would, for several confirmed orders.
func testOrderCancelRacedWithShip(t *testing.T, s OrderStores) {
	ctx := context.Background()
	book := stockedBook(t, s, 100, 100)
	const rounds = 8
	for range rounds {
		order := placed(t, s, "user-a", line(book, 1))
		_, err := s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error { return o.Advance(domain.OrderConfirmed, later) })
		must(t, err)
		var cancelErr, shipErr error
		var wg sync.WaitGroup
		wg.Go(func() {
			_, cancelErr = s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error { return o.Cancel(domain.ActorAdmin, later) })
		})
		wg.Go(func() {
			_, shipErr = s.Orders.Update(ctx, order.ID(), func(o *domain.Order) error { return o.Advance(domain.OrderShipped, later) })
		})
		wg.Wait()
		if (cancelErr == nil) == (shipErr == nil) {
			t.Fatalf("cancel: %v, ship: %v; want exactly one to win", cancelErr, shipErr)
		}
		loser := cancelErr
		if loser == nil {
			loser = shipErr
		}
		var te *domain.TransitionError
		if !errors.As(loser, &te) {
			t.Fatalf("loser = %v, want a *domain.TransitionError", loser)
		}
		got, err := s.Orders.Get(ctx, order.ID())
		must(t, err)
		if want := map[bool]domain.OrderStatus{true: domain.OrderCancelled, false: domain.OrderShipped}[cancelErr == nil]; got.Status() != want {
			t.Fatalf("status %s, want %s", got.Status(), want)
		}
	}
	b, err := s.Books.Get(ctx, book.ID())
	must(t, err)
	shippedOrders := walkOrders(t, func(after string) (app.OrderListPage, error) {
		return s.Orders.ListByStatus(ctx, domain.OrderShipped, app.MaxPageSize, after)
	}, 1)
	if b.Stock() != 100-len(shippedOrders) {
		t.Fatalf("stock %d after %d shipped orders, want %d", b.Stock(), len(shippedOrders), 100-len(shippedOrders))
	}
}

// Helpers of the OrderRepository suite.

// stockedBook stores a book with the given stock and price in EUR.
func stockedBook(t *testing.T, s OrderStores, stock int, priceCents int64) domain.Book {
	t.Helper()
	d := details("Stocked", "Author", "fiction")
	d.Stock, d.PriceCents = stock, priceCents
	b := newBook(t, d)
	must(t, s.Books.Create(context.Background(), b))
	return b
}

func line(b domain.Book, qty int) domain.OrderLine {
	return domain.OrderLine{BookID: b.ID(), Title: b.Title(), UnitPrice: b.Price(), Qty: qty}
}

func newOrder(t *testing.T, userID string, lines ...domain.OrderLine) domain.Order {
	t.Helper()
	o, err := domain.NewOrder(domain.OrderID(newID()), userID, lines, domain.DefaultShippingPolicy, epoch)
	must(t, err)
	return o
}

func record(userID, key string, o domain.Order) app.IdempotencyRecord {
	return app.IdempotencyRecord{UserID: userID, Key: key, RequestHash: "hash-" + string(o.ID()), OrderID: o.ID(), ExpiresAt: epoch.Add(app.IdempotencyTTL).Truncate(time.Second)}
}

// placed stores a new order of userID under a fresh key.
func placed(t *testing.T, s OrderStores, userID string, lines ...domain.OrderLine) domain.Order {
	t.Helper()
	o := newOrder(t, userID, lines...)
	must(t, s.Orders.PlaceOrder(context.Background(), o, record(userID, "key-"+string(o.ID()), o), epoch))
	return o
}

func assertStock(t *testing.T, s OrderStores, id domain.BookID, stock int, version int64) {
	t.Helper()
	b, err := s.Books.Get(context.Background(), id)
	must(t, err)
	if b.Stock() != stock || b.Version() != version {
		t.Errorf("book %s: stock %d version %d, want stock %d version %d", id, b.Stock(), b.Version(), stock, version)
	}
}

// assertNothingPlaced checks that neither the order nor (when key is set)
// the user's idempotency record exists.
func assertNothingPlaced(t *testing.T, s OrderStores, o domain.Order, userID, key string) {
	t.Helper()
	ctx := context.Background()
	if _, err := s.Orders.Get(ctx, o.ID()); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("order %s: Get = %v, want not found", o.ID(), err)
	}
	if key == "" {
		return
	}
	if _, err := s.Orders.FindIdempotency(ctx, userID, key, epoch); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("idempotency key %q: FindIdempotency = %v, want not found", key, err)
	}
}

func assertSameOrder(t *testing.T, got, want domain.Order) {
	t.Helper()
	g, w := got.Snapshot(), want.Snapshot()
	if !g.CreatedAt.Equal(w.CreatedAt) || !g.UpdatedAt.Equal(w.UpdatedAt) {
		t.Errorf("times: got %v %v, want %v %v", g.CreatedAt, g.UpdatedAt, w.CreatedAt, w.UpdatedAt)
	}
	g.CreatedAt, g.UpdatedAt, w.CreatedAt, w.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if fmt.Sprintf("%+v", g) != fmt.Sprintf("%+v", w) {
		t.Errorf("order differs:\n got %+v\nwant %+v", g, w)
	}
}

// walkOrders follows Next to the last page and checks the page count.
func walkOrders(t *testing.T, list func(after string) (app.OrderListPage, error), wantPages int) []domain.OrderID {
	t.Helper()
	var got []domain.OrderID
	after := ""
	for pages := 1; ; pages++ {
		page, err := list(after)
		must(t, err)
		for _, o := range page.Orders {
			got = append(got, o.ID())
		}
		if page.Next == "" {
			if pages != wantPages {
				t.Fatalf("walk took %d pages, want %d", pages, wantPages)
			}
			return got
		}
		if pages > wantPages {
			t.Fatalf("walk goes past %d pages", wantPages)
		}
		after = page.Next
	}
}
