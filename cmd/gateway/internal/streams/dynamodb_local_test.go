package streams

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) { dynamotest.Main(m) }

// TestPollerOnDynamoDBLocal places an order in a table of DynamoDB Local
// (TableSpec, so with its stream) while the poller follows the stream from
// LATEST: the INSERT reaches the function as a genuine DynamoDBEvent. The
// function is the notifier's handler run in-process through aws-lambda-go's
// handler adapter, with a mailbox as its notifier; the idempotency record
// and the book's stock change in the same transaction notify nothing.
func TestPollerOnDynamoDBLocal(t *testing.T) {
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

	box, err := mailbox.New(apptest.NewClock(now), 0)
	if err != nil {
		t.Fatal(err)
	}
	notifications, err := app.NewOrderNotifications(box)
	if err != nil {
		t.Fatal(err)
	}
	handler, err := dynamodb.NewOrderStreamHandler(notifications, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	invoke := lambda.NewHandler(handler.Handle).Invoke
	fn := &fakeFunction{}
	fn.respond = func(int, events.DynamoDBEvent) ([]byte, bool, error) { return nil, false, nil }
	inv := invokerFunc(func(ctx context.Context, function string, payload []byte) ([]byte, bool, error) {
		_, _, _ = fn.Invoke(ctx, function, payload) // records the event
		out, err := invoke(ctx, payload)
		return out, err != nil, nil
	})

	streams := dynamodbstreams.NewFromConfig(srv.Config, func(o *dynamodbstreams.Options) {
		o.BaseEndpoint = aws.String(string(srv.Endpoint))
	})
	src := source()
	src.StartingPosition = "LATEST"
	p, _, err := New(Config{Sources: []Source{src}, Tables: map[string]string{"ShopTable": string(table)}, PollInterval: 50 * time.Millisecond},
		srv.DB.Client(), streams, inv)
	if err != nil {
		t.Fatal(err)
	}
	m := p.mappings[0]
	if err := m.poll(ctx); err != nil { // opens the shards at LATEST
		t.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { _ = p.Run(runCtx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })

	books, err := dynamodb.NewBookRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := dynamodb.NewOrderRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	book, err := domain.NewBook("01JBOOKSTREAM0000000000001", domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "sf", PriceCents: 1499, Stock: 5}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(ctx, book); err != nil {
		t.Fatal(err)
	}
	order, err := domain.NewOrder("01JORDERSTREAM000000000001", "user-1",
		[]domain.OrderLine{{BookID: book.ID(), Title: book.Title(), UnitPrice: book.Price(), Qty: 2}}, domain.DefaultShippingPolicy, now)
	if err != nil {
		t.Fatal(err)
	}
	rec := app.IdempotencyRecord{UserID: "user-1", Key: "k1", RequestHash: "h", OrderID: order.ID(), ExpiresAt: now.Add(time.Hour)}
	if err := orders.PlaceOrder(ctx, order, rec, now); err != nil {
		t.Fatal(err)
	}

	waitFor(t, "the order notification", func() bool { return len(box.Messages()) > 0 })
	msgs := box.Messages()
	if len(msgs) != 1 || msgs[0].Kind != "order-placed" || msgs[0].OrderID != string(order.ID()) || msgs[0].TotalCents != 3998 {
		t.Fatalf("mailbox = %+v", msgs)
	}
	var sawOrderInsert bool
	fn.mu.Lock()
	for _, b := range fn.batches {
		for _, r := range b.Records {
			if r.EventName == "INSERT" && r.Change.Keys["pk"].String() == "ORDER#"+string(order.ID()) {
				sawOrderInsert = r.EventSourceArn != "" && r.Change.NewImage["order_status"].String() == "PENDING" &&
					r.Change.SequenceNumber != "" && r.Change.StreamViewType == "NEW_AND_OLD_IMAGES"
			}
		}
	}
	fn.mu.Unlock()
	if !sawOrderInsert {
		t.Fatalf("no complete INSERT record of the order among %d batches", len(fn.batches))
	}
}
