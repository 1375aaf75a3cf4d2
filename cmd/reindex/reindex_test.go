package main

import (
	"context"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) { dynamotest.Main(m) }

// TestReindexRebuildsTheProjections writes books and orders into a table of
// DynamoDB Local with nothing projecting them (as before the projector was
// deployed), runs the command as an operator would, and finds the books by
// search and the sales in the best sellers (a cancelled order counts
// nothing); a second run changes nothing.
func TestReindexRebuildsTheProjections(t *testing.T) {
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	ctx := context.Background()
	now := time.Now().UTC()

	books, err := dynamodb.NewBookRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := dynamodb.NewOrderRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	var stored []domain.Book
	for i, title := range []string{"The Lighthouse Keeper", "Lighthouse Recipes", "Quiet Harbours"} {
		b, err := domain.NewBook(domain.BookID("B"+strings.Repeat("0", i+1)), domain.BookDetails{
			Title: title, Author: "Ada Reyes", Category: "Fiction", PriceCents: 1500, Stock: 10,
		}, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := books.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		stored = append(stored, b)
	}
	place := func(id string, qty int, bs ...domain.Book) {
		t.Helper()
		var lines []domain.OrderLine
		for _, b := range bs {
			lines = append(lines, domain.OrderLine{BookID: b.ID(), Title: b.Title(), UnitPrice: b.Price(), Qty: qty})
		}
		o, err := domain.NewOrder(domain.OrderID(id), "user-1", lines, domain.DefaultShippingPolicy, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := orders.PlaceOrder(ctx, o, app.IdempotencyRecord{UserID: "user-1", Key: id, OrderID: o.ID(), ExpiresAt: now.Add(time.Hour)}, now); err != nil {
			t.Fatal(err)
		}
	}
	place("O1", 2, stored[0], stored[1])
	place("O2", 1, stored[0])
	place("O3", 3, stored[2])
	if _, err := orders.Update(ctx, "O3", func(o *domain.Order) error { return o.Cancel(domain.ActorOwner, now) }); err != nil {
		t.Fatal(err)
	}

	discovery := newDiscovery(t, srv, table)
	if page, err := discovery.Search(ctx, app.SearchRequest{Query: "lighthouse"}); err != nil || len(page.Books) != 0 {
		t.Fatalf("search before the reindex = %d books, %v; want none (nothing projected yet)", len(page.Books), err)
	}

	t.Setenv("AWS_ACCESS_KEY_ID", "local")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	env := map[string]string{
		"AWS_REGION": dynamotest.Region, "BOOKSHOP_TABLE": string(table), "BOOKSHOP_DYNAMODB_ENDPOINT": string(srv.Endpoint),
	}
	for run := range 2 {
		if err := runCommand(env); err != nil {
			t.Fatalf("run %d: %v", run+1, err)
		}
		page, err := discovery.Search(ctx, app.SearchRequest{Query: "lighthouse"})
		if err != nil {
			t.Fatal(err)
		}
		var titles []string
		for _, b := range page.Books {
			titles = append(titles, b.Title())
		}
		slices.Sort(titles)
		if want := []string{"Lighthouse Recipes", "The Lighthouse Keeper"}; !slices.Equal(titles, want) {
			t.Fatalf("run %d: search lighthouse = %q, want %q", run+1, titles, want)
		}
		best, err := discovery.BestSellers(ctx, app.BestSellersRequest{})
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]int64{}
		for _, r := range best {
			got[r.Book.Title()] = r.Count
		}
		want := map[string]int64{"The Lighthouse Keeper": 3, "Lighthouse Recipes": 2}
		if len(got) != len(want) || got["The Lighthouse Keeper"] != 3 || got["Lighthouse Recipes"] != 2 {
			t.Fatalf("run %d: best sellers = %v, want %v (the cancelled order counts nothing)", run+1, got, want)
		}
	}
}

// TestReindexRefusesAnIncompleteEnvironment: without a table or region it
// names what is missing and touches nothing.
func TestReindexRefusesAnIncompleteEnvironment(t *testing.T) {
	err := runCommand(map[string]string{})
	if err == nil || !strings.Contains(err.Error(), "AWS_REGION") || !strings.Contains(err.Error(), "BOOKSHOP_TABLE") {
		t.Fatalf("run without settings = %v; want both variables named", err)
	}
}

// TestReindexNeedsOnlyItsDocumentedActions keeps the package doc's list of
// IAM actions equal to what dynamodb.IAMActions says the methods reindex
// calls need.
func TestReindexNeedsOnlyItsDocumentedActions(t *testing.T) {
	methods := []string{
		"BookRepository.List", "BookRepository.Get", "OrderRepository.ListByStatus",
		"SearchIndex.Index", "SalesLedger.RecordPlaced", "SalesLedger.RecordCancelled",
	}
	var need []string
	for _, m := range methods {
		actions, ok := dynamodb.IAMActions[m]
		if !ok {
			t.Fatalf("dynamodb.IAMActions has no %s", m)
		}
		for _, a := range actions {
			need = append(need, strings.TrimPrefix(a, "dynamodb:"))
		}
	}
	slices.Sort(need)
	need = slices.Compact(need)

	src, err := os.ReadFile("main.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Join(strings.Fields(strings.ReplaceAll(string(src), "//", "")), " ")
	m := regexp.MustCompile(`dynamodb:([A-Za-z, ]+?) and ([A-Za-z]+) \(`).FindStringSubmatch(doc)
	if m == nil {
		t.Fatal("main.go's doc lists no dynamodb: actions")
	}
	documented := append(strings.Split(m[1], ", "), m[2])
	slices.Sort(documented)
	if !slices.Equal(documented, need) {
		t.Fatalf("main.go documents %v; the methods reindex calls need %v", documented, need)
	}
}

// runCommand runs the command with env as its whole environment.
func runCommand(env map[string]string) error {
	return run(func(k string) string { return env[k] })
}

func newDiscovery(t *testing.T, srv *dynamotest.Server, table dynamodb.TableName) *app.Discovery {
	t.Helper()
	books, err := dynamodb.NewBookRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	index, err := dynamodb.NewSearchIndex(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	ledger, err := dynamodb.NewSalesLedger(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	cursors, err := app.NewCursorCodec([]byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := app.NewDiscovery(index, ledger, books, apptest.NewClock(time.Now()), cursors)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
