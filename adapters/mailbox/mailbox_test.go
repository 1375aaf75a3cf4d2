package mailbox_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

func newServer(t *testing.T, capacity int) (*mailbox.Mailbox, *httptest.Server, *mailbox.Client) {
	t.Helper()
	box, err := mailbox.New(apptest.NewClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)), capacity)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle(mailbox.Path, box)
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	c, err := mailbox.NewClient(mailbox.URL(srv.URL+mailbox.Path), srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	return box, srv, c
}

func list(t *testing.T, srv *httptest.Server) []mailbox.Message {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + mailbox.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("GET mailbox = %s %s", resp.Status, resp.Header.Get("Content-Type"))
	}
	var msgs []mailbox.Message
	if err := json.NewDecoder(resp.Body).Decode(&msgs); err != nil {
		t.Fatal(err)
	}
	return msgs
}

func TestClientPostsToMailbox(t *testing.T) {
	_, srv, c := newServer(t, 0)
	if got := list(t, srv); len(got) != 0 {
		t.Fatalf("new mailbox lists %v", got)
	}
	for i := range 3 {
		n := app.Notification{Kind: app.NotificationOrderPlaced, OrderID: domain.OrderID(fmt.Sprint("O", i)), Status: "PENDING",
			TotalCents: 3998, Currency: "USD", Lines: 1, Subject: "Order placed", Text: "2 x Kindred"}
		if err := c.Notify(context.Background(), n); err != nil {
			t.Fatal(err)
		}
	}
	got := list(t, srv)
	if len(got) != 3 || got[0].OrderID != "O2" || got[2].OrderID != "O0" {
		t.Fatalf("mailbox = %+v; want 3 messages, newest first", got)
	}
	if m := got[0]; m.Kind != "order-placed" || m.TotalCents != 3998 || m.Text != "2 x Kindred" || m.ReceivedAt.IsZero() {
		t.Errorf("message = %+v", m)
	}
	if n := got[0].Notification(); n.Kind != app.NotificationOrderPlaced || n.OrderID != "O2" {
		t.Errorf("Notification() = %+v", n)
	}
}

func TestMailboxKeepsTheNewest(t *testing.T) {
	box, _, _ := newServer(t, 2)
	for i := range 5 {
		_ = box.Notify(context.Background(), app.Notification{Kind: app.NotificationOrderPlaced, OrderID: domain.OrderID(fmt.Sprint("O", i))})
	}
	got := box.Messages()
	if len(got) != 2 || got[0].OrderID != "O4" || got[1].OrderID != "O3" {
		t.Fatalf("messages = %+v; want O4, O3", got)
	}
}

func TestMailboxRefusesBadRequests(t *testing.T) {
	_, srv, _ := newServer(t, 0)
	for _, tc := range []struct {
		method, body string
		want         int
	}{
		{http.MethodPost, `not json`, http.StatusBadRequest},
		{http.MethodPost, `{"subject":"no kind"}`, http.StatusBadRequest},
		{http.MethodPost, `{"kind":"order-placed","unknown":1}`, http.StatusBadRequest},
		{http.MethodDelete, ``, http.StatusMethodNotAllowed},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL+mailbox.Path, strings.NewReader(tc.body))
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s %s = %d, want %d", tc.method, tc.body, resp.StatusCode, tc.want)
		}
	}
	c, err := mailbox.NewClient(mailbox.URL(srv.URL+"/elsewhere"), srv.Client())
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Notify(context.Background(), app.Notification{Kind: app.NotificationOrderPlaced}); err == nil {
		t.Error("Notify to a 404 succeeded")
	}
	if _, err := mailbox.NewClient("gateway:8080", nil); err == nil {
		t.Error("NewClient accepted a URL without scheme")
	}
}

// Concurrent posts all land (the race detector checks the locking).
func TestMailboxConcurrentPosts(t *testing.T) {
	_, srv, c := newServer(t, 0)
	const n = 40
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			if err := c.Notify(context.Background(), app.Notification{Kind: app.NotificationOrderPlaced, OrderID: domain.OrderID(fmt.Sprint("O", i))}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := list(t, srv); len(got) != n {
		t.Fatalf("mailbox holds %d messages, want %d", len(got), n)
	}
}
