package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"

	"github.com/bookshop/bookshop/adapters/dynamodb"
)

// newAWSConfig loads credentials the standard way (the function's role on
// Lambda, environment variables locally) for the configured region.
func newAWSConfig(ctx context.Context, cfg config) (aws.Config, error) {
	return awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Region))
}

func tableName(cfg config) dynamodb.TableName     { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }

// newLogger writes JSON lines to stderr, which Lambda ships to CloudWatch.
func newLogger(cfg config) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}
