//go:build wireinject

package main

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
)

// initializeServer builds the embedded server over in-memory adapters.
func initializeServer(ctx context.Context, cfg config) (*server, error) {
	wire.Build(
		memory.NewBookRepository,
		wire.Bind(new(app.BookRepository), new(*memory.BookRepository)),
		newObjectStore,
		wire.Bind(new(app.ObjectStore), new(*memory.ObjectStore)),
		system.ProviderSet,
		newCursorCodec,
		app.NewCatalog,
		newLogger,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
		newServer,
	)
	return nil, nil
}
