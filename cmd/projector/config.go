package main

import (
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/cmd/internal/envconfig"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

// config is the projector's configuration, read once from the environment
// at start-up. Every problem is reported at once.
type config struct {
	lambdaenv.AWS
	Table          dynamodb.TableName
	DynamoEndpoint dynamodb.Endpoint
	Bucket         s3.BucketName
	S3             s3.Options
	lambdaenv.Logging
	Traces tracing.Config
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	env := envconfig.New(getenv)
	cfg := config{
		AWS:            lambdaenv.AWS{Region: env.Required("AWS_REGION")},
		Table:          dynamodb.TableName(env.Required("BOOKSHOP_TABLE")),
		DynamoEndpoint: dynamodb.Endpoint(env.URL("BOOKSHOP_DYNAMODB_ENDPOINT")),
		Bucket:         s3.BucketName(env.Required("BOOKSHOP_BUCKET")),
		// The projector presigns nothing: no public endpoint.
		S3: s3.Options{
			Endpoint:     env.URL("BOOKSHOP_S3_ENDPOINT"),
			UsePathStyle: env.Bool("BOOKSHOP_S3_PATH_STYLE"),
		},
		Logging: lambdaenv.Logging{LogLevel: env.LogLevel("LOG_LEVEL")},
		Traces:  tracing.ConfigFromEnv(env),
	}
	if err := env.Err(); err != nil {
		return config{}, err
	}
	return cfg, nil
}
