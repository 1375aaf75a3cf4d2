package main

import (
	"log/slog"

	cognitoidp "github.com/bookshop/bookshop/adapters/cognito"
	"github.com/bookshop/bookshop/cmd/internal/envconfig"
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
	env := envconfig.New(getenv)
	cfg := config{
		Region:          env.Required("AWS_REGION"),
		UserPoolID:      cognitoidp.UserPoolID(env.Required("BOOKSHOP_USER_POOL_ID")),
		ClientID:        cognitoidp.ClientID(env.Required("BOOKSHOP_USER_POOL_CLIENT_ID")),
		CognitoEndpoint: cognitoidp.Endpoint(env.URL("BOOKSHOP_COGNITO_ENDPOINT")),
		AllowedOrigins:  env.List("BOOKSHOP_CORS_ORIGINS"),
		LogLevel:        env.LogLevel("LOG_LEVEL"),
	}
	if err := env.Err(); err != nil {
		return config{}, err
	}
	return cfg, nil
}
