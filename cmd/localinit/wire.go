//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// initializeStack builds the stack initializer over DynamoDB, S3, Cognito
// and HTTP.
func initializeStack(ctx context.Context, cfg config) (*stack, error) {
	wire.Build(
		wire.FieldsOf(new(config), "AWS", "Logging"), lambdaenv.Set,
		dynamoEndpoint, dynamodb.ClientSet,
		s3Options, s3.NewClient,
		cognitoEndpoint, userPoolID, clientID, cognito.ProviderSet,
		newHTTPClient,
		wire.Struct(new(stack), "cfg", "db", "s3", "http", "idp", "log"),
	)
	return nil, nil
}
