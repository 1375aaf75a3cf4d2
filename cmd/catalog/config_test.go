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
		"AWS_REGION":                  "eu-west-1",
		"BOOKSHOP_TABLE":              "bookshop",
		"BOOKSHOP_BUCKET":             "bookshop-covers",
		"BOOKSHOP_CURSOR_KEY":         "0123456789abcdef",
		"BOOKSHOP_DYNAMODB_ENDPOINT":  "http://dynamodb:8000",
		"BOOKSHOP_S3_ENDPOINT":        "http://minio:9000",
		"BOOKSHOP_S3_PUBLIC_ENDPOINT": "http://localhost:9000",
		"BOOKSHOP_S3_PATH_STYLE":      "true",
		"BOOKSHOP_CORS_ORIGINS":       "https://shop.example, http://localhost:8080",
		"LOG_LEVEL":                   "debug",
	}
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(validEnv()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.Table != "bookshop" || cfg.Bucket != "bookshop-covers" ||
		cfg.DynamoEndpoint != "http://dynamodb:8000" || cfg.S3.Endpoint != "http://minio:9000" ||
		cfg.S3.PublicEndpoint != "http://localhost:9000" || !cfg.S3.UsePathStyle ||
		string(cfg.CursorKey) != "0123456789abcdef" || cfg.LogLevel != slog.LevelDebug {
		t.Errorf("config = %+v", cfg)
	}
	if got := strings.Join(cfg.AllowedOrigins, "|"); got != "https://shop.example|http://localhost:8080" {
		t.Errorf("AllowedOrigins = %q", got)
	}
}

func TestConfigFromEnvDefaults(t *testing.T) {
	env := validEnv()
	for _, k := range []string{"BOOKSHOP_DYNAMODB_ENDPOINT", "BOOKSHOP_S3_ENDPOINT", "BOOKSHOP_S3_PUBLIC_ENDPOINT",
		"BOOKSHOP_S3_PATH_STYLE", "BOOKSHOP_CORS_ORIGINS", "LOG_LEVEL"} {
		delete(env, k)
	}
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.DynamoEndpoint != "" || cfg.S3.Endpoint != "" || cfg.S3.UsePathStyle || cfg.AllowedOrigins != nil ||
		cfg.LogLevel != slog.LevelInfo {
		t.Errorf("defaults = %+v; want AWS endpoints, virtual-hosted S3, no CORS, info logs", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := configFromEnv(envOf(map[string]string{
		"BOOKSHOP_CURSOR_KEY":    "short",
		"BOOKSHOP_S3_PATH_STYLE": "maybe",
		"LOG_LEVEL":              "loud",
	}))
	if err == nil {
		t.Fatal("configFromEnv accepted an incomplete environment")
	}
	for _, want := range []string{"AWS_REGION is required", "BOOKSHOP_TABLE is required", "BOOKSHOP_BUCKET is required",
		"BOOKSHOP_CURSOR_KEY must be at least 16 bytes", `BOOKSHOP_S3_PATH_STYLE "maybe"`, `LOG_LEVEL "loud"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}
