package streams

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

func source() Source {
	return Source{Function: "NotifierFunction", Event: "OrderChanged", Table: "ShopTable", StartingPosition: "TRIM_HORIZON",
		BatchSize: 10, MaximumRetryAttempts: 3, ReportBatchItemFailures: true}
}

func flat(batches [][]int) []int {
	var out []int
	for _, b := range batches {
		out = append(out, b...)
	}
	return out
}

func seqRange(from, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = from + i
	}
	return out
}

func TestPollerDeliversBatchesInOrder(t *testing.T) {
	streams := newFakeStreams()
	streams.addShard("shard-1", "")
	streams.put("shard-1", 1, 25)
	fn := &fakeFunction{}
	stop := runPoller(t, streams, fn, source())
	waitFor(t, "25 records", func() bool { return len(flat(fn.sequences())) >= 25 })
	stop()
	got := fn.sequences()
	if !slices.Equal(flat(got), seqRange(1, 25)) {
		t.Fatalf("delivered %v; want 1..25 once, in order", got)
	}
	for _, b := range got {
		if len(b) > 10 {
			t.Errorf("batch of %d records; BatchSize is 10", len(b))
		}
	}
	// The event is Lambda's: source ARN, names, keys and images.
	r := fn.batches[0].Records[0]
	if r.EventSourceArn != fakeStreamARN || r.EventName != "INSERT" || r.EventSource != "aws:dynamodb" || r.AWSRegion != "ddblocal" ||
		r.Change.StreamViewType != "NEW_AND_OLD_IMAGES" || r.Change.Keys["sk"].String() != "ORDER" ||
		r.Change.NewImage["l"].List()[0].Map()["b"].Boolean() != true || r.Change.ApproximateCreationDateTime.IsZero() {
		t.Errorf("record = %+v", r)
	}
}

func TestPollerStartsAtLatest(t *testing.T) {
	streams := newFakeStreams()
	streams.addShard("shard-1", "")
	streams.put("shard-1", 1, 5) // before the poller starts: skipped
	fn := &fakeFunction{}
	src := source()
	src.StartingPosition = "LATEST"
	p, _, err := New(Config{Sources: []Source{src}, Tables: map[string]string{"ShopTable": "shop"}}, streams, streams, fn)
	if err != nil {
		t.Fatal(err)
	}
	m := p.mappings[0]
	if err := m.poll(context.Background()); err != nil { // opens the iterator at LATEST
		t.Fatal(err)
	}
	streams.put("shard-1", 6, 2)
	if err := m.poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := flat(fn.sequences()); !slices.Equal(got, []int{6, 7}) {
		t.Fatalf("delivered %v; want only the records written after the start, 6 and 7", got)
	}
}

// With ReportBatchItemFailures, the batch is redelivered from the first
// failed sequence number; the records before it are not repeated.
func TestPollerHonoursBatchItemFailures(t *testing.T) {
	streams := newFakeStreams()
	streams.addShard("shard-1", "")
	streams.put("shard-1", 1, 6)
	fn := &fakeFunction{respond: func(call int, ev events.DynamoDBEvent) ([]byte, bool, error) {
		if call == 1 {
			return []byte(`{"batchItemFailures":[{"itemIdentifier":"` + ev.Records[4].Change.SequenceNumber + `"},{"itemIdentifier":"` + ev.Records[3].Change.SequenceNumber + `"}]}`), false, nil
		}
		return []byte(`{}`), false, nil
	}}
	runPoller(t, streams, fn, source())
	waitFor(t, "the redelivery", func() bool { return len(fn.sequences()) >= 2 })
	got := fn.sequences()
	if !slices.Equal(got[0], seqRange(1, 6)) || !slices.Equal(got[1], seqRange(4, 3)) {
		t.Fatalf("batches %v; want [1..6] then [4 5 6]", got)
	}
}

// A function that keeps failing gets its batch MaximumRetryAttempts more
// times; then the batch is discarded and the shard moves on.
func TestPollerDiscardsAfterMaximumRetryAttempts(t *testing.T) {
	for name, respond := range map[string]func(int, events.DynamoDBEvent) ([]byte, bool, error){
		"function error": func(int, events.DynamoDBEvent) ([]byte, bool, error) {
			return []byte(`{"errorMessage":"boom"}`), true, nil
		},
		"invoke error": func(int, events.DynamoDBEvent) ([]byte, bool, error) {
			return nil, false, errors.New("connection refused")
		},
		"unknown item": func(int, events.DynamoDBEvent) ([]byte, bool, error) {
			return []byte(`{"batchItemFailures":[{"itemIdentifier":"nope"}]}`), false, nil
		},
	} {
		t.Run(name, func(t *testing.T) {
			streams := newFakeStreams()
			streams.addShard("shard-1", "")
			streams.put("shard-1", 1, 3)
			fn := &fakeFunction{respond: func(call int, ev events.DynamoDBEvent) ([]byte, bool, error) {
				if ev.Records[0].Change.SequenceNumber == fmt.Sprintf("%021d", 1) {
					return respond(call, ev)
				}
				return nil, false, nil
			}}
			src := source()
			src.BatchSize = 2
			src.MaximumRetryAttempts = 2
			runPoller(t, streams, fn, src)
			waitFor(t, "the next batch", func() bool { return len(fn.sequences()) >= 4 })
			got := fn.sequences()
			want := [][]int{{1, 2}, {1, 2}, {1, 2}, {3}}
			if !slices.EqualFunc(got[:4], want, slices.Equal[[]int]) {
				t.Fatalf("batches %v; want %v (1 try + 2 retries, then the next batch)", got, want)
			}
		})
	}
}

// A child shard is read from its start, and only after its parent's
// records were all delivered.
func TestPollerFollowsShardEnds(t *testing.T) {
	streams := newFakeStreams()
	streams.addShard("shard-1", "")
	streams.put("shard-1", 1, 3)
	fn := &fakeFunction{}
	runPoller(t, streams, fn, source())
	waitFor(t, "the parent's records", func() bool { return len(flat(fn.sequences())) >= 3 })
	streams.put("shard-1", 4, 2)
	streams.end("shard-1")
	streams.addShard("shard-2", "shard-1")
	streams.put("shard-2", 6, 3)
	waitFor(t, "the child's records", func() bool { return len(flat(fn.sequences())) >= 8 })
	if got := flat(fn.sequences()); !slices.Equal(got, seqRange(1, 8)) {
		t.Fatalf("delivered %v; want 1..8 in order", got)
	}
}

func TestNewWarnsAboutUnmappedTables(t *testing.T) {
	streams := newFakeStreams()
	p, warnings, err := New(Config{Sources: []Source{source()}}, streams, streams, &fakeFunction{})
	if err != nil || len(warnings) != 1 || len(p.mappings) != 0 {
		t.Fatalf("New without BOOKSHOP_TABLES = %v, %v", warnings, err)
	}
	if _, _, err := New(Config{}, nil, streams, &fakeFunction{}); err == nil {
		t.Error("New accepted a nil client")
	}
}

// A filtered source reads past the records its filter drops: one poll
// delivers a match behind many other records, as Lambda filters before
// batching.
func TestPollerFiltersBeforeBatching(t *testing.T) {
	streams := newFakeStreams()
	streams.addShard("shard-1", "")
	streams.put("shard-1", 1, 120)
	fn := &fakeFunction{}
	src := source()
	src.Filters = []map[string]any{{"dynamodb": map[string]any{"Keys": map[string]any{"pk": map[string]any{
		"S": []any{fmt.Sprintf("ORDER#%021d", 95), fmt.Sprintf("ORDER#%021d", 117)}}}}}}
	p, _, err := New(Config{Sources: []Source{src}, Tables: map[string]string{"ShopTable": "shop"}}, streams, streams, fn)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.mappings[0].poll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := fn.sequences(); !slices.Equal(flat(got), []int{95, 117}) || len(got) != 1 {
		t.Fatalf("one poll delivered %v; want one batch of 95 and 117", got)
	}
}
