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
