// Command thumbnailer is the Lambda function that S3 invokes when a cover
// image is uploaded under covers/: it makes the cover's 200x280 and 400x560
// JPEG thumbnails under thumbnails/ and records them on the book (see
// app.Thumbnails and, for the retry policy, package s3event).
//
// Configuration (environment):
//
//	AWS_REGION                  region (set by Lambda)
//	BOOKSHOP_TABLE              DynamoDB table name
//	BOOKSHOP_BUCKET             S3 bucket of the cover images; events of other buckets are dropped
//	BOOKSHOP_DYNAMODB_ENDPOINT  DynamoDB endpoint override, e.g. http://dynamodb:8000 (default: AWS)
//	BOOKSHOP_S3_ENDPOINT        S3 endpoint override, e.g. http://minio:9000 (default: AWS)
//	BOOKSHOP_S3_PATH_STYLE      true for path-style bucket addressing (MinIO)
//	LOG_LEVEL                   debug, info (default), warn or error
//	BOOKSHOP_TRACES             stdout prints spans as JSON lines (default: no spans; see cmd/internal/tracing)
//	OTEL_EXPORTER_OTLP_ENDPOINT OTLP/HTTP receiver for spans, e.g. http://localhost:4318 (ADOT collector)
//
// Build it for Lambda with CGO_ENABLED=0 go build -tags lambda.norpc ./cmd/thumbnailer.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/bookshop/bookshop/adapters/emf"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

func main() {
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "thumbnailer:", err)
		os.Exit(1)
	}
	tr, err := tracing.New(context.Background(), cfg.Traces)
	if err != nil {
		fmt.Fprintln(os.Stderr, "thumbnailer:", err)
		os.Exit(1)
	}
	cfg.AWS.Tracing = tr // spans for the SDK calls too
	// Building the handler makes no network call: clients connect on the
	// first invoke.
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "thumbnailer:", err)
		os.Exit(1)
	}
	h.SetMetrics(emf.NewStdout()) // business metrics as EMF lines on stdout
	lambda.Start(tracing.WrapNoResult(tr, h.Handle))
}
