package memory

import (
	"cmp"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/bookshop/bookshop/adapters/internal/orderhooks"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// OrderRepository keeps orders and idempotency records in maps. Writes that
// touch books (placing and cancelling orders) run under the BookRepository's
// lock (withBooksLocked) and then this repository's, always in that order,
// so they are atomic with respect to every book and order write.
type OrderRepository struct {
	books *BookRepository

	mu     sync.RWMutex
	orders map[domain.OrderID]domain.Order
	keys   map[idempotencyKey]app.IdempotencyRecord

	hooks orderhooks.Hooks
}

// OnOrderChanged registers fn to run after every committed change of an
// order, as a table's stream reports it on AWS: after PlaceOrder with the
// new order (Old nil), after Update with the order before and after. fn
// runs synchronously in the writer's goroutine, after the repository's
// locks are released, so it may read the repository; its outcome does not
// affect the write, which has happened.
func (r *OrderRepository) OnOrderChanged(fn func(context.Context, app.OrderChange)) {
	r.hooks.Add(fn)
}

type idempotencyKey struct{ userID, key string }

var _ app.OrderRepository = (*OrderRepository)(nil)

// NewOrderRepository returns an empty repository whose orders take stock
// from books.
func NewOrderRepository(books *BookRepository) (*OrderRepository, error) {
	if books == nil {
		return nil, errors.New("memory.NewOrderRepository: nil BookRepository")
	}
	return &OrderRepository{
		books:  books,
		orders: make(map[domain.OrderID]domain.Order),
		keys:   make(map[idempotencyKey]app.IdempotencyRecord),
	}, nil
}

// PlaceOrder implements app.OrderRepository.
func (r *OrderRepository) PlaceOrder(ctx context.Context, order domain.Order, rec app.IdempotencyRecord, now time.Time) error {
	err := r.books.withBooksLocked(func(books map[domain.BookID]domain.Book) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		if old, ok := r.keys[idempotencyKey{rec.UserID, rec.Key}]; ok && !old.Expired(now) {
			return app.ErrIdempotencyKeyTaken
		}
		if _, ok := r.orders[order.ID()]; ok {
			return fmt.Errorf("order %s exists: %w", order.ID(), domain.ErrConflict)
		}
		lines := order.Lines()
		changed := make([]domain.Book, len(lines))
		var short []domain.BookID
		for i, l := range lines {
			b, ok := books[l.BookID]
			switch {
			case !ok:
				return &domain.NotFoundError{Entity: "book", ID: string(l.BookID)}
			case b.Price() != l.UnitPrice:
				return app.ErrCatalogChanged
			case b.Stock() < l.Qty:
				short = append(short, l.BookID)
				continue
			}
			if err := b.AdjustStock(-l.Qty, now); err != nil {
				return err
			}
			changed[i] = b
		}
		if len(short) > 0 {
			return &domain.OutOfStockError{BookIDs: short}
		}
		for _, b := range changed {
			books[b.ID()] = b
		}
		r.orders[order.ID()] = order
		r.keys[idempotencyKey{rec.UserID, rec.Key}] = rec
		return nil
	})
	if err != nil {
		return err
	}
	r.hooks.Run(ctx, app.OrderChange{New: &order})
	return nil
}

// FindIdempotency implements app.OrderRepository.
func (r *OrderRepository) FindIdempotency(_ context.Context, userID, key string, now time.Time) (app.IdempotencyRecord, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	rec, ok := r.keys[idempotencyKey{userID, key}]
	if !ok || rec.Expired(now) {
		return app.IdempotencyRecord{}, &domain.NotFoundError{Entity: "idempotency key", ID: key}
	}
	return rec, nil
}

// Get implements app.OrderRepository.
func (r *OrderRepository) Get(_ context.Context, id domain.OrderID) (domain.Order, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	o, ok := r.orders[id]
	if !ok {
		return domain.Order{}, &domain.NotFoundError{Entity: "order", ID: string(id)}
	}
	return o, nil
}

// ListByUser implements app.OrderRepository.
func (r *OrderRepository) ListByUser(_ context.Context, userID string, limit int, after string) (app.OrderListPage, error) {
	return r.list(limit, after, func(o domain.Order) bool { return o.UserID() == userID })
}

// ListByStatus implements app.OrderRepository.
func (r *OrderRepository) ListByStatus(_ context.Context, status domain.OrderStatus, limit int, after string) (app.OrderListPage, error) {
	return r.list(limit, after, func(o domain.Order) bool { return o.Status() == status })
}

// list returns the matching orders by descending id after the position
// token, which is the base64 of the last id of the previous page.
func (r *OrderRepository) list(limit int, after string, match func(domain.Order) bool) (app.OrderListPage, error) {
	if limit < 1 || limit > app.MaxPageSize {
		return app.OrderListPage{}, fmt.Errorf("list orders: limit %d not in 1..%d: %w", limit, app.MaxPageSize, domain.ErrInvalid)
	}
	var afterID domain.OrderID
	if after != "" {
		raw, err := base64.RawURLEncoding.DecodeString(after)
		if err != nil || len(raw) == 0 {
			return app.OrderListPage{}, fmt.Errorf("list orders: malformed position: %w", domain.ErrInvalid)
		}
		afterID = domain.OrderID(raw)
	}
	r.mu.RLock()
	var matches []domain.Order
	for _, o := range r.orders {
		if match(o) && (afterID == "" || o.ID() < afterID) {
			matches = append(matches, o)
		}
	}
	r.mu.RUnlock()
	slices.SortFunc(matches, func(a, b domain.Order) int { return cmp.Compare(b.ID(), a.ID()) })
	page := app.OrderListPage{Orders: matches[:min(limit, len(matches))]}
	if len(matches) > limit {
		page.Next = base64.RawURLEncoding.EncodeToString([]byte(page.Orders[limit-1].ID()))
	}
	return page, nil
}

// Update implements app.OrderRepository. The locks are held for the whole
// callback, so updates never race and never need a retry.
func (r *OrderRepository) Update(ctx context.Context, id domain.OrderID, fn func(*domain.Order) error) (domain.Order, error) {
	var before, out domain.Order
	err := r.books.withBooksLocked(func(books map[domain.BookID]domain.Book) error {
		r.mu.Lock()
		defer r.mu.Unlock()
		o, ok := r.orders[id]
		if !ok {
			return &domain.NotFoundError{Entity: "order", ID: string(id)}
		}
		before = o
		if err := fn(&o); err != nil {
			return err
		}
		if o.ID() != id {
			return fmt.Errorf("update order %s: callback changed the id to %s", id, o.ID())
		}
		if before.Status() != domain.OrderCancelled && o.Status() == domain.OrderCancelled {
			restored := make([]domain.Book, 0, len(o.Lines()))
			for _, l := range o.Lines() {
				b, ok := books[l.BookID]
				if !ok {
					continue // deleted since: nothing to give back to
				}
				if err := b.AdjustStock(l.Qty, o.UpdatedAt()); err != nil {
					return err
				}
				restored = append(restored, b)
			}
			for _, b := range restored {
				books[b.ID()] = b
			}
		}
		r.orders[id] = o
		out = o
		return nil
	})
	if err != nil {
		return domain.Order{}, err
	}
	r.hooks.Run(ctx, app.OrderChange{Old: &before, New: &out})
	return out, nil
}
