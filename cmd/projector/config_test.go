package main

import (
	"log/slog"
	"testing"
)

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(map[string]string{
		"AWS_REGION": "eu-west-1", "BOOKSHOP_TABLE": "shop", "BOOKSHOP_DYNAMODB_ENDPOINT": "http://dynamodb:8000", "LOG_LEVEL": "debug",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.Table != "shop" || cfg.DynamoEndpoint != "http://dynamodb:8000" || cfg.LogLevel != slog.LevelDebug {
		t.Errorf("config = %+v", cfg)
	}
}
