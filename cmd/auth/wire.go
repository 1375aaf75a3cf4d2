//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/app"
)

// initializeHandler builds the auth function over the Cognito user pool.
func initializeHandler(ctx context.Context, cfg config) (*apigw.Handler, error) {
	wire.Build(
		newAWSConfig,
		userPoolID, clientID, cognitoEndpoint, cognito.ProviderSet,
		app.NewAuth,
		newLogger,
		newAPIConfig,
		newServices,
		apigw.NewHandler,
	)
	return nil, nil
}
