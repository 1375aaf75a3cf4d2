package main

import (
	"log/slog"
	"strings"
	"testing"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func validEnv() map[string]string {
	return map[string]string{
		"AWS_REGION":                 "eu-west-1",
		"BOOKSHOP_TABLE":             "bookshop",
		"BOOKSHOP_BUCKET":            "bookshop-covers",
		"BOOKSHOP_DYNAMODB_ENDPOINT": "http://dynamodb:8000",
		"BOOKSHOP_S3_ENDPOINT":       "http://minio:9000",
		"BOOKSHOP_S3_PATH_STYLE":     "true",
		"LOG_LEVEL":                  "debug",
	}
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(validEnv()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.Table != "bookshop" || cfg.Bucket != "bookshop-covers" ||
		cfg.DynamoEndpoint != "http://dynamodb:8000" || cfg.S3.Endpoint != "http://minio:9000" ||
		!cfg.S3.UsePathStyle || cfg.LogLevel != slog.LevelDebug {
		t.Errorf("config = %+v", cfg)
	}
}

func TestConfigFromEnvDefaults(t *testing.T) {
	env := validEnv()
	for _, k := range []string{"BOOKSHOP_DYNAMODB_ENDPOINT", "BOOKSHOP_S3_ENDPOINT", "BOOKSHOP_S3_PATH_STYLE", "LOG_LEVEL"} {
		delete(env, k)
	}
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DynamoEndpoint != "" || cfg.S3.Endpoint != "" || cfg.S3.UsePathStyle || cfg.LogLevel != slog.LevelInfo {
		t.Errorf("defaults = %+v; want AWS endpoints, virtual-hosted S3, info logs", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := configFromEnv(envOf(map[string]string{"BOOKSHOP_S3_PATH_STYLE": "maybe", "LOG_LEVEL": "loud"}))
	if err == nil {
		t.Fatal("configFromEnv accepted an incomplete environment")
	}
	for _, want := range []string{"AWS_REGION is required", "BOOKSHOP_TABLE is required", "BOOKSHOP_BUCKET is required",
		`BOOKSHOP_S3_PATH_STYLE "maybe"`, `LOG_LEVEL "loud"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// The handler is built without any network access, so a cold start does
// not wait on (or fail because of) DynamoDB or S3.
func TestInitializeHandlerNeedsNoNetwork(t *testing.T) {
	env := validEnv()
	env["BOOKSHOP_DYNAMODB_ENDPOINT"] = "http://127.0.0.1:1"
	env["BOOKSHOP_S3_ENDPOINT"] = "http://127.0.0.1:1"
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	if _, err := initializeHandler(t.Context(), cfg); err != nil {
		t.Fatalf("initializeHandler with unreachable endpoints = %v", err)
	}
}
