package dynamodb

import (
	"context"
	"errors"
	"log/slog"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
)

// ProjectionStreamHandler is the inbound adapter of the table's stream for
// the discovery projections and the removal of deleted books' objects:
// Lambda (or the local gateway's poller) hands it batches of stream
// records, and it runs app.Projector for each book and order change and
// app.CoverCleanup for each book change, in order; other records are
// ignored.
//
// Error policy: as OrderStreamHandler's (processRecords). A failed
// projection (DynamoDB or S3 unreachable, throttled past the retry policy)
// reports the record, and Lambda retries from it; a record whose image
// cannot be decoded is logged and skipped. Retrying is safe: the
// projections apply each change once, and removing objects is idempotent.
type ProjectionStreamHandler struct {
	projector *app.Projector
	cleanup   *app.CoverCleanup
	logger    *slog.Logger
}

// NewProjectionStreamHandler returns the handler running projector and
// cleanup.
func NewProjectionStreamHandler(projector *app.Projector, cleanup *app.CoverCleanup, logger *slog.Logger) (*ProjectionStreamHandler, error) {
	if projector == nil || cleanup == nil || logger == nil {
		return nil, errors.New("dynamodb.NewProjectionStreamHandler: nil projector, cleanup or logger")
	}
	return &ProjectionStreamHandler{projector: projector, cleanup: cleanup, logger: logger}, nil
}

// Handle processes ev's records in order; see ProjectionStreamHandler for
// what it reports. The error is always nil: failures are batch item
// failures.
func (h *ProjectionStreamHandler) Handle(ctx context.Context, ev events.DynamoDBEvent) (events.DynamoDBEventResponse, error) {
	return processRecords(ctx, h.logger, "projection", ev, h.project), nil
}

func (h *ProjectionStreamHandler) project(ctx context.Context, r events.DynamoDBEventRecord) error {
	if change, ok, err := BookChangeFromStream(r); ok {
		if err != nil {
			return undecodable(err)
		}
		if err := h.projector.BookChanged(ctx, change); err != nil {
			return err
		}
		return h.cleanup.BookChanged(ctx, change)
	}
	if change, ok, err := OrderChangeFromStream(r); ok {
		if err != nil {
			return undecodable(err)
		}
		return h.projector.OrderChanged(ctx, change)
	}
	return nil
}
