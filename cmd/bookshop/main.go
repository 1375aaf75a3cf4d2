// Command bookshop runs the whole Bookshop in one process with no
// dependencies: `go run ./cmd/bookshop`, then open http://localhost:8080/.
// It serves the storefront web app (adapters/webui) at / and, under /api/,
// the same Lambda handler the catalog function runs on AWS, by turning each
// HTTP request into the API Gateway v2 event API Gateway would send, over
// adapters that keep the data in one directory (or in memory), seeded with a
// few books when new. Cover uploads go to the process itself through
// presigned URLs, as they would go to S3, and each upload runs the same
// thumbnail use case the thumbnailer function runs on S3 events.
//
// Sign-in is served by an embedded identity provider whose tokens are shaped
// like Cognito's (issuer $BOOKSHOP_PUBLIC_URL/_auth); bearer tokens are
// verified in front of the handler as API Gateway's JWT authorizer does. An
// administrator is created at start-up; confirmation codes of new accounts
// are logged. Both are for local use only.
//
// Data lives in the directory BOOKSHOP_DATA_DIR (default bookshop-data under
// the user's data directory, e.g. ~/.local/share/bookshop-data): one bbolt
// file, bookshop.db, with books, reviews, orders, accounts (bcrypt hashes
// only) and signing keys, and objects/ with the covers and thumbnails. Only
// one process may use a directory at a time. `bookshop backup <file>` asks
// the running process for a consistent copy of bookshop.db (see backup.go).
//
// Configuration (environment):
//
//	PORT                  listen port (default 8080)
//	BOOKSHOP_DATA_DIR     data directory; "memory" keeps everything in memory, gone at exit
//	BOOKSHOP_LISTEN       listen address (default 127.0.0.1:$PORT); an address other machines can reach
//	                      (such as :8080) is refused while BOOKSHOP_ADMIN_PASSWORD is the default
//	BOOKSHOP_PUBLIC_URL   base URL browsers use to reach this process (default http://localhost:$PORT)
//	BOOKSHOP_CORS_ORIGINS comma-separated origins allowed by CORS (default *)
//	BOOKSHOP_SEED         "false" starts with an empty catalog
//	BOOKSHOP_ADMIN_EMAIL  the administrator's email (default admin@bookshop.local)
//	BOOKSHOP_ADMIN_PASSWORD its password (local-only default Bookshop-local-1)
//	LOG_LEVEL             debug, info (default), warn or error
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "bookshop:", err)
		os.Exit(1)
	}
}

// timeouts bound how long one connection may hold the server.
type timeouts struct {
	// ReadHeader and Read bound reading a request's header and the whole
	// request (a cover upload is at most 5 MiB); Write bounds answering it;
	// Idle bounds a keep-alive connection waiting for its next request.
	ReadHeader, Read, Write, Idle time.Duration
}

// defaultTimeouts cut off a client that stalls mid-header, mid-body or on
// keep-alive, so a few slow connections cannot hold the server.
var defaultTimeouts = timeouts{ReadHeader: 10 * time.Second, Read: time.Minute, Write: time.Minute, Idle: 2 * time.Minute}

// newHTTPServer returns the embedded HTTP server for h with every timeout
// of t set.
func newHTTPServer(h http.Handler, t timeouts) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read, WriteTimeout: t.Write, IdleTimeout: t.Idle}
}

func run() error {
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	if len(os.Args) > 1 {
		if os.Args[1] != "backup" || len(os.Args) != 3 {
			return errors.New("usage: bookshop [backup <file>]")
		}
		return runBackup(context.Background(), cfg, os.Args[2], os.Stdout)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	srv, err := initializeServer(ctx, cfg)
	if err != nil {
		return err
	}
	defer srv.Close() // thumbnails being made, then the data directory
	if cfg.DataDir == memoryDataDir {
		srv.logger.Info("data kept in memory only (BOOKSHOP_DATA_DIR=memory): it is gone when the process stops")
	} else {
		srv.logger.Info("data directory", "dir", cfg.DataDir, "backup", "go run ./cmd/bookshop backup <file>")
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	srv.logger.Info("bookshop listening", "shop", cfg.PublicURL+"/", "api", cfg.PublicURL+apiPath+"/books")
	httpServer := newHTTPServer(srv.handler, defaultTimeouts)
	errc := make(chan error, 1)
	go func() { errc <- httpServer.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
