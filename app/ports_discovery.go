package app

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// SearchQuery asks a SearchIndex for one page of matching books.
type SearchQuery struct {
	Terms SearchTerms
	// Category restricts the search to one category; the zero value
	// searches every category.
	Category domain.Category
	// Limit is the page size, 1 to MaxSearchPageSize.
	Limit int
	// After is the index's position token from a previous page's Next, or
	// "" for the first page. Tokens only return to the index that issued
	// them, for the same Terms and Category.
	After string
}

// SearchPage is one page of search hits, best first.
type SearchPage struct {
	BookIDs []domain.BookID
	// Next is the position token of the following page, "" when no match
	// follows. An index may end a page early, with fewer than Limit hits
	// (even none) and a Next, when it read its budget of entries: pages
	// stay cheap whatever the query.
	Next string
}

// SearchIndex is the full-text index of the catalog, kept current from the
// books' changes (see Projector).
//
// Implementations must be safe for concurrent use. Every failure is an
// infrastructure error, except malformed position tokens (domain.ErrInvalid).
type SearchIndex interface {
	// Index stores doc, replacing the book's previous document, unless the
	// index holds the book at doc.Version or later, or holds its removal:
	// then it changes nothing. Indexing is idempotent, so a redelivered
	// change is harmless.
	Index(ctx context.Context, doc SearchDocument) error
	// Remove drops the book, which was deleted at version, and remembers
	// the removal so that a late or redelivered Index of that version or an
	// older one changes nothing. Removing a book the index never held is
	// not an error.
	Remove(ctx context.Context, id domain.BookID, version int64) error
	// Search returns the books whose documents match q.Terms, in the
	// order of their SearchRank under q.Terms.DrivingKey(). Pages never
	// overlap.
	Search(ctx context.Context, q SearchQuery) (SearchPage, error)
}

// SalesPeriod is the time span of a best-seller list. The zero value is
// not valid.
type SalesPeriod string

// Best-seller periods.
const (
	// SalesAllTime counts every order.
	SalesAllTime SalesPeriod = "all"
	// SalesLast30Days counts the orders placed on the last 30 days (UTC
	// calendar days, today included).
	SalesLast30Days SalesPeriod = "30d"
)

// SalesDays is how many calendar days SalesLast30Days spans.
const SalesDays = 30

// Sale is an order as the sales ledger counts it.
type Sale struct {
	OrderID domain.OrderID
	// PlacedAt is when the order was placed: the day it counts on.
	PlacedAt time.Time
	Lines    []SaleLine
}

// SaleLine is one book of a sale. Category is the book's category when the
// order was placed (zero when the book was gone by then).
type SaleLine struct {
	BookID   domain.BookID
	Category domain.Category
	Qty      int
}

// BestSellersQuery asks for the books that sold most.
type BestSellersQuery struct {
	// Category restricts the list to the books sold while in that category;
	// the zero value lists every category.
	Category domain.Category
	Period   SalesPeriod
	Limit    int
	// Now ends SalesLast30Days.
	Now time.Time
}

// BookCount is a book and how often it counted: units sold for best
// sellers, orders shared for also-bought.
type BookCount struct {
	BookID domain.BookID
	Count  int64
}

// SalesLedger counts the units sold of each book and which books were
// bought together, from orders placed and cancelled.
//
// Recording is exactly once per order and transition, whatever the number
// of deliveries: a stream redelivers changes, and a replayed batch must
// change nothing. Implementations must be safe for concurrent use; every
// failure is an infrastructure error.
type SalesLedger interface {
	// RecordPlaced counts s: each line's quantity for its book (all time,
	// in its category, on the day of PlacedAt) and, for every two books of
	// s, one order bought together. A second RecordPlaced of the same order
	// changes nothing, even after RecordCancelled.
	RecordPlaced(ctx context.Context, s Sale) error
	// RecordCancelled takes back exactly what RecordPlaced counted for the
	// order, once. It changes nothing when the order was never counted.
	RecordCancelled(ctx context.Context, id domain.OrderID) error
	// BestSellers returns up to q.Limit books with more than zero units
	// sold in the query's period and category, most first; ties by book id.
	BestSellers(ctx context.Context, q BestSellersQuery) ([]BookCount, error)
	// AlsoBought returns up to limit other books bought in the same orders
	// as id (orders not cancelled), the most shared orders first; ties by
	// book id.
	AlsoBought(ctx context.Context, id domain.BookID, limit int) ([]BookCount, error)
}

// BookBatchReader is an optional extension of BookRepository: one call for
// many books. Discovery uses it when the repository has it, and reads the
// books one by one otherwise.
type BookBatchReader interface {
	// GetBooks returns the books with the given ids that exist, in any
	// order; missing ones are left out. Reads may lag writes by a moment.
	GetBooks(ctx context.Context, ids []domain.BookID) ([]domain.Book, error)
}

// TopBookCounts returns the at most limit positive counts, highest first,
// ties by book id: the order of every ranking a SalesLedger returns.
func TopBookCounts(counts map[domain.BookID]int64, limit int) []BookCount {
	out := make([]BookCount, 0, len(counts))
	for id, n := range counts {
		if n > 0 {
			out = append(out, BookCount{BookID: id, Count: n})
		}
	}
	slices.SortFunc(out, func(a, b BookCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.BookID, b.BookID))
	})
	return out[:min(limit, len(out))]
}
