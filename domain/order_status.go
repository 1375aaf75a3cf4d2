package domain

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// OrderStatus is where an order stands in its life cycle. The zero value is
// not a status; obtain one from the Order* variables or ParseOrderStatus.
type OrderStatus struct{ name string }

// Order statuses. An order moves PENDING → CONFIRMED → SHIPPED → DELIVERED,
// and may be CANCELLED before it ships (see Order.Cancel).
var (
	OrderPending   = OrderStatus{"PENDING"}
	OrderConfirmed = OrderStatus{"CONFIRMED"}
	OrderShipped   = OrderStatus{"SHIPPED"}
	OrderDelivered = OrderStatus{"DELIVERED"}
	OrderCancelled = OrderStatus{"CANCELLED"}
)

var orderStatuses = []OrderStatus{OrderPending, OrderConfirmed, OrderShipped, OrderDelivered, OrderCancelled}

// OrderStatuses returns every status, in life-cycle order (CANCELLED last).
func OrderStatuses() []OrderStatus { return slices.Clone(orderStatuses) }

// ParseOrderStatus accepts a status name in any letter case.
func ParseOrderStatus(s string) (OrderStatus, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	for _, st := range orderStatuses {
		if st.name == s {
			return st, true
		}
	}
	return OrderStatus{}, false
}

// String returns the status name, such as "PENDING", or "" for the zero value.
func (s OrderStatus) String() string { return s.name }

// IsZero reports whether s is the zero (invalid) status.
func (s OrderStatus) IsZero() bool { return s.name == "" }

// next returns the status that follows s on the delivery path.
func (s OrderStatus) next() (OrderStatus, bool) {
	switch s {
	case OrderPending:
		return OrderConfirmed, true
	case OrderConfirmed:
		return OrderShipped, true
	case OrderShipped:
		return OrderDelivered, true
	}
	return OrderStatus{}, false
}

// TransitionError reports a status change the state machine forbids. It
// joins ErrConflict.
type TransitionError struct {
	OrderID OrderID
	From    OrderStatus
	To      OrderStatus
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("order %q cannot go from %s to %s", e.OrderID, e.From, e.To)
}

// Is makes errors.Is(err, ErrConflict) true.
func (e *TransitionError) Is(target error) bool { return target == ErrConflict }

// ErrOutOfStock is the category of OutOfStockError, a kind of ErrConflict
// that inbound adapters may report more precisely.
var ErrOutOfStock = errors.New("out of stock")

// OutOfStockError reports the books of a checkout whose stock is lower than
// the quantity ordered. It joins ErrOutOfStock and ErrConflict.
type OutOfStockError struct {
	// BookIDs lists every short book, in the order's line order.
	BookIDs []BookID
}

func (e *OutOfStockError) Error() string {
	ids := make([]string, len(e.BookIDs))
	for i, id := range e.BookIDs {
		ids[i] = string(id)
	}
	return "out of stock: " + strings.Join(ids, ", ")
}

// Is makes errors.Is(err, ErrOutOfStock) and errors.Is(err, ErrConflict) true.
func (e *OutOfStockError) Is(target error) bool {
	return target == ErrOutOfStock || target == ErrConflict
}
