package streams

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/aws/aws-lambda-go/events"

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
	// Filters are the FilterCriteria patterns, decoded: a record is
	// delivered when it matches one of them (every record when there are
	// none); see Matches.
	Filters []map[string]any
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
	FilterCriteria        *struct {
		Filters []struct{ Pattern string }
	}
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
	if p.FilterCriteria != nil {
		for i, f := range p.FilterCriteria.Filters {
			var pattern map[string]any
			if err := json.Unmarshal([]byte(f.Pattern), &pattern); err != nil {
				return Source{}, fmt.Errorf("FilterCriteria.Filters[%d].Pattern: %w", i, err)
			}
			if err := checkPattern(pattern); err != nil {
				return Source{}, fmt.Errorf("FilterCriteria.Filters[%d].Pattern: %w", i, err)
			}
			src.Filters = append(src.Filters, pattern)
		}
	}
	if p.MaximumRetryAttempts != nil {
		if *p.MaximumRetryAttempts < -1 || *p.MaximumRetryAttempts > 10000 {
			return Source{}, fmt.Errorf("MaximumRetryAttempts %d: want -1 to 10000", *p.MaximumRetryAttempts)
		}
		src.MaximumRetryAttempts = *p.MaximumRetryAttempts
	}
	return src, nil
}

// checkPattern accepts the part of Lambda's filter pattern syntax the
// poller implements: nested objects whose leaves are lists of literal
// values (exact matches). Operators (prefix, numeric, exists…) are refused
// rather than ignored, so a local stack never delivers what AWS would
// filter out without saying so.
func checkPattern(pattern map[string]any) error {
	for k, v := range pattern {
		switch v := v.(type) {
		case map[string]any:
			if err := checkPattern(v); err != nil {
				return fmt.Errorf("%s: %w", k, err)
			}
		case []any:
			for _, e := range v {
				switch e.(type) {
				case string, float64, bool, nil:
				default:
					return fmt.Errorf("%s: only lists of literal values are supported locally, not %v", k, e)
				}
			}
		default:
			return fmt.Errorf("%s: want an object or a list of values, got %v", k, v)
		}
	}
	return nil
}

// Matches reports whether a record passes the source's filters, as Lambda
// applies FilterCriteria to the record's JSON: some filter whose every
// field matches (a list matches a value equal to one of its elements).
func (s Source) Matches(r events.DynamoDBEventRecord) bool {
	if len(s.Filters) == 0 {
		return true
	}
	raw, err := json.Marshal(r)
	if err != nil {
		return true
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return true
	}
	return slices.ContainsFunc(s.Filters, func(p map[string]any) bool { return matches(p, doc) })
}

func matches(pattern, doc map[string]any) bool {
	for k, want := range pattern {
		got, ok := doc[k]
		if !ok {
			return false
		}
		switch want := want.(type) {
		case map[string]any:
			sub, ok := got.(map[string]any)
			if !ok || !matches(want, sub) {
				return false
			}
		case []any:
			if !slices.Contains(want, got) {
				return false
			}
		}
	}
	return true
}
