package main

import (
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
)

func tableName(cfg config) dynamodb.TableName     { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint { return cfg.DynamoEndpoint }
func bucketName(cfg config) s3.BucketName         { return cfg.Bucket }
func s3Options(cfg config) s3.Options             { return cfg.S3 }
