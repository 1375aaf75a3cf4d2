package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) { dynamotest.Main(m) }

// startOrders builds the function with its wire injector from environment
// variables against a new table of the DynamoDB Local srv, and returns it
// with a book repository and the table.
func startOrders(t *testing.T, srv *dynamotest.Server) (*apigw.Handler, *dynamodb.BookRepository, dynamodb.TableName) {
	t.Helper()
	table := dynamotest.NewTable(t, srv.DB)
	env := validEnv()
	env["BOOKSHOP_TABLE"] = string(table)
	env["BOOKSHOP_DYNAMODB_ENDPOINT"] = string(srv.Endpoint)
	env["LOG_LEVEL"] = "error"
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "dummy", "AWS_SECRET_ACCESS_KEY": "dummy", "AWS_SESSION_TOKEN": "", "AWS_PROFILE": "",
		"AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
	} {
		t.Setenv(k, v)
	}
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	books, err := dynamodb.NewBookRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	return h, books, table
}

// TestOrdersFunction builds the function with its wire injector from
// environment variables against a DynamoDB Local table and drives it with
// API Gateway v2 events carrying JWT authorizer claims.
func TestOrdersFunction(t *testing.T) {
	h, books, _ := startOrders(t, dynamotest.Start(t))
	book, err := domain.NewBook("01KBOOKORDERSFUNCTION00001", domain.BookDetails{
		Title: "Dune", Author: "Frank Herbert", Category: "sf", PriceCents: 1899, Stock: 3,
	}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), book); err != nil {
		t.Fatal(err)
	}

	call := func(method, path, user, body string, headers map[string]string) (int, map[string]any, map[string]string) {
		t.Helper()
		ev := events.APIGatewayV2HTTPRequest{RawPath: path, Body: body, Headers: map[string]string{"content-type": "application/json"}}
		for k, v := range headers {
			ev.Headers[k] = v
		}
		ev.RequestContext.HTTP.Method, ev.RequestContext.HTTP.Path = method, path
		ev.RequestContext.RequestID = "req-1"
		if user != "" {
			ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
				JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": user}},
			}
		}
		resp, err := h.Handle(context.Background(), ev)
		if err != nil {
			t.Fatal(err)
		}
		var v map[string]any
		_ = json.Unmarshal([]byte(resp.Body), &v)
		return resp.StatusCode, v, resp.Headers
	}
	cart := fmt.Sprintf(`{"items":[{"bookId":%q,"qty":2}]}`, book.ID())
	status, order, hdr := call("POST", "/api/orders", "user-a", cart, map[string]string{"idempotency-key": "k1"})
	if status != 201 || order["totalCents"] != float64(2*1899+1000) {
		t.Fatalf("checkout: %d %v", status, order)
	}
	if status, again, _ := call("POST", "/api/orders", "user-a", cart, map[string]string{"idempotency-key": "k1"}); status != 201 || again["id"] != order["id"] {
		t.Fatalf("replay: %d %v", status, again)
	}
	if status, p, _ := call("POST", "/api/orders", "user-a", cart, map[string]string{"idempotency-key": "k2"}); status != 409 {
		t.Fatalf("second checkout with stock 1 left: %d %v", status, p)
	}
	loc := hdr["Location"]
	if status, _, _ := call("GET", loc, "user-b", "", nil); status != 404 {
		t.Fatalf("user B reads A's order: %d", status)
	}
	if status, got, _ := call("POST", loc+"/cancel", "user-a", "", nil); status != 200 || got["status"] != "CANCELLED" {
		t.Fatalf("cancel: %d %v", status, got)
	}
	if b, err := books.Get(context.Background(), book.ID()); err != nil || b.Stock() != 3 || b.Version() != 3 {
		t.Fatalf("book after checkout and cancel: stock %d version %d, %v", b.Stock(), b.Version(), err)
	}
	if status, page, _ := call("GET", "/api/orders", "user-a", "", nil); status != 200 || len(page["items"].([]any)) != 1 {
		t.Fatalf("list: %d %v", status, page)
	}
	// Catalog routes are not this function's.
	if status, _, _ := call("GET", "/api/books", "user-a", "", nil); status != 404 {
		t.Fatalf("GET /api/books on the orders function: %d", status)
	}
}

// functionTimeout is the orders function's timeout in deploy/template.yaml.
const functionTimeout = 10 * time.Second

// checkoutEvent is the API Gateway event of a checkout of qty copies of
// book by user under key.
func checkoutEvent(book domain.BookID, qty int, user, key string) events.APIGatewayV2HTTPRequest {
	path := "/api/orders"
	ev := events.APIGatewayV2HTTPRequest{RawPath: path, Body: fmt.Sprintf(`{"items":[{"bookId":%q,"qty":%d}]}`, book, qty),
		Headers: map[string]string{"content-type": "application/json", "idempotency-key": key}}
	ev.RequestContext.HTTP.Method, ev.RequestContext.HTTP.Path = "POST", path
	ev.RequestContext.RequestID = "req-" + user + "-" + key
	ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
		JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": user}},
	}
	return ev
}

// TestConcurrentCheckoutsOfOneBookNeverOversellNorFail has 50 shoppers
// check out a copy of one book at once, more than its stock, through the
// function as wire builds it, against DynamoDB Local: their transactions
// contend for the book's item. Every answer is a placed order (201), an
// out-of-stock problem (409) or an unavailable problem with Retry-After
// (503) — never a 500 — and the stock is never oversold: what is left is
// the stock minus the orders placed, every 201 names a stored order and no
// other order is stored, and out of stock is only answered once every copy
// is sold.
func TestConcurrentCheckoutsOfOneBookNeverOversellNorFail(t *testing.T) {
	srv := dynamotest.Start(t)
	h, books, table := startOrders(t, srv)
	orders, err := dynamodb.NewOrderRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	const stock, shoppers = 20, 50
	book, err := domain.NewBook("01KBOOKCONTENDED0000000001", domain.BookDetails{
		Title: "Dune", Author: "Frank Herbert", Category: "sf", PriceCents: 1899, Stock: stock,
	}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), book); err != nil {
		t.Fatal(err)
	}

	answers := make([]events.APIGatewayV2HTTPResponse, shoppers)
	var wg sync.WaitGroup
	for i := range shoppers {
		wg.Go(func() {
			ctx, cancel := context.WithTimeout(context.Background(), functionTimeout)
			defer cancel()
			resp, err := h.Handle(ctx, checkoutEvent(book.ID(), 1, fmt.Sprintf("shopper-%02d", i), "key"))
			if err != nil {
				t.Errorf("shopper %d: Handle = %v", i, err)
			}
			answers[i] = resp
		})
	}
	wg.Wait()

	var placed []string
	counts := map[int]int{}
	for i, resp := range answers {
		counts[resp.StatusCode]++
		var body struct {
			ID         string   `json:"id"`
			Type       string   `json:"type"`
			OutOfStock []string `json:"outOfStock"`
		}
		_ = json.Unmarshal([]byte(resp.Body), &body)
		switch {
		case resp.StatusCode == 201 && body.ID != "":
			placed = append(placed, body.ID)
		case resp.StatusCode == 409 && body.Type == apigw.ProblemTypeBase+"out-of-stock" && slices.Equal(body.OutOfStock, []string{string(book.ID())}):
		case resp.StatusCode == 503 && body.Type == apigw.ProblemTypeBase+"unavailable" && resp.Headers["Retry-After"] != "":
		default:
			t.Errorf("shopper %d: %d %v %s, want 201, a 409 out-of-stock or a 503 with Retry-After", i, resp.StatusCode, resp.Headers, resp.Body)
		}
	}
	t.Logf("answers by status: %v", counts)

	b, err := books.Get(context.Background(), book.ID())
	if err != nil {
		t.Fatal(err)
	}
	if len(placed) > stock || b.Stock() != stock-len(placed) || b.Version() != book.Version()+int64(len(placed)) {
		t.Errorf("%d orders placed from a stock of %d; the book has stock %d, version %d", len(placed), stock, b.Stock(), b.Version())
	}
	if counts[409] > 0 && b.Stock() != 0 {
		t.Errorf("%d shoppers were told the book is out of stock while %d copies are left", counts[409], b.Stock())
	}
	page, err := orders.ListByStatus(context.Background(), domain.OrderPending, app.MaxPageSize, "")
	if err != nil {
		t.Fatal(err)
	}
	var stored []string
	for _, o := range page.Orders {
		stored = append(stored, string(o.ID()))
	}
	slices.Sort(placed)
	slices.Sort(stored)
	if !slices.Equal(stored, placed) {
		t.Errorf("stored orders %v, want the %d placed ones %v", stored, len(placed), placed)
	}
}
