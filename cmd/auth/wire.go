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
)

// initializeHandler builds the auth function over the Cognito user pool,
// with sign-in attempts and profiles in DynamoDB.
func initializeHandler(ctx context.Context, cfg config) (*apigw.Handler, error) {
	wire.Build(
		newAWSConfig,
		userPoolID, clientID, cognitoEndpoint, cognito.ProviderSet,
		tableName, dynamoEndpoint, dynamodb.ClientSet, dynamodb.AuthSet,
		system.ProviderSet,
		app.NewAuth,
		newLogger,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
	)
	return nil, nil
}
