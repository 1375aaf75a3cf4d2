package porttest

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// SalesLedger runs the app.SalesLedger contract: every case below as a
// subtest, each with its own ledger. newLedger must return an empty ledger
// that no other test uses.
func SalesLedger(t *testing.T, newLedger func(t *testing.T) app.SalesLedger) {
	runCases(t, newLedger, []suiteCase[app.SalesLedger]{
		{name: "best sellers rank books by units sold, most first", run: testSalesBestSellers},
		{name: "a cancellation takes its units back", run: testSalesCancellation},
		{name: "a category lists the books sold in it", run: testSalesCategory},
		{name: "the last 30 days leave older orders out", run: testSalesLast30Days},
		{name: "also-bought counts the orders shared with the book", run: testSalesAlsoBought},
		{name: "an order of 25 books counts every pair and its cancellation takes them back", run: testSalesLargeOrder},
		{name: "a replayed batch of changes changes nothing", run: testSalesReplay},
		{name: "cancelling an order never counted changes nothing", run: testSalesCancelUnknown},
	})
}

var orderSeq atomic.Int64

func newOrderID() domain.OrderID {
	return domain.OrderID(fmt.Sprintf("%016XO%09X", idRun, orderSeq.Add(1)))
}

// salesNow is the time the ledger's rankings are asked at.
var salesNow = time.Date(2026, 11, 27, 15, 0, 0, 0, time.UTC)

// sale returns a sale placed at placedAt of qty copies of each book, in
// category cat.
func sale(placedAt time.Time, cat string, lines map[domain.BookID]int) app.Sale {
	c, _ := domain.ParseCategory(cat)
	s := app.Sale{OrderID: newOrderID(), PlacedAt: placedAt}
	for id, qty := range lines {
		s.Lines = append(s.Lines, app.SaleLine{BookID: id, Category: c, Qty: qty})
	}
	return s
}

func place(t *testing.T, l app.SalesLedger, sales ...app.Sale) {
	t.Helper()
	for _, s := range sales {
		must(t, l.RecordPlaced(context.Background(), s))
	}
}

func cancel(t *testing.T, l app.SalesLedger, sales ...app.Sale) {
	t.Helper()
	for _, s := range sales {
		must(t, l.RecordCancelled(context.Background(), s.OrderID))
	}
}

func bestSellers(t *testing.T, l app.SalesLedger, period app.SalesPeriod, category string, limit int) []app.BookCount {
	t.Helper()
	q := app.BestSellersQuery{Period: period, Limit: limit, Now: salesNow}
	q.Category, _ = domain.ParseCategory(category)
	got, err := l.BestSellers(context.Background(), q)
	must(t, err)
	return got
}

func alsoBought(t *testing.T, l app.SalesLedger, id domain.BookID, limit int) []app.BookCount {
	t.Helper()
	got, err := l.AlsoBought(context.Background(), id, limit)
	must(t, err)
	return got
}

func wantCounts(t *testing.T, what string, want, got []app.BookCount) {
	t.Helper()
	if want == nil {
		want = []app.BookCount{}
	}
	if got == nil {
		got = []app.BookCount{}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s (-want +got):\n%s", what, d)
	}
}

// count returns a BookCount.
func count(id domain.BookID, n int64) app.BookCount { return app.BookCount{BookID: id, Count: n} }

// newBookIDs returns n new book ids in increasing order.
func newBookIDs(n int) []domain.BookID {
	out := make([]domain.BookID, n)
	for i := range out {
		out[i] = newID()
	}
	return out
}

func testSalesBestSellers(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(4)
	place(t, l,
		sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 2, b[1]: 1}),
		sale(salesNow, "fiction", map[domain.BookID]int{b[1]: 3, b[2]: 1}),
		sale(salesNow, "fiction", map[domain.BookID]int{b[3]: 1}))
	wantCounts(t, "all time", []app.BookCount{count(b[1], 4), count(b[0], 2), count(b[2], 1), count(b[3], 1)}, bestSellers(t, l, app.SalesAllTime, "", 10))
	wantCounts(t, "limit 2", []app.BookCount{count(b[1], 4), count(b[0], 2)}, bestSellers(t, l, app.SalesAllTime, "", 2))
}

func testSalesCancellation(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(3)
	o1 := sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 2, b[1]: 1})
	o2 := sale(salesNow, "fiction", map[domain.BookID]int{b[1]: 3, b[2]: 1})
	place(t, l, o1, o2)
	cancel(t, l, o2)
	wantCounts(t, "after cancelling o2", []app.BookCount{count(b[0], 2), count(b[1], 1)}, bestSellers(t, l, app.SalesAllTime, "", 10))
	wantCounts(t, "30 days after cancelling o2", []app.BookCount{count(b[0], 2), count(b[1], 1)}, bestSellers(t, l, app.SalesLast30Days, "", 10))
	cancel(t, l, o2) // again
	wantCounts(t, "after cancelling o2 twice", []app.BookCount{count(b[0], 2), count(b[1], 1)}, bestSellers(t, l, app.SalesAllTime, "", 10))
}

func testSalesCategory(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(3)
	place(t, l,
		sale(salesNow, "classics", map[domain.BookID]int{b[0]: 1}),
		sale(salesNow, "science-fiction", map[domain.BookID]int{b[1]: 5}),
		sale(salesNow, "classics", map[domain.BookID]int{b[2]: 2}))
	wantCounts(t, "classics", []app.BookCount{count(b[2], 2), count(b[0], 1)}, bestSellers(t, l, app.SalesAllTime, "classics", 10))
	wantCounts(t, "classics, 30 days", []app.BookCount{count(b[2], 2), count(b[0], 1)}, bestSellers(t, l, app.SalesLast30Days, "classics", 10))
	wantCounts(t, "poetry", nil, bestSellers(t, l, app.SalesAllTime, "poetry", 10))
}

func testSalesLast30Days(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(3)
	firstDay := time.Date(2026, 10, 29, 0, 0, 1, 0, time.UTC) // 29 days before salesNow's day
	place(t, l,
		sale(salesNow.AddDate(0, 0, -40), "fiction", map[domain.BookID]int{b[0]: 9}),
		sale(firstDay.Add(-2*time.Second), "fiction", map[domain.BookID]int{b[0]: 1}), // the day before the window
		sale(firstDay, "fiction", map[domain.BookID]int{b[1]: 2}),
		sale(salesNow.Add(-time.Hour), "fiction", map[domain.BookID]int{b[2]: 1}))
	wantCounts(t, "30 days", []app.BookCount{count(b[1], 2), count(b[2], 1)}, bestSellers(t, l, app.SalesLast30Days, "", 10))
	wantCounts(t, "all time", []app.BookCount{count(b[0], 10), count(b[1], 2), count(b[2], 1)}, bestSellers(t, l, app.SalesAllTime, "", 10))
}

func testSalesAlsoBought(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(4)
	o3 := sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 1, b[1]: 1})
	place(t, l,
		sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 1, b[1]: 2}),
		sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 1, b[1]: 1, b[2]: 1}),
		o3,
		sale(salesNow, "fiction", map[domain.BookID]int{b[2]: 1, b[3]: 1}))
	wantCounts(t, "also bought with b0", []app.BookCount{count(b[1], 3), count(b[2], 1)}, alsoBought(t, l, b[0], 10))
	wantCounts(t, "also bought with b2", []app.BookCount{count(b[0], 1), count(b[1], 1), count(b[3], 1)}, alsoBought(t, l, b[2], 10))
	wantCounts(t, "also bought with b2, limit 1", []app.BookCount{count(b[0], 1)}, alsoBought(t, l, b[2], 1))
	cancel(t, l, o3)
	wantCounts(t, "also bought with b0 after a cancellation", []app.BookCount{count(b[1], 2), count(b[2], 1)}, alsoBought(t, l, b[0], 10))
	wantCounts(t, "never sold", nil, alsoBought(t, l, newID(), 10))
}

func testSalesLargeOrder(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(domain.MaxOrderLines)
	lines := map[domain.BookID]int{}
	for i, id := range b {
		lines[id] = 1 + i%3
	}
	big := sale(salesNow, "fiction", lines)
	place(t, l, big)
	got := alsoBought(t, l, b[0], 50)
	if len(got) != len(b)-1 {
		t.Fatalf("also bought with b0: %d books, want %d", len(got), len(b)-1)
	}
	last := alsoBought(t, l, b[len(b)-1], 50)
	if len(last) != len(b)-1 || last[0] != (app.BookCount{BookID: b[0], Count: 1}) {
		t.Fatalf("also bought with the last book: %v", last)
	}
	if top := bestSellers(t, l, app.SalesAllTime, "", 50); len(top) != len(b) {
		t.Fatalf("%d best sellers, want %d", len(top), len(b))
	}
	cancel(t, l, big)
	wantCounts(t, "also bought after the cancellation", nil, alsoBought(t, l, b[7], 50))
	wantCounts(t, "best sellers after the cancellation", nil, bestSellers(t, l, app.SalesAllTime, "", 50))
}

func testSalesReplay(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(3)
	o1 := sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 2, b[1]: 1})
	o2 := sale(salesNow, "fiction", map[domain.BookID]int{b[1]: 1, b[2]: 4})
	batch := func() {
		place(t, l, o1, o2)
		cancel(t, l, o1)
	}
	batch()
	best, also := bestSellers(t, l, app.SalesAllTime, "", 10), alsoBought(t, l, b[1], 10)
	batch()
	wantCounts(t, "best sellers after the replay", best, bestSellers(t, l, app.SalesAllTime, "", 10))
	wantCounts(t, "also bought after the replay", also, alsoBought(t, l, b[1], 10))
	wantCounts(t, "best sellers", []app.BookCount{count(b[2], 4), count(b[1], 1)}, best)
	wantCounts(t, "also bought with b1", []app.BookCount{count(b[2], 1)}, also)
}

func testSalesCancelUnknown(t *testing.T, l app.SalesLedger) {
	b := newBookIDs(1)
	ghost := sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 3})
	cancel(t, l, ghost)
	place(t, l, sale(salesNow, "fiction", map[domain.BookID]int{b[0]: 1}))
	wantCounts(t, "best sellers", []app.BookCount{count(b[0], 1)}, bestSellers(t, l, app.SalesAllTime, "", 10))
}
