package main

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	cognitoidp "github.com/bookshop/bookshop/adapters/cognito"
)

// config is the auth function's configuration, read once from the
// environment at start-up; every problem is reported at once.
type config struct {
	Region          string
	UserPoolID      cognitoidp.UserPoolID
	ClientID        cognitoidp.ClientID
	CognitoEndpoint cognitoidp.Endpoint
	AllowedOrigins  []string
	LogLevel        slog.Level
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
		Region:          required("AWS_REGION"),
		UserPoolID:      cognitoidp.UserPoolID(required("BOOKSHOP_USER_POOL_ID")),
		ClientID:        cognitoidp.ClientID(required("BOOKSHOP_USER_POOL_CLIENT_ID")),
		CognitoEndpoint: cognitoidp.Endpoint(strings.TrimSpace(getenv("BOOKSHOP_COGNITO_ENDPOINT"))),
	}
	if e := string(cfg.CognitoEndpoint); e != "" {
		if u, err := url.Parse(e); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			errs = append(errs, fmt.Errorf("BOOKSHOP_COGNITO_ENDPOINT %q is not an http(s) URL", e))
		}
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
