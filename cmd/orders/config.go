package main

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"

	dynamostore "github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/app"
)

// config is the orders function's configuration, read once from the
// environment at start-up. Every problem is reported at once.
type config struct {
	Region         string
	Table          dynamostore.TableName
	DynamoEndpoint dynamostore.Endpoint
	CursorKey      []byte
	AllowedOrigins []string
	LogLevel       slog.Level
}

// configFromEnv reads the variables documented on the package.
func configFromEnv(getenv func(string) string) (config, error) {
	var errs []error
	required := func(name string) string {
		v := strings.TrimSpace(getenv(name))
		if v == "" {
			errs = append(errs, fmt.Errorf("%s is required", name))
		}
		return v
	}
	cfg := config{
		Region:         required("AWS_REGION"),
		Table:          dynamostore.TableName(required("BOOKSHOP_TABLE")),
		DynamoEndpoint: dynamostore.Endpoint(getenv("BOOKSHOP_DYNAMODB_ENDPOINT")),
		CursorKey:      []byte(required("BOOKSHOP_CURSOR_KEY")),
	}
	if n := len(cfg.CursorKey); n > 0 && n < app.MinCursorKeyLen {
		errs = append(errs, fmt.Errorf("BOOKSHOP_CURSOR_KEY must be at least %d bytes, got %d", app.MinCursorKeyLen, n))
	}
	for _, o := range strings.Split(getenv("BOOKSHOP_CORS_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.AllowedOrigins = append(cfg.AllowedOrigins, o)
		}
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
