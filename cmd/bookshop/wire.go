//go:build wireinject

package main

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/adapters/localidp"
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
		memory.NewReviewRepository,
		wire.Bind(new(app.ReviewRepository), new(*memory.ReviewRepository)),
		memory.NewProfileRepository,
		wire.Bind(new(app.ProfileRepository), new(*memory.ProfileRepository)),
		app.NewReviews,
		memory.NewOrderRepository,
		wire.Bind(new(app.OrderRepository), new(*memory.OrderRepository)),
		shippingPolicy,
		app.NewOrders,
		newLogger,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
		imaging.ProviderSet,
		app.NewThumbnails,
		newThumbnailHook,
		newIdentityOptions,
		localidp.ProviderSet,
		memory.NewAttemptStore,
		wire.Bind(new(app.AttemptStore), new(*memory.AttemptStore)),
		app.NewAuth,
		newVerifier,
		newAuthorizer,
		newAdminAccount,
		newMailbox,
		newNotificationHook,
		newServer,
	)
	return nil, nil
}
