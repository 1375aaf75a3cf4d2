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
		"AWS_REGION":                   "eu-west-1",
		"BOOKSHOP_USER_POOL_ID":        "eu-west-1_AbCdEf",
		"BOOKSHOP_USER_POOL_CLIENT_ID": "client123",
		"BOOKSHOP_COGNITO_ENDPOINT":    "http://cognito:9229",
		"BOOKSHOP_TABLE":               "bookshop",
		"BOOKSHOP_CORS_ORIGINS":        "https://shop.example",
		"LOG_LEVEL":                    "debug",
	}
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(validEnv()))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.UserPoolID != "eu-west-1_AbCdEf" || cfg.ClientID != "client123" ||
		cfg.CognitoEndpoint != "http://cognito:9229" || cfg.LogLevel != slog.LevelDebug ||
		len(cfg.AllowedOrigins) != 1 || cfg.AllowedOrigins[0] != "https://shop.example" {
		t.Errorf("config = %+v", cfg)
	}
}

func TestConfigFromEnvDefaults(t *testing.T) {
	env := validEnv()
	for _, k := range []string{"BOOKSHOP_COGNITO_ENDPOINT", "BOOKSHOP_CORS_ORIGINS", "LOG_LEVEL"} {
		delete(env, k)
	}
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.CognitoEndpoint != "" || cfg.AllowedOrigins != nil || cfg.LogLevel != slog.LevelInfo {
		t.Errorf("defaults = %+v; want the AWS endpoint, no CORS, info logs", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := configFromEnv(envOf(map[string]string{"BOOKSHOP_COGNITO_ENDPOINT": "cognito:9229", "LOG_LEVEL": "loud"}))
	if err == nil {
		t.Fatal("configFromEnv accepted an incomplete environment")
	}
	for _, want := range []string{"AWS_REGION is required", "BOOKSHOP_USER_POOL_ID is required",
		"BOOKSHOP_USER_POOL_CLIENT_ID is required", `BOOKSHOP_COGNITO_ENDPOINT "cognito:9229"`, `LOG_LEVEL "loud"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}
