package main

import (
	"context"
	"log/slog"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
)

// projectionHook marks that committed book and order changes feed the
// discovery projections (search index, sales ledger) in-process, as the
// table's stream invokes the projector function on AWS.
type projectionHook struct{}

// newProjectionHook runs the projector synchronously after every committed
// book and order change, so a new book is searchable as soon as it is
// created. A failed projection is logged; the change stands (the memory
// projections do not fail).
func newProjectionHook(books *memory.BookRepository, orders *memory.OrderRepository, projector *app.Projector, logger *slog.Logger) projectionHook {
	books.OnBookChanged(func(ctx context.Context, c app.BookChange) {
		if err := projector.BookChanged(context.WithoutCancel(ctx), c); err != nil {
			logger.ErrorContext(ctx, "book projection failed", "error", err.Error())
		}
	})
	orders.OnOrderChanged(func(ctx context.Context, c app.OrderChange) {
		if err := projector.OrderChanged(context.WithoutCancel(ctx), c); err != nil {
			logger.ErrorContext(ctx, "order projection failed", "error", err.Error())
		}
	})
	return projectionHook{}
}
