package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/bookshop/bookshop/domain"
)

// Limits of the discovery listings.
const (
	// MaxSearchPageSize bounds a search page; DefaultSearchPageSize is used
	// when the client names none.
	MaxSearchPageSize     = 50
	DefaultSearchPageSize = 20
	// MaxRankingSize bounds best sellers and also-bought;
	// DefaultBestSellers and DefaultAlsoBought are their default sizes.
	MaxRankingSize     = 50
	DefaultBestSellers = 10
	DefaultAlsoBought  = 5
	// rankingSlack is how many more books a ranking asks the ledger for
	// than it shows, so that books deleted since they sold do not shorten
	// it.
	rankingSlack = 5
)

// Discovery runs the read side of search, best sellers and "customers also
// bought", over projections the Projector keeps current. Results may lag
// the catalog and the orders by the projection's delay.
type Discovery struct {
	index  SearchIndex
	ledger SalesLedger
	books  BookRepository
	// batch is books as a BookBatchReader, nil when it is not one.
	batch   BookBatchReader
	clock   Clock
	cursors *CursorCodec
}

// NewDiscovery returns the discovery use cases.
func NewDiscovery(index SearchIndex, ledger SalesLedger, books BookRepository, clock Clock, cursors *CursorCodec) (*Discovery, error) {
	if index == nil || ledger == nil || books == nil || clock == nil || cursors == nil {
		return nil, errors.New("app.NewDiscovery: nil port")
	}
	d := &Discovery{index: index, ledger: ledger, books: books, clock: clock, cursors: cursors}
	d.batch, _ = books.(BookBatchReader)
	return d, nil
}

// SearchRequest is a client's search, unvalidated.
type SearchRequest struct {
	// Query is the text searched for (see ParseSearchQuery).
	Query string
	// Category is free text normalized like a book's category; "" searches
	// all.
	Category string
	// Limit is the page size; 0 means DefaultSearchPageSize.
	Limit int
	// Cursor is a previous page's NextCursor, or "".
	Cursor string
}

// Search returns one page of the books matching r.Query, best first (see
// search_text.go). A page may hold fewer books than the limit while
// NextCursor is set: the index bounds its work per page, and books deleted
// a moment ago are left out. Invalid parameters are reported together as a
// *domain.ValidationError.
func (d *Discovery) Search(ctx context.Context, r SearchRequest) (BookPage, error) {
	var fields requestFields
	terms, err := ParseSearchQuery(r.Query)
	var verr *domain.ValidationError
	if errors.As(err, &verr) {
		fields = append(fields, verr.Fields...)
	}
	q := SearchQuery{Terms: terms, Category: fields.category(r.Category), Limit: fields.limit(r.Limit, DefaultSearchPageSize, MaxSearchPageSize)}
	scope := "search|" + terms.String() + "|" + q.Category.String()
	if r.Cursor != "" {
		after, err := d.cursors.Decode(scope, r.Cursor)
		if err != nil {
			fields.add("cursor", "is not a cursor issued for this search")
		}
		q.After = after
	}
	if err := fields.err(); err != nil {
		return BookPage{}, err
	}
	page, err := d.index.Search(ctx, q)
	if err != nil {
		return BookPage{}, fmt.Errorf("search: %w", err)
	}
	books, err := d.loadBooks(ctx, page.BookIDs)
	if err != nil {
		return BookPage{}, fmt.Errorf("search: %w", err)
	}
	out := BookPage{Books: books}
	if page.Next != "" {
		out.NextCursor = d.cursors.Encode(scope, page.Next)
	}
	return out, nil
}

// RankedBook is a book of a ranking and its count: units sold (best
// sellers) or orders shared with the book asked about (also-bought).
type RankedBook struct {
	Book  domain.Book
	Count int64
}

// BestSellersRequest is a client's best-seller request, unvalidated.
type BestSellersRequest struct {
	// Category is free text normalized like a book's category; "" lists all.
	Category string
	// Period is "all" (default) or "30d".
	Period string
	// Limit is the list's size; 0 means DefaultBestSellers.
	Limit int
}

// BestSellers returns the books with the most units sold in orders placed
// (in the period) and not cancelled, most first. Invalid parameters are
// reported together as a *domain.ValidationError.
func (d *Discovery) BestSellers(ctx context.Context, r BestSellersRequest) ([]RankedBook, error) {
	var fields requestFields
	q := BestSellersQuery{Category: fields.category(r.Category), Period: SalesAllTime, Now: d.clock.Now()}
	switch SalesPeriod(r.Period) {
	case "", SalesAllTime:
	case SalesLast30Days:
		q.Period = SalesLast30Days
	default:
		fields.add("period", `must be "all" or "30d"`)
	}
	q.Limit = fields.limit(r.Limit, DefaultBestSellers, MaxRankingSize)
	if err := fields.err(); err != nil {
		return nil, err
	}
	want := q.Limit
	q.Limit += rankingSlack
	counts, err := d.ledger.BestSellers(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("best sellers: %w", err)
	}
	return d.ranked(ctx, counts, want)
}

// AlsoBought returns the books most often bought in the same orders as
// the book id (orders not cancelled), best first. It wraps domain.ErrNotFound
// when the book does not exist; limit 0 means DefaultAlsoBought.
func (d *Discovery) AlsoBought(ctx context.Context, id domain.BookID, limit int) ([]RankedBook, error) {
	var fields requestFields
	n := fields.limit(limit, DefaultAlsoBought, MaxRankingSize)
	if err := fields.err(); err != nil {
		return nil, err
	}
	if _, err := d.books.Get(ctx, id); err != nil {
		return nil, fmt.Errorf("also bought: %w", err)
	}
	counts, err := d.ledger.AlsoBought(ctx, id, n+rankingSlack)
	if err != nil {
		return nil, fmt.Errorf("also bought: %w", err)
	}
	return d.ranked(ctx, counts, n)
}

// ranked loads the books of counts, keeps their order and at most n of
// those that still exist.
func (d *Discovery) ranked(ctx context.Context, counts []BookCount, n int) ([]RankedBook, error) {
	ids := make([]domain.BookID, len(counts))
	for i, c := range counts {
		ids[i] = c.BookID
	}
	books, err := d.loadBooks(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[domain.BookID]domain.Book, len(books))
	for _, b := range books {
		byID[b.ID()] = b
	}
	out := make([]RankedBook, 0, min(n, len(counts)))
	for _, c := range counts {
		if b, ok := byID[c.BookID]; ok && len(out) < n {
			out = append(out, RankedBook{Book: b, Count: c.Count})
		}
	}
	return out, nil
}

// loadBooks returns the books with the given ids that exist, in the order
// of ids: with one call when the repository is a BookBatchReader, else
// one Get per book.
func (d *Discovery) loadBooks(ctx context.Context, ids []domain.BookID) ([]domain.Book, error) {
	if len(ids) == 0 {
		return []domain.Book{}, nil
	}
	var found []domain.Book
	if d.batch != nil {
		var err error
		if found, err = d.batch.GetBooks(ctx, ids); err != nil {
			return nil, fmt.Errorf("load books: %w", err)
		}
	} else {
		for _, id := range ids {
			b, err := d.books.Get(ctx, id)
			switch {
			case errors.Is(err, domain.ErrNotFound):
				continue
			case err != nil:
				return nil, fmt.Errorf("load books: %w", err)
			}
			found = append(found, b)
		}
	}
	byID := make(map[domain.BookID]domain.Book, len(found))
	for _, b := range found {
		byID[b.ID()] = b
	}
	out := make([]domain.Book, 0, len(ids))
	for _, id := range ids {
		if b, ok := byID[id]; ok {
			out = append(out, b)
		}
	}
	return out, nil
}
