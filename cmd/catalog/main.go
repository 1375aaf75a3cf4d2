// Command catalog is the Lambda function behind the catalog routes of the
// HTTP API (/api/books…, /api/health) and the discovery routes
// (/api/search, /api/bestsellers, /api/books/{id}/also-bought), which read
// what the projector function keeps in the table. API Gateway sends it payload format
// 2.0 events; it answers with the matching responses.
//
// Configuration (environment):
//
//	AWS_REGION                  region (set by Lambda)
//	BOOKSHOP_TABLE              DynamoDB table name
//	BOOKSHOP_BUCKET             S3 bucket for cover images
//	BOOKSHOP_CURSOR_KEY         secret of at least 16 bytes that signs listing cursors
//	BOOKSHOP_DYNAMODB_ENDPOINT  DynamoDB endpoint override, e.g. http://dynamodb:8000 (default: AWS)
//	BOOKSHOP_S3_ENDPOINT        S3 endpoint override for server-side calls, e.g. http://minio:9000
//	BOOKSHOP_S3_PUBLIC_ENDPOINT S3 endpoint browsers use for presigned URLs (default: BOOKSHOP_S3_ENDPOINT)
//	BOOKSHOP_S3_PATH_STYLE      true for path-style bucket addressing (MinIO)
//	BOOKSHOP_CORS_ORIGINS       comma-separated origins allowed by CORS (default: none)
//	LOG_LEVEL                   debug, info (default), warn or error
//	BOOKSHOP_TRACES             stdout prints spans as JSON lines (default: no spans; see cmd/internal/tracing)
//	OTEL_EXPORTER_OTLP_ENDPOINT OTLP/HTTP receiver for spans, e.g. http://localhost:4318 (ADOT collector)
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
		fmt.Fprintln(os.Stderr, "catalog:", err)
		os.Exit(1)
	}
	tr, err := tracing.New(ctx, cfg.Traces)
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalog:", err)
		os.Exit(1)
	}
	cfg.AWS.Tracing = tr // spans for the SDK calls too
	h, err := initializeHandler(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "catalog:", err)
		os.Exit(1)
	}
	lambda.Start(tracing.Wrap(tr, h.Handle))
}
