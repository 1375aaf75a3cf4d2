package domain_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/domain"
)

var orderTime = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func usd(cents int64) domain.Money {
	c, _ := domain.ParseCurrency("USD")
	return domain.NewMoney(cents, c)
}

func fieldsOf(t *testing.T, err error) []string {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v is not a *domain.ValidationError", err)
	}
	out := make([]string, len(ve.Fields))
	for i, f := range ve.Fields {
		out[i] = f.Field
	}
	return out
}

func TestValidateCartReportsEveryField(t *testing.T) {
	tooMany := make([]domain.CartItem, domain.MaxOrderLines+1)
	for i := range tooMany {
		tooMany[i] = domain.CartItem{BookID: domain.BookID(fmt.Sprint("b", i)), Qty: 1}
	}
	tests := []struct {
		name  string
		items []domain.CartItem
		want  []string
	}{
		{"empty", nil, []string{"items"}},
		{"too many lines", tooMany, []string{"items"}},
		{"bad quantities and a duplicate", []domain.CartItem{
			{BookID: "a", Qty: 1}, {BookID: "b", Qty: 0}, {BookID: "c", Qty: 11}, {BookID: "a", Qty: 2}, {BookID: "", Qty: 3},
		}, []string{"items[1].qty", "items[2].qty", "items[3].bookId", "items[4].bookId"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, fieldsOf(t, domain.ValidateCart(tt.items))); d != "" {
				t.Errorf("fields (-want +got):\n%s", d)
			}
		})
	}
	if err := domain.ValidateCart([]domain.CartItem{{BookID: "a", Qty: 1}, {BookID: "b", Qty: 10}}); err != nil {
		t.Errorf("valid cart: %v", err)
	}
}

func TestNewOrderPricesAndShips(t *testing.T) {
	tests := []struct {
		name         string
		lines        []domain.OrderLine
		wantShipping int64
	}{
		{"below the threshold pays shipping", []domain.OrderLine{{BookID: "a", Title: "A", UnitPrice: usd(1999), Qty: 2}}, 1000},
		{"exactly 2,000.00 pays shipping", []domain.OrderLine{{BookID: "a", Title: "A", UnitPrice: usd(100_000), Qty: 2}}, 1000},
		{"above 2,000.00 ships free", []domain.OrderLine{
			{BookID: "a", Title: "A", UnitPrice: usd(100_000), Qty: 2}, {BookID: "b", Title: "B", UnitPrice: usd(1), Qty: 1},
		}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := domain.NewOrder("o1", "u1", tt.lines, domain.DefaultShippingPolicy, orderTime)
			if err != nil {
				t.Fatal(err)
			}
			var sub int64
			for _, l := range tt.lines {
				sub += l.UnitPrice.Cents() * int64(l.Qty)
			}
			if o.Subtotal().Cents() != sub || o.Shipping().Cents() != tt.wantShipping || o.Total().Cents() != sub+tt.wantShipping {
				t.Errorf("subtotal %d shipping %d total %d", o.Subtotal().Cents(), o.Shipping().Cents(), o.Total().Cents())
			}
			if o.Status() != domain.OrderPending || o.Version() != 1 || o.Currency().String() != "USD" {
				t.Errorf("status %s version %d currency %s", o.Status(), o.Version(), o.Currency())
			}
		})
	}
}

func TestNewOrderRefusesMixedCurrenciesAndBadLines(t *testing.T) {
	eur, _ := domain.ParseCurrency("EUR")
	_, err := domain.NewOrder("o1", "u1", []domain.OrderLine{
		{BookID: "a", Title: "A", UnitPrice: usd(100), Qty: 1},
		{BookID: "b", Title: "B", UnitPrice: domain.NewMoney(100, eur), Qty: 1},
		{BookID: "c", Title: "", UnitPrice: usd(-1), Qty: 0},
	}, domain.DefaultShippingPolicy, orderTime)
	want := []string{"items[2].qty", "items[1].currency", "items[2].title", "items[2].unitPriceCents"}
	if d := cmp.Diff(want, fieldsOf(t, err)); d != "" {
		t.Errorf("fields (-want +got):\n%s", d)
	}
}

func TestOrderStateMachine(t *testing.T) {
	newPending := func(t *testing.T) domain.Order {
		o, err := domain.NewOrder("o1", "u1", []domain.OrderLine{{BookID: "a", Title: "A", UnitPrice: usd(100), Qty: 1}}, domain.DefaultShippingPolicy, orderTime)
		if err != nil {
			t.Fatal(err)
		}
		return o
	}
	at := func(t *testing.T, path ...domain.OrderStatus) domain.Order {
		o := newPending(t)
		for _, s := range path {
			if err := o.Advance(s, orderTime); err != nil {
				t.Fatal(err)
			}
		}
		return o
	}
	confirmed, shipped, delivered := domain.OrderConfirmed, domain.OrderShipped, domain.OrderDelivered
	tests := []struct {
		name    string
		path    []domain.OrderStatus
		by      domain.OrderActor
		cancel  bool
		to      domain.OrderStatus
		allowed bool
	}{
		{"owner cancels pending", nil, domain.ActorOwner, true, domain.OrderCancelled, true},
		{"owner cannot cancel confirmed", []domain.OrderStatus{confirmed}, domain.ActorOwner, true, domain.OrderCancelled, false},
		{"admin cancels confirmed", []domain.OrderStatus{confirmed}, domain.ActorAdmin, true, domain.OrderCancelled, true},
		{"admin cannot cancel shipped", []domain.OrderStatus{confirmed, shipped}, domain.ActorAdmin, true, domain.OrderCancelled, false},
		{"pending to confirmed", nil, domain.ActorAdmin, false, confirmed, true},
		{"pending cannot skip to shipped", nil, domain.ActorAdmin, false, shipped, false},
		{"confirmed to shipped", []domain.OrderStatus{confirmed}, domain.ActorAdmin, false, shipped, true},
		{"shipped to delivered", []domain.OrderStatus{confirmed, shipped}, domain.ActorAdmin, false, delivered, true},
		{"delivered is final", []domain.OrderStatus{confirmed, shipped, delivered}, domain.ActorAdmin, false, delivered, false},
		{"no going back", []domain.OrderStatus{confirmed}, domain.ActorAdmin, false, domain.OrderPending, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := at(t, tt.path...)
			before := o.Snapshot()
			var err error
			if tt.cancel {
				err = o.Cancel(tt.by, orderTime.Add(time.Hour))
			} else {
				err = o.Advance(tt.to, orderTime.Add(time.Hour))
			}
			if tt.allowed {
				if err != nil || o.Status() != tt.to || o.Version() != before.Version+1 {
					t.Fatalf("err %v status %s version %d", err, o.Status(), o.Version())
				}
				return
			}
			var te *domain.TransitionError
			if !errors.As(err, &te) || !errors.Is(err, domain.ErrConflict) {
				t.Fatalf("err = %v, want a *domain.TransitionError joining ErrConflict", err)
			}
			if d := cmp.Diff(fmt.Sprintf("%+v", before), fmt.Sprintf("%+v", o.Snapshot())); d != "" {
				t.Errorf("refused transition changed the order:\n%s", d)
			}
		})
	}
}

func TestRestoreOrderChecksTheAmounts(t *testing.T) {
	o, err := domain.NewOrder("o1", "u1", []domain.OrderLine{{BookID: "a", Title: "A", UnitPrice: usd(100), Qty: 2}}, domain.DefaultShippingPolicy, orderTime)
	if err != nil {
		t.Fatal(err)
	}
	s := o.Snapshot()
	if _, err := domain.RestoreOrder(s); err != nil {
		t.Fatalf("RestoreOrder of a valid snapshot: %v", err)
	}
	s.Total = usd(1)
	if _, err := domain.RestoreOrder(s); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("RestoreOrder with a wrong total = %v", err)
	}
}

func TestOrderVisibility(t *testing.T) {
	o, err := domain.NewOrder("o1", "u1", []domain.OrderLine{{BookID: "a", Title: "A", UnitPrice: usd(100), Qty: 1}}, domain.DefaultShippingPolicy, orderTime)
	if err != nil {
		t.Fatal(err)
	}
	if !o.VisibleTo("u1", false) || o.VisibleTo("u2", false) || !o.VisibleTo("u2", true) || o.VisibleTo("", false) {
		t.Error("visibility rules broken")
	}
}
