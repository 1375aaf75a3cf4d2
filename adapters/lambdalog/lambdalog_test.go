package lambdalog_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/bookshop/bookshop/adapters/lambdalog"
)

func invocation() context.Context {
	ctx := lambdacontext.NewContext(context.Background(), &lambdacontext.LambdaContext{AwsRequestID: "req-1"})
	//nolint:staticcheck // the key aws-lambda-go uses
	return context.WithValue(ctx, "x-amzn-trace-id", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")
}

func TestEveryLineOfAnInvocationCarriesItsRequestAndTraceIDs(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(lambdalog.New(slog.NewJSONHandler(&buf, nil))).With("function", "orders")
	log.InfoContext(invocation(), "order placed")
	var line map[string]any
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	if line["traceId"] != "1-5759e988-bd862e3fe1be46a994272793" || line["requestId"] != "req-1" || line["function"] != "orders" {
		t.Errorf("line %v", line)
	}
}

func TestOutsideLambdaLinesAreUnchanged(t *testing.T) {
	t.Setenv("_X_AMZN_TRACE_ID", "")
	var buf bytes.Buffer
	slog.New(lambdalog.New(slog.NewJSONHandler(&buf, nil))).InfoContext(context.Background(), "hello")
	if bytes.Contains(buf.Bytes(), []byte("traceId")) || bytes.Contains(buf.Bytes(), []byte("requestId")) {
		t.Errorf("line %s", buf.String())
	}
}
