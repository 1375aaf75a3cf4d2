package main

import (
	"encoding/json"
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

// checkout places an order of one book through the API, with the
// Idempotency-Key "checkout-<bookID>", and returns its id.
func (e embedded) checkout(t *testing.T, token, bookID string, qty int) string {
	t.Helper()
	return e.checkoutLines(t, token, "checkout-"+bookID, map[string]int{bookID: qty})
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
