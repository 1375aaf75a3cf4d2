package main

import (
	"context"
	"log/slog"
	"os"

	awsconfig "github.com/aws/aws-sdk-go-v2/config"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/sns"
	"github.com/bookshop/bookshop/app"
)

// newNotifier returns the mailbox client when a mailbox is configured (the
// local stack), else the SNS topic's publisher, with credentials loaded the
// standard way (the function's role on Lambda). No request is sent.
func newNotifier(ctx context.Context, cfg config) (app.Notifier, error) {
	if cfg.Mailbox != "" {
		return mailbox.NewClient(cfg.Mailbox, cfg.MailboxSecret, nil)
	}
	awsCfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(cfg.Region))
	if err != nil {
		return nil, err
	}
	return sns.NewNotifier(sns.NewClient(awsCfg, cfg.SNSEndpoint), cfg.Topic)
}

// newLogger writes JSON lines to stderr, which Lambda ships to CloudWatch.
func newLogger(cfg config) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}
