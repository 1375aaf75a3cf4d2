package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/bookshop/bookshop/domain"
)

// BookChange is one change of a stored book, as a change feed reports it:
// the book before (nil when it was created) and after (nil when it was
// deleted).
type BookChange struct {
	Old *domain.Book
	New *domain.Book
}

// Projector keeps the discovery projections current from the changes of
// books (the search index) and orders (the sales ledger). Changes are
// delivered at least once and may be redelivered in batches; both
// projections apply each change once (see SearchIndex and SalesLedger), so
// the Projector may be run again on anything it has seen.
type Projector struct {
	index  SearchIndex
	ledger SalesLedger
	books  BookRepository
}

// NewProjector returns the projector writing to index and ledger; books
// tells the category of a sold book.
func NewProjector(index SearchIndex, ledger SalesLedger, books BookRepository) (*Projector, error) {
	if index == nil || ledger == nil || books == nil {
		return nil, errors.New("app.NewProjector: nil port")
	}
	return &Projector{index: index, ledger: ledger, books: books}, nil
}

// BookChanged indexes a created or changed book and removes a deleted one.
func (p *Projector) BookChanged(ctx context.Context, c BookChange) error {
	switch {
	case c.New != nil:
		if err := p.index.Index(ctx, NewSearchDocument(*c.New)); err != nil {
			return fmt.Errorf("index book %s: %w", c.New.ID(), err)
		}
	case c.Old != nil:
		if err := p.index.Remove(ctx, c.Old.ID(), c.Old.Version()); err != nil {
			return fmt.Errorf("remove book %s from the index: %w", c.Old.ID(), err)
		}
	}
	return nil
}

// CoverCleanup removes the cover objects and thumbnails of deleted books
// when the change feed reports the deletion. Catalog.DeleteBook removes
// them at once, but only as a fast path that may fail: the change feed is
// durable, so this is what guarantees that no deleted book's objects stay
// behind. It runs beside the Projector on the same feed.
type CoverCleanup struct {
	objects ObjectStore
}

// NewCoverCleanup returns the cleanup removing from objects.
func NewCoverCleanup(objects ObjectStore) (*CoverCleanup, error) {
	if objects == nil {
		return nil, errors.New("app.NewCoverCleanup: nil ObjectStore")
	}
	return &CoverCleanup{objects: objects}, nil
}

// BookChanged removes every object under a deleted book's CoverPrefix and
// ThumbnailPrefix; other changes touch nothing. A failure is returned so
// that the change is delivered again; a deleted book's ULID is never
// reused, so removing its prefixes again, or late, touches no other book's
// objects.
func (c *CoverCleanup) BookChanged(ctx context.Context, ch BookChange) error {
	if ch.New != nil || ch.Old == nil {
		return nil
	}
	id := ch.Old.ID()
	if err := errors.Join(
		c.objects.DeletePrefix(ctx, CoverPrefix(id)),
		c.objects.DeletePrefix(ctx, ThumbnailPrefix(id)),
	); err != nil {
		return fmt.Errorf("remove the objects of deleted book %s: %w", id, err)
	}
	return nil
}

// OrderChanged counts a new order as sold and takes a cancelled one back.
// Other changes (status moves that do not cancel) are not sales events.
func (p *Projector) OrderChanged(ctx context.Context, c OrderChange) error {
	if c.New == nil {
		return nil
	}
	if c.Old == nil {
		sale, err := p.sale(ctx, *c.New)
		if err != nil {
			return err
		}
		if err := p.ledger.RecordPlaced(ctx, sale); err != nil {
			return fmt.Errorf("record order %s placed: %w", c.New.ID(), err)
		}
	}
	if c.New.Status() == domain.OrderCancelled && (c.Old == nil || c.Old.Status() != domain.OrderCancelled) {
		if err := p.ledger.RecordCancelled(ctx, c.New.ID()); err != nil {
			return fmt.Errorf("record order %s cancelled: %w", c.New.ID(), err)
		}
	}
	return nil
}

// sale returns the sale of o, with each book's current category (none for
// a book deleted since).
func (p *Projector) sale(ctx context.Context, o domain.Order) (Sale, error) {
	s := Sale{OrderID: o.ID(), PlacedAt: o.CreatedAt()}
	for _, l := range o.Lines() {
		line := SaleLine{BookID: l.BookID, Qty: l.Qty}
		b, err := p.books.Get(ctx, l.BookID)
		switch {
		case err == nil:
			line.Category = b.Category()
		case !errors.Is(err, domain.ErrNotFound):
			return Sale{}, fmt.Errorf("read the category of book %s: %w", l.BookID, err)
		}
		s.Lines = append(s.Lines, line)
	}
	return s, nil
}

// ProjectionReplay fills projections kept in memory beside a durable store
// (the embedded mode): they start empty, are replayed from the store, then
// kept current by the store's change hooks. On AWS the projections are in
// the table and the stream never stops, so nothing replays them.
type ProjectionReplay struct {
	books     BookRepository
	orders    OrderRepository
	projector *Projector
}

// NewProjectionReplay returns the replay of the books and orders stored in
// books and orders through projector.
func NewProjectionReplay(books BookRepository, orders OrderRepository, projector *Projector) (*ProjectionReplay, error) {
	if books == nil || orders == nil || projector == nil {
		return nil, errors.New("app.NewProjectionReplay: nil port")
	}
	return &ProjectionReplay{books: books, orders: orders, projector: projector}, nil
}

// ReplayCounts is what a replay projected.
type ReplayCounts struct {
	Books, Orders int
}

// Run projects every stored book and order again, as if each had just been
// created: a cancelled order is counted and taken back. Both projections
// apply each change once, so replaying what they already hold, or a change
// a hook or stream delivers during the replay, changes nothing. The books
// are walked first; a sale counts in its book's current category. It
// returns how many books and orders it projected, also on failure.
func (r *ProjectionReplay) Run(ctx context.Context) (ReplayCounts, error) {
	var n ReplayCounts
	q := BookListQuery{Sort: SortNewest, Limit: MaxPageSize}
	for {
		page, err := r.books.List(ctx, q)
		if err != nil {
			return n, fmt.Errorf("replay books: %w", err)
		}
		for _, b := range page.Books {
			if err := r.projector.BookChanged(ctx, BookChange{New: &b}); err != nil {
				return n, fmt.Errorf("replay books: %w", err)
			}
			n.Books++
		}
		if page.Next == "" {
			break
		}
		q.After = page.Next
	}
	for _, status := range domain.OrderStatuses() {
		after := ""
		for {
			page, err := r.orders.ListByStatus(ctx, status, MaxPageSize, after)
			if err != nil {
				return n, fmt.Errorf("replay %s orders: %w", status, err)
			}
			for _, o := range page.Orders {
				if err := r.projector.OrderChanged(ctx, OrderChange{New: &o}); err != nil {
					return n, fmt.Errorf("replay %s orders: %w", status, err)
				}
				n.Orders++
			}
			if page.Next == "" {
				break
			}
			after = page.Next
		}
	}
	return n, nil
}
