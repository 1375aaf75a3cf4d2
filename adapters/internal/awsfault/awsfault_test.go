package awsfault_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/bookshop/bookshop/adapters/internal/awsfault"
	"github.com/bookshop/bookshop/app"
)

func TestTransient(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"deadline", fmt.Errorf("op: %w", context.DeadlineExceeded), true},
		{"cancelled by the caller", fmt.Errorf("op: %w", &smithyhttp.RequestSendError{Err: context.Canceled}), false},
		{"connection refused", &smithyhttp.RequestSendError{Err: errors.New("dial tcp 127.0.0.1:1: connect: connection refused")}, true},
		{"retry quota", &retry.MaxAttemptsError{Attempt: 2, Err: ratelimit.QuotaExceededError{Available: 0, Requested: 5}}, true},
		{"throttled", &smithy.GenericAPIError{Code: "ProvisionedThroughputExceededException"}, true},
		{"slow down", &smithy.GenericAPIError{Code: "SlowDown"}, true},
		{"condition failed", &types.ConditionalCheckFailedException{}, false},
		{"access denied", &smithy.GenericAPIError{Code: "AccessDenied"}, false},
		{"plain", errors.New("boom"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := awsfault.Transient(tc.err); got != tc.want {
				t.Errorf("Transient(%v) = %v, want %v", tc.err, got, tc.want)
			}
			translated := awsfault.Translate("DynamoDB", tc.err)
			if errors.Is(translated, app.ErrUnavailable) != tc.want || !errors.Is(translated, tc.err) {
				t.Errorf("Translate(%v) = %v", tc.err, translated)
			}
		})
	}
}

// answers is an HTTP client that answers every attempt with status and body,
// counting attempts.
type answers struct {
	status   int
	body     string
	attempts atomic.Int32
}

func (a *answers) Do(*http.Request) (*http.Response, error) {
	a.attempts.Add(1)
	return &http.Response{StatusCode: a.status, Header: http.Header{"Content-Type": {"application/x-amz-json-1.0"}},
		Body: io.NopCloser(strings.NewReader(a.body))}, nil
}

var key = map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "k"}}

func client(httpClient awsdynamodb.HTTPClient) *awsdynamodb.Client {
	return awsdynamodb.New(awsdynamodb.Options{Region: "us-east-1", BaseEndpoint: aws.String("http://dynamodb.test"),
		Credentials: credentials.NewStaticCredentialsProvider("k", "s", ""), HTTPClient: httpClient,
		Retryer:    retry.NewStandard(func(o *retry.StandardOptions) { o.MaxBackoff = 0 }),
		APIOptions: []func(*middleware.Stack) error{awsfault.Middleware("DynamoDB")}})
}

func TestMiddlewareTranslatesTheFinalErrorOfAnOperation(t *testing.T) {
	t.Run("throttled after every retry", func(t *testing.T) {
		h := &answers{status: 400, body: `{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"slow down"}`}
		_, err := client(h).GetItem(context.Background(), &awsdynamodb.GetItemInput{TableName: aws.String("t"), Key: key})
		var unavailable *app.UnavailableError
		var api smithy.APIError
		if !errors.As(err, &unavailable) || unavailable.Dependency != "DynamoDB" || !errors.As(err, &api) {
			t.Fatalf("err = %v, want an *app.UnavailableError keeping the API error", err)
		}
		if n := h.attempts.Load(); n != 3 {
			t.Errorf("%d attempts, want the retryer's 3 before translating", n)
		}
	})
	t.Run("a refusal stays what it is", func(t *testing.T) {
		h := &answers{status: 400, body: `{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"no"}`}
		_, err := client(h).PutItem(context.Background(), &awsdynamodb.PutItemInput{TableName: aws.String("t"), Item: key})
		var failed *types.ConditionalCheckFailedException
		if !errors.As(err, &failed) || errors.Is(err, app.ErrUnavailable) {
			t.Fatalf("err = %v, want the condition failure only", err)
		}
	})
}
