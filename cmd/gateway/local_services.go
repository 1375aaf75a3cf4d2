package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/cmd/gateway/internal/streams"
)

// streamsConfig configures the stand-in for the template's DynamoDB event
// source mappings:
//
//	BOOKSHOP_TABLES                "ShopTable=bookshop" (table logical id → name); unset: no stream is polled
//	BOOKSHOP_DYNAMODB_ENDPOINT     DynamoDB Local, e.g. http://dynamodb:8000 (required with BOOKSHOP_TABLES)
//	BOOKSHOP_STREAM_POLL_INTERVAL  pause between two polls of a stream (default 1s)
//
// and the mailbox's:
//
//	BOOKSHOP_MAILBOX_SECRET        the secret the notifier function sends with its posts (unset: no posts)
type streamsConfig struct {
	Tables       map[string]string
	Endpoint     string
	PollInterval time.Duration
	// MailboxSecret lets the notifier function post to the mailbox.
	MailboxSecret mailbox.Secret
}

// streamsConfigFromEnv reads streamsConfig; every problem is reported.
func streamsConfigFromEnv(getenv func(string) string) (streamsConfig, error) {
	cfg := streamsConfig{Tables: map[string]string{}, Endpoint: strings.TrimSpace(getenv("BOOKSHOP_DYNAMODB_ENDPOINT")), PollInterval: time.Second,
		MailboxSecret: mailbox.Secret(getenv("BOOKSHOP_MAILBOX_SECRET"))}
	var errs []error
	for item := range strings.SplitSeq(getenv("BOOKSHOP_TABLES"), ";") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		id, name, ok := strings.Cut(item, "=")
		id, name = strings.TrimSpace(id), strings.TrimSpace(name)
		if !ok || id == "" || name == "" {
			errs = append(errs, fmt.Errorf("BOOKSHOP_TABLES: %q is not LogicalId=table-name", item))
			continue
		}
		cfg.Tables[id] = name
	}
	if len(cfg.Tables) > 0 && cfg.Endpoint == "" {
		errs = append(errs, errors.New("BOOKSHOP_DYNAMODB_ENDPOINT is required with BOOKSHOP_TABLES"))
	}
	if v := getenv("BOOKSHOP_STREAM_POLL_INTERVAL"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Errorf("BOOKSHOP_STREAM_POLL_INTERVAL %q is not a positive duration such as 1s", v))
		}
		cfg.PollInterval = d
	}
	return cfg, errors.Join(errs...)
}

// startLocalServices adds what the local stack needs besides the API: the
// mailbox at /_local/mailbox (the notifier function posts to it with
// cfg.MailboxSecret; administrators list the messages with a token verify
// accepts, the gateway's JWT authorizers) and, when tables are configured,
// the stream poller of tmpl's DynamoDB events, which invokes functions
// through the gateway's own Lambda Invoke API at addr. tmpl is only read when
// tables are configured. The poller stops with ctx.
func startLocalServices(ctx context.Context, cfg streamsConfig, region string, tmpl *samtemplate.Template, api http.Handler, verify mailbox.TokenVerifier,
	addr net.Addr, logger *slog.Logger) (http.Handler, error) {
	box, err := mailbox.New(system.Clock{}, mailbox.DefaultCapacity)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle(mailbox.Path, box.Handler(mailbox.Access{Verify: verify, PostSecret: cfg.MailboxSecret}))
	mux.Handle("/", api)
	if len(cfg.Tables) == 0 {
		return mux, nil
	}
	sources, err := streams.SourcesOf(tmpl)
	if err != nil {
		return nil, err
	}
	awsCfg := aws.Config{Region: region, Credentials: credentials.NewStaticCredentialsProvider("local", "local", "")}
	tables := dynamodb.NewFromConfig(awsCfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(cfg.Endpoint) })
	streamsClient := dynamodbstreams.NewFromConfig(awsCfg, func(o *dynamodbstreams.Options) { o.BaseEndpoint = aws.String(cfg.Endpoint) })
	port := "8080"
	if tcp, ok := addr.(*net.TCPAddr); ok {
		port = strconv.Itoa(tcp.Port)
	}
	invoker := streams.LambdaAPI{BaseURL: "http://127.0.0.1:" + port, Client: &http.Client{Timeout: 5 * time.Minute}}
	poller, warnings, err := streams.New(streams.Config{Sources: sources, Tables: cfg.Tables, Region: region, PollInterval: cfg.PollInterval, Logger: logger},
		tables, streamsClient, invoker)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		logger.Warn(w)
	}
	go func() { _ = poller.Run(ctx) }()
	return mux, nil
}
