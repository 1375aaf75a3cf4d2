package main

import (
	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/sns"
	"github.com/bookshop/bookshop/cmd/internal/envconfig"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

// config is the notifier's configuration, read once from the environment at
// start-up. Every problem is reported at once.
type config struct {
	lambdaenv.AWS
	// Exactly one of Topic (AWS) and Mailbox (local stack) is set.
	Topic       sns.TopicARN
	SNSEndpoint sns.Endpoint
	Mailbox     mailbox.URL
	// MailboxSecret goes with every post to Mailbox.
	MailboxSecret mailbox.Secret
	lambdaenv.Logging
	Traces tracing.Config
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	env := envconfig.New(getenv)
	cfg := config{
		AWS:           lambdaenv.AWS{Region: env.Required("AWS_REGION")},
		Topic:         sns.TopicARN(env.Optional("BOOKSHOP_TOPIC_ARN")),
		SNSEndpoint:   sns.Endpoint(env.URL("BOOKSHOP_SNS_ENDPOINT")),
		Mailbox:       mailbox.URL(env.URL("BOOKSHOP_MAILBOX_URL")),
		MailboxSecret: mailbox.Secret(env.Optional("BOOKSHOP_MAILBOX_SECRET")),
		Logging:       lambdaenv.Logging{LogLevel: env.LogLevel("LOG_LEVEL")},
		Traces:        tracing.ConfigFromEnv(env),
	}
	switch {
	case cfg.Topic == "" && cfg.Mailbox == "":
		env.Fail("BOOKSHOP_TOPIC_ARN (AWS) or BOOKSHOP_MAILBOX_URL (local) is required")
	case cfg.Topic != "" && cfg.Mailbox != "":
		env.Fail("set only one of BOOKSHOP_TOPIC_ARN and BOOKSHOP_MAILBOX_URL")
	case cfg.Mailbox != "" && cfg.MailboxSecret == "":
		env.Fail("BOOKSHOP_MAILBOX_SECRET is required with BOOKSHOP_MAILBOX_URL: the mailbox refuses posts without it")
	}
	if err := env.Err(); err != nil {
		return config{}, err
	}
	return cfg, nil
}
