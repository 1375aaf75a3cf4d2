package apigw_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// recordedMetrics is an app.Metrics that keeps what it is given.
type recordedMetrics struct {
	mu     sync.Mutex
	values []string
}

func (m *recordedMetrics) Record(_ context.Context, metric app.Metric, v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.values = append(m.values, fmt.Sprintf("%s=%v", metric.Name, v))
}

func TestCheckoutRecordsOrdersPlacedTheirValueReplaysAndStockRefusals(t *testing.T) {
	f := newOrderFixture(t)
	m := &recordedMetrics{}
	f.handler.SetMetrics(m)
	body := fmt.Sprintf(`{"items":[{"bookId":%q,"qty":2}]}`, f.dune.ID())
	wantStatus(t, f.checkout(t, "user-a", "k1", body), 201)
	wantStatus(t, f.checkout(t, "user-a", "k1", body), 201)
	wantStatus(t, f.checkout(t, "user-a", "k2", fmt.Sprintf(`{"items":[{"bookId":%q,"qty":5}]}`, f.kind.ID())), 409)
	total := f.orderTotal(t)
	diff(t, "metrics", []string{"OrdersPlaced=1", fmt.Sprintf("OrderValueCents=%d", total), "IdempotentReplays=1",
		"CheckoutRefusedForStock=1"}, m.values)
}

// orderTotal returns the total of the only order.
func (f *orderFixture) orderTotal(t *testing.T) int64 {
	t.Helper()
	ids := f.allOrders(t)
	if len(ids) != 1 {
		t.Fatalf("%d orders", len(ids))
	}
	o, err := f.orders.Get(context.Background(), domain.OrderID(ids[0]))
	if err != nil {
		t.Fatal(err)
	}
	return o.Total().Cents()
}
