package main

import (
	"context"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/sns"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// newNotifier returns the mailbox client when a mailbox is configured (the
// local stack), else the SNS topic's publisher, with credentials loaded the
// standard way (the function's role on Lambda). No request is sent.
func newNotifier(ctx context.Context, cfg config) (app.Notifier, error) {
	if cfg.Mailbox != "" {
		return mailbox.NewClient(cfg.Mailbox, cfg.MailboxSecret, nil)
	}
	awsCfg, err := lambdaenv.NewAWSConfig(ctx, cfg.AWS)
	if err != nil {
		return nil, err
	}
	return sns.NewNotifier(sns.NewClient(awsCfg, cfg.SNSEndpoint), cfg.Topic)
}
