package dynamodb

import (
	"fmt"
	"strings"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// orderItem is an order as stored in the table (see table.go).
type orderItem struct {
	PK string `dynamo:"pk"`
	SK string `dynamo:"sk"`
	// Index keys of the order listings; order items only.
	OrderID     string `dynamo:"order_id"`
	OrderUser   string `dynamo:"order_user"`
	OrderStatus string `dynamo:"order_status"`

	Lines         []orderLineItem `dynamo:"lines"`
	Currency      string          `dynamo:"currency"`
	SubtotalCents int64           `dynamo:"subtotal_cents"`
	ShippingCents int64           `dynamo:"shipping_cents"`
	TotalCents    int64           `dynamo:"total_cents"`
	CreatedAt     string          `dynamo:"created_at"`
	UpdatedAt     string          `dynamo:"updated_at"`
	Version       int64           `dynamo:"version"`
}

// orderLineItem is one line of an orderItem; the currency is the order's.
type orderLineItem struct {
	BookID         string `dynamo:"book_id"`
	Title          string `dynamo:"title"`
	UnitPriceCents int64  `dynamo:"unit_price_cents"`
	Qty            int    `dynamo:"qty"`
}

// orderPK returns the partition key of the order with the given id.
func orderPK(id domain.OrderID) string { return orderPKPrefix + string(id) }

func newOrderItem(o domain.Order) orderItem {
	s := o.Snapshot()
	lines := make([]orderLineItem, len(s.Lines))
	for i, l := range s.Lines {
		lines[i] = orderLineItem{BookID: string(l.BookID), Title: l.Title, UnitPriceCents: l.UnitPrice.Cents(), Qty: l.Qty}
	}
	return orderItem{
		PK: orderPK(s.ID), SK: orderSK,
		OrderID: string(s.ID), OrderUser: s.UserID, OrderStatus: s.Status.String(),
		Lines: lines, Currency: s.Total.Currency().String(),
		SubtotalCents: s.Subtotal.Cents(), ShippingCents: s.Shipping.Cents(), TotalCents: s.Total.Cents(),
		CreatedAt: s.CreatedAt.UTC().Format(time.RFC3339Nano),
		UpdatedAt: s.UpdatedAt.UTC().Format(time.RFC3339Nano),
		Version:   s.Version,
	}
}

// order rebuilds the domain order through domain.RestoreOrder. A corrupt
// record is a storage failure, not the caller's invalid input (see
// bookItem.book).
func (it orderItem) order() (domain.Order, error) {
	created, err1 := time.Parse(time.RFC3339Nano, it.CreatedAt)
	updated, err2 := time.Parse(time.RFC3339Nano, it.UpdatedAt)
	currency, ok := domain.ParseCurrency(it.Currency)
	status, okStatus := domain.ParseOrderStatus(it.OrderStatus)
	if err1 != nil || err2 != nil || !ok || !okStatus {
		return domain.Order{}, fmt.Errorf("stored order %q has malformed timestamps, currency or status", it.OrderID)
	}
	lines := make([]domain.OrderLine, len(it.Lines))
	for i, l := range it.Lines {
		lines[i] = domain.OrderLine{BookID: domain.BookID(l.BookID), Title: l.Title, UnitPrice: domain.NewMoney(l.UnitPriceCents, currency), Qty: l.Qty}
	}
	o, err := domain.RestoreOrder(domain.OrderSnapshot{
		ID: domain.OrderID(it.OrderID), UserID: it.OrderUser, Lines: lines,
		Subtotal: domain.NewMoney(it.SubtotalCents, currency), Shipping: domain.NewMoney(it.ShippingCents, currency),
		Total: domain.NewMoney(it.TotalCents, currency), Status: status,
		CreatedAt: created, UpdatedAt: updated, Version: it.Version,
	})
	if err != nil {
		return domain.Order{}, fmt.Errorf("stored order %q is corrupt: %v", it.OrderID, err)
	}
	return o, nil
}

// idempotencyItem remembers a checkout's Idempotency-Key (see table.go).
type idempotencyItem struct {
	PK          string `dynamo:"pk"`
	SK          string `dynamo:"sk"`
	UserID      string `dynamo:"user_id"`
	Key         string `dynamo:"idempotency_key"`
	RequestHash string `dynamo:"request_hash"`
	OrderRef    string `dynamo:"order_ref"`
	// ExpiresAt is in Unix seconds: DynamoDB's TTL attribute.
	ExpiresAt int64 `dynamo:"expires_at"`
}

// pkEscaper keeps "<userId>#<key>" unambiguous: a '#' in the user id is
// escaped, so the first '#' after the prefix ends the user id.
var pkEscaper = strings.NewReplacer("%", "%25", "#", "%23")

// idempotencyPK returns the partition key of a user's Idempotency-Key.
func idempotencyPK(userID, key string) string {
	return idempotencyPKPrefix + pkEscaper.Replace(userID) + "#" + key
}

func newIdempotencyItem(r app.IdempotencyRecord) idempotencyItem {
	return idempotencyItem{
		PK: idempotencyPK(r.UserID, r.Key), SK: idempotencySK,
		UserID: r.UserID, Key: r.Key, RequestHash: r.RequestHash, OrderRef: string(r.OrderID),
		ExpiresAt: r.ExpiresAt.Unix(),
	}
}

func (it idempotencyItem) record() app.IdempotencyRecord {
	return app.IdempotencyRecord{
		UserID: it.UserID, Key: it.Key, RequestHash: it.RequestHash,
		OrderID: domain.OrderID(it.OrderRef), ExpiresAt: time.Unix(it.ExpiresAt, 0).UTC(),
	}
}

// Key prefixes, index names and attribute names of orders and idempotency
// records (see table.go).
const (
	orderPKPrefix       = "ORDER#"
	orderSK             = "ORDER"
	idempotencyPKPrefix = "IDEMPOTENCY#"
	idempotencySK       = "IDEMPOTENCY"

	attrOrderUser   = "order_user"
	attrOrderStatus = "order_status"
	attrOrderID     = "order_id"
	attrExpiresAt   = "expires_at"
	attrBookStock   = "stock"

	indexOrdersByUser   = "orders-by-user"
	indexOrdersByStatus = "orders-by-status"
)
