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
		"BOOKSHOP_CURSOR_KEY":        "0123456789abcdef",
		"BOOKSHOP_DYNAMODB_ENDPOINT": "http://dynamodb:8000",
		"BOOKSHOP_CORS_ORIGINS":      "https://shop.example, http://localhost:8080",
		"LOG_LEVEL":                  "debug",
	}
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(validEnv()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.Table != "bookshop" || cfg.DynamoEndpoint != "http://dynamodb:8000" ||
		string(cfg.CursorKey) != "0123456789abcdef" || cfg.LogLevel != slog.LevelDebug ||
		strings.Join(cfg.AllowedOrigins, "|") != "https://shop.example|http://localhost:8080" {
		t.Errorf("config = %+v", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	env := validEnv()
	delete(env, "AWS_REGION")
	delete(env, "BOOKSHOP_TABLE")
	env["BOOKSHOP_CURSOR_KEY"] = "short"
	env["LOG_LEVEL"] = "loud"
	_, err := configFromEnv(envOf(env))
	if err == nil {
		t.Fatal("configFromEnv accepted a broken environment")
	}
	for _, want := range []string{"AWS_REGION", "BOOKSHOP_TABLE", "BOOKSHOP_CURSOR_KEY", "LOG_LEVEL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %s", err, want)
		}
	}
}
