package streams

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
)

// TablesAPI is the part of the DynamoDB client the poller uses to find a
// table's stream.
type TablesAPI interface {
	DescribeTable(ctx context.Context, in *dynamodb.DescribeTableInput, optFns ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error)
}

// StreamsAPI is the part of the DynamoDB Streams client the poller uses.
type StreamsAPI interface {
	DescribeStream(ctx context.Context, in *dynamodbstreams.DescribeStreamInput, optFns ...func(*dynamodbstreams.Options)) (*dynamodbstreams.DescribeStreamOutput, error)
	GetShardIterator(ctx context.Context, in *dynamodbstreams.GetShardIteratorInput, optFns ...func(*dynamodbstreams.Options)) (*dynamodbstreams.GetShardIteratorOutput, error)
	GetRecords(ctx context.Context, in *dynamodbstreams.GetRecordsInput, optFns ...func(*dynamodbstreams.Options)) (*dynamodbstreams.GetRecordsOutput, error)
}

// Config configures a Poller.
type Config struct {
	Sources []Source
	// Tables maps a table's logical id to its name; sources of other tables
	// are skipped (New reports them as warnings).
	Tables map[string]string
	// Region is put in records that carry none (default us-east-1).
	Region string
	// PollInterval is the pause between two polls of a stream (default 1s,
	// about Lambda's polling rate).
	PollInterval time.Duration
	Logger       *slog.Logger
}

// Poller plays Lambda's event source mappings for DynamoDB streams: it reads
// each mapped table's stream and invokes the function with batches of
// records as an events.DynamoDBEvent.
type Poller struct {
	cfg      Config
	tables   TablesAPI
	streams  StreamsAPI
	invoker  Invoker
	mappings []*mapping
}

// New returns a poller for cfg's sources over the given clients; warnings
// name the sources it skips.
func New(cfg Config, tables TablesAPI, streams StreamsAPI, invoker Invoker) (p *Poller, warnings []string, err error) {
	if tables == nil || streams == nil || invoker == nil {
		return nil, nil, errors.New("streams.New: nil client or invoker")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	cfg.Region = cmp.Or(cfg.Region, "us-east-1")
	p = &Poller{cfg: cfg, tables: tables, streams: streams, invoker: invoker}
	for _, src := range cfg.Sources {
		name, ok := cfg.Tables[src.Table]
		if !ok {
			warnings = append(warnings, fmt.Sprintf("%s event %s: table %s has no local name (BOOKSHOP_TABLES): its stream is not polled", src.Function, src.Event, src.Table))
			continue
		}
		p.mappings = append(p.mappings, &mapping{p: p, src: src, table: name, log: cfg.Logger.With("function", src.Function, "event", src.Event, "table", name)})
	}
	return p, warnings, nil
}

// Run polls every mapping until ctx is done, then returns nil.
func (p *Poller) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	for _, m := range p.mappings {
		wg.Go(func() { m.run(ctx) })
	}
	wg.Wait()
	return nil
}

// mapping is one event source mapping and its in-memory checkpoints.
type mapping struct {
	p     *Poller
	src   Source
	table string
	log   *slog.Logger

	streamARN string
	shards    map[string]*shard
	// discovered is set once the stream's first shards were listed; shards
	// found later are children and are read from their start.
	discovered bool
	lastErr    string
}

// shard is the reading position in one shard and the records read but not
// yet delivered.
type shard struct {
	id, parent string
	position   types.ShardIteratorType
	iterator   *string
	// lastSeq is the last sequence number read, to reopen an expired
	// iterator after it.
	lastSeq string
	// closed: the shard has ended (no next iterator); done: and every record
	// was delivered.
	closed, done bool
	pending      []events.DynamoDBEventRecord
	attempts     int
}

func (m *mapping) run(ctx context.Context) {
	for {
		err := m.poll(ctx)
		if ctx.Err() != nil {
			return
		}
		if err != nil && err.Error() != m.lastErr {
			m.log.Warn("stream poll failed", "err", err)
		}
		m.lastErr = ""
		if err != nil {
			m.lastErr = err.Error()
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(m.p.cfg.PollInterval):
		}
	}
}

// poll runs one round: find the stream, list its shards, read and deliver.
func (m *mapping) poll(ctx context.Context) error {
	out, err := m.p.tables.DescribeTable(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(m.table)})
	if err != nil {
		return fmt.Errorf("describe table: %w", err)
	}
	arn := aws.ToString(out.Table.LatestStreamArn)
	if arn == "" {
		return errors.New("the table has no stream (StreamSpecification)")
	}
	if arn != m.streamARN {
		if m.streamARN != "" {
			m.log.Info("the table has a new stream; starting over", "stream", arn)
		} else {
			m.log.Info("polling stream", "stream", arn, "startingPosition", m.src.StartingPosition)
		}
		m.streamARN, m.shards, m.discovered = arn, map[string]*shard{}, false
	}
	if err := m.listShards(ctx); err != nil {
		return err
	}
	ids := make([]string, 0, len(m.shards))
	for id := range m.shards {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	var errs []error
	for _, id := range ids {
		sh := m.shards[id]
		if sh.done {
			continue
		}
		if parent, ok := m.shards[sh.parent]; ok && !parent.done {
			continue // a child waits until its parent is delivered, as on Lambda
		}
		if err := m.pollShard(ctx, sh); err != nil {
			errs = append(errs, fmt.Errorf("shard %s: %w", id, err))
		}
	}
	return errors.Join(errs...)
}

// listShards adds the shards the poller does not know yet.
func (m *mapping) listShards(ctx context.Context) error {
	var start *string
	for {
		out, err := m.p.streams.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: aws.String(m.streamARN), ExclusiveStartShardId: start})
		if err != nil {
			return fmt.Errorf("describe stream: %w", err)
		}
		for _, s := range out.StreamDescription.Shards {
			id := aws.ToString(s.ShardId)
			if _, ok := m.shards[id]; ok || id == "" {
				continue
			}
			position := types.ShardIteratorTypeTrimHorizon
			if !m.discovered {
				position = types.ShardIteratorType(m.src.StartingPosition)
			}
			m.shards[id] = &shard{id: id, parent: aws.ToString(s.ParentShardId), position: position}
		}
		start = out.StreamDescription.LastEvaluatedShardId
		if start == nil {
			break
		}
	}
	m.discovered = true
	return nil
}

// pollShard reads up to a batch of records from sh and delivers them.
func (m *mapping) pollShard(ctx context.Context, sh *shard) error {
	if !sh.closed && len(sh.pending) < m.src.BatchSize {
		if err := m.read(ctx, sh); err != nil {
			return err
		}
	}
	for len(sh.pending) > 0 && m.deliver(ctx, sh) {
	}
	if sh.closed && len(sh.pending) == 0 {
		sh.done = true
	}
	return nil
}

func (m *mapping) read(ctx context.Context, sh *shard) error {
	if sh.iterator == nil {
		in := &dynamodbstreams.GetShardIteratorInput{StreamArn: aws.String(m.streamARN), ShardId: aws.String(sh.id), ShardIteratorType: sh.position}
		if sh.lastSeq != "" {
			in.ShardIteratorType, in.SequenceNumber = types.ShardIteratorTypeAfterSequenceNumber, aws.String(sh.lastSeq)
		}
		out, err := m.p.streams.GetShardIterator(ctx, in)
		if err != nil {
			return fmt.Errorf("get shard iterator: %w", err)
		}
		if sh.iterator = out.ShardIterator; sh.iterator == nil {
			sh.closed = true
			return nil
		}
	}
	// A filtered source reads as much as GetRecords gives: most records may
	// be filtered out, and reading a batch's worth per poll would leave it
	// behind the stream (Lambda filters before it batches, too).
	limit := min(1000, m.src.BatchSize-len(sh.pending))
	if len(m.src.Filters) > 0 {
		limit = 1000
	}
	out, err := m.p.streams.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: sh.iterator, Limit: aws.Int32(int32(limit))})
	var expired *types.ExpiredIteratorException
	var trimmed *types.TrimmedDataAccessException
	switch {
	case errors.As(err, &expired):
		sh.iterator = nil // reopened after lastSeq at the next poll
		return nil
	case errors.As(err, &trimmed):
		sh.iterator, sh.lastSeq, sh.position = nil, "", types.ShardIteratorTypeTrimHorizon
		return fmt.Errorf("records were trimmed before they were read: %w", err)
	case err != nil:
		return fmt.Errorf("get records: %w", err)
	}
	for _, r := range out.Records {
		rec, err := eventRecord(r, m.streamARN, m.p.cfg.Region)
		if err != nil {
			m.log.Error("stream record dropped: cannot convert it", "err", err)
			continue
		}
		sh.lastSeq = rec.Change.SequenceNumber
		if !m.src.Matches(rec) {
			continue // filtered out, as the event source mapping's FilterCriteria do: never delivered
		}
		sh.pending = append(sh.pending, rec)
	}
	if sh.iterator = out.NextShardIterator; sh.iterator == nil {
		sh.closed = true
	}
	return nil
}

// deliver invokes the function with the first batch of sh's pending records
// and keeps what must be retried: all of them after a failed invocation, or
// those from the first batch item failure on. After MaximumRetryAttempts
// retries the failed records are dropped, as Lambda discards them. It
// reports whether the batch went through (or was dropped): the caller may
// deliver the next one at once; a batch to retry waits for the next poll.
func (m *mapping) deliver(ctx context.Context, sh *shard) bool {
	batch := sh.pending[:min(m.src.BatchSize, len(sh.pending))]
	payload, err := json.Marshal(events.DynamoDBEvent{Records: batch})
	if err != nil {
		m.log.Error("stream batch dropped: cannot encode it", "err", err)
		sh.pending = sh.pending[len(batch):]
		return true
	}
	resp, functionError, err := m.p.invoker.Invoke(ctx, m.src.Function, payload)
	if ctx.Err() != nil {
		return false
	}
	failedFrom, reason := -1, ""
	switch {
	case err != nil:
		failedFrom, reason = 0, err.Error()
	case functionError:
		failedFrom, reason = 0, "function error: "+truncate(string(resp), 300)
	case m.src.ReportBatchItemFailures:
		failedFrom, reason = firstFailure(batch, resp)
	}
	if failedFrom < 0 {
		sh.pending, sh.attempts = sh.pending[len(batch):], 0
		return true
	}
	sh.pending = sh.pending[failedFrom:] // the records before the failure are checkpointed
	sh.attempts++
	limit := m.src.MaximumRetryAttempts
	if limit < 0 {
		limit = unlimitedRetries
	}
	if sh.attempts > limit {
		dropped := len(batch) - failedFrom
		m.log.Error("stream records discarded after their retries", "records", dropped, "retries", limit,
			"firstSequenceNumber", sh.pending[0].Change.SequenceNumber, "reason", reason)
		sh.pending, sh.attempts = sh.pending[dropped:], 0
		return true
	}
	m.log.Warn("stream batch failed; retrying", "attempt", sh.attempts, "fromSequenceNumber", sh.pending[0].Change.SequenceNumber, "reason", reason)
	return false
}

// firstFailure returns the index in batch of the first record the
// function's batchItemFailures name, or -1 when none failed. As on Lambda,
// an identifier that is empty or not in the batch fails the whole batch.
func firstFailure(batch []events.DynamoDBEventRecord, resp []byte) (int, string) {
	var out events.DynamoDBEventResponse
	if err := json.Unmarshal(resp, &out); err != nil || len(out.BatchItemFailures) == 0 {
		return -1, "" // null, {}, [] or a non-object: success
	}
	first := len(batch)
	for _, f := range out.BatchItemFailures {
		i := slices.IndexFunc(batch, func(r events.DynamoDBEventRecord) bool {
			return f.ItemIdentifier != "" && r.Change.SequenceNumber == f.ItemIdentifier
		})
		if i < 0 {
			return 0, fmt.Sprintf("batchItemFailures names %q, which is not in the batch", f.ItemIdentifier)
		}
		first = min(first, i)
	}
	return first, "batch item failure " + batch[first].Change.SequenceNumber
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
