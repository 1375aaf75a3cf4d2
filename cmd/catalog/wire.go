//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the catalog function over DynamoDB and S3.
func initializeHandler(ctx context.Context, cfg config) (*apigw.Handler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging", "Table", "DynamoEndpoint", "Bucket", "S3"), lambdaenv.Set,
		dynamodb.ClientSet, dynamodb.ProviderSet, dynamodb.ProfileSet, dynamodb.DiscoveryProviderSet,
		s3.ClientSet, s3.ProviderSet,
		system.ProviderSet,
		newCursorCodec,
		app.NewCatalog,
		app.NewReviews,
		app.NewDiscovery,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
	)
	return nil, nil
}
