package dynamodb_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// conflicts counts the transactions a conflictingDB was sent and decides
// how DynamoDB cancels them.
type conflicts struct {
	sent atomic.Int32
	// stale makes every second transaction fail the condition of its first
	// item instead (a version check, for the writes that have one), as when
	// the writer that held the item changed it.
	stale atomic.Bool
}

// cancellation returns the reasons of the nth transaction (from 1) of
// items items.
func (c *conflicts) cancellation(n int32, items int) []types.CancellationReason {
	reasons := make([]types.CancellationReason, items)
	for i := range reasons {
		reasons[i] = types.CancellationReason{Code: aws.String("TransactionConflict"), Message: aws.String("Transaction is ongoing for the item")}
	}
	if c.stale.Load() && n%2 == 0 {
		for i := range reasons {
			reasons[i] = types.CancellationReason{Code: aws.String("None")}
		}
		reasons[0] = types.CancellationReason{Code: aws.String("ConditionalCheckFailed"), Message: aws.String("The conditional request failed")}
	}
	return reasons
}

// conflictingDB returns a client of srv on which DynamoDB cancels every
// TransactWriteItems, as when other transactions keep holding its items
// (see conflicts); other operations reach srv.
func conflictingDB(t *testing.T, srv *dynamotest.Server) (*dynamo.DB, *conflicts) {
	t.Helper()
	c := &conflicts{}
	cfg := srv.Config.Copy()
	cfg.APIOptions = append(cfg.APIOptions, func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("conflictEveryTransaction",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				tx, ok := in.Parameters.(*awsdynamodb.TransactWriteItemsInput)
				if !ok {
					return next.HandleInitialize(ctx, in)
				}
				return middleware.InitializeOutput{}, middleware.Metadata{}, &types.TransactionCanceledException{
					Message:             aws.String("Transaction cancelled, please refer cancellation reasons for specific reasons"),
					CancellationReasons: c.cancellation(c.sent.Add(1), len(tx.TransactItems)),
				}
			}), middleware.After)
	})
	db, err := dynamodb.NewDB(cfg, srv.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	return db, c
}

// TestTransactionsThatKeepConflictingReportContention proves that every
// transactional write gives up after MaxWriteAttempts transactions, in one
// loop (a review update used to run a loop of transactions inside its loop
// of reads), with an *app.ContentionError: a transient failure (503 at the
// API), neither a conflict nor a version mismatch nor the SDK's error.
func TestTransactionsThatKeepConflictingReportContention(t *testing.T) {
	t.Parallel()
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	db, conflicts := conflictingDB(t, srv)
	books, err := dynamodb.NewBookRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	reviews, err := dynamodb.NewReviewRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := dynamodb.NewOrderRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	contendedReviews, err := dynamodb.NewReviewRepository(db, table)
	if err != nil {
		t.Fatal(err)
	}
	contendedOrders, err := dynamodb.NewOrderRepository(db, table)
	if err != nil {
		t.Fatal(err)
	}

	ctx := context.Background()
	book := newBook(t, "01CONTENDEDBOOK00000000001", "Contended", "essays")
	if err := books.Create(ctx, book); err != nil {
		t.Fatal(err)
	}
	review := func(user domain.UserID) domain.Review {
		r, err := domain.NewReview(book.ID(), user, "reader", domain.ReviewDraft{Rating: 4}, created)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	for _, user := range []domain.UserID{"u-update", "u-delete"} {
		if err := reviews.Add(ctx, review(user)); err != nil {
			t.Fatal(err)
		}
	}
	order := func(id domain.OrderID) domain.Order {
		o, err := domain.NewOrder(id, "buyer", []domain.OrderLine{{BookID: book.ID(), Title: book.Title(), UnitPrice: book.Price(), Qty: 1}},
			domain.DefaultShippingPolicy, created)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	record := func(o domain.Order) app.IdempotencyRecord {
		return app.IdempotencyRecord{UserID: "buyer", Key: string(o.ID()), RequestHash: "h", OrderID: o.ID(), ExpiresAt: created.Add(time.Hour)}
	}
	toCancel := order("01CONTENDEDORDER0000000001")
	if err := orders.PlaceOrder(ctx, toCancel, record(toCancel), created); err != nil {
		t.Fatal(err)
	}
	toPlace := order("01CONTENDEDORDER0000000002")

	// The cases share the conflicts, so they run one by one. With stale, a
	// write whose transaction checks a version re-reads after every other
	// transaction, and still sends no more than MaxWriteAttempts in all.
	for _, tc := range []struct {
		name  string
		stale bool
		write func() error
	}{
		{"add a review", false, func() error { return contendedReviews.Add(ctx, review("u-add")) }},
		{"update a review", true, func() error {
			_, err := contendedReviews.Update(ctx, book.ID(), "u-update", func(r *domain.Review) error {
				return r.Revise(domain.ReviewDraft{Rating: 1}, created.Add(time.Hour))
			})
			return err
		}},
		{"delete a review", true, func() error { _, err := contendedReviews.Delete(ctx, book.ID(), "u-delete", 0); return err }},
		{"place an order", false, func() error { return contendedOrders.PlaceOrder(ctx, toPlace, record(toPlace), created) }},
		{"cancel an order", true, func() error {
			_, err := contendedOrders.Update(ctx, toCancel.ID(), func(o *domain.Order) error { return o.Cancel(domain.ActorAdmin, created.Add(time.Hour)) })
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conflicts.sent.Store(0)
			conflicts.stale.Store(tc.stale)
			err := tc.write()
			var ce *app.ContentionError
			var txe *types.TransactionCanceledException
			if !errors.As(err, &ce) || !errors.Is(err, app.ErrUnavailable) {
				t.Errorf("error = %v, want an *app.ContentionError (app.ErrUnavailable)", err)
			} else if ce.Attempts != dynamodb.MaxWriteAttempts {
				t.Errorf("error says %d attempts, want %d", ce.Attempts, dynamodb.MaxWriteAttempts)
			}
			if errors.Is(err, domain.ErrConflict) || errors.Is(err, domain.ErrVersionConflict) || errors.As(err, &txe) {
				t.Errorf("error = %v also joins a conflict or the SDK's error", err)
			}
			if n := conflicts.sent.Load(); n != dynamodb.MaxWriteAttempts {
				t.Errorf("%d transactions sent, want %d", n, dynamodb.MaxWriteAttempts)
			}
		})
	}
}
