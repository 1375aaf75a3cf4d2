package domain

import (
	"errors"
	"fmt"
	"slices"
	"time"
)

// Limits of an order.
const (
	// MaxOrderLines is the most distinct books one order may hold.
	MaxOrderLines = 25
	// MinLineQty and MaxLineQty bound the quantity of one line.
	MinLineQty = 1
	MaxLineQty = 10
)

// OrderID identifies an order. IDs are ULIDs made by the server, so they sort
// by creation time.
type OrderID string

// CartItem is one line of a checkout request as a client sent it: a book and
// a quantity, unvalidated. Prices and titles never come from the client.
type CartItem struct {
	BookID BookID
	Qty    int
}

// ValidateCart checks the shape of a checkout request: 1 to MaxOrderLines
// items, each naming a book once with a quantity of MinLineQty to
// MaxLineQty. It reports every problem at once, with fields named like
// "items[3].qty".
func ValidateCart(items []CartItem) error {
	var errs fieldErrors
	switch {
	case len(items) == 0:
		errs.add("items", "must hold at least one item")
	case len(items) > MaxOrderLines:
		errs.add("items", "must hold at most %d items", MaxOrderLines)
	}
	seen := make(map[BookID]int, len(items))
	for i, it := range items {
		if it.BookID == "" {
			errs.add(fmt.Sprintf("items[%d].bookId", i), "is required")
		} else if first, dup := seen[it.BookID]; dup {
			errs.add(fmt.Sprintf("items[%d].bookId", i), "repeats items[%d]: order each book once with its quantity", first)
		} else {
			seen[it.BookID] = i
		}
		if it.Qty < MinLineQty || it.Qty > MaxLineQty {
			errs.add(fmt.Sprintf("items[%d].qty", i), "must be between %d and %d", MinLineQty, MaxLineQty)
		}
	}
	return errs.err()
}

// OrderLine is one line of an order: a book at the unit price the catalog
// asked when the order was placed.
type OrderLine struct {
	BookID    BookID
	Title     string
	UnitPrice Money
	Qty       int
}

// Total returns the line's unit price times its quantity.
func (l OrderLine) Total() Money {
	return NewMoney(l.UnitPrice.Cents()*int64(l.Qty), l.UnitPrice.Currency())
}

// ShippingPolicy decides the shipping fee of an order from its subtotal: a
// flat fee, waived when the subtotal exceeds a threshold.
type ShippingPolicy struct {
	// FlatFeeCents is charged when the subtotal is at most FreeAboveCents.
	FlatFeeCents int64
	// FreeAboveCents is the subtotal above which shipping is free.
	FreeAboveCents int64
}

// DefaultShippingPolicy charges 10.00 up to a subtotal of 2,000.00 and
// nothing above it (in the order's currency).
var DefaultShippingPolicy = ShippingPolicy{FlatFeeCents: 1000, FreeAboveCents: 200_000}

// Validate reports a policy with negative amounts.
func (p ShippingPolicy) Validate() error {
	if p.FlatFeeCents < 0 || p.FreeAboveCents < 0 {
		return &ValidationError{Fields: []FieldError{{Field: "shippingPolicy", Message: "amounts must not be negative"}}}
	}
	return nil
}

// Fee returns the shipping fee for subtotal, in its currency.
func (p ShippingPolicy) Fee(subtotal Money) Money {
	if subtotal.Cents() > p.FreeAboveCents {
		return NewMoney(0, subtotal.Currency())
	}
	return NewMoney(p.FlatFeeCents, subtotal.Currency())
}

// Order is the checkout aggregate. Its fields are unexported so that every
// Order in memory satisfies the invariants checked by NewOrder and
// RestoreOrder.
type Order struct {
	id        OrderID
	userID    string
	lines     []OrderLine
	subtotal  Money
	shipping  Money
	total     Money
	status    OrderStatus
	createdAt time.Time
	updatedAt time.Time
	version   int64
}

// NewOrder creates version 1 of a PENDING order for userID. lines carry the
// catalog's titles and prices; they must satisfy ValidateCart's rules and
// share one currency. Shipping follows policy.
func NewOrder(id OrderID, userID string, lines []OrderLine, policy ShippingPolicy, now time.Time) (Order, error) {
	var errs fieldErrors
	if id == "" {
		errs.add("id", "is required")
	}
	if userID == "" {
		errs.add("userId", "is required")
	}
	if err := policy.Validate(); err != nil {
		return Order{}, err
	}
	subtotal := checkLines(&errs, lines)
	if err := errs.err(); err != nil {
		return Order{}, err
	}
	shipping := policy.Fee(subtotal)
	now = now.UTC()
	return Order{
		id: id, userID: userID, lines: slices.Clone(lines),
		subtotal: subtotal, shipping: shipping, total: NewMoney(subtotal.Cents()+shipping.Cents(), subtotal.Currency()),
		status: OrderPending, createdAt: now, updatedAt: now, version: 1,
	}, nil
}

// checkLines validates lines and returns their subtotal.
func checkLines(errs *fieldErrors, lines []OrderLine) Money {
	items := make([]CartItem, len(lines))
	for i, l := range lines {
		items[i] = CartItem{BookID: l.BookID, Qty: l.Qty}
	}
	if err := ValidateCart(items); err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			*errs = append(*errs, ve.Fields...)
		}
	}
	var currency Currency
	var cents int64
	for i, l := range lines {
		checkText(errs, fmt.Sprintf("items[%d].title", i), l.Title, 1, MaxTitleLen, false)
		if l.UnitPrice.Cents() < 0 || l.UnitPrice.Cents() > MaxPriceCents {
			errs.add(fmt.Sprintf("items[%d].unitPriceCents", i), "must be between 0 and %d", MaxPriceCents)
		}
		switch {
		case l.UnitPrice.Currency().IsZero():
			errs.add(fmt.Sprintf("items[%d].currency", i), "is required")
		case currency.IsZero():
			currency = l.UnitPrice.Currency()
		case l.UnitPrice.Currency() != currency:
			errs.add(fmt.Sprintf("items[%d].currency", i), "is %s, but the order is in %s: one order holds one currency",
				l.UnitPrice.Currency(), currency)
		}
		cents += l.Total().Cents()
	}
	return NewMoney(cents, currency)
}

// OrderActor is who asks for a change of an order's status, for the rules of
// the state machine.
type OrderActor int

// Actors.
const (
	// ActorOwner is the customer who placed the order.
	ActorOwner OrderActor = iota + 1
	// ActorAdmin is a member of the shop's staff.
	ActorAdmin
)

// Cancel moves the order to CANCELLED. The owner may cancel a PENDING order;
// an admin may also cancel a CONFIRMED one. Any other case is a
// *TransitionError and leaves the order unchanged.
func (o *Order) Cancel(by OrderActor, now time.Time) error {
	allowed := o.status == OrderPending || (by == ActorAdmin && o.status == OrderConfirmed)
	if !allowed {
		return &TransitionError{OrderID: o.id, From: o.status, To: OrderCancelled}
	}
	o.status = OrderCancelled
	o.touch(now)
	return nil
}

// Advance moves the order one step along PENDING → CONFIRMED → SHIPPED →
// DELIVERED; to must be the next step. Cancelling goes through Cancel. Any
// other move is a *TransitionError and leaves the order unchanged.
func (o *Order) Advance(to OrderStatus, now time.Time) error {
	if next, ok := o.status.next(); !ok || next != to {
		return &TransitionError{OrderID: o.id, From: o.status, To: to}
	}
	o.status = to
	o.touch(now)
	return nil
}

func (o *Order) touch(now time.Time) {
	o.updatedAt = now.UTC()
	o.version++
}

// VisibleTo reports whether a caller may see the order: its owner or an
// admin. Everyone else must be told the order does not exist.
func (o Order) VisibleTo(userID string, admin bool) bool {
	return admin || (userID != "" && userID == o.userID)
}

// Accessors.

func (o Order) ID() OrderID          { return o.id }
func (o Order) UserID() string       { return o.userID }
func (o Order) Lines() []OrderLine   { return slices.Clone(o.lines) }
func (o Order) Subtotal() Money      { return o.subtotal }
func (o Order) Shipping() Money      { return o.shipping }
func (o Order) Total() Money         { return o.total }
func (o Order) Currency() Currency   { return o.total.Currency() }
func (o Order) Status() OrderStatus  { return o.status }
func (o Order) CreatedAt() time.Time { return o.createdAt }
func (o Order) UpdatedAt() time.Time { return o.updatedAt }
func (o Order) Version() int64       { return o.version }

// OrderSnapshot is the full state of an order as stored by a repository. It
// is the only way back from storage into an Order (see RestoreOrder).
type OrderSnapshot struct {
	ID        OrderID
	UserID    string
	Lines     []OrderLine
	Subtotal  Money
	Shipping  Money
	Total     Money
	Status    OrderStatus
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int64
}

// Snapshot returns the order's state for storage.
func (o Order) Snapshot() OrderSnapshot {
	return OrderSnapshot{
		ID: o.id, UserID: o.userID, Lines: slices.Clone(o.lines),
		Subtotal: o.subtotal, Shipping: o.shipping, Total: o.total, Status: o.status,
		CreatedAt: o.createdAt, UpdatedAt: o.updatedAt, Version: o.version,
	}
}

// RestoreOrder rebuilds an order from storage, checking the invariants
// NewOrder establishes (lines, one currency, total = subtotal + shipping) so
// that a corrupt record cannot enter the domain. The stored shipping fee is
// kept: the policy may have changed since the order was placed.
func RestoreOrder(s OrderSnapshot) (Order, error) {
	var errs fieldErrors
	if s.ID == "" || s.UserID == "" || s.Version < 1 {
		errs.add("id", "stored order has no id, user or version")
	}
	if s.Status.IsZero() {
		errs.add("status", "is not a known status")
	}
	subtotal := checkLines(&errs, s.Lines)
	if err := errs.err(); err != nil {
		return Order{}, err
	}
	if s.Subtotal != subtotal || s.Shipping.Currency() != subtotal.Currency() ||
		s.Total != NewMoney(subtotal.Cents()+s.Shipping.Cents(), subtotal.Currency()) {
		return Order{}, &ValidationError{Fields: []FieldError{{Field: "total", Message: "stored amounts do not add up"}}}
	}
	return Order{
		id: s.ID, userID: s.UserID, lines: slices.Clone(s.Lines),
		subtotal: s.Subtotal, shipping: s.Shipping, total: s.Total, status: s.Status,
		createdAt: s.CreatedAt.UTC(), updatedAt: s.UpdatedAt.UTC(), version: s.Version,
	}, nil
}
