package main

import (
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"

	dynamostore "github.com/bookshop/bookshop/adapters/dynamodb"
	s3store "github.com/bookshop/bookshop/adapters/s3"
)

// config is the thumbnailer's configuration, read once from the environment
// at start-up. Every problem is reported at once.
type config struct {
	Region         string
	Table          dynamostore.TableName
	DynamoEndpoint dynamostore.Endpoint
	Bucket         s3store.BucketName
	S3             s3store.Options
	LogLevel       slog.Level
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	var errs []error
	required := func(name string) string {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			errs = append(errs, fmt.Errorf("%s is required", name))
		}
		return v
	}
	cfg := config{
		Region:         required("AWS_REGION"),
		Table:          dynamostore.TableName(required("BOOKSHOP_TABLE")),
		DynamoEndpoint: dynamostore.Endpoint(getenv("BOOKSHOP_DYNAMODB_ENDPOINT")),
		Bucket:         s3store.BucketName(required("BOOKSHOP_BUCKET")),
		S3:             s3store.Options{Endpoint: getenv("BOOKSHOP_S3_ENDPOINT")},
	}
	if v := getenv("BOOKSHOP_S3_PATH_STYLE"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			errs = append(errs, fmt.Errorf("BOOKSHOP_S3_PATH_STYLE %q is not a boolean", v))
		}
		cfg.S3.UsePathStyle = b
	}
	if v := getenv("LOG_LEVEL"); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(v)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL %q: %w", v, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return config{}, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}
