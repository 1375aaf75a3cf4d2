package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
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
