// Command projector is the Lambda function that the shop table's DynamoDB
// stream invokes (event source mapping with ReportBatchItemFailures,
// filtered to book and order items): it keeps the discovery projections in
// the same table current, the search index from book changes and the
// sales counters (best sellers, also-bought) from placed and cancelled
// orders, and removes a deleted book's covers and thumbnails from the
// covers bucket (see app.Projector and dynamodb.ProjectionStreamHandler).
// Both projections apply each change once and removing objects is
// idempotent, so redelivered and retried batches are harmless; a removal
// that fails (S3 unreachable) is a batch item failure, retried by Lambda.
//
// Configuration (environment):
//
//	AWS_REGION                  region (set by Lambda)
//	BOOKSHOP_TABLE              DynamoDB table name
//	BOOKSHOP_BUCKET             S3 bucket for cover images
//	BOOKSHOP_DYNAMODB_ENDPOINT  DynamoDB endpoint override, e.g. http://dynamodb:8000 (default: AWS)
//	BOOKSHOP_S3_ENDPOINT        S3 endpoint override, e.g. http://minio:9000
//	BOOKSHOP_S3_PATH_STYLE      true for path-style bucket addressing (MinIO)
//	LOG_LEVEL                   debug, info (default), warn or error
//	BOOKSHOP_TRACES             stdout prints spans as JSON lines (default: no spans; see cmd/internal/tracing)
//	OTEL_EXPORTER_OTLP_ENDPOINT OTLP/HTTP receiver for spans, e.g. http://localhost:4318 (ADOT collector)
//
// Build it for Lambda with CGO_ENABLED=0 go build -tags lambda.norpc ./cmd/projector.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

func main() {
	ctx := context.Background()
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "projector:", err)
		os.Exit(1)
	}
	tr, err := tracing.New(ctx, cfg.Traces)
	if err != nil {
		fmt.Fprintln(os.Stderr, "projector:", err)
		os.Exit(1)
	}
	cfg.AWS.Tracing = tr // spans for the SDK calls too
	// Building the handler makes no network call.
	h, err := initializeHandler(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "projector:", err)
		os.Exit(1)
	}
	lambda.Start(tracing.Wrap(tr, h.Handle))
}
