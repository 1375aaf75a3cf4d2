// Package tracing gives a Lambda function OpenTelemetry traces that join the
// invocation's X-Ray trace: a span per invocation (Wrap) and a child span per
// AWS SDK call (InstrumentAWS, applied by lambdaenv.NewAWSConfig).
//
// It is wiring, not an adapter: no use case sees a span, and everything here
// acts on what only cmd/ builds (the aws.Config, the handler given to
// lambda.Start).
//
// Where spans go is chosen by the environment (ConfigFromEnv):
//
//	BOOKSHOP_TRACES=stdout        finished spans as JSON lines on stdout (local runs)
//	OTEL_EXPORTER_OTLP_ENDPOINT   OTLP/HTTP to this base URL (/v1/traces is appended),
//	                              e.g. http://localhost:4318, the ADOT collector extension
//
// With neither, New returns nil and nothing is traced: Wrap hands the handler
// back unchanged and the SDK's middleware stack is left as it is, so the
// default costs nothing per invocation. X-Ray still shows the invocation
// segments Lambda's active tracing records.
//
// Trace ids are X-Ray-compatible (the first 4 bytes are the epoch seconds)
// and the parent comes from the invocation's X-Amzn-Trace-Id header, so the
// spans land in the trace Lambda started; they are recorded only when that
// header says Sampled=1 (or there is no header, as in local runs).
package tracing

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/aws/aws-sdk-go-v2/aws"
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
	"go.opentelemetry.io/contrib/propagators/aws/xray"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
	"go.opentelemetry.io/otel/exporters/stdout/stdouttrace"
	"go.opentelemetry.io/otel/propagation"
	"go.opentelemetry.io/otel/sdk/resource"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/trace"

	"github.com/bookshop/bookshop/adapters/lambdalog"
	"github.com/bookshop/bookshop/cmd/internal/envconfig"
)

// Config chooses where spans go; the zero value traces nothing.
type Config struct {
	// Stdout prints finished spans as JSON lines on stdout.
	Stdout bool
	// OTLPEndpoint is the base URL of an OTLP/HTTP receiver.
	OTLPEndpoint string
}

// ConfigFromEnv reads BOOKSHOP_TRACES ("" or "stdout") and
// OTEL_EXPORTER_OTLP_ENDPOINT (an http(s) URL; only in binaries built with
// the otlp tag, see OTLPBuiltIn), recording problems in env.
func ConfigFromEnv(env *envconfig.Reader) Config {
	var c Config
	switch v := env.Optional("BOOKSHOP_TRACES"); v {
	case "":
	case "stdout":
		c.Stdout = true
	default:
		env.Fail("BOOKSHOP_TRACES %q is not stdout (or unset)", v)
	}
	c.OTLPEndpoint = env.URL("OTEL_EXPORTER_OTLP_ENDPOINT")
	if c.OTLPEndpoint != "" && !OTLPBuiltIn {
		env.Fail("OTEL_EXPORTER_OTLP_ENDPOINT is set, but this binary was built without the OTLP exporter: build it with -tags otlp (images: --build-arg GO_TAGS=otlp)")
	}
	return c
}

// FlushTimeout bounds the export at the end of an invocation. It runs even
// when the invocation's context is done (a timed-out invocation is the one
// worth seeing), before Lambda freezes the process.
const FlushTimeout = time.Second

// Tracing is a function's tracer provider. A nil *Tracing traces nothing.
type Tracing struct {
	provider   *sdktrace.TracerProvider
	tracer     trace.Tracer
	propagator propagation.TextMapPropagator
	warm       atomic.Bool // set by the first invocation
}

// New returns the tracing c asks for, or nil when c is the zero Config. It
// makes no network call.
func New(ctx context.Context, c Config) (*Tracing, error) {
	var exporters []sdktrace.SpanExporter
	if c.Stdout {
		exp, err := stdouttrace.New(stdouttrace.WithWriter(os.Stdout))
		if err != nil {
			return nil, fmt.Errorf("tracing: stdout exporter: %w", err)
		}
		exporters = append(exporters, exp)
	}
	if c.OTLPEndpoint != "" {
		exp, err := newOTLPExporter(ctx, c.OTLPEndpoint)
		if err != nil {
			return nil, fmt.Errorf("tracing: OTLP exporter: %w", err)
		}
		exporters = append(exporters, exp)
	}
	if len(exporters) == 0 {
		return nil, nil
	}
	return newTracing(exporters...), nil
}

// newTracing batches spans to exporters; Wrap flushes them at the end of
// every invocation.
func newTracing(exporters ...sdktrace.SpanExporter) *Tracing {
	opts := []sdktrace.TracerProviderOption{
		sdktrace.WithIDGenerator(xray.NewIDGenerator()),
		sdktrace.WithSampler(sdktrace.ParentBased(sdktrace.AlwaysSample())),
		sdktrace.WithResource(resource.NewSchemaless(attribute.String("service.name", functionName()))),
	}
	for _, exp := range exporters {
		opts = append(opts, sdktrace.WithBatcher(exp))
	}
	tp := sdktrace.NewTracerProvider(opts...)
	return &Tracing{
		provider:   tp,
		tracer:     tp.Tracer("github.com/bookshop/bookshop/cmd/internal/tracing"),
		propagator: xray.Propagator{},
	}
}

// InstrumentAWS adds a client span per SDK operation (otelaws) to cfg, and
// the X-Amzn-Trace-Id header to its requests. It does nothing when t is nil.
func (t *Tracing) InstrumentAWS(cfg *aws.Config) {
	if t == nil {
		return
	}
	otelaws.AppendMiddlewares(&cfg.APIOptions,
		otelaws.WithTracerProvider(t.provider), otelaws.WithTextMapPropagator(t.propagator))
}

// Wrap returns h when t is nil. Otherwise each invocation of the returned
// handler runs h inside a server span named after the function, a child of
// the invocation's X-Ray trace header, and then flushes the finished spans.
func Wrap[E, R any](t *Tracing, h func(context.Context, E) (R, error)) func(context.Context, E) (R, error) {
	if t == nil {
		return h
	}
	return func(ctx context.Context, ev E) (R, error) {
		ctx, span := t.start(ctx)
		r, err := h(ctx, ev)
		t.end(ctx, span, err)
		return r, err
	}
}

// WrapNoResult is Wrap for handlers that answer with an error only (S3
// events).
func WrapNoResult[E any](t *Tracing, h func(context.Context, E) error) func(context.Context, E) error {
	if t == nil {
		return h
	}
	return func(ctx context.Context, ev E) error {
		ctx, span := t.start(ctx)
		err := h(ctx, ev)
		t.end(ctx, span, err)
		return err
	}
}

func (t *Tracing) start(ctx context.Context) (context.Context, trace.Span) {
	if h := lambdalog.TraceHeader(ctx); h != "" {
		ctx = t.propagator.Extract(ctx, propagation.MapCarrier{"X-Amzn-Trace-Id": h})
	}
	attrs := []attribute.KeyValue{attribute.Bool("faas.coldstart", !t.warm.Swap(true))}
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		attrs = append(attrs, attribute.String("faas.invocation_id", lc.AwsRequestID),
			attribute.String("cloud.resource_id", lc.InvokedFunctionArn))
	}
	return t.tracer.Start(ctx, functionName(), trace.WithSpanKind(trace.SpanKindServer), trace.WithAttributes(attrs...))
}

func (t *Tracing) end(ctx context.Context, span trace.Span, err error) {
	if err != nil {
		span.RecordError(err)
		span.SetStatus(codes.Error, err.Error())
	}
	span.End()
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), FlushTimeout)
	defer cancel()
	if err := t.provider.ForceFlush(ctx); err != nil {
		otel.Handle(errors.Join(errors.New("tracing: flush"), err))
	}
}

// functionName is the Lambda function's name, or the program's outside Lambda.
func functionName() string {
	if lambdacontext.FunctionName != "" {
		return lambdacontext.FunctionName
	}
	return filepath.Base(os.Args[0])
}
