//go:build wireinject

package main

//go:generate go tool wire

import (
	"context"

	"github.com/google/wire"

	cognitoidp "github.com/bookshop/bookshop/adapters/cognito"
	dynamostore "github.com/bookshop/bookshop/adapters/dynamodb"
	s3store "github.com/bookshop/bookshop/adapters/s3"
)

// initializeStack builds the stack initializer over DynamoDB, S3, Cognito
// and HTTP.
func initializeStack(ctx context.Context, cfg config) (*stack, error) {
	wire.Build(
		newAWSConfig,
		dynamoEndpoint, dynamostore.ClientSet,
		s3Options, s3store.NewClient,
		cognitoEndpoint, userPoolID, clientID, cognitoidp.ProviderSet,
		newHTTPClient,
		newLogger,
		wire.Struct(new(stack), "cfg", "db", "s3", "http", "idp", "log"),
	)
	return nil, nil
}
