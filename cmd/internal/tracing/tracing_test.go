package tracing_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.opentelemetry.io/otel/trace"

	"github.com/bookshop/bookshop/cmd/internal/envconfig"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

// An invocation's X-Ray trace header as Lambda hands it to the function.
const (
	xrayRoot   = "1-5759e988-bd862e3fe1be46a994272793"
	xrayParent = "53995c3f42cd8ad8"
)

// stubDynamo answers every request with an empty GetItem result and keeps
// the X-Amzn-Trace-Id headers it received.
type stubDynamo struct {
	mu      sync.Mutex
	headers []string
}

func (s *stubDynamo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.headers = append(s.headers, r.Header.Get("X-Amzn-Trace-Id"))
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.Header().Set("X-Amzn-RequestId", "stub-request")
	w.Write([]byte(`{}`))
}

// function is a Lambda handler that reads one item from the stub, built the
// way cmd/ builds one: aws.Config from lambdaenv, handler through Wrap.
func function(t *testing.T, tr *tracing.Tracing) (func(context.Context, string) (string, error), *stubDynamo, aws.Config) {
	t.Helper()
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	stub := &stubDynamo{}
	srv := httptest.NewServer(stub)
	t.Cleanup(srv.Close)
	cfg, err := lambdaenv.NewAWSConfig(t.Context(), lambdaenv.AWS{Region: "eu-west-1", Tracing: tr})
	if err != nil {
		t.Fatal(err)
	}
	client := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(srv.URL) })
	h := tracing.Wrap(tr, func(ctx context.Context, id string) (string, error) {
		_, err := client.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String("books"),
			Key:       map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: id}},
		})
		return "done", err
	})
	return h, stub, cfg
}

// invocation is the context aws-lambda-go gives a handler.
func invocation(t *testing.T, sampled string) context.Context {
	ctx := context.WithValue(t.Context(), "x-amzn-trace-id", "Root="+xrayRoot+";Parent="+xrayParent+";Sampled="+sampled)
	return lambdacontext.NewContext(ctx, &lambdacontext.LambdaContext{AwsRequestID: "req-1"})
}

func TestAnInvocationAndItsSDKCallsJoinTheInvocationsXRayTrace(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	h, stub, _ := function(t, tracing.NewWithExporter(exp))

	if _, err := h(invocation(t, "1"), "BOOK#1"); err != nil {
		t.Fatal(err)
	}

	spans := exp.GetSpans() // flushed by the handler, before it returned
	if len(spans) != 2 {
		t.Fatalf("got %d spans, want the invocation's and GetItem's: %v", len(spans), spans)
	}
	call, inv := spans[0], spans[1] // in the order they ended
	wantTrace := strings.ReplaceAll(strings.TrimPrefix(xrayRoot, "1-"), "-", "")
	for _, s := range spans {
		if got := s.SpanContext.TraceID().String(); got != wantTrace {
			t.Errorf("span %q in trace %s, want the invocation's %s", s.Name, got, wantTrace)
		}
	}
	if inv.SpanKind != trace.SpanKindServer || inv.Parent.SpanID().String() != xrayParent || !inv.Parent.IsRemote() {
		t.Errorf("invocation span: kind %v, parent %v; want a server span under Lambda's segment %s",
			inv.SpanKind, inv.Parent.SpanID(), xrayParent)
	}
	if attr(inv.Attributes, "faas.invocation_id") != "req-1" {
		t.Errorf("invocation span attributes %v lack faas.invocation_id req-1", inv.Attributes)
	}
	if call.Name != "DynamoDB.GetItem" || call.SpanKind != trace.SpanKindClient || call.Parent.SpanID() != inv.SpanContext.SpanID() {
		t.Errorf("SDK span %q (kind %v, parent %v), want client span DynamoDB.GetItem under the invocation's",
			call.Name, call.SpanKind, call.Parent.SpanID())
	}
	for k, want := range map[string]string{"rpc.system.name": "aws-api", "rpc.method": "DynamoDB/GetItem",
		"aws.region": "eu-west-1", "aws.request_id": "stub-request"} {
		if got := attr(call.Attributes, k); got != want {
			t.Errorf("SDK span %s = %q, want %q", k, got, want)
		}
	}
	wantHeader := "Root=" + xrayRoot + ";Parent=" + call.SpanContext.SpanID().String() + ";Sampled=1"
	if len(stub.headers) != 1 || stub.headers[0] != wantHeader {
		t.Errorf("DynamoDB got X-Amzn-Trace-Id %q, want %q", stub.headers, wantHeader)
	}
}

func TestAnInvocationXRayDidNotSampleRecordsNoSpans(t *testing.T) {
	exp := tracetest.NewInMemoryExporter()
	h, _, _ := function(t, tracing.NewWithExporter(exp))
	if _, err := h(invocation(t, "0"), "BOOK#1"); err != nil {
		t.Fatal(err)
	}
	if spans := exp.GetSpans(); len(spans) != 0 {
		t.Errorf("got %d spans of an unsampled trace", len(spans))
	}
}

func TestWithoutTracingNothingIsAdded(t *testing.T) {
	tr, err := tracing.New(t.Context(), tracing.Config{})
	if tr != nil || err != nil {
		t.Fatalf("New(zero Config) = %v, %v; want nil, nil", tr, err)
	}
	inner := func(context.Context, string) (string, error) { return "", nil }
	if got := tracing.Wrap(nil, inner); reflect.ValueOf(got).Pointer() != reflect.ValueOf(inner).Pointer() {
		t.Error("Wrap(nil, h) is not h")
	}
	_, _, untraced := function(t, nil)
	_, _, traced := function(t, tracing.NewWithExporter(tracetest.NewInMemoryExporter()))
	if len(untraced.APIOptions) != 0 || len(traced.APIOptions) == 0 {
		t.Errorf("SDK middleware: %d options without tracing (want 0), %d with it (want some)",
			len(untraced.APIOptions), len(traced.APIOptions))
	}
}

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    tracing.Config
		wantErr string
	}{
		{name: "nothing set traces nothing", env: map[string]string{}},
		{name: "stdout", env: map[string]string{"BOOKSHOP_TRACES": "stdout"}, want: tracing.Config{Stdout: true}},
		otlpCase(),
		{name: "unknown exporter", env: map[string]string{"BOOKSHOP_TRACES": "xray"}, wantErr: "BOOKSHOP_TRACES"},
		{name: "endpoint not a URL", env: map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "localhost:4318"},
			wantErr: "OTEL_EXPORTER_OTLP_ENDPOINT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := envconfig.New(func(k string) string { return tt.env[k] })
			got := tracing.ConfigFromEnv(env)
			err := env.Err()
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want one naming %s", err, tt.wantErr)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("ConfigFromEnv = %+v, %v; want %+v", got, err, tt.want)
			}
		})
	}
}

func TestNewBuildsTheExportersAskedFor(t *testing.T) {
	configs := []tracing.Config{{Stdout: true}}
	if tracing.OTLPBuiltIn {
		configs = append(configs, tracing.Config{OTLPEndpoint: "http://127.0.0.1:4318"})
	}
	for _, c := range configs {
		if tr, err := tracing.New(t.Context(), c); tr == nil || err != nil {
			t.Errorf("New(%+v) = %v, %v; want tracing", c, tr, err)
		}
	}
	if !tracing.OTLPBuiltIn {
		if _, err := tracing.New(t.Context(), tracing.Config{OTLPEndpoint: "http://127.0.0.1:4318"}); err == nil {
			t.Error("New built an OTLP exporter into a binary without the otlp tag")
		}
	}
}

// otlpCase is the ConfigFromEnv case of an OTLP endpoint: accepted when the
// exporter is built in (-tags otlp), refused with a hint otherwise.
func otlpCase() struct {
	name    string
	env     map[string]string
	want    tracing.Config
	wantErr string
} {
	c := struct {
		name    string
		env     map[string]string
		want    tracing.Config
		wantErr string
	}{name: "OTLP endpoint", env: map[string]string{"OTEL_EXPORTER_OTLP_ENDPOINT": "http://localhost:4318"}}
	if tracing.OTLPBuiltIn {
		c.want = tracing.Config{OTLPEndpoint: "http://localhost:4318"}
	} else {
		c.wantErr = "-tags otlp"
	}
	return c
}

func attr(kvs []attribute.KeyValue, key string) string {
	for _, kv := range kvs {
		if string(kv.Key) == key {
			return kv.Value.Emit()
		}
	}
	return ""
}
