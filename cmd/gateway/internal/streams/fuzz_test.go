package streams

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
)

// answer is an HTTP client that answers every request with one body.
type answer string

func (a answer) Do(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body: io.NopCloser(strings.NewReader(string(a)))}, nil
}

// FuzzGetRecords feeds arbitrary GetRecords answers (what DynamoDB Local's
// stream API sends the poller) through the SDK's decoder and eventRecord,
// then through the JSON the notifier decodes: nothing panics, and every
// converted record survives the round trip to the function.
// go test ./cmd/gateway/internal/streams -run '^$' -fuzz FuzzGetRecords
func FuzzGetRecords(f *testing.F) {
	f.Add(`{"NextShardIterator":"it-2","Records":[{"awsRegion":"us-east-1","eventID":"e1","eventName":"INSERT","eventSource":"aws:dynamodb","eventVersion":"1.1",` +
		`"dynamodb":{"ApproximateCreationDateTime":1.7e9,"Keys":{"pk":{"S":"ORDER#1"},"sk":{"S":"ORDER"}},` +
		`"NewImage":{"pk":{"S":"ORDER#1"},"n":{"N":"1"},"b":{"B":"AAE="},"l":{"L":[{"M":{"x":{"NULL":true}}},{"BOOL":true}]},"ss":{"SS":["a"]},"ns":{"NS":["1"]},"bs":{"BS":["AA=="]}},` +
		`"SequenceNumber":"100","SizeBytes":42,"StreamViewType":"NEW_AND_OLD_IMAGES"},"userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"}}]}`)
	f.Add(`{"Records":[{"dynamodb":{"Keys":{"pk":{"X":"?"}}}}]}`)
	f.Add(`{"Records":[{"dynamodb":{"NewImage":{"a":{}}}}]}`)
	f.Add(`{"Records":[{}]}`)
	f.Add(`{"Records":null}`)
	f.Add(`{}`)
	f.Add(``)
	client := dynamodbstreams.New(dynamodbstreams.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://streams.test"),
		Credentials: credentials.NewStaticCredentialsProvider("k", "s", ""), Retryer: aws.NopRetryer{}})
	f.Fuzz(func(t *testing.T, body string) {
		out, err := client.GetRecords(context.Background(), &dynamodbstreams.GetRecordsInput{ShardIterator: aws.String("it-1")},
			func(o *dynamodbstreams.Options) { o.HTTPClient = answer(body) })
		if err != nil {
			return // the poller logs it and polls again
		}
		for _, r := range out.Records {
			rec, err := eventRecord(r, "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/1", "us-east-1")
			if err != nil {
				continue // the poller logs and drops it
			}
			payload, err := json.Marshal(events.DynamoDBEvent{Records: []events.DynamoDBEventRecord{rec}})
			if err != nil {
				t.Fatalf("encode %+v: %v", rec, err)
			}
			var back events.DynamoDBEvent
			if err := json.Unmarshal(payload, &back); err != nil || len(back.Records) != 1 ||
				back.Records[0].Change.SequenceNumber != rec.Change.SequenceNumber {
				t.Fatalf("the function cannot decode %s: %v", payload, err)
			}
		}
	})
}

// FuzzBatchItemFailures feeds arbitrary function answers to firstFailure,
// which reads the notifier's ReportBatchItemFailures response: it never
// panics and names a record of the batch, or none.
// go test ./cmd/gateway/internal/streams -run '^$' -fuzz FuzzBatchItemFailures
func FuzzBatchItemFailures(f *testing.F) {
	for _, resp := range []string{`{"batchItemFailures":[]}`, `{"batchItemFailures":[{"itemIdentifier":"2"}]}`,
		`{"batchItemFailures":[{"itemIdentifier":"3"},{"itemIdentifier":"1"}]}`, `{"batchItemFailures":[{"itemIdentifier":""}]}`,
		`{"batchItemFailures":[{"itemIdentifier":"9"}]}`, `{"batchItemFailures":null}`, `null`, `[]`, `"x"`, ``} {
		f.Add(resp)
	}
	batch := make([]events.DynamoDBEventRecord, 3)
	for i := range batch {
		batch[i].Change.SequenceNumber = string(rune('1' + i))
	}
	f.Fuzz(func(t *testing.T, resp string) {
		i, reason := firstFailure(batch, []byte(resp))
		if i < -1 || i >= len(batch) || (i >= 0) == (reason == "") {
			t.Fatalf("firstFailure(%q) = %d, %q", resp, i, reason)
		}
	})
}
