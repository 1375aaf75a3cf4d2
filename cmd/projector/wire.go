//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
)

// initializeHandler builds the stream handler over the table's projections.
func initializeHandler(ctx context.Context, cfg config) (*dynamodb.ProjectionStreamHandler, error) {
	wire.Build(
		newAWSConfig,
		tableName, dynamoEndpoint, dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.DiscoveryProviderSet,
		app.NewProjector,
		newLogger,
		dynamodb.NewProjectionStreamHandler,
	)
	return nil, nil
}
