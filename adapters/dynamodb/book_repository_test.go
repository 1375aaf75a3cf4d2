package dynamodb_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go/middleware"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) { dynamotest.Main(m) }

func TestBookRepositoryContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.BookRepository(t, func(t *testing.T) app.BookRepository {
			repo, _ := newRepo(t)
			return repo
		})
	})
}

// newRepo returns a repository over a fresh table of the shared DynamoDB
// Local, and the table's handle for inspecting raw items.
func newRepo(t *testing.T) (*dynamodb.BookRepository, dynamo.Table) {
	t.Helper()
	srv := dynamotest.Start(t)
	name := dynamotest.NewTable(t, srv.DB)
	repo, err := dynamodb.NewBookRepository(srv.DB, name)
	if err != nil {
		t.Fatal(err)
	}
	return repo, srv.DB.Table(string(name))
}

var created = time.Date(2026, 11, 26, 10, 0, 0, 123456789, time.UTC)

func newBook(t *testing.T, id domain.BookID, title, category string) domain.Book {
	t.Helper()
	b, err := domain.NewBook(id, domain.BookDetails{
		Title: title, Author: "Author", Category: category, PriceCents: 999, Currency: "EUR", Stock: 2,
	}, created)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCreateTableIsIdempotentAndFollowsTableSpec(t *testing.T) {
	t.Parallel()
	srv := dynamotest.Start(t)
	name := dynamotest.NewTable(t, srv.DB)
	ctx := context.Background()
	if err := dynamodb.CreateTable(ctx, srv.DB, name); err != nil {
		t.Fatalf("second CreateTable = %v, want nil", err)
	}
	out, err := srv.DB.Client().DescribeTable(ctx, &awsdynamodb.DescribeTableInput{TableName: aws.String(string(name))})
	if err != nil {
		t.Fatal(err)
	}
	spec := dynamodb.TableSpec(name)
	type index struct {
		Name       string
		Keys       string
		Projection types.ProjectionType
	}
	keys := func(ks []types.KeySchemaElement) string {
		var parts []string
		for _, k := range ks {
			parts = append(parts, aws.ToString(k.AttributeName)+":"+string(k.KeyType))
		}
		return strings.Join(parts, ",")
	}
	var want, got []index
	for _, gsi := range spec.GlobalSecondaryIndexes {
		want = append(want, index{aws.ToString(gsi.IndexName), keys(gsi.KeySchema), gsi.Projection.ProjectionType})
	}
	for _, gsi := range out.Table.GlobalSecondaryIndexes {
		got = append(got, index{aws.ToString(gsi.IndexName), keys(gsi.KeySchema), gsi.Projection.ProjectionType})
	}
	for _, lsi := range spec.LocalSecondaryIndexes {
		want = append(want, index{aws.ToString(lsi.IndexName), keys(lsi.KeySchema), lsi.Projection.ProjectionType})
	}
	for _, lsi := range out.Table.LocalSecondaryIndexes {
		got = append(got, index{aws.ToString(lsi.IndexName), keys(lsi.KeySchema), lsi.Projection.ProjectionType})
	}
	byName := cmpopts.SortSlices(func(a, b index) bool { return a.Name < b.Name })
	if diff := cmp.Diff(want, got, byName); diff != "" {
		t.Errorf("indexes (-spec +table):\n%s", diff)
	}
	if k := keys(out.Table.KeySchema); k != "pk:HASH,sk:RANGE" {
		t.Errorf("key schema = %s", k)
	}
	if spec.BillingMode != types.BillingModePayPerRequest {
		t.Errorf("billing mode = %s", spec.BillingMode)
	}
	if out.Table.TableStatus != types.TableStatusActive {
		t.Errorf("status = %s, want ACTIVE", out.Table.TableStatus)
	}
}

func TestCreateTableRefusesAnExistingTableWithAnotherLayout(t *testing.T) {
	t.Parallel()
	srv := dynamotest.Start(t)
	ctx := context.Background()
	name := dynamodb.TableName("other-layout-" + strings.ReplaceAll(t.Name(), "/", "-"))
	spec := dynamodb.TableSpec(name)
	spec.GlobalSecondaryIndexes = spec.GlobalSecondaryIndexes[:1] // category-newest only
	spec.LocalSecondaryIndexes = nil
	spec.AttributeDefinitions = slices.DeleteFunc(spec.AttributeDefinitions, func(d types.AttributeDefinition) bool {
		return !slices.Contains([]string{"pk", "sk", "category", "id"}, aws.ToString(d.AttributeName))
	})
	if _, err := srv.DB.Client().CreateTable(ctx, spec); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.DB.Table(string(name)).DeleteTable().Run(context.Background()) })
	if err := dynamodb.CreateTable(ctx, srv.DB, name); err == nil || !strings.Contains(err.Error(), "index") {
		t.Fatalf("CreateTable over a table without the listing indexes = %v, want an error naming the index", err)
	}
}

// TestStoredItemLayout pins the single-table layout documented in table.go,
// which the deployment and other tools rely on.
func TestStoredItemLayout(t *testing.T) {
	t.Parallel()
	repo, table := newRepo(t)
	ctx := context.Background()
	b := newBook(t, "01JDXYZ0000000000000000001", "The Dispossessed", "Science Fiction")
	if err := b.SetCover(domain.Cover{OriginalKey: "covers/x/o.jpg", ThumbnailKey: "thumbnails/x/t.jpg"}, created.Add(time.Nanosecond)); err != nil {
		t.Fatal(err)
	}
	if err := repo.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := table.Get("pk", "BOOK#"+string(b.ID())).Range("sk", dynamo.Equal, "BOOK").Consistent(true).One(ctx, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"pk": "BOOK#01JDXYZ0000000000000000001", "sk": "BOOK", "entity": "BOOK",
		"id": "01JDXYZ0000000000000000001", "category": "science-fiction",
		"title_key": "the dispossessed\x0101JDXYZ0000000000000000001",
		"title":     "The Dispossessed", "author": "Author", "price_cents": float64(999), "currency": "EUR",
		"stock": float64(2), "cover_key": "covers/x/o.jpg", "thumbnail_key": "thumbnails/x/t.jpg",
		"created_at": "2026-11-26T10:00:00.123456789Z", "updated_at": "2026-11-26T10:00:00.12345679Z",
		"version": float64(2),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("stored item (-want +got):\n%s", diff)
	}
}

func TestListingIndexesHoldOnlyBooks(t *testing.T) {
	t.Parallel()
	repo, table := newRepo(t)
	ctx := context.Background()
	b := newBook(t, "01JDXYZ0000000000000000002", "Kindred", "fiction")
	if err := repo.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	// Another entity of the single table, sharing nothing but pk and sk.
	other := map[string]any{"pk": "ORDER#1", "sk": "ORDER", "total_cents": 100}
	if err := table.Put(other).Run(ctx); err != nil {
		t.Fatal(err)
	}
	fiction, _ := domain.ParseCategory("fiction")
	for _, q := range []app.BookListQuery{
		{Sort: app.SortNewest, Limit: 10}, {Sort: app.SortTitle, Limit: 10},
		{Category: fiction, Sort: app.SortNewest, Limit: 10}, {Category: fiction, Sort: app.SortTitle, Limit: 10},
	} {
		page, err := repo.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Books) != 1 || page.Books[0].ID() != b.ID() || page.Next != "" {
			t.Errorf("List(%+v) = %d books, next %q; want only %s", q, len(page.Books), page.Next, b.ID())
		}
	}
}

func TestUpdateGivesUpAfterBoundedLostRaces(t *testing.T) {
	t.Parallel()
	repo, _ := newRepo(t)
	ctx := context.Background()
	b := newBook(t, "01JDXYZ0000000000000000003", "Middlemarch", "classics")
	if err := repo.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	calls := 0
	_, err := repo.Update(ctx, b.ID(), func(book *domain.Book) error {
		calls++
		// A competing writer slips in between this attempt's read and write.
		// (Real callbacks must not do I/O; this one simulates a race.)
		if _, err := repo.Update(ctx, b.ID(), func(other *domain.Book) error {
			d := other.Snapshot().Details
			d.Stock++
			return other.Revise(d, created.Add(time.Hour))
		}); err != nil {
			t.Errorf("competing Update = %v", err)
		}
		d := book.Snapshot().Details
		d.Title = "Lost"
		return book.Revise(d, created.Add(time.Hour))
	})
	var ce *app.ContentionError
	if !errors.As(err, &ce) || !errors.Is(err, app.ErrUnavailable) || errors.Is(err, domain.ErrVersionConflict) {
		t.Fatalf("Update = %v, want an *app.ContentionError joining app.ErrUnavailable only", err)
	}
	if calls != dynamodb.MaxWriteAttempts || ce.Attempts != dynamodb.MaxWriteAttempts {
		t.Errorf("callback ran %d times, want %d", calls, dynamodb.MaxWriteAttempts)
	}
	got, err := repo.Get(ctx, b.ID())
	if err != nil {
		t.Fatal(err)
	}
	if got.Title() != "Middlemarch" || got.Version() != 1+dynamodb.MaxWriteAttempts {
		t.Errorf("after the lost races: title %q version %d", got.Title(), got.Version())
	}
}

// TestListSendsOneQueryPerPage checks that a walk reads the listing index
// with one Query per page: no Scan, and no DescribeTable behind the paging.
func TestListSendsOneQueryPerPage(t *testing.T) {
	t.Parallel()
	srv := dynamotest.Start(t)
	var mu sync.Mutex
	var ops []string
	cfg := srv.Config.Copy()
	cfg.APIOptions = append(cfg.APIOptions, func(stack *middleware.Stack) error {
		return stack.Initialize.Add(middleware.InitializeMiddlewareFunc("recordOperation",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				mu.Lock()
				ops = append(ops, awsmiddleware.GetOperationName(ctx))
				mu.Unlock()
				return next.HandleInitialize(ctx, in)
			}), middleware.After)
	})
	db, err := dynamodb.NewDB(cfg, srv.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := dynamodb.NewBookRepository(db, dynamotest.NewTable(t, srv.DB))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 5 {
		if err := repo.Create(ctx, newBook(t, domain.BookID(fmt.Sprintf("01JDXYZ000000000000000000%d", i)), "T", "x")); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	ops = nil
	mu.Unlock()
	q := app.BookListQuery{Sort: app.SortNewest, Limit: 2}
	var pages int
	for {
		page, err := repo.List(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	mu.Lock()
	defer mu.Unlock()
	if want := []string{"Query", "Query", "Query"}; pages != 3 || !slices.Equal(ops, want) {
		t.Fatalf("walk of %d pages sent %v, want %v", pages, ops, want)
	}
}

// offlineRepo returns a repository whose DB points at a closed port: the
// calls under test must fail before any request.
func offlineRepo(t *testing.T) *dynamodb.BookRepository {
	t.Helper()
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("x", "x", "")}
	db, err := dynamodb.NewDB(cfg, "http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	repo, err := dynamodb.NewBookRepository(db, "books")
	if err != nil {
		t.Fatal(err)
	}
	return repo
}

func TestListRejectsMalformedQueries(t *testing.T) {
	t.Parallel()
	repo := offlineRepo(t)
	tests := []struct {
		name string
		q    app.BookListQuery
	}{
		{"token not base64url", app.BookListQuery{Sort: app.SortNewest, Limit: 5, After: "%%%"}},
		{"token not JSON", app.BookListQuery{Sort: app.SortNewest, Limit: 5, After: "bm90LWpzb24"}},
		{"token without position", app.BookListQuery{Sort: app.SortNewest, Limit: 5, After: "eyJhIjoiIn0"}},            // {"a":""}
		{"title token for newest", app.BookListQuery{Sort: app.SortNewest, Limit: 5, After: "eyJhIjoiYlx1MDAwMTEifQ"}}, // {"a":"b\u00011"}
		{"newest token for title", app.BookListQuery{Sort: app.SortTitle, Limit: 5, After: "eyJhIjoiMDFKIn0"}},         // {"a":"01J"}
		{"zero limit", app.BookListQuery{Sort: app.SortNewest}},
		{"limit above maximum", app.BookListQuery{Sort: app.SortNewest, Limit: app.MaxPageSize + 1}},
		{"unknown sort", app.BookListQuery{Sort: "price", Limit: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := repo.List(context.Background(), tt.q); !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("List = %v, want domain.ErrInvalid", err)
			}
		})
	}
}

func TestConstructorsValidateTheirArguments(t *testing.T) {
	t.Parallel()
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("x", "x", "")}
	db, err := dynamodb.NewDB(cfg, "")
	if err != nil {
		t.Fatalf("NewDB for AWS = %v", err)
	}
	tests := []struct {
		name string
		err  func() error
	}{
		{"nil db", func() error { _, err := dynamodb.NewBookRepository(nil, "books"); return err }},
		{"empty table", func() error { _, err := dynamodb.NewBookRepository(db, ""); return err }},
		{"short table", func() error { _, err := dynamodb.NewBookRepository(db, "ab"); return err }},
		{"table with a slash", func() error { _, err := dynamodb.NewBookRepository(db, "a/b/c"); return err }},
		{"config without region", func() error { _, err := dynamodb.NewDB(aws.Config{Credentials: cfg.Credentials}, ""); return err }},
		{"config without credentials", func() error { _, err := dynamodb.NewDB(aws.Config{Region: "us-east-1"}, ""); return err }},
		{"relative endpoint", func() error { _, err := dynamodb.NewDB(cfg, "localhost:8000"); return err }},
		{"nil db for CreateTable", func() error { return dynamodb.CreateTable(context.Background(), nil, "books") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err() == nil {
				t.Fatal("accepted")
			}
		})
	}
}

// TestCreateTableEnablesTTL: local tables expire idempotency records like the
// deployed one (TimeToLiveSpecification in deploy/template.yaml), also when
// CreateTable runs again.
func TestCreateTableEnablesTTL(t *testing.T) {
	t.Parallel()
	srv := dynamotest.Start(t)
	name := dynamotest.NewTable(t, srv.DB)
	ctx := context.Background()
	if err := dynamodb.CreateTable(ctx, srv.DB, name); err != nil {
		t.Fatalf("second CreateTable = %v, want nil", err)
	}
	out, err := srv.DB.Client().DescribeTimeToLive(ctx, &awsdynamodb.DescribeTimeToLiveInput{TableName: aws.String(string(name))})
	if err != nil {
		t.Fatal(err)
	}
	d := out.TimeToLiveDescription
	if d == nil || aws.ToString(d.AttributeName) != dynamodb.TTLAttribute || d.TimeToLiveStatus != types.TimeToLiveStatusEnabled {
		t.Fatalf("time to live = %+v, want %s enabled", d, dynamodb.TTLAttribute)
	}
}
