package app

import (
	"context"

	"github.com/bookshop/bookshop/domain"
)

// NotificationKind says what happened to an order. The zero value is not a
// kind.
type NotificationKind string

// Notification kinds.
const (
	// NotificationOrderPlaced announces a new order.
	NotificationOrderPlaced NotificationKind = "order-placed"
	// NotificationOrderStatusChanged announces an order's new status.
	NotificationOrderStatusChanged NotificationKind = "order-status-changed"
)

// Notification is a message about an order, ready to be delivered: the
// order's facts for machines and Subject and Text for people.
type Notification struct {
	Kind    NotificationKind
	OrderID domain.OrderID
	UserID  string
	// Status is the order's status after the change; PreviousStatus is ""
	// for a new order.
	Status         string
	PreviousStatus string
	// TotalCents and Currency are the order's total.
	TotalCents int64
	Currency   string
	// Lines counts the order's lines.
	Lines   int
	Subject string
	Text    string
}

// Notifier delivers notifications (an SNS topic on AWS, a local mailbox).
//
// Implementations must be safe for concurrent use. Delivery is at least
// once: a retried change may notify twice. Every error is an infrastructure
// error that a retry may cure.
type Notifier interface {
	Notify(ctx context.Context, n Notification) error
}
