package main

import (
	"log/slog"
	"strings"
	"testing"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigFromEnv(t *testing.T) {
	cfg, err := configFromEnv(envOf(map[string]string{
		"AWS_REGION": "eu-west-1", "BOOKSHOP_TOPIC_ARN": "arn:aws:sns:eu-west-1:123456789012:OrderNotifications",
		"BOOKSHOP_SNS_ENDPOINT": "http://sns:9911", "LOG_LEVEL": "debug",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Region != "eu-west-1" || cfg.Topic == "" || cfg.SNSEndpoint != "http://sns:9911" || cfg.Mailbox != "" || cfg.LogLevel != slog.LevelDebug {
		t.Errorf("config = %+v", cfg)
	}
}

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := configFromEnv(envOf(map[string]string{"LOG_LEVEL": "loud"}))
	if err == nil {
		t.Fatal("configFromEnv accepted an incomplete environment")
	}
	for _, want := range []string{"AWS_REGION is required", "BOOKSHOP_TOPIC_ARN (AWS) or BOOKSHOP_MAILBOX_URL", `LOG_LEVEL "loud"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	_, err = configFromEnv(envOf(map[string]string{"AWS_REGION": "x", "BOOKSHOP_TOPIC_ARN": "arn:aws:sns:x:1:t", "BOOKSHOP_MAILBOX_URL": "http://gw/_local/mailbox"}))
	if err == nil || !strings.Contains(err.Error(), "only one") {
		t.Errorf("topic and mailbox together: %v", err)
	}
}

// The handler is built without any network access, so a cold start does
// not wait on SNS.
func TestInitializeHandlerNeedsNoNetwork(t *testing.T) {
	cfg, err := configFromEnv(envOf(map[string]string{
		"AWS_REGION": "us-east-1", "BOOKSHOP_TOPIC_ARN": "arn:aws:sns:us-east-1:123456789012:OrderNotifications",
		"BOOKSHOP_SNS_ENDPOINT": "http://127.0.0.1:1",
	}))
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("AWS_ACCESS_KEY_ID", "test")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "test")
	if _, err := initializeHandler(t.Context(), cfg); err != nil {
		t.Fatalf("initializeHandler = %v", err)
	}
}

// TestMailboxNeedsItsSecret: a mailbox URL without the mailbox's secret is a
// configuration error, since the mailbox refuses posts without it.
func TestMailboxNeedsItsSecret(t *testing.T) {
	_, err := configFromEnv(envOf(map[string]string{"AWS_REGION": "x", "BOOKSHOP_MAILBOX_URL": "http://gw/_local/mailbox"}))
	if err == nil || !strings.Contains(err.Error(), "BOOKSHOP_MAILBOX_SECRET") {
		t.Errorf("mailbox without a secret: %v", err)
	}
}
