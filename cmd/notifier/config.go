package main

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/sns"
)

// config is the notifier's configuration, read once from the environment at
// start-up. Every problem is reported at once.
type config struct {
	Region string
	// Exactly one of Topic (AWS) and Mailbox (local stack) is set.
	Topic       sns.TopicARN
	SNSEndpoint sns.Endpoint
	Mailbox     mailbox.URL
	LogLevel    slog.Level
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	var errs []error
	cfg := config{
		Region:      strings.TrimSpace(getenv("AWS_REGION")),
		Topic:       sns.TopicARN(strings.TrimSpace(getenv("BOOKSHOP_TOPIC_ARN"))),
		SNSEndpoint: sns.Endpoint(strings.TrimSpace(getenv("BOOKSHOP_SNS_ENDPOINT"))),
		Mailbox:     mailbox.URL(strings.TrimSpace(getenv("BOOKSHOP_MAILBOX_URL"))),
	}
	if cfg.Region == "" {
		errs = append(errs, errors.New("AWS_REGION is required"))
	}
	switch {
	case cfg.Topic == "" && cfg.Mailbox == "":
		errs = append(errs, errors.New("BOOKSHOP_TOPIC_ARN (AWS) or BOOKSHOP_MAILBOX_URL (local) is required"))
	case cfg.Topic != "" && cfg.Mailbox != "":
		errs = append(errs, errors.New("set only one of BOOKSHOP_TOPIC_ARN and BOOKSHOP_MAILBOX_URL"))
	}
	if v := getenv("LOG_LEVEL"); v != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(v)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL %q: %w", v, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return config{}, fmt.Errorf("configuration: %w", err)
	}
	return cfg, nil
}
