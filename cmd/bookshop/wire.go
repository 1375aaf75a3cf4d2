//go:build wireinject

package main

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/adapters/filestore"
	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
)

// shopSet is the embedded server over whichever storage set is chosen:
// the use cases, handlers, identity provider, hooks and routes.
var shopSet = wire.NewSet(
	system.ProviderSet,
	newCursorCodec,
	app.NewCatalog,
	app.NewReviews,
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
	app.NewAuth,
	newVerifier,
	newAuthorizer,
	newAdminAccount,
	newMailbox,
	newNotificationHook,
	discoverySet,
	newBackupRoute,
	newServer,
)

// discoverySet is search, best sellers and also-bought in either storage
// mode: the projections live in memory and newProjectionHook keeps them
// current (and, over a durable store, rebuilds them at start-up).
var discoverySet = wire.NewSet(
	memory.NewSearchIndex,
	wire.Bind(new(app.SearchIndex), new(*memory.SearchIndex)),
	memory.NewSalesLedger,
	wire.Bind(new(app.SalesLedger), new(*memory.SalesLedger)),
	app.NewProjector, app.NewCoverCleanup,
	app.NewProjectionReplay,
	app.NewDiscovery,
	newProjectionHook,
)

// memorySet keeps everything in process memory (BOOKSHOP_DATA_DIR=memory).
var memorySet = wire.NewSet(
	newMemorySigningKey,
	memory.NewBookRepository,
	wire.Bind(new(app.BookRepository), new(*memory.BookRepository)),
	wire.Bind(new(bookChanges), new(*memory.BookRepository)),
	newObjectStore,
	wire.Bind(new(app.ObjectStore), new(*memory.ObjectStore)),
	wire.Bind(new(objectServer), new(*memory.ObjectStore)),
	memory.NewReviewRepository,
	wire.Bind(new(app.ReviewRepository), new(*memory.ReviewRepository)),
	memory.NewOrderRepository,
	wire.Bind(new(app.OrderRepository), new(*memory.OrderRepository)),
	wire.Bind(new(orderChanges), new(*memory.OrderRepository)),
	localidp.NewMemoryStore,
	wire.Bind(new(localidp.Store), new(*localidp.MemoryStore)),
	memory.NewProfileRepository,
	wire.Bind(new(app.ProfileRepository), new(*memory.ProfileRepository)),
	memory.NewAttemptStore,
	wire.Bind(new(app.AttemptStore), new(*memory.AttemptStore)),
	memoryIsFresh,
	noSnapshots,
)

// durableSet keeps everything in the data directory: one bbolt file and the
// objects directory.
var durableSet = wire.NewSet(
	openDatabase,
	wire.Bind(new(snapshotter), new(*bolt.DB)),
	durableIsFresh,
	newDurableSigningKey,
	bolt.NewBookRepository,
	wire.Bind(new(app.BookRepository), new(*bolt.BookRepository)),
	wire.Bind(new(bookChanges), new(*bolt.BookRepository)),
	newFileObjectStore,
	wire.Bind(new(app.ObjectStore), new(*filestore.ObjectStore)),
	wire.Bind(new(objectServer), new(*filestore.ObjectStore)),
	bolt.NewReviewRepository,
	wire.Bind(new(app.ReviewRepository), new(*bolt.ReviewRepository)),
	bolt.NewOrderRepository,
	wire.Bind(new(app.OrderRepository), new(*bolt.OrderRepository)),
	wire.Bind(new(orderChanges), new(*bolt.OrderRepository)),
	newIdentityStore,
	wire.Bind(new(localidp.Store), new(*localidp.BoltStore)),
	bolt.NewProfileRepository,
	wire.Bind(new(app.ProfileRepository), new(*bolt.ProfileRepository)),
	bolt.NewAttemptStore,
	wire.Bind(new(app.AttemptStore), new(*bolt.AttemptStore)),
)

// initializeMemoryServer builds the embedded server over in-memory
// adapters.
func initializeMemoryServer(ctx context.Context, cfg config) (*server, func(), error) {
	wire.Build(memorySet, shopSet)
	return nil, nil, nil
}

// initializeDurableServer builds the embedded server over the data
// directory's adapters; the cleanup closes them.
func initializeDurableServer(ctx context.Context, cfg config) (*server, func(), error) {
	wire.Build(durableSet, shopSet)
	return nil, nil, nil
}
