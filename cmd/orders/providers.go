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
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// newAWSConfig loads credentials the standard way (the function's role on
// Lambda, environment variables locally) for the configured region.
func newAWSConfig(ctx context.Context, cfg config) (aws.Config, error) {
	return awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Region))
}

func tableName(cfg config) dynamodb.TableName             { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint         { return cfg.DynamoEndpoint }
func newCursorCodec(cfg config) (*app.CursorCodec, error) { return app.NewCursorCodec(cfg.CursorKey) }
func newAPIConfig(cfg config) apigw.Config                { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// shippingPolicy is the shop's shipping policy.
func shippingPolicy() domain.ShippingPolicy { return domain.DefaultShippingPolicy }

// newLogger writes JSON lines to stderr, which Lambda ships to CloudWatch.
func newLogger(cfg config) *slog.Logger {
	// Each line carries the invocation's request id and X-Ray trace id.
	return slog.New(lambdalog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel})))
}

// newServices: the orders function serves the order routes only.
func newServices(orders *app.Orders) apigw.Services { return apigw.Services{Orders: orders} }
