package main

import (
	"crypto/rand"
	"crypto/rsa"
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
	// DataDir is where the shop keeps its data (BOOKSHOP_DATA_DIR, an
	// absolute path; default defaultDataDir()), or memoryDataDir to keep it
	// in memory only.
	DataDir string
	// SigningKey signs cursors and object URLs in memory mode. It is random
	// per process: cursors and URLs die with it, as does all data. A data
	// directory keeps its own key (see newDurableSigningKey).
	SigningKey []byte
	// AdminEmail and AdminPassword are the administrator created at
	// start-up (local-only defaults: defaultAdminEmail, defaultAdminPassword).
	AdminEmail, AdminPassword string
	// IdentityKey signs the embedded identity provider's tokens; nil
	// generates one per process. Tests set it to forge tokens.
	IdentityKey *rsa.PrivateKey
	// BcryptCost hashes passwords; 0 is bcrypt's default. Tests lower it.
	BcryptCost int
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
	cfg.AdminEmail, cfg.AdminPassword = getenv("BOOKSHOP_ADMIN_EMAIL"), getenv("BOOKSHOP_ADMIN_PASSWORD")
	if cfg.AdminEmail == "" {
		cfg.AdminEmail = defaultAdminEmail
	}
	if cfg.AdminPassword == "" {
		cfg.AdminPassword = defaultAdminPassword
	}
	cfg.AllowedOrigins = []string{"*"}
	if o := getenv("BOOKSHOP_CORS_ORIGINS"); o != "" {
		cfg.AllowedOrigins = strings.Split(o, ",")
	}
	dir, err := dataDirFrom(getenv("BOOKSHOP_DATA_DIR"))
	if err != nil {
		return config{}, err
	}
	cfg.DataDir = dir
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
