package memory_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// OnOrderChanged reports committed changes only, with the order before and
// after, as a DynamoDB stream would; concurrent writers each report theirs.
func TestOrderRepositoryOnOrderChanged(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	books := memory.NewBookRepository()
	orders, err := memory.NewOrderRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var changes []app.OrderChange
	orders.OnOrderChanged(func(_ context.Context, c app.OrderChange) {
		// The hook runs outside the repository's locks: reading is safe.
		if _, err := orders.Get(ctx, c.New.ID()); err != nil {
			t.Errorf("Get inside the hook: %v", err)
		}
		mu.Lock()
		changes = append(changes, c)
		mu.Unlock()
	})
	book, err := domain.NewBook("B1", domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "sf", PriceCents: 1499, Stock: 20}, now)
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(ctx, book); err != nil {
		t.Fatal(err)
	}
	const n = 8
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			id := domain.OrderID("O" + string(rune('A'+i)))
			o, err := domain.NewOrder(id, "user-1", []domain.OrderLine{{BookID: "B1", Title: "Kindred", UnitPrice: book.Price(), Qty: 1}}, domain.DefaultShippingPolicy, now)
			if err != nil {
				t.Error(err)
				return
			}
			if err := orders.PlaceOrder(ctx, o, app.IdempotencyRecord{UserID: "user-1", Key: string(id), OrderID: id, ExpiresAt: now.Add(time.Hour)}, now); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if len(changes) != n {
		t.Fatalf("%d changes after %d orders", len(changes), n)
	}
	for _, c := range changes {
		if c.Old != nil || c.New == nil || c.New.Status() != domain.OrderPending {
			t.Errorf("placing reported %+v", c)
		}
	}

	changes = nil
	if _, err := orders.Update(ctx, "OA", func(o *domain.Order) error { return o.Cancel(domain.ActorOwner, now) }); err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Old.Status() != domain.OrderPending || changes[0].New.Status() != domain.OrderCancelled {
		t.Fatalf("cancelling reported %+v", changes)
	}
	// A refused write reports nothing.
	changes = nil
	refused := errors.New("refused")
	if _, err := orders.Update(ctx, "OA", func(*domain.Order) error { return refused }); !errors.Is(err, refused) {
		t.Fatal(err)
	}
	dup, _ := domain.NewOrder("OA", "user-1", []domain.OrderLine{{BookID: "B1", Title: "Kindred", UnitPrice: book.Price(), Qty: 1}}, domain.DefaultShippingPolicy, now)
	if err := orders.PlaceOrder(ctx, dup, app.IdempotencyRecord{UserID: "user-1", Key: "other", OrderID: "OA", ExpiresAt: now.Add(time.Hour)}, now); err == nil {
		t.Fatal("a duplicate order was placed")
	}
	if len(changes) != 0 {
		t.Fatalf("failed writes reported %+v", changes)
	}
}
