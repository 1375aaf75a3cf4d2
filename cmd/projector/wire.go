//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the stream handler over the table's projections.
func initializeHandler(ctx context.Context, cfg config) (*dynamodb.ProjectionStreamHandler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging"), lambdaenv.Set,
		tableName, dynamoEndpoint, dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.DiscoveryProviderSet,
		app.NewProjector,
		dynamodb.NewProjectionStreamHandler,
	)
	return nil, nil
}
