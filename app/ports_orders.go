package app

import (
	"context"
	"fmt"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// IdempotencyTTL is how long a checkout's Idempotency-Key is remembered.
const IdempotencyTTL = 24 * time.Hour

// IdempotencyRecord remembers which order a user's Idempotency-Key produced,
// and for which request, until ExpiresAt.
type IdempotencyRecord struct {
	UserID string
	Key    string
	// RequestHash identifies the checkout request (see Orders.Checkout).
	RequestHash string
	OrderID     domain.OrderID
	// ExpiresAt is a whole second (stores may keep only seconds).
	ExpiresAt time.Time
}

// Expired reports whether the record no longer counts at now. Stores may
// keep expired records for a while (DynamoDB's TTL deletes them within
// days), so every reader checks this.
func (r IdempotencyRecord) Expired(now time.Time) bool { return !now.Before(r.ExpiresAt) }

// ErrIdempotencyKeyTaken is reported by OrderRepository.PlaceOrder when an
// unexpired record already holds the user's key: another checkout with the
// same key won. It joins domain.ErrConflict.
var ErrIdempotencyKeyTaken = fmt.Errorf("idempotency key taken: %w", domain.ErrConflict)

// ErrCatalogChanged is reported by OrderRepository.PlaceOrder when a line's
// unit price or currency is no longer its book's: the order was priced from
// a stale read and must be priced again. It joins domain.ErrConflict.
var ErrCatalogChanged = fmt.Errorf("book price changed during checkout: %w", domain.ErrConflict)

// OrderListPage is one page of an order listing, newest first.
type OrderListPage struct {
	Orders []domain.Order
	// Next is the position token of the following page, or "" when this
	// page is the last one. Tokens are only passed back to the repository
	// that issued them, for the same listing.
	Next string
}

// OrderRepository stores orders and the idempotency records of checkouts,
// next to the books whose stock they take.
//
// Implementations must be safe for concurrent use, also across processes.
// Errors wrap domain.ErrNotFound for a missing order; every failure not
// listed is an infrastructure error.
type OrderRepository interface {
	// PlaceOrder stores order (version 1) and rec in ONE atomic step that
	// also takes each line's quantity from its book's stock and bumps that
	// book's version. Either everything is written or nothing is. The step
	// only happens while, for every line, the book exists, its stock is at
	// least the quantity (stock never goes below zero, whatever the
	// concurrency) and its price and currency are the line's unit price; and
	// while no unexpired record (checked against now) holds rec's user and
	// key. Otherwise it writes nothing and returns a *domain.OutOfStockError
	// naming every short book, a *domain.NotFoundError for a vanished book,
	// ErrCatalogChanged, or ErrIdempotencyKeyTaken. When concurrent
	// transactions keep it from happening (an implementation that retries
	// them runs out of retries), it returns a *ContentionError.
	PlaceOrder(ctx context.Context, order domain.Order, rec IdempotencyRecord, now time.Time) error
	// FindIdempotency returns the record of the user's key; an absent or
	// expired (at now) record wraps domain.ErrNotFound.
	FindIdempotency(ctx context.Context, userID, key string, now time.Time) (IdempotencyRecord, error)
	// Get returns the order with the given id, read strongly consistently.
	Get(ctx context.Context, id domain.OrderID) (domain.Order, error)
	// ListByUser returns one page of the user's orders, newest first.
	// after is "" or a previous page's Next.
	ListByUser(ctx context.Context, userID string, limit int, after string) (OrderListPage, error)
	// ListByStatus returns one page of the orders in status, newest first.
	// Listings may lag writes by a moment (index reads).
	ListByStatus(ctx context.Context, status domain.OrderStatus, limit int, after string) (OrderListPage, error)
	// Update loads the order, passes it to fn and stores the result only if
	// nobody else wrote the order in between (its version is the guard);
	// when another writer wins, Update reloads and calls fn again, a bounded
	// number of times, then returns a *ContentionError. If fn returns an
	// error nothing is stored and Update returns it. When fn moves the order
	// to CANCELLED, the stock of its lines is given back to their books (and
	// their versions bumped) in the same atomic step; books deleted since
	// are skipped. fn must not do I/O: it may run several times.
	Update(ctx context.Context, id domain.OrderID, fn func(*domain.Order) error) (domain.Order, error)
}
