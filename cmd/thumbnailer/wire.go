//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/s3event"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the thumbnailer over DynamoDB and S3.
func initializeHandler(ctx context.Context, cfg config) (*s3event.Handler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging", "Table", "DynamoEndpoint", "Bucket", "S3"), lambdaenv.Set,
		dynamodb.ClientSet,
		dynamodb.NewBookRepository, wire.Bind(new(app.BookRepository), new(*dynamodb.BookRepository)),
		s3.ClientSet, s3.ProviderSet,
		imaging.ProviderSet,
		wire.Value(system.Clock{}), wire.Bind(new(app.Clock), new(system.Clock)),
		app.NewThumbnails,
		eventBucket,
		s3event.ProviderSet,
	)
	return nil, nil
}
