package bolt

import (
	"context"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/adapters/internal/orderhooks"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// OrderRepository keeps orders, their two listing indexes and the
// idempotency records of checkouts in the same file as the books. Placing
// and cancelling an order are one transaction each with the stock they
// take or give back.
type OrderRepository struct {
	db *DB

	hooks orderhooks.Hooks
}

var _ app.OrderRepository = (*OrderRepository)(nil)

// NewOrderRepository returns the repository of db's orders.
func NewOrderRepository(db *DB) (*OrderRepository, error) {
	if db == nil {
		return nil, errors.New("bolt.NewOrderRepository: nil DB")
	}
	return &OrderRepository{db: db}, nil
}

// OnOrderChanged registers fn to run after every committed change of an
// order, as a table's stream reports it on AWS: after PlaceOrder with the
// new order (Old nil), after Update with the order before and after. fn
// runs synchronously in the writer's goroutine after the commit, so it may
// read the repository; its outcome does not affect the write, which has
// happened. A process that stops between the commit and fn loses that
// call (a stream would deliver it later).
func (r *OrderRepository) OnOrderChanged(fn func(context.Context, app.OrderChange)) {
	r.hooks.Add(fn)
}

func orderNotFound(id domain.OrderID) error {
	return &domain.NotFoundError{Entity: "order", ID: string(id)}
}

// PlaceOrder implements app.OrderRepository: the checks and every write
// happen in one transaction, so nothing is written unless all of them pass.
func (r *OrderRepository) PlaceOrder(ctx context.Context, order domain.Order, rec app.IdempotencyRecord, now time.Time) error {
	recKey, err := prefixed(rec.UserID, rec.Key)
	if err != nil {
		return err
	}
	recRaw, err := encodeIdempotency(rec)
	if err != nil {
		return err
	}
	err = update(ctx, r.db, func(tx *bbolt.Tx) error {
		if raw := tx.Bucket(bucketIdempotency).Get(recKey); raw != nil {
			old, err := decodeIdempotency(raw)
			if err != nil {
				return err
			}
			if !old.Expired(now) {
				return app.ErrIdempotencyKeyTaken
			}
		}
		if tx.Bucket(bucketOrders).Get([]byte(order.ID())) != nil {
			return fmt.Errorf("order %s exists: %w", order.ID(), domain.ErrConflict)
		}
		type change struct{ old, new domain.Book }
		var changes []change
		var short []domain.BookID
		for _, l := range order.Lines() {
			b, err := getBook(tx, l.BookID)
			switch {
			case err != nil:
				return err
			case b.Price() != l.UnitPrice:
				return app.ErrCatalogChanged
			case b.Stock() < l.Qty:
				short = append(short, l.BookID)
				continue
			}
			taken := b
			if err := taken.AdjustStock(-l.Qty, now); err != nil {
				return err
			}
			changes = append(changes, change{b, taken})
		}
		if len(short) > 0 {
			return &domain.OutOfStockError{BookIDs: short}
		}
		for _, c := range changes {
			if err := putBook(tx, &c.old, c.new); err != nil {
				return err
			}
		}
		if err := putOrder(tx, nil, order); err != nil {
			return err
		}
		return tx.Bucket(bucketIdempotency).Put(recKey, recRaw)
	})
	if err != nil {
		return err
	}
	r.hooks.Run(ctx, app.OrderChange{New: &order})
	return nil
}

// FindIdempotency implements app.OrderRepository. Expired records may stay
// in the file; they are checked here and replaced by the next checkout with
// their key.
func (r *OrderRepository) FindIdempotency(ctx context.Context, userID, key string, now time.Time) (app.IdempotencyRecord, error) {
	recKey, err := prefixed(userID, key)
	if err != nil {
		return app.IdempotencyRecord{}, err
	}
	var rec app.IdempotencyRecord
	err = view(ctx, r.db, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketIdempotency).Get(recKey)
		if raw == nil {
			return &domain.NotFoundError{Entity: "idempotency key", ID: key}
		}
		rec, err = decodeIdempotency(raw)
		return err
	})
	if err != nil {
		return app.IdempotencyRecord{}, err
	}
	if rec.Expired(now) {
		return app.IdempotencyRecord{}, &domain.NotFoundError{Entity: "idempotency key", ID: key}
	}
	return rec, nil
}

// Get implements app.OrderRepository.
func (r *OrderRepository) Get(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	var o domain.Order
	err := view(ctx, r.db, func(tx *bbolt.Tx) error {
		var err error
		o, err = getOrder(tx, id)
		return err
	})
	return o, err
}

// ListByUser implements app.OrderRepository.
func (r *OrderRepository) ListByUser(ctx context.Context, userID string, limit int, after string) (app.OrderListPage, error) {
	return r.list(ctx, bucketOrdersByUser, userID, limit, after)
}

// ListByStatus implements app.OrderRepository. The index is written in the
// order's transaction, so the listing never lags.
func (r *OrderRepository) ListByStatus(ctx context.Context, status domain.OrderStatus, limit int, after string) (app.OrderListPage, error) {
	return r.list(ctx, bucketOrdersByStatus, status.String(), limit, after)
}

// list returns a page of an order index, newest (highest id) first. The
// position token is the last order id returned, as adapters/memory's.
func (r *OrderRepository) list(ctx context.Context, index []byte, prefix string, limit int, after string) (app.OrderListPage, error) {
	if limit < 1 || limit > app.MaxPageSize {
		return app.OrderListPage{}, fmt.Errorf("list orders: limit %d not in 1..%d: %w", limit, app.MaxPageSize, domain.ErrInvalid)
	}
	pos, err := decodePosition(after, "orders")
	if err != nil {
		return app.OrderListPage{}, err
	}
	p, err := prefixed(prefix, "")
	if err != nil {
		return app.OrderListPage{}, err
	}
	var page app.OrderListPage
	err = view(ctx, r.db, func(tx *bbolt.Tx) error {
		var err error
		page.Orders, page.Next, err = listPage(tx.Bucket(index), p, pos, true, limit,
			func(id []byte) (domain.Order, error) { return getOrder(tx, domain.OrderID(id)) })
		return err
	})
	if err != nil {
		return app.OrderListPage{}, fmt.Errorf("list orders: %w", err)
	}
	return page, nil
}

// Update implements app.OrderRepository. The transaction holds the write
// lock for the whole callback, so updates never race and never need a
// retry.
func (r *OrderRepository) Update(ctx context.Context, id domain.OrderID, fn func(*domain.Order) error) (domain.Order, error) {
	var before, out domain.Order
	err := update(ctx, r.db, func(tx *bbolt.Tx) error {
		var err error
		if before, err = getOrder(tx, id); err != nil {
			return err
		}
		o := before
		if err := fn(&o); err != nil {
			return err
		}
		if o.ID() != id {
			return fmt.Errorf("update order %s: callback changed the id to %s", id, o.ID())
		}
		if before.Status() != domain.OrderCancelled && o.Status() == domain.OrderCancelled {
			for _, l := range o.Lines() {
				b, err := getBook(tx, l.BookID)
				if errors.Is(err, domain.ErrNotFound) {
					continue // deleted since: nothing to give back to
				}
				if err != nil {
					return err
				}
				restored := b
				if err := restored.AdjustStock(l.Qty, o.UpdatedAt()); err != nil {
					return err
				}
				if err := putBook(tx, &b, restored); err != nil {
					return err
				}
			}
		}
		out = o
		return putOrder(tx, &before, o)
	})
	if err != nil {
		return domain.Order{}, err
	}
	r.hooks.Run(ctx, app.OrderChange{Old: &before, New: &out})
	return out, nil
}

func getOrder(tx *bbolt.Tx, id domain.OrderID) (domain.Order, error) {
	raw := tx.Bucket(bucketOrders).Get([]byte(id))
	if raw == nil {
		return domain.Order{}, orderNotFound(id)
	}
	return decodeOrder(raw)
}

// orderIndexes returns the order's keys in the listing indexes.
func orderIndexes(o domain.Order) ([]indexEntry, error) {
	byUser, err := prefixed(o.UserID(), string(o.ID()))
	if err != nil {
		return nil, err
	}
	byStatus, err := prefixed(o.Status().String(), string(o.ID()))
	if err != nil {
		return nil, err
	}
	return []indexEntry{{bucketOrdersByUser, string(byUser)}, {bucketOrdersByStatus, string(byStatus)}}, nil
}

// putOrder stores o and its index keys inside tx, removing those of old (the
// stored version it replaces; nil for a new order).
func putOrder(tx *bbolt.Tx, old *domain.Order, o domain.Order) error {
	raw, err := encodeOrder(o)
	if err != nil {
		return err
	}
	if old != nil {
		entries, err := orderIndexes(*old)
		if err != nil {
			return err
		}
		for _, e := range entries {
			if err := tx.Bucket(e.bucket).Delete([]byte(e.key)); err != nil {
				return err
			}
		}
	}
	entries, err := orderIndexes(o)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if err := tx.Bucket(e.bucket).Put([]byte(e.key), []byte(o.ID())); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketOrders).Put([]byte(o.ID()), raw)
}
