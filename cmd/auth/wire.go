//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeHandler builds the auth function over the Cognito user pool,
// with sign-in attempts and profiles in DynamoDB.
func initializeHandler(ctx context.Context, cfg config) (*apigw.Handler, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging", "UserPoolID", "ClientID", "CognitoEndpoint", "Table", "DynamoEndpoint"), lambdaenv.Set,
		cognito.ProviderSet,
		dynamodb.ClientSet, dynamodb.AuthSet,
		system.ProviderSet,
		app.NewAuth,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
	)
	return nil, nil
}
