package streams

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// Source is one event source mapping of the template: a function's event of
// Type DynamoDB.
type Source struct {
	Function string
	Event    string
	// Table is the logical id of the table whose stream feeds the function
	// (Stream: !GetAtt <Table>.StreamArn).
	Table string
	// StartingPosition is LATEST or TRIM_HORIZON.
	StartingPosition string
	// BatchSize is the most records per invocation (default 100, as on AWS).
	BatchSize int
	// MaximumRetryAttempts bounds the retries of a failed batch; -1 (AWS's
	// default) retries until the records expire, which the poller caps at
	// unlimitedRetries.
	MaximumRetryAttempts int
	// ReportBatchItemFailures is set when FunctionResponseTypes lists it:
	// the function's batchItemFailures are then honoured.
	ReportBatchItemFailures bool
}

// unlimitedRetries stands for MaximumRetryAttempts -1 locally, so that a
// broken function does not keep a local stack busy forever.
const unlimitedRetries = 100

// dynamoDBEventProperties are the properties of a DynamoDB event that the
// poller honours.
type dynamoDBEventProperties struct {
	Stream                string
	StartingPosition      string
	BatchSize             *int
	MaximumRetryAttempts  *int
	FunctionResponseTypes []string
}

// SourcesOf returns the DynamoDB event sources of a parsed SAM template,
// sorted by function and event. A Stream that is not !GetAtt
// <Table>.StreamArn is an error: the poller finds streams through their
// tables.
func SourcesOf(t *samtemplate.Template) ([]Source, error) {
	var out []Source
	var errs []error
	for _, tr := range t.DynamoDBTriggers {
		src, err := sourceOf(tr.Function, tr.Event, tr.Properties)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s event %s: %w", tr.Function, tr.Event, err))
			continue
		}
		out = append(out, src)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func sourceOf(function, event string, raw json.RawMessage) (Source, error) {
	var p dynamoDBEventProperties
	if err := json.Unmarshal(raw, &p); err != nil {
		return Source{}, err
	}
	table, ok := strings.CutSuffix(p.Stream, ".StreamArn")
	if !ok || table == "" {
		return Source{}, fmt.Errorf("Stream %q: want !GetAtt <Table>.StreamArn", p.Stream)
	}
	src := Source{
		Function: function, Event: event, Table: table,
		StartingPosition: p.StartingPosition, BatchSize: 100, MaximumRetryAttempts: -1,
		ReportBatchItemFailures: slices.Contains(p.FunctionResponseTypes, "ReportBatchItemFailures"),
	}
	switch src.StartingPosition {
	case "LATEST", "TRIM_HORIZON":
	default:
		return Source{}, fmt.Errorf("StartingPosition %q: want LATEST or TRIM_HORIZON", p.StartingPosition)
	}
	if p.BatchSize != nil {
		if *p.BatchSize < 1 || *p.BatchSize > 10000 {
			return Source{}, fmt.Errorf("BatchSize %d: want 1 to 10000", *p.BatchSize)
		}
		src.BatchSize = *p.BatchSize
	}
	if p.MaximumRetryAttempts != nil {
		if *p.MaximumRetryAttempts < -1 || *p.MaximumRetryAttempts > 10000 {
			return Source{}, fmt.Errorf("MaximumRetryAttempts %d: want -1 to 10000", *p.MaximumRetryAttempts)
		}
		src.MaximumRetryAttempts = *p.MaximumRetryAttempts
	}
	return src, nil
}
