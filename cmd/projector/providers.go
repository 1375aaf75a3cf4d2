package main

import (
	"github.com/bookshop/bookshop/adapters/dynamodb"
)

func tableName(cfg config) dynamodb.TableName     { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }
