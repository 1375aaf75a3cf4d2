package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/lambdalog"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/app"
)

// newAWSConfig loads credentials the standard way (the function's role on
// Lambda, environment variables locally) for the configured region.
func newAWSConfig(ctx context.Context, cfg config) (aws.Config, error) {
	return awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Region))
}

func tableName(cfg config) dynamodb.TableName             { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint         { return cfg.DynamoEndpoint }
func bucketName(cfg config) s3.BucketName                 { return cfg.Bucket }
func s3Options(cfg config) s3.Options                     { return cfg.S3 }
func newCursorCodec(cfg config) (*app.CursorCodec, error) { return app.NewCursorCodec(cfg.CursorKey) }
func newAPIConfig(cfg config) apigw.Config                { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// newLogger writes JSON lines to stderr, which Lambda ships to CloudWatch.
func newLogger(cfg config) *slog.Logger {
	// Each line carries the invocation's request id and X-Ray trace id.
	return slog.New(lambdalog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel})))
}

// newServices: the catalog function serves the catalog routes and the
// books' reviews.
func newServices(catalog *app.Catalog, reviews *app.Reviews) apigw.Services {
	return apigw.Services{Catalog: catalog, Reviews: reviews}
}
