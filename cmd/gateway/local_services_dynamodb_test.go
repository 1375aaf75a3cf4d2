package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) { os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))()) }

// TestGatewayStreamsToMailbox runs the local stack's notification path in
// one process: an order placed in DynamoDB Local appears on the table's
// stream; the gateway's poller (from the template's DynamoDB event of
// NotifierFunction) invokes the function through the gateway's own Invoke
// API and a fake RIE endpoint running the notifier's handler, which posts
// to the gateway's mailbox; GET /_local/mailbox then lists "order placed".
func TestGatewayStreamsToMailbox(t *testing.T) {
	ddb := dynamotest.Start(t)
	table := dynamotest.NewTable(t, ddb.DB)
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

	ts := httptest.NewUnstartedServer(nil)
	gatewayURL := "http://" + ts.Listener.Addr().String()
	notifier, err := mailbox.NewClient(mailbox.URL(gatewayURL+mailbox.Path), "s3cret", nil)
	if err != nil {
		t.Fatal(err)
	}
	notifications, err := app.NewOrderNotifications(notifier)
	if err != nil {
		t.Fatal(err)
	}
	h, err := dynamodb.NewOrderStreamHandler(notifications, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	fn := rietest.New(t, rietest.JSON(h.Handle))

	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	gw, _, err := emulator.New(emulator.Config{Template: tmpl, Endpoints: map[string][]string{"NotifierFunction": {fn.URL}}, Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	runCtx, stop := context.WithCancel(ctx)
	t.Cleanup(stop)
	handler, err := startLocalServices(runCtx, streamsConfig{Tables: map[string]string{"ShopTable": string(table)}, Endpoint: string(ddb.Endpoint), PollInterval: 100 * time.Millisecond,
		MailboxSecret: "s3cret"}, "us-east-1", tmpl, gw, adminVerifier, ts.Listener.Addr(), slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug})))
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = handler
	ts.Start()
	t.Cleanup(ts.Close)

	books, err := dynamodb.NewBookRepository(ddb.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := dynamodb.NewOrderRepository(ddb.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	book, err := domain.NewBook("01JBOOKGATEWAYSTREAM000001", domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "sf", PriceCents: 1499, Stock: 50}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(ctx, book); err != nil {
		t.Fatal(err)
	}
	placed := map[string]bool{}
	placeOrder := func(n int) {
		id := domain.OrderID(fmt.Sprintf("01JORDERGATEWAYSTREAM%05d", n))
		order, err := domain.NewOrder(id, "user-1",
			[]domain.OrderLine{{BookID: book.ID(), Title: book.Title(), UnitPrice: book.Price(), Qty: 1}}, domain.DefaultShippingPolicy, now)
		if err != nil {
			t.Fatal(err)
		}
		rec := app.IdempotencyRecord{UserID: "user-1", Key: string(id), RequestHash: "h", OrderID: id, ExpiresAt: now.Add(time.Hour)}
		if err := orders.PlaceOrder(ctx, order, rec, now); err != nil {
			t.Fatal(err)
		}
		placed[string(id)] = true
	}

	// The template starts at LATEST, so an order placed before the poller
	// opened the stream is (rightly) never delivered: place one per second
	// until the first notification arrives.
	var msgs []struct{ Kind, OrderID string }
	deadline := time.Now().Add(20 * time.Second)
	for i := 0; len(msgs) == 0; i++ {
		if time.Now().After(deadline) {
			t.Fatalf("no message in the gateway's mailbox; the function was invoked %d times", fn.Invocations())
		}
		if i%20 == 0 {
			placeOrder(i / 20)
		}
		time.Sleep(50 * time.Millisecond)
		req, _ := http.NewRequest(http.MethodGet, gatewayURL+mailbox.Path, nil)
		req.Header.Set("Authorization", "Bearer admin")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&msgs)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	if msgs[0].Kind != "order-placed" || !placed[msgs[0].OrderID] {
		t.Fatalf("mailbox = %+v", msgs)
	}
}
