//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the stream handler over the table's projections
// and the covers bucket.
func initializeHandler(ctx context.Context, cfg config) (*dynamodb.ProjectionStreamHandler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging", "Table", "DynamoEndpoint", "Bucket", "S3"), lambdaenv.Set,
		dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.DiscoveryProviderSet,
		s3.ClientSet, s3.ProviderSet,
		app.NewProjector, app.NewCoverCleanup,
		dynamodb.NewProjectionStreamHandler,
	)
	return nil, nil
}
