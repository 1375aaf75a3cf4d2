package main

import (
	"context"
	"log/slog"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/app"
)

// notificationHook marks that committed order changes notify the mailbox,
// as the table's stream invokes the notifier function on AWS.
type notificationHook struct{}

// newMailbox returns the embedded mailbox, served at mailbox.Path.
func newMailbox(clock app.Clock) (*mailbox.Mailbox, error) {
	return mailbox.New(clock, mailbox.DefaultCapacity)
}

// newNotificationHook runs the notification use case in-process after every
// committed order change, delivering to the mailbox. A failed delivery is
// logged; the order change stands.
func newNotificationHook(orders orderChanges, box *mailbox.Mailbox, logger *slog.Logger) (notificationHook, error) {
	notifications, err := app.NewOrderNotifications(box)
	if err != nil {
		return notificationHook{}, err
	}
	orders.OnOrderChanged(func(ctx context.Context, c app.OrderChange) {
		sent, err := notifications.Handle(context.WithoutCancel(ctx), c)
		switch {
		case err != nil:
			logger.ErrorContext(ctx, "order notification failed", "error", err.Error())
		case sent:
			logger.DebugContext(ctx, "order notification delivered to the mailbox", "order", string(c.New.ID()))
		}
	})
	return notificationHook{}, nil
}
