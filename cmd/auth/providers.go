package main

import (
	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
)

func userPoolID(cfg config) cognito.UserPoolID    { return cfg.UserPoolID }
func clientID(cfg config) cognito.ClientID        { return cfg.ClientID }
func cognitoEndpoint(cfg config) cognito.Endpoint { return cfg.CognitoEndpoint }
func tableName(cfg config) dynamodb.TableName     { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }
func newAPIConfig(cfg config) apigw.Config        { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }
func newServices(auth *app.Auth) apigw.Services   { return apigw.Services{Auth: auth} }
