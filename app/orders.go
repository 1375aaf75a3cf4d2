package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// MaxIdempotencyKeyLen bounds an Idempotency-Key, in bytes.
const MaxIdempotencyKeyLen = 255

// maxCheckoutAttempts bounds how often Checkout starts over after losing a
// race (a concurrent checkout with the same key, or a price change between
// reading the catalog and writing the order).
const maxCheckoutAttempts = 5

// checkoutPause is the pause before the nth retry of a checkout (n from 1):
// drawn at random from the upper half of a bound that starts at 20 ms and
// doubles with each retry (160 ms before the fourth), so checkouts that
// collided spread apart instead of colliding again. Checkout's retries
// pause for 150 to 300 ms in all.
func checkoutPause(n int) time.Duration {
	bound := 20 * time.Millisecond << (n - 1)
	return bound/2 + rand.N(bound/2)
}

// Orders runs the order use cases: checkout, the customer's orders and their
// administration.
type Orders struct {
	orders   OrderRepository
	books    BookRepository
	clock    Clock
	ids      IDGenerator
	cursors  *CursorCodec
	shipping domain.ShippingPolicy
}

// NewOrders returns the order use cases over the given ports. shipping
// prices the delivery of every new order.
func NewOrders(orders OrderRepository, books BookRepository, clock Clock, ids IDGenerator, cursors *CursorCodec, shipping domain.ShippingPolicy) (*Orders, error) {
	if err := shipping.Validate(); err != nil {
		return nil, fmt.Errorf("new orders: %w", err)
	}
	return &Orders{orders: orders, books: books, clock: clock, ids: ids, cursors: cursors, shipping: shipping}, nil
}

// ErrIdempotencyKeyReused reports a checkout whose Idempotency-Key was
// already used by the same user for a different request.
var ErrIdempotencyKeyReused = errors.New("idempotency key reused with another request")

// IdempotencyMismatchError reports the reused key. It joins
// ErrIdempotencyKeyReused.
type IdempotencyMismatchError struct {
	Key string
}

func (e *IdempotencyMismatchError) Error() string {
	return fmt.Sprintf("idempotency key %q was used for another request", e.Key)
}

// Is makes errors.Is(err, ErrIdempotencyKeyReused) true.
func (e *IdempotencyMismatchError) Is(target error) bool { return target == ErrIdempotencyKeyReused }

// CheckoutResult is a placed order and whether it was placed by an earlier
// request with the same Idempotency-Key (a replay).
type CheckoutResult struct {
	Order    domain.Order
	Replayed bool
}

// Checkout places an order for the signed-in user (domain.ErrUnauthenticated
// otherwise). Titles, prices and the currency come from the catalog, never
// from the client. Stock is taken and the order stored in one atomic step
// (see OrderRepository.PlaceOrder), so stock never goes below zero.
//
// idempotencyKey (1 to MaxIdempotencyKeyLen visible ASCII characters) is
// scoped to the user and remembered for IdempotencyTTL: repeating a request
// with the same key and the same items returns the order the first request
// placed, with Replayed set, and places nothing; the same key with other
// items is an *IdempotencyMismatchError.
//
// Failures: a malformed key or cart, and books that do not exist, are one
// *domain.ValidationError (fields "Idempotency-Key", "items",
// "items[i].bookId", "items[i].qty"); short stock is a
// *domain.OutOfStockError naming every short book. A checkout that loses a
// race (a concurrent checkout with the same key, a price change) starts over
// after a pause on the clock (see checkoutPause), at most
// maxCheckoutAttempts times in all; then, and when the repository's own
// retries run out, it is a *ContentionError (ErrUnavailable): try again.
func (o *Orders) Checkout(ctx context.Context, idempotencyKey string, items []domain.CartItem) (CheckoutResult, error) {
	p, err := signedIn(ctx, "checkout")
	if err != nil {
		return CheckoutResult{}, err
	}
	var fields []domain.FieldError
	if msg := checkIdempotencyKey(idempotencyKey); msg != "" {
		fields = append(fields, domain.FieldError{Field: "Idempotency-Key", Message: msg})
	}
	if err := domain.ValidateCart(items); err != nil {
		var ve *domain.ValidationError
		if !errors.As(err, &ve) {
			return CheckoutResult{}, err
		}
		fields = append(fields, ve.Fields...)
	}
	if len(fields) > 0 {
		return CheckoutResult{}, &domain.ValidationError{Fields: fields}
	}
	hash := requestHash(items)
	for n := range maxCheckoutAttempts {
		if n > 0 {
			if err := o.clock.Sleep(ctx, checkoutPause(n)); err != nil {
				return CheckoutResult{}, fmt.Errorf("checkout: %w", err)
			}
		}
		res, err := o.tryCheckout(ctx, p.UserID, idempotencyKey, hash, items)
		if errors.Is(err, ErrIdempotencyKeyTaken) || errors.Is(err, ErrCatalogChanged) {
			continue
		}
		return res, err
	}
	return CheckoutResult{}, &ContentionError{Op: "checkout", Attempts: maxCheckoutAttempts}
}

// tryCheckout is one attempt of Checkout.
func (o *Orders) tryCheckout(ctx context.Context, userID, key, hash string, items []domain.CartItem) (CheckoutResult, error) {
	now := o.clock.Now()
	rec, err := o.orders.FindIdempotency(ctx, userID, key, now)
	switch {
	case err == nil:
		if rec.RequestHash != hash {
			return CheckoutResult{}, &IdempotencyMismatchError{Key: key}
		}
		order, err := o.orders.Get(ctx, rec.OrderID)
		if err != nil {
			return CheckoutResult{}, fmt.Errorf("checkout: replay order of idempotency key: %w", err)
		}
		return CheckoutResult{Order: order, Replayed: true}, nil
	case !errors.Is(err, domain.ErrNotFound):
		return CheckoutResult{}, fmt.Errorf("checkout: %w", err)
	}
	lines, err := o.priceLines(ctx, items)
	if err != nil {
		return CheckoutResult{}, err
	}
	order, err := domain.NewOrder(domain.OrderID(o.ids.NewID()), userID, lines, o.shipping, now)
	if err != nil {
		return CheckoutResult{}, err
	}
	rec = IdempotencyRecord{UserID: userID, Key: key, RequestHash: hash, OrderID: order.ID(), ExpiresAt: now.Add(IdempotencyTTL).Truncate(time.Second)}
	err = o.orders.PlaceOrder(ctx, order, rec, now)
	var nf *domain.NotFoundError
	if errors.As(err, &nf) {
		// A book was deleted after it was read.
		return CheckoutResult{}, unknownBooks(items, map[domain.BookID]bool{domain.BookID(nf.ID): true})
	}
	if err != nil {
		return CheckoutResult{}, fmt.Errorf("checkout: %w", err)
	}
	return CheckoutResult{Order: order}, nil
}

// priceLines reads each item's book from the catalog. Books that do not
// exist are reported together as field errors on items[i].bookId. Books
// already short of stock are reported at once as a *domain.OutOfStockError,
// which spares the store a transaction bound to fail; the transaction's
// condition stays the guard against overselling.
func (o *Orders) priceLines(ctx context.Context, items []domain.CartItem) ([]domain.OrderLine, error) {
	lines := make([]domain.OrderLine, 0, len(items))
	missing := map[domain.BookID]bool{}
	var short []domain.BookID
	for _, it := range items {
		book, err := o.books.Get(ctx, it.BookID)
		switch {
		case errors.Is(err, domain.ErrNotFound):
			missing[it.BookID] = true
			continue
		case err != nil:
			return nil, fmt.Errorf("checkout: read book %s: %w", it.BookID, err)
		}
		if book.Stock() < it.Qty {
			short = append(short, book.ID())
		}
		lines = append(lines, domain.OrderLine{BookID: book.ID(), Title: book.Title(), UnitPrice: book.Price(), Qty: it.Qty})
	}
	if len(missing) > 0 {
		return nil, unknownBooks(items, missing)
	}
	if len(short) > 0 {
		return nil, fmt.Errorf("checkout: %w", &domain.OutOfStockError{BookIDs: short})
	}
	return lines, nil
}

func unknownBooks(items []domain.CartItem, missing map[domain.BookID]bool) error {
	var fields []domain.FieldError
	for i, it := range items {
		if missing[it.BookID] {
			fields = append(fields, domain.FieldError{Field: fmt.Sprintf("items[%d].bookId", i), Message: "is not a book in the catalog"})
		}
	}
	return &domain.ValidationError{Fields: fields}
}

// checkIdempotencyKey returns what is wrong with key, or "".
func checkIdempotencyKey(key string) string {
	if key == "" {
		return "is required: send a unique key (for example a UUID) per checkout"
	}
	if len(key) > MaxIdempotencyKeyLen {
		return fmt.Sprintf("must be at most %d characters", MaxIdempotencyKeyLen)
	}
	for i := range len(key) {
		if key[i] < 0x21 || key[i] > 0x7e {
			return "must consist of visible ASCII characters"
		}
	}
	return ""
}

// requestHash identifies a checkout request by its items in order.
func requestHash(items []domain.CartItem) string {
	h := sha256.New()
	for _, it := range items {
		h.Write([]byte(it.BookID))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(it.Qty)))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// GetOrder returns one order to its owner or an admin. Anyone else is told
// it does not exist (a *domain.NotFoundError, never ErrForbidden), so order
// ids cannot be probed.
func (o *Orders) GetOrder(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	p, err := signedIn(ctx, "get order")
	if err != nil {
		return domain.Order{}, err
	}
	order, err := o.orders.Get(ctx, id)
	if err != nil {
		return domain.Order{}, fmt.Errorf("get order: %w", err)
	}
	if !order.VisibleTo(p.UserID, p.IsAdmin()) {
		return domain.Order{}, fmt.Errorf("get order: %w", orderNotFound(id))
	}
	return order, nil
}

func orderNotFound(id domain.OrderID) error {
	return &domain.NotFoundError{Entity: "order", ID: string(id)}
}

// ListOrdersRequest asks for one page of orders, unvalidated.
type ListOrdersRequest struct {
	// Status filters an admin listing ("PENDING", …); required there.
	Status string
	// Limit is the page size; 0 means DefaultPageSize.
	Limit int
	// Cursor is a previous page's NextCursor, or "".
	Cursor string
}

// OrderPage is one page of orders for a client, newest first.
type OrderPage struct {
	Orders []domain.Order
	// NextCursor continues the same listing; "" on the last page.
	NextCursor string
}

// ListMyOrders returns one page of the signed-in user's orders, newest
// first.
func (o *Orders) ListMyOrders(ctx context.Context, r ListOrdersRequest) (OrderPage, error) {
	p, err := signedIn(ctx, "list orders")
	if err != nil {
		return OrderPage{}, err
	}
	scope := "orders-of|" + p.UserID
	limit, after, err := o.pageParams(r, scope, nil)
	if err != nil {
		return OrderPage{}, err
	}
	page, err := o.orders.ListByUser(ctx, p.UserID, limit, after)
	if err != nil {
		return OrderPage{}, fmt.Errorf("list orders: %w", err)
	}
	return o.clientPage(scope, page), nil
}

// ListOrders returns one page of the orders in r.Status, newest first. Only
// admins may list (domain.ErrForbidden otherwise).
func (o *Orders) ListOrders(ctx context.Context, r ListOrdersRequest) (OrderPage, error) {
	if err := authorizeAdmin(ctx, "list orders"); err != nil {
		return OrderPage{}, err
	}
	var fields []domain.FieldError
	status, ok := domain.ParseOrderStatus(r.Status)
	if !ok {
		fields = append(fields, domain.FieldError{Field: "status", Message: "must be one of PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED"})
	}
	scope := "orders-in|" + status.String()
	limit, after, err := o.pageParams(r, scope, fields)
	if err != nil {
		return OrderPage{}, err
	}
	page, err := o.orders.ListByStatus(ctx, status, limit, after)
	if err != nil {
		return OrderPage{}, fmt.Errorf("list orders: %w", err)
	}
	return o.clientPage(scope, page), nil
}

// pageParams validates a listing's limit and cursor, adding their problems
// to fields.
func (o *Orders) pageParams(r ListOrdersRequest, scope string, fields []domain.FieldError) (int, string, error) {
	limit := DefaultPageSize
	if r.Limit != 0 {
		if r.Limit < 1 || r.Limit > MaxPageSize {
			fields = append(fields, domain.FieldError{Field: "limit", Message: fmt.Sprintf("must be between 1 and %d", MaxPageSize)})
		}
		limit = r.Limit
	}
	var after string
	if r.Cursor != "" {
		a, err := o.cursors.Decode(scope, r.Cursor)
		if err != nil {
			fields = append(fields, domain.FieldError{Field: "cursor", Message: "is not a cursor issued for this listing"})
		}
		after = a
	}
	if len(fields) > 0 {
		return 0, "", &domain.ValidationError{Fields: fields}
	}
	return limit, after, nil
}

func (o *Orders) clientPage(scope string, page OrderListPage) OrderPage {
	out := OrderPage{Orders: page.Orders}
	if page.Next != "" {
		out.NextCursor = o.cursors.Encode(scope, page.Next)
	}
	return out
}

// CancelOrder cancels an order and gives its stock back in the same atomic
// step. The owner may cancel a PENDING order, an admin also a CONFIRMED one;
// other moves are a *domain.TransitionError. An order the caller may not
// see is not found.
func (o *Orders) CancelOrder(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	p, err := signedIn(ctx, "cancel order")
	if err != nil {
		return domain.Order{}, err
	}
	actor := domain.ActorOwner
	if p.IsAdmin() {
		actor = domain.ActorAdmin
	}
	now := o.clock.Now()
	order, err := o.orders.Update(ctx, id, func(ord *domain.Order) error {
		if !ord.VisibleTo(p.UserID, p.IsAdmin()) {
			return orderNotFound(id)
		}
		return ord.Cancel(actor, now)
	})
	if err != nil {
		return domain.Order{}, fmt.Errorf("cancel order: %w", err)
	}
	return order, nil
}

// SetOrderStatus moves an order to status; admins only. CANCELLED cancels
// (giving stock back); other statuses must be the next step of PENDING →
// CONFIRMED → SHIPPED → DELIVERED, else a *domain.TransitionError.
func (o *Orders) SetOrderStatus(ctx context.Context, id domain.OrderID, status string) (domain.Order, error) {
	if err := authorizeAdmin(ctx, "set order status"); err != nil {
		return domain.Order{}, err
	}
	to, ok := domain.ParseOrderStatus(status)
	if !ok {
		return domain.Order{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "status",
			Message: "must be one of PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED"}}}
	}
	now := o.clock.Now()
	order, err := o.orders.Update(ctx, id, func(ord *domain.Order) error {
		if to == domain.OrderCancelled {
			return ord.Cancel(domain.ActorAdmin, now)
		}
		return ord.Advance(to, now)
	})
	if err != nil {
		return domain.Order{}, fmt.Errorf("set order status: %w", err)
	}
	return order, nil
}
