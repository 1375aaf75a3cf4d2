package app_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// ordersFixture is the order use cases over memory adapters, with the wall
// clock and ULIDs of production.
type ordersFixture struct {
	orders *app.Orders
	books  *memory.BookRepository
}

func newOrdersFixture(t *testing.T) ordersFixture {
	t.Helper()
	return newOrdersFixtureWith(t, system.Clock{}, func(r app.OrderRepository) app.OrderRepository { return r })
}

// newOrdersFixtureWith is newOrdersFixture with clock, and with the memory
// order repository as wrap returns it to the use cases.
func newOrdersFixtureWith(t *testing.T, clock app.Clock, wrap func(app.OrderRepository) app.OrderRepository) ordersFixture {
	t.Helper()
	books := memory.NewBookRepository()
	repo, err := memory.NewOrderRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := app.NewOrders(wrap(repo), books, clock, system.NewULIDGenerator(), newCursors(t), domain.DefaultShippingPolicy)
	if err != nil {
		t.Fatal(err)
	}
	return ordersFixture{orders: orders, books: books}
}

// stockedBook stores the book B1 with the given stock and price in EUR.
func (f ordersFixture) stockedBook(t *testing.T, stock int, priceCents int64) domain.Book {
	t.Helper()
	d := domain.BookDetails{Title: "Stocked", Author: "Author", Category: "fiction", PriceCents: priceCents, Currency: "EUR", Stock: stock}
	b, err := domain.NewBook("B1", d, system.Clock{}.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.books.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return b
}

// assertStock checks a book's stock and version.
func (f ordersFixture) assertStock(t *testing.T, id domain.BookID, stock int, version int64) {
	t.Helper()
	b, err := f.books.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if b.Stock() != stock || b.Version() != version {
		t.Errorf("book %s: stock %d version %d, want stock %d version %d", id, b.Stock(), b.Version(), stock, version)
	}
}

// ordersIn returns every order in status, as an admin lists them; they fit
// on one page.
func (f ordersFixture) ordersIn(t *testing.T, status domain.OrderStatus) []domain.Order {
	t.Helper()
	page, err := f.orders.ListOrders(adminContext(), app.ListOrdersRequest{Status: status.String(), Limit: app.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	if page.NextCursor != "" {
		t.Fatalf("orders in %s take more than one page", status)
	}
	return page.Orders
}

// The tests below race the order use cases over the memory adapters. The
// repository's own guarantees under the same races (conditional writes,
// idempotency records, version guards) are cases of porttest.OrderRepository,
// which every adapter runs.

// Checkout never sells more than the stock: 200 buyers racing for 10
// copies get 10 orders, and every other buyer is told the book is short.
func TestConcurrentCheckoutsOfTheLastCopiesSellExactlyTheStock(t *testing.T) {
	f := newOrdersFixture(t)
	book := f.stockedBook(t, 10, 1500)
	const buyers = 200
	errs := make([]error, buyers)
	var wg sync.WaitGroup
	for i := range buyers {
		wg.Go(func() {
			ctx := app.WithPrincipal(context.Background(), app.Principal{UserID: fmt.Sprintf("buyer-%03d", i)})
			_, errs[i] = f.orders.Checkout(ctx, "key", []domain.CartItem{{BookID: book.ID(), Qty: 1}})
		})
	}
	wg.Wait()
	placed := 0
	for _, err := range errs {
		var oos *domain.OutOfStockError
		switch {
		case err == nil:
			placed++
		case !errors.As(err, &oos) || !slices.Equal(oos.BookIDs, []domain.BookID{book.ID()}):
			t.Errorf("Checkout = %v, want an order or a *domain.OutOfStockError naming %s", err, book.ID())
		}
	}
	if placed != 10 {
		t.Fatalf("%d of %d checkouts placed an order, want 10", placed, buyers)
	}
	f.assertStock(t, book.ID(), 0, book.Version()+10)
	if n := len(f.ordersIn(t, domain.OrderPending)); n != 10 {
		t.Fatalf("%d orders stored, want 10", n)
	}
}

// Retries of one checkout racing with one Idempotency-Key place one order;
// all but one are replays of it, and the key refuses other items.
func TestConcurrentCheckoutRetriesWithOneIdempotencyKeyPlaceOneOrder(t *testing.T) {
	f := newOrdersFixture(t)
	book := f.stockedBook(t, 50, 700)
	ctx := app.WithPrincipal(context.Background(), app.Principal{UserID: "user-a"})
	items := []domain.CartItem{{BookID: book.ID(), Qty: 2}}
	results := make([]app.CheckoutResult, 20)
	errs := make([]error, 20)
	var wg sync.WaitGroup
	for i := range results {
		wg.Go(func() { results[i], errs[i] = f.orders.Checkout(ctx, "same-key", items) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	replays := 0
	for _, r := range results {
		if r.Order.ID() != results[0].Order.ID() {
			t.Fatalf("orders %s and %s for one key", r.Order.ID(), results[0].Order.ID())
		}
		if r.Replayed {
			replays++
		}
	}
	if replays != len(results)-1 {
		t.Errorf("%d replays, want %d", replays, len(results)-1)
	}
	f.assertStock(t, book.ID(), 48, book.Version()+1)
	page, err := f.orders.ListMyOrders(ctx, app.ListOrdersRequest{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Orders) != 1 {
		t.Fatalf("%d orders stored, want 1", len(page.Orders))
	}
	if _, err := f.orders.Checkout(ctx, "same-key", []domain.CartItem{{BookID: book.ID(), Qty: 3}}); !errors.Is(err, app.ErrIdempotencyKeyReused) {
		t.Fatalf("same key, other items = %v, want app.ErrIdempotencyKeyReused", err)
	}
}

// An admin's cancel and ship of one confirmed order, racing: one wins, the
// other is refused by the state machine, and a cancelled order gives its
// copy back.
func TestCancelRacedWithShipExactlyOneWins(t *testing.T) {
	f := newOrdersFixture(t)
	book := f.stockedBook(t, 100, 100)
	buyer := app.WithPrincipal(context.Background(), app.Principal{UserID: "user-a"})
	admin := app.WithPrincipal(context.Background(), app.Principal{UserID: "staff", Groups: []string{app.AdminGroup}})
	const rounds = 8
	for i := range rounds {
		res, err := f.orders.Checkout(buyer, fmt.Sprint("key-", i), []domain.CartItem{{BookID: book.ID(), Qty: 1}})
		if err != nil {
			t.Fatal(err)
		}
		order := res.Order
		if _, err := f.orders.SetOrderStatus(admin, order.ID(), "CONFIRMED"); err != nil {
			t.Fatal(err)
		}
		var cancelErr, shipErr error
		var wg sync.WaitGroup
		wg.Go(func() { _, cancelErr = f.orders.CancelOrder(admin, order.ID()) })
		wg.Go(func() { _, shipErr = f.orders.SetOrderStatus(admin, order.ID(), "SHIPPED") })
		wg.Wait()
		// The order ends in the winner's status; the other request was
		// refused by the state machine.
		got, err := f.orders.GetOrder(admin, order.ID())
		if err != nil {
			t.Fatal(err)
		}
		var winnerErr, loserErr error
		switch got.Status() {
		case domain.OrderCancelled:
			winnerErr, loserErr = cancelErr, shipErr
		case domain.OrderShipped:
			winnerErr, loserErr = shipErr, cancelErr
		default:
			t.Fatalf("status %s after cancel raced with ship, want CANCELLED or SHIPPED", got.Status())
		}
		var te *domain.TransitionError
		if winnerErr != nil || !errors.As(loserErr, &te) {
			t.Fatalf("%s order: cancel %v, ship %v; want the winner nil and the loser a *domain.TransitionError", got.Status(), cancelErr, shipErr)
		}
	}
	b, err := f.books.Get(context.Background(), book.ID())
	if err != nil {
		t.Fatal(err)
	}
	if shipped := len(f.ordersIn(t, domain.OrderShipped)); b.Stock() != 100-shipped {
		t.Fatalf("stock %d after %d shipped orders, want %d", b.Stock(), shipped, 100-shipped)
	}
}

// An order is its owner's: another user is told it does not exist.
func TestAnotherUserCanNeitherSeeNorCancelAnOrder(t *testing.T) {
	t.Parallel()
	f := newOrdersFixture(t)
	book := f.stockedBook(t, 5, 100)
	userA := app.WithPrincipal(context.Background(), app.Principal{UserID: "user-a"})
	userB := app.WithPrincipal(context.Background(), app.Principal{UserID: "user-b"})
	res, err := f.orders.Checkout(userA, "k", []domain.CartItem{{BookID: book.ID(), Qty: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.orders.GetOrder(userB, res.Order.ID()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("user B GetOrder = %v, want domain.ErrNotFound", err)
	}
	if _, err := f.orders.CancelOrder(userB, res.Order.ID()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("user B CancelOrder = %v, want domain.ErrNotFound", err)
	}
	got, err := f.orders.GetOrder(userA, res.Order.ID())
	if err != nil {
		t.Fatal(err)
	}
	byValue := cmpopts.EquateComparable(domain.Money{}, domain.OrderStatus{})
	if diff := cmp.Diff(res.Order.Snapshot(), got.Snapshot(), byValue); diff != "" {
		t.Errorf("order differs (-placed +got):\n%s", diff)
	}
	f.assertStock(t, book.ID(), 4, book.Version()+1)
}

// racedOrders is an order repository whose first losses calls of PlaceOrder
// (all of them when losses is negative) lose a race: a price change slipped
// in between pricing and placing. It records the clock's time at each call.
type racedOrders struct {
	app.OrderRepository
	clock  app.Clock
	losses int
	// onCall runs at each call, before it loses or places.
	onCall func()

	mu    sync.Mutex
	calls []time.Time
}

func (r *racedOrders) PlaceOrder(ctx context.Context, o domain.Order, rec app.IdempotencyRecord, now time.Time) error {
	r.mu.Lock()
	r.calls = append(r.calls, r.clock.Now())
	lost := r.losses < 0 || len(r.calls) <= r.losses
	r.mu.Unlock()
	if r.onCall != nil {
		r.onCall()
	}
	if lost {
		return fmt.Errorf("place order %s: %w", o.ID(), app.ErrCatalogChanged)
	}
	return r.OrderRepository.PlaceOrder(ctx, o, rec, now)
}

// racedCheckout runs a checkout of one copy over r, on a clock standing
// still that only the use case's pauses move.
func racedCheckout(t *testing.T, r *racedOrders, ctx context.Context) (app.CheckoutResult, error) {
	t.Helper()
	clock := apptest.NewClock(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	r.clock = clock
	f := newOrdersFixtureWith(t, clock, func(repo app.OrderRepository) app.OrderRepository {
		r.OrderRepository = repo
		return r
	})
	book := f.stockedBook(t, 3, 1500)
	return f.orders.Checkout(app.WithPrincipal(ctx, app.Principal{UserID: "user-a"}), "key", []domain.CartItem{{BookID: book.ID(), Qty: 1}})
}

// A checkout that keeps losing races pauses before every retry, each pause
// drawn from the upper half of a doubling bound (20, 40, 80, 160 ms), and
// after its last attempt reports contention: a typed error in the
// ErrUnavailable category (503 at the API), not a conflict.
func TestCheckoutBacksOffBetweenLostRacesThenReportsContention(t *testing.T) {
	t.Parallel()
	r := &racedOrders{losses: -1}
	_, err := racedCheckout(t, r, context.Background())
	var ce *app.ContentionError
	if !errors.As(err, &ce) || !errors.Is(err, app.ErrUnavailable) || errors.Is(err, domain.ErrConflict) {
		t.Fatalf("Checkout = %v, want an *app.ContentionError in app.ErrUnavailable only", err)
	}
	if len(r.calls) != ce.Attempts || ce.Attempts != 5 {
		t.Fatalf("%d attempts, error says %d; want 5", len(r.calls), ce.Attempts)
	}
	for n := 1; n < len(r.calls); n++ {
		bound := 20 * time.Millisecond << (n - 1)
		if pause := r.calls[n].Sub(r.calls[n-1]); pause < bound/2 || pause >= bound {
			t.Errorf("pause before retry %d = %v, want in [%v, %v)", n, pause, bound/2, bound)
		}
	}
}

// A checkout that loses two races places its order on the third attempt,
// after two pauses.
func TestCheckoutWinsAfterLostRaces(t *testing.T) {
	t.Parallel()
	r := &racedOrders{losses: 2}
	res, err := racedCheckout(t, r, context.Background())
	if err != nil || res.Replayed {
		t.Fatalf("Checkout = %+v, %v; want a new order", res, err)
	}
	if len(r.calls) != 3 || !r.calls[2].After(r.calls[0]) {
		t.Fatalf("attempts at %v, want 3 with pauses between them", r.calls)
	}
}

// A checkout whose caller gives up stops at once: no further pause or
// attempt, and the context's cause is the error.
func TestCheckoutStopsRetryingWhenTheContextEnds(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	gone := errors.New("client went away")
	r := &racedOrders{losses: -1, onCall: func() { cancel(gone) }}
	_, err := racedCheckout(t, r, ctx)
	if !errors.Is(err, gone) || len(r.calls) != 1 {
		t.Fatalf("Checkout = %v after %d attempts, want the context's cause after 1", err, len(r.calls))
	}
}
