package main

import (
	"crypto/rand"
	"crypto/rsa"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
)

// config is the embedded server's configuration.
type config struct {
	// Addr is the listen address: BOOKSHOP_LISTEN, else 127.0.0.1:$PORT.
	Addr string
	// PublicURL is where the shop answers: BOOKSHOP_PUBLIC_URL, else
	// http://localhost with Addr's port. Tokens name it as their issuer and
	// `bookshop backup` asks the running shop there.
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
	cfg := config{Addr: "127.0.0.1:" + port, PublicURL: strings.TrimSuffix(getenv("BOOKSHOP_PUBLIC_URL"), "/"), Seed: getenv("BOOKSHOP_SEED") != "false"}
	cfg.AdminEmail, cfg.AdminPassword = getenv("BOOKSHOP_ADMIN_EMAIL"), getenv("BOOKSHOP_ADMIN_PASSWORD")
	if cfg.AdminEmail == "" {
		cfg.AdminEmail = defaultAdminEmail
	}
	if cfg.AdminPassword == "" {
		cfg.AdminPassword = defaultAdminPassword
	}
	if l := getenv("BOOKSHOP_LISTEN"); l != "" {
		cfg.Addr = l
	}
	if err := checkListen(cfg.Addr, cfg.AdminPassword); err != nil {
		return config{}, err
	}
	if cfg.PublicURL == "" {
		_, listenPort, err := net.SplitHostPort(cfg.Addr)
		if err != nil {
			return config{}, fmt.Errorf("BOOKSHOP_LISTEN %q: %w", cfg.Addr, err)
		}
		cfg.PublicURL = "http://localhost:" + listenPort
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

// checkListen refuses a listen address that is not a loopback address while
// the administrator has the published default password: anyone who can
// reach the port could then administer the shop.
func checkListen(addr, adminPassword string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("BOOKSHOP_LISTEN %q is not host:port (such as 127.0.0.1:8080): %w", addr, err)
	}
	if adminPassword != defaultAdminPassword || isLoopback(host) {
		return nil
	}
	return fmt.Errorf("BOOKSHOP_LISTEN %q is reachable from other machines while the administrator has the local-only default password: "+
		"set BOOKSHOP_ADMIN_PASSWORD, or listen on 127.0.0.1", addr)
}

// isLoopback reports whether host names only this machine: "localhost" or a
// loopback IP. "" (every interface) is not.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
