package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
)

// newAWSConfig loads credentials the standard way (the function's role on
// Lambda, environment variables locally) for the configured region.
func newAWSConfig(ctx context.Context, cfg config) (aws.Config, error) {
	return awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Region))
}

func userPoolID(cfg config) cognito.UserPoolID    { return cfg.UserPoolID }
func clientID(cfg config) cognito.ClientID        { return cfg.ClientID }
func cognitoEndpoint(cfg config) cognito.Endpoint { return cfg.CognitoEndpoint }
func tableName(cfg config) dynamodb.TableName     { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }
func newAPIConfig(cfg config) apigw.Config        { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }
func newServices(auth *app.Auth) apigw.Services   { return apigw.Services{Auth: auth} }

// newLogger writes JSON lines to stderr, which Lambda ships to CloudWatch.
func newLogger(cfg config) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}
