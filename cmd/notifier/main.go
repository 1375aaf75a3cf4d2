// Command notifier is the Lambda function that the shop table's DynamoDB
// stream invokes (event source mapping with ReportBatchItemFailures): it
// turns order changes into notifications, "order placed" and "order status
// changed", published to an SNS topic on AWS or posted to the local stack's
// mailbox (see app.OrderNotifications and dynamodb.OrderStreamHandler).
//
// Configuration (environment):
//
//	AWS_REGION                  region (set by Lambda)
//	BOOKSHOP_TOPIC_ARN          SNS topic of the notifications (AWS)
//	BOOKSHOP_SNS_ENDPOINT       SNS endpoint override (default: AWS)
//	BOOKSHOP_MAILBOX_URL        instead of a topic: a mailbox to POST to, e.g. http://gateway:8080/_local/mailbox
//	BOOKSHOP_MAILBOX_SECRET     the mailbox's shared secret (required with BOOKSHOP_MAILBOX_URL)
//	LOG_LEVEL                   debug, info (default), warn or error
//	BOOKSHOP_TRACES             stdout prints spans as JSON lines (default: no spans; see cmd/internal/tracing)
//	OTEL_EXPORTER_OTLP_ENDPOINT OTLP/HTTP receiver for spans, e.g. http://localhost:4318 (ADOT collector)
//
// Build it for Lambda with CGO_ENABLED=0 go build -tags lambda.norpc ./cmd/notifier.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

func main() {
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "notifier:", err)
		os.Exit(1)
	}
	tr, err := tracing.New(context.Background(), cfg.Traces)
	if err != nil {
		fmt.Fprintln(os.Stderr, "notifier:", err)
		os.Exit(1)
	}
	cfg.AWS.Tracing = tr // spans for the SDK calls too
	// Building the handler makes no network call.
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "notifier:", err)
		os.Exit(1)
	}
	lambda.Start(tracing.Wrap(tr, h.Handle))
}
