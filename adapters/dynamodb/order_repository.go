package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// OrderRepository stores orders and checkout idempotency records in the
// table laid out in table.go, next to the books whose stock they take. It
// is safe for concurrent use by any number of processes: every write that
// spans books and orders is one TransactWriteItems call with conditions.
type OrderRepository struct {
	db    *dynamo.DB
	table dynamo.Table
}

var _ app.OrderRepository = (*OrderRepository)(nil)

// NewOrderRepository returns a repository over the table named table, which
// must exist with the layout of TableSpec. Nothing is sent to DynamoDB.
func NewOrderRepository(db *dynamo.DB, table TableName) (*OrderRepository, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &OrderRepository{db: db, table: t}, nil
}

// PlaceOrder implements app.OrderRepository with one transaction: per line
// an update of the book (stock - qty, version + 1) conditioned on the book
// existing with stock >= qty and the line's price and currency; a put of the
// order conditioned on its key being free; a put of the idempotency record
// conditioned on no unexpired record holding the key. When DynamoDB cancels
// the transaction, the cancellation reasons (one per item, in order) tell
// which condition failed; the books are then read again to name every short
// one. The transaction is sent again under the package's retry policy (see
// untilWon), at most MaxWriteAttempts times in all, when DynamoDB cancels it
// for a TransactionConflict (another transaction held one of its items) or
// throttling, when it fails in a way retryable accepts, or when a condition
// failed only because of a race that resolved itself.
func (r *OrderRepository) PlaceOrder(ctx context.Context, order domain.Order, rec app.IdempotencyRecord, now time.Time) error {
	resent := false
	return untilWon(ctx, "place order "+string(order.ID()), func() error {
		err := r.tryPlace(ctx, order, rec, now, resent)
		resent = true
		return err
	})
}

// tryPlace is one attempt of PlaceOrder; resent tells that an earlier
// attempt sent the same transaction.
func (r *OrderRepository) tryPlace(ctx context.Context, order domain.Order, rec app.IdempotencyRecord, now time.Time, resent bool) error {
	lines := order.Lines()
	tx := r.db.WriteTx()
	stamp := now.UTC().Format(time.RFC3339Nano)
	for _, l := range lines {
		tx.Update(r.table.Update(attrPK, bookPK(l.BookID)).Range(attrSK, bookSK).
			Add(attrBookStock, -l.Qty).Add(attrVersion, 1).Set("updated_at", stamp).
			If("attribute_exists($) AND $ >= ? AND $ = ? AND $ = ?",
				attrPK, attrBookStock, l.Qty, "price_cents", l.UnitPrice.Cents(), "currency", l.UnitPrice.Currency().String()))
	}
	tx.Put(r.table.Put(newOrderItem(order)).If("attribute_not_exists($)", attrPK))
	tx.Put(r.table.Put(newIdempotencyItem(rec)).If("attribute_not_exists($) OR $ <= ?", attrPK, attrExpiresAt, now.Unix()))
	err := tx.Run(ctx)
	if err == nil {
		return nil
	}
	failed, conflict, ok := orderTxCancellation(err)
	if !ok {
		if retryable(err) {
			return errLostRace
		}
		return fmt.Errorf("place order %s: %w", order.ID(), err)
	}
	if failed[len(lines)] {
		// Order ids are fresh, so an order with this id is this one,
		// written by an earlier attempt whose answer was lost (a 500 or a
		// timeout): that attempt succeeded.
		if _, err := r.get(ctx, order.ID()); err == nil && resent {
			return nil
		}
		return fmt.Errorf("place order %s: id taken: %w", order.ID(), domain.ErrConflict)
	}
	switch {
	case failed[len(lines)+1]:
		return fmt.Errorf("place order %s: %w", order.ID(), app.ErrIdempotencyKeyTaken)
	case len(failed) > 0:
		if err := r.whyNotPlaced(ctx, lines); err != nil {
			return fmt.Errorf("place order %s: %w", order.ID(), err)
		}
		return errLostRace // every condition holds again: the failure was a race
	case !conflict:
		return fmt.Errorf("place order %s: %w", order.ID(), err)
	}
	return errLostRace
}

// orderTxCancellation reads a cancelled transaction's reasons: the indexes of the
// items whose condition failed, and whether any item was in conflict with
// another transaction. ok is false when err is not a cancellation.
func orderTxCancellation(err error) (failed map[int]bool, conflict, ok bool) {
	var txe *types.TransactionCanceledException
	if !errors.As(err, &txe) {
		var tce *types.TransactionConflictException
		return nil, errors.As(err, &tce), errors.As(err, &tce)
	}
	failed = map[int]bool{}
	for i, reason := range txe.CancellationReasons {
		switch code := aws.ToString(reason.Code); code {
		case "ConditionalCheckFailed":
			failed[i] = true
		case "TransactionConflict", "ThrottlingError", "ProvisionedThroughputExceeded":
			conflict = true
		}
	}
	return failed, conflict, true
}

// retryable reports a failure after which the same transaction may be sent
// again: DynamoDB's 500 InternalServerError (DynamoDB Local also answers it
// when a transaction waited too long for an item lock) and throttling. The
// transaction may have been applied all the same: PlaceOrder recognizes its
// own order on the resend, and Update's cancellation carries a client
// request token per order version.
func retryable(err error) bool {
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		return false
	}
	switch ae.ErrorCode() {
	case "InternalServerError", "ThrottlingException", "ProvisionedThroughputExceededException", "TransactionInProgressException":
		return true
	}
	return false
}

// whyNotPlaced reads the lines' books strongly consistently and explains a
// failed book condition: a missing book, a changed price, or short stock
// (naming every short book). It returns nil when every condition holds now.
func (r *OrderRepository) whyNotPlaced(ctx context.Context, lines []domain.OrderLine) error {
	var short []domain.BookID
	for _, l := range lines {
		it, err := r.getBook(ctx, l.BookID)
		if err != nil {
			return err
		}
		switch {
		case it.PriceCents != l.UnitPrice.Cents() || it.Currency != l.UnitPrice.Currency().String():
			return app.ErrCatalogChanged
		case it.Stock < l.Qty:
			short = append(short, l.BookID)
		}
	}
	if len(short) > 0 {
		return &domain.OutOfStockError{BookIDs: short}
	}
	return nil
}

// getBook reads a book's item strongly consistently; a missing book is a
// *domain.NotFoundError.
func (r *OrderRepository) getBook(ctx context.Context, id domain.BookID) (bookItem, error) {
	var it bookItem
	err := r.table.Get(attrPK, bookPK(id)).Range(attrSK, dynamo.Equal, bookSK).Consistent(true).One(ctx, &it)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return bookItem{}, notFound(id)
	case err != nil:
		return bookItem{}, fmt.Errorf("read book %s: %w", id, err)
	}
	return it, nil
}

// FindIdempotency implements app.OrderRepository. DynamoDB deletes expired
// records only eventually, so the expiry is checked here too.
func (r *OrderRepository) FindIdempotency(ctx context.Context, userID, key string, now time.Time) (app.IdempotencyRecord, error) {
	var it idempotencyItem
	err := r.table.Get(attrPK, idempotencyPK(userID, key)).Range(attrSK, dynamo.Equal, idempotencySK).Consistent(true).One(ctx, &it)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return app.IdempotencyRecord{}, &domain.NotFoundError{Entity: "idempotency key", ID: key}
	case err != nil:
		return app.IdempotencyRecord{}, fmt.Errorf("read idempotency key: %w", err)
	}
	rec := it.record()
	if rec.Expired(now) || rec.UserID != userID || rec.Key != key {
		return app.IdempotencyRecord{}, &domain.NotFoundError{Entity: "idempotency key", ID: key}
	}
	return rec, nil
}

// Get implements app.OrderRepository.
func (r *OrderRepository) Get(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	it, err := r.get(ctx, id)
	if err != nil {
		return domain.Order{}, fmt.Errorf("get order: %w", err)
	}
	return it.order()
}

func (r *OrderRepository) get(ctx context.Context, id domain.OrderID) (orderItem, error) {
	var it orderItem
	err := r.table.Get(attrPK, orderPK(id)).Range(attrSK, dynamo.Equal, orderSK).Consistent(true).One(ctx, &it)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return orderItem{}, &domain.NotFoundError{Entity: "order", ID: string(id)}
	case err != nil:
		return orderItem{}, fmt.Errorf("read order %s: %w", id, err)
	}
	return it, nil
}

// ListByUser implements app.OrderRepository with a Query on the
// orders-by-user index.
func (r *OrderRepository) ListByUser(ctx context.Context, userID string, limit int, after string) (app.OrderListPage, error) {
	return r.list(ctx, indexOrdersByUser, attrOrderUser, userID, limit, after)
}

// ListByStatus implements app.OrderRepository with a Query on the
// orders-by-status index.
func (r *OrderRepository) ListByStatus(ctx context.Context, status domain.OrderStatus, limit int, after string) (app.OrderListPage, error) {
	if status.IsZero() {
		return app.OrderListPage{}, fmt.Errorf("list orders: no status: %w", domain.ErrInvalid)
	}
	return r.list(ctx, indexOrdersByStatus, attrOrderStatus, status.String(), limit, after)
}

// list queries index for hashValue by descending order id, asking for one
// item more than limit to learn whether a page follows.
func (r *OrderRepository) list(ctx context.Context, index, hashAttr, hashValue string, limit int, after string) (app.OrderListPage, error) {
	if limit < 1 || limit > app.MaxPageSize {
		return app.OrderListPage{}, fmt.Errorf("list orders: limit %d not in 1..%d: %w", limit, app.MaxPageSize, domain.ErrInvalid)
	}
	afterID, err := decodePosition(after, app.SortNewest)
	if err != nil {
		return app.OrderListPage{}, fmt.Errorf("list orders: %w", err)
	}
	q := r.table.Get(hashAttr, hashValue).Index(index).Order(dynamo.Descending).Limit(limit + 1)
	if afterID != "" {
		q.Range(attrOrderID, dynamo.Less, afterID)
	}
	var items []orderItem
	if err := q.All(ctx, &items); err != nil {
		return app.OrderListPage{}, fmt.Errorf("list orders on index %s: %w", index, err)
	}
	more := len(items) > limit
	items = items[:min(len(items), limit)]
	page := app.OrderListPage{Orders: make([]domain.Order, 0, len(items))}
	for _, it := range items {
		o, err := it.order()
		if err != nil {
			return app.OrderListPage{}, fmt.Errorf("list orders: %w", err)
		}
		page.Orders = append(page.Orders, o)
	}
	if more {
		page.Next = encodePosition(items[len(items)-1].OrderID)
	}
	return page, nil
}

// Update implements app.OrderRepository: read the order, run fn, and write
// the result conditioned on the version read. A cancellation also gives the
// stock back, in the same transaction, to every line's book that still
// exists (each update conditioned on the book existing). A failed condition,
// a cancelled transaction or a retryable error starts over under the
// package's retry policy (see untilWon), at most MaxWriteAttempts times in
// all.
func (r *OrderRepository) Update(ctx context.Context, id domain.OrderID, fn func(*domain.Order) error) (domain.Order, error) {
	var o domain.Order
	err := untilWon(ctx, "update order "+string(id), func() (err error) {
		o, err = r.tryUpdate(ctx, id, fn)
		return err
	})
	return o, err
}

func (r *OrderRepository) tryUpdate(ctx context.Context, id domain.OrderID, fn func(*domain.Order) error) (domain.Order, error) {
	it, err := r.get(ctx, id)
	if err != nil {
		return domain.Order{}, fmt.Errorf("update order: %w", err)
	}
	o, err := it.order()
	if err != nil {
		return domain.Order{}, fmt.Errorf("update order: %w", err)
	}
	before := o.Status()
	if err := fn(&o); err != nil {
		return domain.Order{}, err
	}
	if o.ID() != id {
		return domain.Order{}, fmt.Errorf("update order %s: callback changed the id to %s", id, o.ID())
	}
	put := r.table.Put(newOrderItem(o)).If("$ = ?", attrVersion, it.Version)
	if before == domain.OrderCancelled || o.Status() != domain.OrderCancelled {
		err := put.Run(ctx)
		switch {
		case dynamo.IsCondCheckFailed(err):
			return domain.Order{}, errLostRace
		case err != nil:
			return domain.Order{}, fmt.Errorf("update order %s: %w", id, err)
		}
		return o, nil
	}
	tx := r.db.WriteTx().IdempotentWithToken(fmt.Sprintf("%s-v%d", o.ID(), o.Version())).Put(put)
	stamp := o.UpdatedAt().UTC().Format(time.RFC3339Nano)
	for _, l := range o.Lines() {
		if _, err := r.getBook(ctx, l.BookID); errors.Is(err, domain.ErrNotFound) {
			continue // deleted since: nothing to give back to
		} else if err != nil {
			return domain.Order{}, fmt.Errorf("update order %s: %w", id, err)
		}
		tx.Update(r.table.Update(attrPK, bookPK(l.BookID)).Range(attrSK, bookSK).
			Add(attrBookStock, l.Qty).Add(attrVersion, 1).Set("updated_at", stamp).
			If("attribute_exists($)", attrPK))
	}
	err = tx.Run(ctx)
	if err == nil {
		return o, nil
	}
	if _, _, ok := orderTxCancellation(err); ok || retryable(err) {
		return domain.Order{}, errLostRace
	}
	return domain.Order{}, fmt.Errorf("update order %s: %w", id, err)
}
