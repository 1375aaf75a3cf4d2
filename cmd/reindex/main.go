// Command reindex rebuilds a deployed shop's discovery projections — the
// search index and the sales ledger behind best sellers and "also bought" —
// from the books and orders in its table (app.ProjectionReplay over the
// DynamoDB adapters).
//
// The projector function keeps both current from the table's stream, which
// holds 24 hours of changes. Run reindex once when the projections miss what
// the stream never delivered to them: books and orders written before the
// projector was deployed, or older than the stream's retention when the
// projector was stopped. It reads the catalog and the orders page by page
// (Query on the table's indexes, never Scan) and projects each as if it had
// just been created; both projections apply each change once, so running it
// again, or while the projector runs, changes nothing. An operator runs it
// with their own credentials:
//
//	AWS_REGION=eu-west-1 BOOKSHOP_TABLE=<the stack's TableName output> go run ./cmd/reindex
//
// Configuration (environment):
//
//	AWS_REGION                 region
//	BOOKSHOP_TABLE             the shop table
//	BOOKSHOP_DYNAMODB_ENDPOINT DynamoDB endpoint override, e.g. http://localhost:8000 (the local stack)
//
// Credentials come from the default chain (environment, profile, SSO). They
// need, on the table and its indexes, what dynamodb.IAMActions lists for
// BookRepository.List and Get, OrderRepository.ListByStatus,
// SearchIndex.Index and SalesLedger.RecordPlaced and RecordCancelled:
// dynamodb:Query, GetItem, PutItem, UpdateItem, BatchWriteItem and
// ConditionCheckItem (TestReindexNeedsOnlyItsDocumentedActions keeps the
// two equal).
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(os.Getenv); err != nil {
		fmt.Fprintln(os.Stderr, "reindex:", err)
		os.Exit(1)
	}
}

// run rebuilds the projections of the table the environment names and
// prints what it projected.
func run(getenv func(string) string) error {
	cfg, err := configFromEnv(getenv)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	replay, err := initializeReplay(ctx, cfg)
	if err != nil {
		return err
	}
	start := time.Now()
	counts, err := replay.Run(ctx)
	fmt.Printf("reindex: projected %d books and %d orders of table %s in %s\n",
		counts.Books, counts.Orders, cfg.Table, time.Since(start).Round(time.Millisecond))
	return err
}
