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
// atomicity of checkout and cancellation and their behaviour under
// concurrency, partly through the app.Orders use cases. newStores must
// return empty stores that no other test uses.
func OrderRepository(t *testing.T, newStores func(t *testing.T) OrderStores) {
	t.Run("place order takes stock, bumps book versions and stores the order", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("short stock names every short book and writes nothing", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("missing book is not found and writes nothing", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("changed price is reported and writes nothing", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("a held idempotency key refuses the order; an expired one is reused; keys are per user", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("get missing order is not found", func(t *testing.T) {
		t.Parallel()
		_, err := newStores(t).Orders.Get(context.Background(), domain.OrderID(newID()))
		var nf *domain.NotFoundError
		if !errors.As(err, &nf) {
			t.Fatalf("Get = %v, want a *domain.NotFoundError", err)
		}
	})

	t.Run("update stores the callback's result; a failing callback persists nothing", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("cancelling gives the stock back atomically, skipping deleted books", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("listings are newest first, paginated and filtered", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
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
	})

	t.Run("200 concurrent checkouts of a book with stock 10 sell exactly 10", func(t *testing.T) {
		// Not parallel: it loads the store on its own, so its retries
		// do not starve the other subtests (and theirs not it).
		s, ctx := newStores(t), context.Background()
		book := stockedBook(t, s, 10, 1500)
		orders := newOrdersUseCase(t, s)
		const buyers = 200
		var placedN, outOfStock int
		var mu sync.Mutex
		var other []error
		var wg sync.WaitGroup
		for i := range buyers {
			wg.Go(func() {
				ctx := app.WithPrincipal(ctx, app.Principal{UserID: fmt.Sprintf("buyer-%03d", i)})
				_, err := orders.Checkout(ctx, "key", []domain.CartItem{{BookID: book.ID(), Qty: 1}})
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
	})

	t.Run("20 concurrent retries with one idempotency key place one order", func(t *testing.T) {
		// Not parallel: it loads the store on its own, so its retries
		// do not starve the other subtests (and theirs not it).
		s, ctx := newStores(t), context.Background()
		book := stockedBook(t, s, 50, 700)
		orders := newOrdersUseCase(t, s)
		ctx = app.WithPrincipal(ctx, app.Principal{UserID: "user-a"})
		items := []domain.CartItem{{BookID: book.ID(), Qty: 2}}
		results := make([]app.CheckoutResult, 20)
		errs := make([]error, 20)
		var wg sync.WaitGroup
		for i := range results {
			wg.Go(func() { results[i], errs[i] = orders.Checkout(ctx, "same-key", items) })
		}
		wg.Wait()
		must(t, errors.Join(errs...))
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
		assertStock(t, s, book.ID(), 48, book.Version()+1)
		page, err := s.Orders.ListByUser(ctx, "user-a", 10, "")
		must(t, err)
		if len(page.Orders) != 1 {
			t.Fatalf("%d orders stored, want 1", len(page.Orders))
		}
		if _, err := orders.Checkout(ctx, "same-key", []domain.CartItem{{BookID: book.ID(), Qty: 3}}); !errors.Is(err, app.ErrIdempotencyKeyReused) {
			t.Fatalf("same key, other items = %v, want app.ErrIdempotencyKeyReused", err)
		}
	})

	t.Run("cancel raced with ship: exactly one wins", func(t *testing.T) {
		// Not parallel: it loads the store on its own, so its retries
		// do not starve the other subtests (and theirs not it).
		s, ctx := newStores(t), context.Background()
		book := stockedBook(t, s, 100, 100)
		orders := newOrdersUseCase(t, s)
		admin := app.WithPrincipal(ctx, app.Principal{UserID: "staff", Groups: []string{app.AdminGroup}})
		const rounds = 8
		for range rounds {
			order := placed(t, s, "user-a", line(book, 1))
			_, err := orders.SetOrderStatus(admin, order.ID(), "CONFIRMED")
			must(t, err)
			var cancelErr, shipErr error
			var wg sync.WaitGroup
			wg.Go(func() { _, cancelErr = orders.CancelOrder(admin, order.ID()) })
			wg.Go(func() { _, shipErr = orders.SetOrderStatus(admin, order.ID(), "SHIPPED") })
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
	})

	t.Run("another user can neither see nor cancel an order", func(t *testing.T) {
		t.Parallel()
		s, ctx := newStores(t), context.Background()
		book := stockedBook(t, s, 5, 100)
		orders := newOrdersUseCase(t, s)
		userA := app.WithPrincipal(ctx, app.Principal{UserID: "user-a"})
		userB := app.WithPrincipal(ctx, app.Principal{UserID: "user-b"})
		res, err := orders.Checkout(userA, "k", []domain.CartItem{{BookID: book.ID(), Qty: 1}})
		must(t, err)
		if _, err := orders.GetOrder(userB, res.Order.ID()); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("user B GetOrder = %v, want domain.ErrNotFound", err)
		}
		if _, err := orders.CancelOrder(userB, res.Order.ID()); !errors.Is(err, domain.ErrNotFound) {
			t.Fatalf("user B CancelOrder = %v, want domain.ErrNotFound", err)
		}
		got, err := orders.GetOrder(userA, res.Order.ID())
		must(t, err)
		assertSameOrder(t, got, res.Order)
		assertStock(t, s, book.ID(), 4, book.Version()+1)
	})
}

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

// seqIDs makes ids like newID; realClock tells real time (for expiry).
type seqIDs struct{}

func (seqIDs) NewID() string { return string(newID()) }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now().UTC() }

func newOrdersUseCase(t *testing.T, s OrderStores) *app.Orders {
	t.Helper()
	cursors, err := app.NewCursorCodec([]byte("porttest-cursor-key-0123456789"))
	must(t, err)
	orders, err := app.NewOrders(s.Orders, s.Books, realClock{}, seqIDs{}, cursors, domain.DefaultShippingPolicy)
	must(t, err)
	return orders
}
