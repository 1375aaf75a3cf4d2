package memory

import (
	"context"
	"slices"
	"sync"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// SalesLedger keeps every recorded sale and whether it was cancelled, and
// computes rankings from them when asked. Recording is keyed by order, so
// redelivered changes count once.
type SalesLedger struct {
	mu    sync.RWMutex
	sales map[domain.OrderID]*recordedSale
}

type recordedSale struct {
	sale      app.Sale
	cancelled bool
}

var _ app.SalesLedger = (*SalesLedger)(nil)

// NewSalesLedger returns an empty ledger.
func NewSalesLedger() *SalesLedger {
	return &SalesLedger{sales: make(map[domain.OrderID]*recordedSale)}
}

// RecordPlaced implements app.SalesLedger.
func (l *SalesLedger) RecordPlaced(_ context.Context, s app.Sale) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.sales[s.OrderID]; !ok {
		s.Lines = slices.Clone(s.Lines)
		l.sales[s.OrderID] = &recordedSale{sale: s}
	}
	return nil
}

// RecordCancelled implements app.SalesLedger.
func (l *SalesLedger) RecordCancelled(_ context.Context, id domain.OrderID) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.sales[id]; ok {
		r.cancelled = true
	}
	return nil
}

// salesDay returns the UTC calendar day of t.
func salesDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// BestSellers implements app.SalesLedger.
func (l *SalesLedger) BestSellers(_ context.Context, q app.BestSellersQuery) ([]app.BookCount, error) {
	today := salesDay(q.Now)
	first := today.AddDate(0, 0, 1-app.SalesDays)
	counts := map[domain.BookID]int64{}
	l.mu.RLock()
	for _, r := range l.sales {
		if r.cancelled || q.Period == app.SalesLast30Days && (salesDay(r.sale.PlacedAt).Before(first) || salesDay(r.sale.PlacedAt).After(today)) {
			continue
		}
		for _, line := range r.sale.Lines {
			if q.Category.IsZero() || line.Category == q.Category {
				counts[line.BookID] += int64(line.Qty)
			}
		}
	}
	l.mu.RUnlock()
	return app.TopBookCounts(counts, q.Limit), nil
}

// AlsoBought implements app.SalesLedger.
func (l *SalesLedger) AlsoBought(_ context.Context, id domain.BookID, limit int) ([]app.BookCount, error) {
	counts := map[domain.BookID]int64{}
	l.mu.RLock()
	for _, r := range l.sales {
		if r.cancelled || !slices.ContainsFunc(r.sale.Lines, func(line app.SaleLine) bool { return line.BookID == id }) {
			continue
		}
		for _, line := range r.sale.Lines {
			if line.BookID != id {
				counts[line.BookID]++
			}
		}
	}
	l.mu.RUnlock()
	return app.TopBookCounts(counts, limit), nil
}
