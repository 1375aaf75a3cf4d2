package main

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/google/go-cmp/cmp"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) {
	os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))())
}

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := configFromEnv(envOf(map[string]string{"BOOKSHOP_DYNAMODB_ENDPOINT": "ftp://x", "LOG_LEVEL": "loud"}))
	for _, want := range []string{"AWS_REGION", "BOOKSHOP_TABLE", "BOOKSHOP_BUCKET", "BOOKSHOP_DYNAMODB_ENDPOINT", "LOG_LEVEL"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %s", err, want)
		}
	}
}

// shop writes books and orders into a DynamoDB Local table the way the
// catalog and orders functions do, and records the stream records those
// writes make, with the images read back from the table.
type shop struct {
	db      *dynamo.DB
	table   dynamodb.TableName
	books   *dynamodb.BookRepository
	orders  *dynamodb.OrderRepository
	records []events.DynamoDBEventRecord
}

func newShop(t *testing.T, db *dynamo.DB, table dynamodb.TableName) *shop {
	t.Helper()
	books, err := dynamodb.NewBookRepository(db, table)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := dynamodb.NewOrderRepository(db, table)
	if err != nil {
		t.Fatal(err)
	}
	return &shop{db: db, table: table, books: books, orders: orders}
}

// image reads the item (pk, sk) as a stream record carries it.
func (s *shop) image(t *testing.T, pk, sk string) map[string]events.DynamoDBAttributeValue {
	t.Helper()
	var item map[string]types.AttributeValue
	if err := s.db.Table(string(s.table)).Get("pk", pk).Range("sk", dynamo.Equal, sk).Consistent(true).One(context.Background(), &item); err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(lambdaImage(item))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]events.DynamoDBAttributeValue
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// lambdaImage converts an item to the JSON shape of Lambda's stream events.
func lambdaImage(item map[string]types.AttributeValue) map[string]any {
	out := make(map[string]any, len(item))
	for k, v := range item {
		out[k] = lambdaValue(v)
	}
	return out
}

func lambdaValue(v types.AttributeValue) map[string]any {
	switch v := v.(type) {
	case *types.AttributeValueMemberS:
		return map[string]any{"S": v.Value}
	case *types.AttributeValueMemberN:
		return map[string]any{"N": v.Value}
	case *types.AttributeValueMemberBOOL:
		return map[string]any{"BOOL": v.Value}
	case *types.AttributeValueMemberNULL:
		return map[string]any{"NULL": true}
	case *types.AttributeValueMemberSS:
		return map[string]any{"SS": v.Value}
	case *types.AttributeValueMemberL:
		l := make([]any, len(v.Value))
		for i, e := range v.Value {
			l[i] = lambdaValue(e)
		}
		return map[string]any{"L": l}
	case *types.AttributeValueMemberM:
		return map[string]any{"M": lambdaImage(v.Value)}
	}
	panic("unexpected attribute type")
}

func (s *shop) record(name, pk, sk string, newImage, oldImage map[string]events.DynamoDBAttributeValue) {
	seq := len(s.records) + 1
	s.records = append(s.records, events.DynamoDBEventRecord{
		EventID: "e" + string(rune('0'+seq)), EventName: name, EventSource: "aws:dynamodb", AWSRegion: "us-east-1",
		Change: events.DynamoDBStreamRecord{
			Keys:           map[string]events.DynamoDBAttributeValue{"pk": events.NewStringAttribute(pk), "sk": events.NewStringAttribute(sk)},
			SequenceNumber: "10000000000000000000" + string(rune('0'+seq)), StreamViewType: "NEW_AND_OLD_IMAGES",
			NewImage: newImage, OldImage: oldImage,
		},
	})
}

var now = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func (s *shop) createBook(t *testing.T, id, title, author string) domain.Book {
	t.Helper()
	b, err := domain.NewBook(domain.BookID(id), domain.BookDetails{Title: title, Author: author, Category: "science-fiction", PriceCents: 1499, Stock: 10}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.books.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	s.record("INSERT", "BOOK#"+id, "BOOK", s.image(t, "BOOK#"+id, "BOOK"), nil)
	return b
}

func (s *shop) placeOrder(t *testing.T, id string, lines map[domain.Book]int) domain.Order {
	t.Helper()
	var ls []domain.OrderLine
	for b, qty := range lines {
		ls = append(ls, domain.OrderLine{BookID: b.ID(), Title: b.Title(), UnitPrice: b.Price(), Qty: qty})
	}
	o, err := domain.NewOrder(domain.OrderID(id), "user-1", ls, domain.DefaultShippingPolicy, now)
	if err != nil {
		t.Fatal(err)
	}
	rec := app.IdempotencyRecord{UserID: "user-1", Key: id, OrderID: o.ID(), ExpiresAt: now.Add(time.Hour)}
	if err := s.orders.PlaceOrder(context.Background(), o, rec, now); err != nil {
		t.Fatal(err)
	}
	s.record("INSERT", "ORDER#"+id, "ORDER", s.image(t, "ORDER#"+id, "ORDER"), nil)
	return o
}

func (s *shop) cancelOrder(t *testing.T, id string) {
	t.Helper()
	before := s.image(t, "ORDER#"+id, "ORDER")
	if _, err := s.orders.Update(context.Background(), domain.OrderID(id), func(o *domain.Order) error { return o.Cancel(domain.ActorOwner, now) }); err != nil {
		t.Fatal(err)
	}
	s.record("MODIFY", "ORDER#"+id, "ORDER", s.image(t, "ORDER#"+id, "ORDER"), before)
}

// deleteBook deletes the book as the catalog does and records the REMOVE,
// which carries the old image only.
func (s *shop) deleteBook(t *testing.T, id domain.BookID) {
	t.Helper()
	pk := "BOOK#" + string(id)
	before := s.image(t, pk, "BOOK")
	if _, err := s.books.Delete(context.Background(), id, 0); err != nil {
		t.Fatal(err)
	}
	s.record("REMOVE", pk, "BOOK", nil, before)
}

func (s *shop) event(t *testing.T) []byte {
	t.Helper()
	b, err := json.Marshal(events.DynamoDBEvent{Records: s.records})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// startFunction builds the function as Lambda runs it (env configuration,
// wire injector, aws-lambda-go's handler on raw JSON) against table and a
// fresh bucket of the shared MinIO.
func startFunction(t *testing.T, srv *dynamotest.Server, table string) func(context.Context, []byte) ([]byte, error) {
	t.Helper()
	fn, _ := startFunctionWith(t, srv, table, s3test.Start(t))
	return fn
}

// startFunctionWith is startFunction with a fresh bucket of the given
// MinIO, which it returns.
func startFunctionWith(t *testing.T, srv *dynamotest.Server, table string, minio *s3test.Server) (func(context.Context, []byte) ([]byte, error), s3.BucketName) {
	t.Helper()
	_, bucket := s3test.NewBucketOn(t, minio)
	cfg, err := configFromEnv(envOf(map[string]string{"AWS_REGION": s3test.Region, "BOOKSHOP_TABLE": table,
		"BOOKSHOP_DYNAMODB_ENDPOINT": string(srv.Endpoint), "BOOKSHOP_BUCKET": string(bucket),
		"BOOKSHOP_S3_ENDPOINT": minio.Endpoint, "BOOKSHOP_S3_PATH_STYLE": "true", "LOG_LEVEL": "error"}))
	if err != nil {
		t.Fatal(err)
	}
	// Credentials come from the environment, as from the function's role on
	// Lambda: MinIO's root user; DynamoDB Local accepts any.
	creds, err := minio.Config.Credentials.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", creds.AccessKeyID)
	t.Setenv("AWS_SECRET_ACCESS_KEY", creds.SecretAccessKey)
	t.Setenv("AWS_SESSION_TOKEN", "")
	t.Setenv("AWS_PROFILE", "")
	t.Setenv("AWS_CONFIG_FILE", os.DevNull)
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lambda.NewHandler(h.Handle).Invoke, bucket
}

func invoke(t *testing.T, fn func(context.Context, []byte) ([]byte, error), payload []byte) events.DynamoDBEventResponse {
	t.Helper()
	return invokeWith(t, context.Background(), fn, payload)
}

// invokeWith is invoke with ctx, which carries Lambda's deadline in the
// fault tests.
func invokeWith(t *testing.T, ctx context.Context, fn func(context.Context, []byte) ([]byte, error), payload []byte) events.DynamoDBEventResponse {
	t.Helper()
	out, err := fn(ctx, payload)
	if err != nil {
		t.Fatalf("invoke = %s, %v", out, err)
	}
	var resp events.DynamoDBEventResponse
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatalf("response %s: %v", out, err)
	}
	return resp
}

// TestProjectorFunction feeds the function the stream records of two new
// books, two orders and the cancellation of one, then the same batch again:
// search, best sellers and also-bought reflect the changes once.
func TestProjectorFunction(t *testing.T) {
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	s := newShop(t, srv.DB, table)
	kindred := s.createBook(t, "01JBOOK0000000000000000001", "Kindred", "Octavia E. Butler")
	dawn := s.createBook(t, "01JBOOK0000000000000000002", "Dawn", "Octavia E. Butler")
	s.placeOrder(t, "01JORDER000000000000000001", map[domain.Book]int{kindred: 2, dawn: 1})
	s.placeOrder(t, "01JORDER000000000000000002", map[domain.Book]int{kindred: 1, dawn: 3})
	s.cancelOrder(t, "01JORDER000000000000000002")
	s.record("INSERT", "IDEMPOTENCY#user-1#x", "IDEMPOTENCY", map[string]events.DynamoDBAttributeValue{"pk": events.NewStringAttribute("IDEMPOTENCY#user-1#x")}, nil)
	s.record("INSERT", "BOOK#corrupt", "BOOK", map[string]events.DynamoDBAttributeValue{"pk": events.NewStringAttribute("BOOK#corrupt")}, nil)

	fn := startFunction(t, srv, string(table))
	index, err := dynamodb.NewSearchIndex(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	ledger, err := dynamodb.NewSalesLedger(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		t.Helper()
		terms, _ := app.ParseSearchQuery("butler")
		page, err := index.Search(context.Background(), app.SearchQuery{Terms: terms, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]domain.BookID{dawn.ID(), kindred.ID()}, page.BookIDs); d != "" {
			t.Errorf("%s: search butler (-want +got):\n%s", what, d)
		}
		best, err := ledger.BestSellers(context.Background(), app.BestSellersQuery{Period: app.SalesLast30Days, Limit: 10, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		want := []app.BookCount{{BookID: kindred.ID(), Count: 2}, {BookID: dawn.ID(), Count: 1}}
		if d := cmp.Diff(want, best); d != "" {
			t.Errorf("%s: best sellers (-want +got):\n%s", what, d)
		}
		also, err := ledger.AlsoBought(context.Background(), dawn.ID(), 10)
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]app.BookCount{{BookID: kindred.ID(), Count: 1}}, also); d != "" {
			t.Errorf("%s: also bought (-want +got):\n%s", what, d)
		}
	}
	if resp := invoke(t, fn, s.event(t)); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("batchItemFailures = %+v", resp.BatchItemFailures)
	}
	check("after the batch")
	if resp := invoke(t, fn, s.event(t)); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("replay: batchItemFailures = %+v", resp.BatchItemFailures)
	}
	check("after the batch was replayed")
}

// A failing projection reports its record, so Lambda retries from it.
func TestProjectorFunctionReportsBatchItemFailures(t *testing.T) {
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	s := newShop(t, srv.DB, table)
	s.record("INSERT", "IDEMPOTENCY#user-1#x", "IDEMPOTENCY", map[string]events.DynamoDBAttributeValue{"pk": events.NewStringAttribute("IDEMPOTENCY#user-1#x")}, nil)
	s.createBook(t, "01JBOOK0000000000000000001", "Kindred", "Octavia E. Butler")
	s.createBook(t, "01JBOOK0000000000000000002", "Dawn", "Octavia E. Butler")
	fn := startFunction(t, srv, "no-such-table")
	resp := invoke(t, fn, s.event(t))
	if len(resp.BatchItemFailures) != 1 || resp.BatchItemFailures[0].ItemIdentifier != s.records[1].Change.SequenceNumber {
		t.Fatalf("batchItemFailures = %+v; want the first book record's", resp.BatchItemFailures)
	}
}

// bookObjects returns a cover and a thumbnail key of book id.
func bookObjects(id domain.BookID) []string {
	return []string{app.CoverPrefix(id) + "01JCOVER.jpg", app.ThumbnailPrefix(id) + "01JCOVER-200x280.jpg"}
}

// TestProjectorFunctionRemovesADeletedBooksObjects: a book's REMOVE record
// takes the book out of the search index and its covers and thumbnails out
// of the bucket, another book's stay; the same batch again changes nothing.
func TestProjectorFunctionRemovesADeletedBooksObjects(t *testing.T) {
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	minio := s3test.Start(t)
	fn, bucket := startFunctionWith(t, srv, string(table), minio)
	s := newShop(t, srv.DB, table)
	kindred := s.createBook(t, "01JBOOK0000000000000000001", "Kindred", "Octavia E. Butler")
	dawn := s.createBook(t, "01JBOOK0000000000000000002", "Dawn", "Octavia E. Butler")
	minio.PutObjects(t, bucket, append(bookObjects(kindred.ID()), bookObjects(dawn.ID())...)...)
	s.deleteBook(t, kindred.ID())
	index, err := dynamodb.NewSearchIndex(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}

	for _, delivery := range []string{"the batch", "the batch again"} {
		if resp := invoke(t, fn, s.event(t)); len(resp.BatchItemFailures) != 0 {
			t.Fatalf("%s: batchItemFailures = %+v", delivery, resp.BatchItemFailures)
		}
		if d := cmp.Diff(bookObjects(dawn.ID()), minio.Keys(t, bucket)); d != "" {
			t.Errorf("%s: objects stored (-want +got):\n%s", delivery, d)
		}
		terms, _ := app.ParseSearchQuery("butler")
		page, err := index.Search(context.Background(), app.SearchQuery{Terms: terms, Limit: 10})
		if err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff([]domain.BookID{dawn.ID()}, page.BookIDs); d != "" {
			t.Errorf("%s: search butler (-want +got):\n%s", delivery, d)
		}
	}
}
