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
	shop := newLocalShop(t)
	box, err := mailbox.New(apptest.NewClock(shop.now), 0)
	if err != nil {
		t.Fatal(err)
	}
	invoke := notifierFunction(t, box)
	fn := &fakeFunction{}
	fn.respond = func(int, events.DynamoDBEvent) ([]byte, bool, error) { return nil, false, nil }
	inv := invokerFunc(func(ctx context.Context, function string, payload []byte) ([]byte, bool, error) {
		_, _, _ = fn.Invoke(ctx, function, payload) // records the event
		out, err := invoke(ctx, payload)
		return out, err != nil, nil
	})
	src := source()
	src.StartingPosition = "LATEST"
	shop.openPoller(t, src, inv)()

	order := shop.placeOrder(t, "01JORDERSTREAM000000000001", 2)

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

// localShop is a table of DynamoDB Local (TableSpec, so with its stream)
// holding one book in stock, and the repository that places and changes
// orders in it as the orders function does.
type localShop struct {
	srv    *dynamotest.Server
	table  dynamodb.TableName
	orders *dynamodb.OrderRepository
	book   domain.Book
	now    time.Time
}

func newLocalShop(t *testing.T) *localShop {
	t.Helper()
	srv := dynamotest.Start(t)
	s := &localShop{srv: srv, table: dynamotest.NewTable(t, srv.DB), now: time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)}
	books, err := dynamodb.NewBookRepository(srv.DB, s.table)
	if err != nil {
		t.Fatal(err)
	}
	if s.orders, err = dynamodb.NewOrderRepository(srv.DB, s.table); err != nil {
		t.Fatal(err)
	}
	s.book, err = domain.NewBook("01JBOOKSTREAM0000000000001", domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "sf", PriceCents: 1499, Stock: 50}, s.now)
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), s.book); err != nil {
		t.Fatal(err)
	}
	return s
}

// placeOrder places an order of qty copies of the book for user-1, with its
// idempotency record and the stock decrement in the same transaction.
func (s *localShop) placeOrder(t *testing.T, id domain.OrderID, qty int) domain.Order {
	t.Helper()
	order, err := domain.NewOrder(id, "user-1",
		[]domain.OrderLine{{BookID: s.book.ID(), Title: s.book.Title(), UnitPrice: s.book.Price(), Qty: qty}}, domain.DefaultShippingPolicy, s.now)
	if err != nil {
		t.Fatal(err)
	}
	rec := app.IdempotencyRecord{UserID: "user-1", Key: "key-" + string(id), RequestHash: "h", OrderID: id, ExpiresAt: s.now.Add(time.Hour)}
	if err := s.orders.PlaceOrder(context.Background(), order, rec, s.now); err != nil {
		t.Fatal(err)
	}
	return order
}

// openPoller returns a function that starts a poller of src over the shop's
// table; the poller has already opened the stream's shards (at src's
// StartingPosition), so with LATEST it delivers exactly the changes made
// from now on, whenever it is started. It runs until stop (which waits for
// an invocation in flight) or the end of the test.
func (s *localShop) openPoller(t *testing.T, src Source, inv Invoker) (start func() (stop func())) {
	t.Helper()
	streams := dynamodbstreams.NewFromConfig(s.srv.Config, func(o *dynamodbstreams.Options) {
		o.BaseEndpoint = aws.String(string(s.srv.Endpoint))
	})
	p, _, err := New(Config{Sources: []Source{src}, Tables: map[string]string{src.Table: string(s.table)}, PollInterval: 50 * time.Millisecond},
		s.srv.DB.Client(), streams, inv)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := p.mappings[0].poll(ctx); err != nil { // opens the shards
		t.Fatal(err)
	}
	return func() func() {
		runCtx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() { _ = p.Run(runCtx); close(done) }()
		stop := func() { cancel(); <-done }
		t.Cleanup(stop)
		return stop
	}
}

// notifierFunction returns the notifier function's handler
// (dynamodb.OrderStreamHandler running app.OrderNotifications over
// notifier) as the Lambda runtime calls it, in-process through
// aws-lambda-go's handler adapter: a payload in, the JSON answer out.
func notifierFunction(t *testing.T, notifier app.Notifier) func(context.Context, []byte) ([]byte, error) {
	t.Helper()
	notifications, err := app.NewOrderNotifications(notifier)
	if err != nil {
		t.Fatal(err)
	}
	handler, err := dynamodb.NewOrderStreamHandler(notifications, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return lambda.NewHandler(handler.Handle).Invoke
}
