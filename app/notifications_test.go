package app_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// recordingNotifier keeps what it was asked to deliver.
type recordingNotifier struct {
	mu   sync.Mutex
	sent []app.Notification
	err  error
}

func (r *recordingNotifier) Notify(_ context.Context, n app.Notification) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil {
		return r.err
	}
	r.sent = append(r.sent, n)
	return nil
}

func placedOrder(t *testing.T) domain.Order {
	t.Helper()
	usd, _ := domain.ParseCurrency("USD")
	o, err := domain.NewOrder("01JORDER0000000000000000001", "user-1",
		[]domain.OrderLine{{BookID: "B1", Title: "Kindred", UnitPrice: domain.NewMoney(1499, usd), Qty: 2}},
		domain.DefaultShippingPolicy, time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

func TestNotificationFor(t *testing.T) {
	placed := placedOrder(t)
	confirmed := placed
	if err := confirmed.Advance(domain.OrderConfirmed, time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		change   app.OrderChange
		wantKind app.NotificationKind
		wantText string
	}{
		{"new order", app.OrderChange{New: &placed}, app.NotificationOrderPlaced, "placed by user-1: 39.98 USD"},
		{"status changed", app.OrderChange{Old: &placed, New: &confirmed}, app.NotificationOrderStatusChanged, "from PENDING to CONFIRMED"},
		{"same status", app.OrderChange{Old: &placed, New: &placed}, "", ""},
		{"deleted", app.OrderChange{Old: &placed}, "", ""},
		{"nothing", app.OrderChange{}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := app.NotificationFor(tt.change)
			if ok != (tt.wantKind != "") || n.Kind != tt.wantKind {
				t.Fatalf("NotificationFor = %+v, %v; want kind %q", n, ok, tt.wantKind)
			}
			if !ok {
				return
			}
			if n.OrderID != placed.ID() || n.UserID != "user-1" || n.TotalCents != 3998 || n.Currency != "USD" || n.Lines != 1 {
				t.Errorf("facts = %+v", n)
			}
			if !strings.Contains(n.Text, tt.wantText) || !strings.Contains(n.Text, "2 x Kindred") || n.Subject == "" {
				t.Errorf("subject %q, text %q; want it to mention %q", n.Subject, n.Text, tt.wantText)
			}
		})
	}
}

func TestOrderNotificationsHandle(t *testing.T) {
	placed := placedOrder(t)
	rec := &recordingNotifier{}
	u, err := app.NewOrderNotifications(rec)
	if err != nil {
		t.Fatal(err)
	}
	if sent, err := u.Handle(t.Context(), app.OrderChange{New: &placed}); !sent || err != nil {
		t.Fatalf("Handle(new) = %v, %v", sent, err)
	}
	if sent, err := u.Handle(t.Context(), app.OrderChange{Old: &placed, New: &placed}); sent || err != nil {
		t.Fatalf("Handle(unchanged) = %v, %v", sent, err)
	}
	if len(rec.sent) != 1 || rec.sent[0].Kind != app.NotificationOrderPlaced {
		t.Fatalf("sent %+v", rec.sent)
	}
	boom := errors.New("topic unreachable")
	rec.err = boom
	if _, err := u.Handle(t.Context(), app.OrderChange{New: &placed}); !errors.Is(err, boom) {
		t.Fatalf("Handle with a failing notifier = %v, want it wrapped", err)
	}
	if _, err := app.NewOrderNotifications(nil); err == nil {
		t.Fatal("NewOrderNotifications(nil) succeeded")
	}
}
