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
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/lambdalog"
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
}

// NewLogger returns a logger that writes JSON lines at l's level to stderr.
// Inside a Lambda invocation each line carries its request id and X-Ray
// trace id (adapters/lambdalog).
func NewLogger(l Logging) *slog.Logger {
	return slog.New(lambdalog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: l.LogLevel})))
}

// NewAWSConfig loads credentials the standard way (the function's role on
// Lambda, environment variables locally) for a's region. It reads the
// environment only; no request is sent.
func NewAWSConfig(ctx context.Context, a AWS) (aws.Config, error) {
	return awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(a.Region))
}
