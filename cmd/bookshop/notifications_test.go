package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// mailboxMessage is what GET /_local/mailbox lists.
type mailboxMessage struct {
	Kind, OrderID, Status, PreviousStatus, Subject, Text string
	TotalCents                                           int64
}

func (e embedded) mailbox(t *testing.T) []mailboxMessage {
	t.Helper()
	status, body := e.call(t, "GET", "/_local/mailbox", e.adminToken(t), "")
	if status != http.StatusOK {
		t.Fatalf("GET /_local/mailbox = %d %s", status, body)
	}
	var msgs []mailboxMessage
	if err := json.Unmarshal([]byte(body), &msgs); err != nil {
		t.Fatalf("mailbox %s: %v", body, err)
	}
	return msgs
}

// checkout places an order through the API and returns its id.
func (e embedded) checkout(t *testing.T, token, bookID string, qty int) string {
	t.Helper()
	req, err := http.NewRequest("POST", e.url+"/api/orders", strings.NewReader(fmt.Sprintf(`{"items":[{"bookId":%q,"qty":%d}]}`, bookID, qty)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Idempotency-Key", "checkout-"+bookID)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var order struct{ ID string }
	if resp.StatusCode != http.StatusCreated || json.Unmarshal(body, &order) != nil || order.ID == "" {
		t.Fatalf("checkout = %d %s", resp.StatusCode, body)
	}
	return order.ID
}

// TestEmbeddedOrderNotifications checks out through the API: the embedded
// mailbox shows "order placed" at once (in-process delivery, as the stream
// and the notifier function do on AWS), then "status changed" when an admin
// confirms the order; a book edit notifies nothing.
func TestEmbeddedOrderNotifications(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	admin := e.adminToken(t)
	status, body := e.call(t, "POST", "/api/books", admin, newBook)
	if status != http.StatusCreated {
		t.Fatalf("create book = %d %s", status, body)
	}
	var book struct{ ID string }
	if err := json.Unmarshal([]byte(body), &book); err != nil {
		t.Fatal(err)
	}
	if got := e.mailbox(t); len(got) != 0 {
		t.Fatalf("mailbox before any order = %+v", got)
	}
	reader := e.register(t, "reader@example.com", "Reader-pass-1")

	orderID := e.checkout(t, reader.AccessToken, book.ID, 2)
	msgs := e.mailbox(t)
	if len(msgs) != 1 || msgs[0].Kind != "order-placed" || msgs[0].OrderID != orderID || msgs[0].TotalCents != 2*1499+1000 ||
		!strings.Contains(msgs[0].Subject, "Order placed") || !strings.Contains(msgs[0].Text, "2 x Kindred") {
		t.Fatalf("mailbox after checkout = %+v; want one order-placed message", msgs)
	}

	if status, body := e.call(t, "POST", "/api/admin/orders/"+orderID+"/status", admin, `{"status":"CONFIRMED"}`); status != http.StatusOK {
		t.Fatalf("confirm order = %d %s", status, body)
	}
	msgs = e.mailbox(t)
	if len(msgs) != 2 || msgs[0].Kind != "order-status-changed" || msgs[0].Status != "CONFIRMED" || msgs[0].PreviousStatus != "PENDING" {
		t.Fatalf("mailbox after confirming = %+v; want the status change first", msgs)
	}
}
