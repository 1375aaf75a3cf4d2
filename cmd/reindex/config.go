package main

import (
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/cmd/internal/envconfig"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// config is reindex's configuration, read once from the environment.
// Every problem is reported at once.
type config struct {
	lambdaenv.AWS
	Table          dynamodb.TableName
	DynamoEndpoint dynamodb.Endpoint
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	env := envconfig.New(getenv)
	cfg := config{
		AWS:            lambdaenv.AWS{Region: env.Required("AWS_REGION")},
		Table:          dynamodb.TableName(env.Required("BOOKSHOP_TABLE")),
		DynamoEndpoint: dynamodb.Endpoint(env.URL("BOOKSHOP_DYNAMODB_ENDPOINT")),
	}
	if err := env.Err(); err != nil {
		return config{}, err
	}
	return cfg, nil
}
