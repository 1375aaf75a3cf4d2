package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bookshop/bookshop/domain"
)

// OrderChange is one change of a stored order, as a change feed reports it:
// the order before (nil when it was created) and after (nil when it was
// deleted).
type OrderChange struct {
	Old *domain.Order
	New *domain.Order
}

// NotificationFor returns the notification a change calls for, and false
// when it calls for none: a new order is "placed", a change of status is
// "status changed", anything else (a deletion, a change that keeps the
// status) is silent.
func NotificationFor(c OrderChange) (Notification, bool) {
	switch {
	case c.New == nil:
		return Notification{}, false
	case c.Old == nil:
		return newNotification(NotificationOrderPlaced, *c.New, ""), true
	case c.Old.Status() != c.New.Status():
		return newNotification(NotificationOrderStatusChanged, *c.New, c.Old.Status().String()), true
	}
	return Notification{}, false
}

func newNotification(kind NotificationKind, o domain.Order, previous string) Notification {
	total := o.Total()
	amount := fmt.Sprintf("%d.%02d %s", total.Cents()/100, total.Cents()%100, total.Currency())
	n := Notification{
		Kind: kind, OrderID: o.ID(), UserID: o.UserID(),
		Status: o.Status().String(), PreviousStatus: previous,
		TotalCents: total.Cents(), Currency: total.Currency().String(), Lines: len(o.Lines()),
	}
	var text strings.Builder
	switch kind {
	case NotificationOrderPlaced:
		n.Subject = fmt.Sprintf("Order placed: %s", o.ID())
		fmt.Fprintf(&text, "Order %s was placed by %s: %s.\n", o.ID(), o.UserID(), amount)
	default:
		n.Subject = fmt.Sprintf("Order %s is %s", o.ID(), n.Status)
		fmt.Fprintf(&text, "Order %s went from %s to %s (total %s).\n", o.ID(), previous, n.Status, amount)
	}
	for _, l := range o.Lines() {
		fmt.Fprintf(&text, "- %d x %s\n", l.Qty, l.Title)
	}
	n.Text = text.String()
	return n
}

// OrderNotifications turns order changes into notifications.
type OrderNotifications struct {
	notifier Notifier
}

// NewOrderNotifications returns the use case delivering through notifier.
func NewOrderNotifications(notifier Notifier) (*OrderNotifications, error) {
	if notifier == nil {
		return nil, errors.New("new order notifications: nil Notifier")
	}
	return &OrderNotifications{notifier: notifier}, nil
}

// Handle delivers the notification the change calls for, if any (see
// NotificationFor). It reports whether one was sent; errors are the
// Notifier's.
func (u *OrderNotifications) Handle(ctx context.Context, c OrderChange) (bool, error) {
	n, ok := NotificationFor(c)
	if !ok {
		return false, nil
	}
	if err := u.notifier.Notify(ctx, n); err != nil {
		return false, fmt.Errorf("notify %s of order %s: %w", n.Kind, n.OrderID, err)
	}
	return true, nil
}
