package streams

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
)

const fakeStreamARN = "arn:aws:dynamodb:ddblocal:000000000000:table/shop/stream/2026-11-27T09:00:00.000"

// fakeStreams is an in-memory DynamoDB stream: shards hold records; a shard
// is closed when ended is set. Iterators are "<shard>/<index>".
type fakeStreams struct {
	mu     sync.Mutex
	order  []string
	shards map[string]*fakeShard
}

type fakeShard struct {
	parent  string
	records []types.Record
	ended   bool
}

func newFakeStreams() *fakeStreams { return &fakeStreams{shards: map[string]*fakeShard{}} }

func (f *fakeStreams) addShard(id, parent string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.order = append(f.order, id)
	f.shards[id] = &fakeShard{parent: parent}
}

// put appends n records to shard with sequence numbers from seq.
func (f *fakeStreams) put(shard string, seq, n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.shards[shard]
	for i := range n {
		sn := fmt.Sprintf("%021d", seq+i)
		s.records = append(s.records, types.Record{
			EventID: aws.String("e" + sn), EventName: types.OperationTypeInsert, EventSource: aws.String("aws:dynamodb"),
			EventVersion: aws.String("1.1"), AwsRegion: aws.String("ddblocal"),
			Dynamodb: &types.StreamRecord{
				SequenceNumber: aws.String(sn), SizeBytes: aws.Int64(42), StreamViewType: types.StreamViewTypeNewAndOldImages,
				ApproximateCreationDateTime: aws.Time(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)),
				Keys:                        map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "ORDER#" + sn}, "sk": &types.AttributeValueMemberS{Value: "ORDER"}},
				NewImage: map[string]types.AttributeValue{
					"pk": &types.AttributeValueMemberS{Value: "ORDER#" + sn}, "n": &types.AttributeValueMemberN{Value: "1"},
					"l": &types.AttributeValueMemberL{Value: []types.AttributeValue{&types.AttributeValueMemberM{Value: map[string]types.AttributeValue{"b": &types.AttributeValueMemberBOOL{Value: true}}}}},
				},
			},
		})
	}
}

func (f *fakeStreams) end(shard string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.shards[shard].ended = true
}

func (f *fakeStreams) DescribeTable(_ context.Context, in *dynamodb.DescribeTableInput, _ ...func(*dynamodb.Options)) (*dynamodb.DescribeTableOutput, error) {
	return &dynamodb.DescribeTableOutput{Table: &ddbtypes.TableDescription{TableName: in.TableName, LatestStreamArn: aws.String(fakeStreamARN)}}, nil
}

func (f *fakeStreams) DescribeStream(_ context.Context, in *dynamodbstreams.DescribeStreamInput, _ ...func(*dynamodbstreams.Options)) (*dynamodbstreams.DescribeStreamOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	// One shard per page, to exercise pagination.
	i := 0
	if in.ExclusiveStartShardId != nil {
		for i < len(f.order) && f.order[i] != *in.ExclusiveStartShardId {
			i++
		}
		i++
	}
	desc := &types.StreamDescription{StreamArn: in.StreamArn}
	if i < len(f.order) {
		id := f.order[i]
		desc.Shards = []types.Shard{{ShardId: aws.String(id), ParentShardId: nilIfEmpty(f.shards[id].parent)}}
		if i+1 < len(f.order) {
			desc.LastEvaluatedShardId = aws.String(id)
		}
	}
	return &dynamodbstreams.DescribeStreamOutput{StreamDescription: desc}, nil
}

func nilIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (f *fakeStreams) GetShardIterator(_ context.Context, in *dynamodbstreams.GetShardIteratorInput, _ ...func(*dynamodbstreams.Options)) (*dynamodbstreams.GetShardIteratorOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.shards[*in.ShardId]
	pos := 0
	switch in.ShardIteratorType {
	case types.ShardIteratorTypeLatest:
		pos = len(s.records)
	case types.ShardIteratorTypeAfterSequenceNumber:
		for i, r := range s.records {
			if *r.Dynamodb.SequenceNumber == *in.SequenceNumber {
				pos = i + 1
			}
		}
	}
	return &dynamodbstreams.GetShardIteratorOutput{ShardIterator: aws.String(fmt.Sprintf("%s/%d", *in.ShardId, pos))}, nil
}

func (f *fakeStreams) GetRecords(_ context.Context, in *dynamodbstreams.GetRecordsInput, _ ...func(*dynamodbstreams.Options)) (*dynamodbstreams.GetRecordsOutput, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	id, p, _ := strings.Cut(*in.ShardIterator, "/")
	pos, _ := strconv.Atoi(p)
	s := f.shards[id]
	end := min(len(s.records), pos+int(aws.ToInt32(in.Limit)))
	out := &dynamodbstreams.GetRecordsOutput{Records: s.records[pos:end]}
	if !s.ended || end < len(s.records) {
		out.NextShardIterator = aws.String(fmt.Sprintf("%s/%d", id, end))
	}
	return out, nil
}

// fakeFunction records the events it is invoked with; respond decides the
// answer to each invocation (nil: success).
type fakeFunction struct {
	mu      sync.Mutex
	batches []events.DynamoDBEvent
	respond func(call int, ev events.DynamoDBEvent) (resp []byte, functionError bool, err error)
}

func (f *fakeFunction) Invoke(_ context.Context, function string, payload []byte) ([]byte, bool, error) {
	var ev events.DynamoDBEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		return nil, false, fmt.Errorf("fake %s: %w", function, err)
	}
	f.mu.Lock()
	f.batches = append(f.batches, ev)
	call := len(f.batches)
	f.mu.Unlock()
	if f.respond != nil {
		return f.respond(call, ev)
	}
	return []byte(`{"batchItemFailures":[]}`), false, nil
}

// sequences returns the sequence numbers of each batch so far.
func (f *fakeFunction) sequences() [][]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([][]int, len(f.batches))
	for i, b := range f.batches {
		for _, r := range b.Records {
			n, _ := strconv.Atoi(r.Change.SequenceNumber)
			out[i] = append(out[i], n)
		}
	}
	return out
}

// runPoller polls the fake stream for src until stop is called.
func runPoller(t *testing.T, streams *fakeStreams, fn *fakeFunction, src Source) (stop func()) {
	t.Helper()
	p, warnings, err := New(Config{Sources: []Source{src}, Tables: map[string]string{"ShopTable": "shop"}, PollInterval: time.Millisecond}, streams, streams, fn)
	if err != nil || len(warnings) > 0 {
		t.Fatalf("New = %v, %v", warnings, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = p.Run(ctx); close(done) }()
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			cancel()
			<-done
		}
	}
	t.Cleanup(stop)
	return stop
}

// waitFor polls cond until it holds; the deadline only guards against a
// hang.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// invokerFunc adapts a function to Invoker.
type invokerFunc func(ctx context.Context, function string, payload []byte) ([]byte, bool, error)

func (f invokerFunc) Invoke(ctx context.Context, function string, payload []byte) ([]byte, bool, error) {
	return f(ctx, function, payload)
}
