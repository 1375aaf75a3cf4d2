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

// initializeReplay builds the replay of the table's books and orders into
// its projections.
func initializeReplay(ctx context.Context, cfg config) (*app.ProjectionReplay, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Table", "DynamoEndpoint"), lambdaenv.Set,
		dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.OrderProviderSet, dynamodb.DiscoveryProviderSet,
		app.NewProjector,
		app.NewProjectionReplay,
	)
	return nil, nil
}
