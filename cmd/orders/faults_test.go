package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// checkoutTimeout is the function's timeout in this test: shorter than the
// template's 10 s to keep it quick.
const checkoutTimeout = 4 * time.Second

// TestCheckoutWhileDynamoDBIsPaused freezes DynamoDB Local during a
// checkout: the shopper gets a 503 problem with Retry-After before the
// function's timeout, never a 500. Once DynamoDB runs again, the same
// checkout (same Idempotency-Key) succeeds without restarting anything, and
// the stock was taken exactly once for exactly one order, whether or not
// the paused transaction was applied when DynamoDB resumed: no order
// without its stock, no stock without its order.
func TestCheckoutWhileDynamoDBIsPaused(t *testing.T) {
	srv, fault := dynamotest.Own(t)
	h, books, table := startOrders(t, srv)
	orders, err := dynamodb.NewOrderRepository(srv.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	book, err := domain.NewBook("01KBOOKFAULTS0000000000001", domain.BookDetails{
		Title: "Dune", Author: "Frank Herbert", Category: "sf", PriceCents: 1899, Stock: 5,
	}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), book); err != nil {
		t.Fatal(err)
	}

	// checkout invokes the function as Lambda does, with its deadline.
	checkout := func(key string) (int, map[string]string, string, time.Duration) {
		t.Helper()
		ev := checkoutEvent(book.ID(), 2, "user-a", key)
		ctx, cancel := context.WithTimeout(context.Background(), checkoutTimeout)
		defer cancel()
		start := time.Now()
		resp, err := h.Handle(ctx, ev)
		if err != nil {
			t.Fatal(err)
		}
		return resp.StatusCode, resp.Headers, resp.Body, time.Since(start)
	}

	fault.Pause()
	status, hdr, body, elapsed := checkout("paused-key")
	fault.Unpause()
	if status != 503 || hdr["Content-Type"] != "application/problem+json" || hdr["Retry-After"] == "" || strings.Contains(body, "DynamoDB") {
		t.Errorf("checkout while DynamoDB is paused: %d %v %s, want a 503 problem with Retry-After", status, hdr, body)
	}
	if elapsed > checkoutTimeout {
		t.Errorf("answered after %v, beyond the function's %v timeout", elapsed, checkoutTimeout)
	}

	status, _, body, _ = checkout("paused-key")
	var order struct {
		ID string `json:"id"`
	}
	if status != 201 || json.Unmarshal([]byte(body), &order) != nil || order.ID == "" {
		t.Fatalf("the same checkout once DynamoDB is back: %d %s, want 201", status, body)
	}
	b, err := books.Get(context.Background(), book.ID())
	if err != nil {
		t.Fatal(err)
	}
	page, err := orders.ListByUser(context.Background(), "user-a", app.MaxPageSize, "")
	if err != nil {
		t.Fatal(err)
	}
	if b.Stock() != 3 || len(page.Orders) != 1 || string(page.Orders[0].ID()) != order.ID {
		t.Errorf("after the paused checkout and its retry: stock %d (want 5-2), %d orders (want 1, %s)", b.Stock(), len(page.Orders), order.ID)
	}
}
