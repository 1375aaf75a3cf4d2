package main

import (
	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/app"
)

func tableName(cfg config) dynamodb.TableName             { return cfg.Table }
func dynamoEndpoint(cfg config) dynamodb.Endpoint         { return cfg.DynamoEndpoint }
func bucketName(cfg config) s3.BucketName                 { return cfg.Bucket }
func s3Options(cfg config) s3.Options                     { return cfg.S3 }
func newCursorCodec(cfg config) (*app.CursorCodec, error) { return app.NewCursorCodec(cfg.CursorKey) }
func newAPIConfig(cfg config) apigw.Config                { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// newServices: the catalog function serves the catalog routes, the books'
// reviews and discovery (search, best sellers, also-bought).
func newServices(catalog *app.Catalog, reviews *app.Reviews, discovery *app.Discovery) apigw.Services {
	return apigw.Services{Catalog: catalog, Reviews: reviews, Discovery: discovery}
}
