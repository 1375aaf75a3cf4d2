package dynamodb

import (
	"context"
	"errors"
	"log/slog"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
)

// OrderStreamHandler is the inbound adapter of the table's stream: Lambda
// (or the local gateway's poller) hands it batches of stream records as an
// events.DynamoDBEvent, and it runs app.OrderNotifications for each order
// change, in order.
//
// Error policy (the event source mapping sets ReportBatchItemFailures):
// when a notification fails (SNS or the mailbox unreachable) the handler
// stops and reports that record's sequence number, so Lambda retries the
// batch from there (a later record is never notified before an earlier
// one; records before it are not repeated). A record that can never be
// decoded (a corrupt order image) is logged at error level and skipped: a
// retry would not cure it, and it must not block the shard.
type OrderStreamHandler struct {
	notifications *app.OrderNotifications
	logger        *slog.Logger
}

// NewOrderStreamHandler returns the handler running notifications.
func NewOrderStreamHandler(notifications *app.OrderNotifications, logger *slog.Logger) (*OrderStreamHandler, error) {
	if notifications == nil || logger == nil {
		return nil, errors.New("dynamodb.NewOrderStreamHandler: nil use case or logger")
	}
	return &OrderStreamHandler{notifications: notifications, logger: logger}, nil
}

// Handle processes ev's records in order; see OrderStreamHandler for what
// it reports. The error is always nil: failures are batch item failures.
func (h *OrderStreamHandler) Handle(ctx context.Context, ev events.DynamoDBEvent) (events.DynamoDBEventResponse, error) {
	return processRecords(ctx, h.logger, "order notification", ev, func(ctx context.Context, r events.DynamoDBEventRecord) error {
		change, ok, err := OrderChangeFromStream(r)
		switch {
		case !ok:
			return nil
		case err != nil:
			return undecodable(err)
		}
		sent, err := h.notifications.Handle(ctx, change)
		if sent {
			h.logger.InfoContext(ctx, "order notification sent", "eventName", r.EventName, "sequenceNumber", r.Change.SequenceNumber)
		}
		return err
	}), nil
}
