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
)

// initializeHandler builds the orders function over DynamoDB.
func initializeHandler(ctx context.Context, cfg config) (*apigw.Handler, error) {
	wire.Build(
		newAWSConfig,
		tableName, dynamoEndpoint, dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.OrderProviderSet,
		system.ProviderSet,
		newCursorCodec,
		shippingPolicy,
		app.NewOrders,
		newLogger,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
	)
	return nil, nil
}
