// Package lambdaenv builds what every program under cmd/ builds the same
// way: the logger (JSON lines on stderr, which Lambda ships to CloudWatch and
// docker compose shows locally) and the AWS SDK's configuration. A program's
// config embeds the small pieces it needs, Logging and AWS, and its wire
// injector hands them to Set:
//
//	type config struct {
//		lambdaenv.AWS
//		Table dynamodb.TableName
//		lambdaenv.Logging
//	}
//
//	wire.Build(wire.FieldsOf(new(config), "AWS", "Logging"), lambdaenv.Set, …)
package lambdaenv

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/lambdalog"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

// Set provides a *slog.Logger from Logging (NewLogger) and an aws.Config from
// AWS (NewAWSConfig).
var Set = wire.NewSet(NewLogger, NewAWSConfig)

// Logging configures the logger (LOG_LEVEL).
type Logging struct {
	// LogLevel is the least level logged; the zero value is info.
	LogLevel slog.Level
}

// AWS configures the AWS SDK (AWS_REGION).
type AWS struct {
	Region string
	// Tracing, when not nil, records a span for every SDK call. A function's
	// main sets it from tracing.New; nil (the default, and every program
	// that is not a function) leaves the SDK's middleware stack as it is.
	Tracing *tracing.Tracing
}

// NewLogger returns a logger that writes JSON lines at l's level to stderr.
// Inside a Lambda invocation each line carries its request id and X-Ray
// trace id (adapters/lambdalog).
func NewLogger(l Logging) *slog.Logger {
	return NewLoggerTo(os.Stderr, l)
}

// NewLoggerTo is NewLogger writing to w.
func NewLoggerTo(w io.Writer, l Logging) *slog.Logger {
	return slog.New(lambdalog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l.LogLevel})))
}

// The AWS SDK's retry policy and per-attempt bounds for every program. A
// dependency that stops answering must cost a request a bounded time, well
// inside the function's timeout (10 s in deploy/template.yaml), so that the
// handler answers 503 before Lambda cuts the invocation off; the
// invocation's context deadline bounds the whole call in any case.
const (
	// MaxAttempts bounds the attempts of one SDK operation, the first
	// included (the SDK's default is also 3; its max back-off 20 s is not).
	MaxAttempts = 3
	// MaxBackoff bounds the pause before a retry.
	MaxBackoff = 500 * time.Millisecond
	// AttemptTimeout bounds the wait for an answer's headers: a DynamoDB,
	// S3 or Cognito call answers in milliseconds, so an attempt without an
	// answer after this long is abandoned and retried. Bodies (S3 objects)
	// are not bounded by it.
	AttemptTimeout = 3 * time.Second
	// DialTimeout bounds opening a connection.
	DialTimeout = time.Second
)

// NewAWSConfig loads credentials the standard way (the function's role on
// Lambda, environment variables locally) for a's region, with the retry
// policy and bounds above, and a.Tracing's SDK spans. It reads the
// environment only; no request is sent.
func NewAWSConfig(ctx context.Context, a AWS) (aws.Config, error) {
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(a.Region),
		awsconfig.WithRetryer(func() aws.Retryer {
			return retry.NewStandard(func(o *retry.StandardOptions) {
				o.MaxAttempts, o.MaxBackoff = MaxAttempts, MaxBackoff
			})
		}),
		awsconfig.WithHTTPClient(awshttp.NewBuildableClient().
			WithDialerOptions(func(d *net.Dialer) { d.Timeout = DialTimeout }).
			WithTransportOptions(func(t *http.Transport) { t.ResponseHeaderTimeout = AttemptTimeout })))
	if err != nil {
		return aws.Config{}, err
	}
	a.Tracing.InstrumentAWS(&cfg)
	return cfg, nil
}
