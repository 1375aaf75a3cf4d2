package dynamodb_test

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BenchmarkCheckoutConcurrent measures app.Orders.Checkout (idempotency
// lookup, catalog read, one TransactWriteItems) against DynamoDB Local with
// GOMAXPROCS×parallelism concurrent buyers, and reports the latency
// percentiles of single checkouts. "hot-book": every buyer takes the same
// book, so transactions contend for one item; "spread": each buyer has its
// own book.
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench BenchmarkCheckoutConcurrent -benchtime 400x ./adapters/dynamodb/
func BenchmarkCheckoutConcurrent(b *testing.B) {
	for _, bc := range []struct {
		name  string
		books int
	}{{"hot-book", 1}, {"spread", 64}} {
		b.Run(bc.name, func(b *testing.B) {
			srv := dynamotest.Start(b)
			table := dynamotest.NewTable(b, srv.DB)
			books, err := dynamodb.NewBookRepository(srv.DB, table)
			if err != nil {
				b.Fatal(err)
			}
			orderRepo, err := dynamodb.NewOrderRepository(srv.DB, table)
			if err != nil {
				b.Fatal(err)
			}
			ids := system.NewULIDGenerator()
			cursors, err := app.NewCursorCodec([]byte("bench-cursor-key-0123456789"))
			if err != nil {
				b.Fatal(err)
			}
			orders, err := app.NewOrders(orderRepo, books, system.Clock{}, ids, cursors, domain.DefaultShippingPolicy)
			if err != nil {
				b.Fatal(err)
			}
			bookIDs := make([]domain.BookID, bc.books)
			for i := range bookIDs {
				book, err := domain.NewBook(domain.BookID(ids.NewID()), domain.BookDetails{
					Title: fmt.Sprint("Bench ", i), Author: "A", Category: "bench", PriceCents: 1000, Stock: domain.MaxStock,
				}, time.Now())
				if err != nil {
					b.Fatal(err)
				}
				if err := books.Create(context.Background(), book); err != nil {
					b.Fatal(err)
				}
				bookIDs[i] = book.ID()
			}
			b.SetParallelism(4)
			var (
				mu        sync.Mutex
				latencies []time.Duration
				buyer     atomic.Int64
				failures  atomic.Int64
			)
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				n := buyer.Add(1)
				ctx := app.WithPrincipal(context.Background(), app.Principal{UserID: fmt.Sprint("buyer-", n)})
				book := bookIDs[int(n)%len(bookIDs)]
				var mine []time.Duration
				for i := 0; pb.Next(); i++ {
					start := time.Now()
					_, err := orders.Checkout(ctx, fmt.Sprint("key-", i), []domain.CartItem{{BookID: book, Qty: 1}})
					mine = append(mine, time.Since(start))
					if err != nil {
						failures.Add(1)
						b.Error(err)
					}
				}
				mu.Lock()
				latencies = append(latencies, mine...)
				mu.Unlock()
			})
			b.StopTimer()
			slices.Sort(latencies)
			if len(latencies) > 0 {
				pct := func(p float64) float64 {
					return float64(latencies[min(len(latencies)-1, int(p*float64(len(latencies))))].Microseconds()) / 1000
				}
				b.ReportMetric(pct(0.50), "p50-ms")
				b.ReportMetric(pct(0.99), "p99-ms")
			}
			b.ReportMetric(float64(failures.Load()), "failures")
		})
	}
}
