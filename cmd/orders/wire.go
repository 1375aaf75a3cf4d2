//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the orders function over DynamoDB.
func initializeHandler(ctx context.Context, cfg config) (*apigw.Handler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging", "Table", "DynamoEndpoint"), lambdaenv.Set,
		dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.OrderProviderSet,
		system.ProviderSet,
		newCursorCodec,
		shippingPolicy,
		app.NewOrders,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
	)
	return nil, nil
}
