package main

import (
	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/cmd/internal/envconfig"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

// config is the auth function's configuration, read once from the
// environment at start-up; every problem is reported at once.
type config struct {
	lambdaenv.AWS
	UserPoolID      cognito.UserPoolID
	ClientID        cognito.ClientID
	CognitoEndpoint cognito.Endpoint
	// Table and DynamoEndpoint keep sign-in attempts and profiles.
	Table          dynamodb.TableName
	DynamoEndpoint dynamodb.Endpoint
	AllowedOrigins []string
	lambdaenv.Logging
	Traces tracing.Config
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	env := envconfig.New(getenv)
	cfg := config{
		AWS:             lambdaenv.AWS{Region: env.Required("AWS_REGION")},
		UserPoolID:      cognito.UserPoolID(env.Required("BOOKSHOP_USER_POOL_ID")),
		ClientID:        cognito.ClientID(env.Required("BOOKSHOP_USER_POOL_CLIENT_ID")),
		CognitoEndpoint: cognito.Endpoint(env.URL("BOOKSHOP_COGNITO_ENDPOINT")),
		Table:           dynamodb.TableName(env.Required("BOOKSHOP_TABLE")),
		DynamoEndpoint:  dynamodb.Endpoint(env.URL("BOOKSHOP_DYNAMODB_ENDPOINT")),
		AllowedOrigins:  env.List("BOOKSHOP_CORS_ORIGINS"),
		Logging:         lambdaenv.Logging{LogLevel: env.LogLevel("LOG_LEVEL")},
		Traces:          tracing.ConfigFromEnv(env),
	}
	if err := env.Err(); err != nil {
		return config{}, err
	}
	return cfg, nil
}
