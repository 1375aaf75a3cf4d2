package main

import (
	"crypto/rand"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
)

// config is the embedded server's configuration.
type config struct {
	Addr           string
	PublicURL      string
	AllowedOrigins []string
	Seed           bool
	LogLevel       slog.Level
	// SigningKey signs cursors and object URLs. It is random per process:
	// cursors and URLs die with it, as does all data.
	SigningKey []byte
}

func configFromEnv(getenv func(string) string) (config, error) {
	port := getenv("PORT")
	if port == "" {
		port = "8080"
	}
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		return config{}, fmt.Errorf("PORT %q is not a port number", port)
	}
	cfg := config{Addr: ":" + port, PublicURL: strings.TrimSuffix(getenv("BOOKSHOP_PUBLIC_URL"), "/"), Seed: getenv("BOOKSHOP_SEED") != "false"}
	if cfg.PublicURL == "" {
		cfg.PublicURL = "http://localhost:" + port
	}
	cfg.AllowedOrigins = []string{"*"}
	if o := getenv("BOOKSHOP_CORS_ORIGINS"); o != "" {
		cfg.AllowedOrigins = strings.Split(o, ",")
	}
	if l := getenv("LOG_LEVEL"); l != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(l)); err != nil {
			return config{}, fmt.Errorf("LOG_LEVEL: %w", err)
		}
	}
	cfg.SigningKey = make([]byte, 32)
	if _, err := rand.Read(cfg.SigningKey); err != nil {
		return config{}, err
	}
	return cfg, nil
}
