package dynamodb

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// errUndecodable marks a stream record that can never be processed (a
// corrupt or foreign image): retrying will not cure it.
var errUndecodable = errors.New("undecodable stream record")

// undecodable wraps err with errUndecodable.
func undecodable(err error) error { return errors.Join(errUndecodable, err) }

// StreamDeadlineReserve is the time the stream handlers keep, before their
// context's deadline, to report the record whose processing a dependency
// that stopped answering held up. Without it Lambda would end the
// invocation first, and retry the whole batch as a function error.
const StreamDeadlineReserve = 250 * time.Millisecond

// processRecords is the record loop of the stream handlers (the event
// source mapping sets ReportBatchItemFailures): it runs fn on ev's records
// in order. When fn fails, it stops and reports that record's sequence
// number, so Lambda retries the batch from there (a later record is never
// processed before an earlier one; records before it are not repeated). A
// record fn reports undecodable is logged at error level and skipped, so
// it cannot block the shard. what names the work in the logs. When ctx has
// a deadline (Lambda's context carries the invocation's), fn gets
// StreamDeadlineReserve less.
func processRecords(ctx context.Context, logger *slog.Logger, what string, ev events.DynamoDBEvent,
	fn func(context.Context, events.DynamoDBEventRecord) error) events.DynamoDBEventResponse {
	if deadline, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-StreamDeadlineReserve))
		defer cancel()
	}
	resp := events.DynamoDBEventResponse{BatchItemFailures: []events.DynamoDBBatchItemFailure{}}
	for _, r := range ev.Records {
		seq := r.Change.SequenceNumber
		err := fn(ctx, r)
		switch {
		case errors.Is(err, errUndecodable):
			logger.ErrorContext(ctx, what+" stream record skipped: cannot decode", "eventID", r.EventID, "sequenceNumber", seq, "err", err)
		case err != nil:
			logger.WarnContext(ctx, what+" failed; the batch is retried from this record",
				"eventID", r.EventID, "sequenceNumber", seq, "err", err)
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.DynamoDBBatchItemFailure{ItemIdentifier: seq})
			return resp
		}
	}
	return resp
}
