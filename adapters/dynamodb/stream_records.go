package dynamodb

import (
	"context"
	"errors"
	"log/slog"

	"github.com/aws/aws-lambda-go/events"
)

// errUndecodable marks a stream record that can never be processed (a
// corrupt or foreign image): retrying will not cure it.
var errUndecodable = errors.New("undecodable stream record")

// undecodable wraps err with errUndecodable.
func undecodable(err error) error { return errors.Join(errUndecodable, err) }

// processRecords is the record loop of the stream handlers (the event
// source mapping sets ReportBatchItemFailures): it runs fn on ev's records
// in order. When fn fails, it stops and reports that record's sequence
// number, so Lambda retries the batch from there (a later record is never
// processed before an earlier one; records before it are not repeated). A
// record fn reports undecodable is logged at error level and skipped, so
// it cannot block the shard. what names the work in the logs.
func processRecords(ctx context.Context, logger *slog.Logger, what string, ev events.DynamoDBEvent,
	fn func(context.Context, events.DynamoDBEventRecord) error) events.DynamoDBEventResponse {
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
