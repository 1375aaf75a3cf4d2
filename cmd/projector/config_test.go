package main

import (
	"log/slog"
	"testing"

	"github.com/bookshop/bookshop/adapters/s3"
)

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(map[string]string{
		"AWS_REGION": "eu-west-1", "BOOKSHOP_TABLE": "shop", "BOOKSHOP_DYNAMODB_ENDPOINT": "http://dynamodb:8000", "LOG_LEVEL": "debug",
		"BOOKSHOP_BUCKET": "covers", "BOOKSHOP_S3_ENDPOINT": "http://minio:9000", "BOOKSHOP_S3_PATH_STYLE": "true",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.Table != "shop" || cfg.DynamoEndpoint != "http://dynamodb:8000" || cfg.LogLevel != slog.LevelDebug ||
		cfg.Bucket != "covers" || cfg.S3 != (s3.Options{Endpoint: "http://minio:9000", UsePathStyle: true}) {
		t.Errorf("config = %+v", cfg)
	}
}
