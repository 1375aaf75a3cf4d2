package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/bookshop/bookshop/app"
)

// bookChanges reports committed book changes (the memory and bolt book
// repositories), as a table's stream does on AWS.
type bookChanges interface {
	OnBookChanged(fn func(context.Context, app.BookChange))
}

// projectionHook marks that committed book and order changes feed the
// discovery projections (search index, sales ledger) in-process, as the
// table's stream invokes the projector function on AWS.
type projectionHook struct{}

// newProjectionHook runs the projector synchronously after every committed
// book and order change, so a new book is searchable as soon as it is
// created. The projections live in memory in both storage modes, so it
// then replays the stored books and orders into them (nothing in memory
// mode; a durable store's whole catalog and order history after a
// restart). The hooks come first: a change made during the replay is
// projected once whichever arrives first. The book hook also runs cleanup,
// removing a deleted book's covers and thumbnails as the projector function
// does on AWS (Catalog.DeleteBook has tried already; this is the second
// try). A
// failed projection or removal is logged; the change stands (the memory
// projections do not fail, the object stores are in process).
func newProjectionHook(ctx context.Context, books bookChanges, orders orderChanges, projector *app.Projector,
	cleanup *app.CoverCleanup, replay *app.ProjectionReplay, logger *slog.Logger) (projectionHook, error) {
	books.OnBookChanged(func(ctx context.Context, c app.BookChange) {
		ctx = context.WithoutCancel(ctx)
		if err := errors.Join(projector.BookChanged(ctx, c), cleanup.BookChanged(ctx, c)); err != nil {
			logger.ErrorContext(ctx, "book projection failed", "error", err.Error())
		}
	})
	orders.OnOrderChanged(func(ctx context.Context, c app.OrderChange) {
		if err := projector.OrderChanged(context.WithoutCancel(ctx), c); err != nil {
			logger.ErrorContext(ctx, "order projection failed", "error", err.Error())
		}
	})
	if _, err := replay.Run(ctx); err != nil {
		return projectionHook{}, fmt.Errorf("rebuild the search index and sales ledger: %w", err)
	}
	return projectionHook{}, nil
}
