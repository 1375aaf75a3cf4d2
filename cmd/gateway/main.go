// Command gateway is the local stand-in for Amazon API Gateway (HTTP API,
// payload format 2.0) and CloudFront in the local stack. It reads the SAM
// template and serves its routes by invoking each function's container
// through the Lambda Runtime Interface Emulator, receives MinIO's S3
// notifications for the functions' S3 triggers, offers the Lambda Invoke API
// to other emulators and serves the web app from the web bucket (see package
// internal/emulator). It also polls DynamoDB Local's streams for the
// template's DynamoDB event sources (package internal/streams) and serves
// the local mailbox of notifications at /_local/mailbox (POST from the
// notifier with BOOKSHOP_MAILBOX_SECRET, GET for administrators). It is
// a long-running server, not a Lambda function, but it ships in the same
// image layout (FUNCTION=gateway) and runs as /var/runtime/bootstrap.
//
// Configuration (environment):
//
//	PORT                         listen port (default 8080)
//	BOOKSHOP_TEMPLATE            path of the SAM template (default deploy/template.yaml)
//	BOOKSHOP_FUNCTION_ENDPOINTS  "CatalogFunction=http://catalog:8080,http://catalog-2:8080;ThumbnailerFunction=http://thumbnailer:8080"
//	                             logical id → RIE base URLs; a function's concurrency is its number of URLs
//	BOOKSHOP_BUCKETS             "CoversBucket=bookshop-covers;WebBucket=bookshop-web" (logical id → bucket name)
//	BOOKSHOP_WEB_ORIGIN          base URL of the web bucket, e.g. http://minio:9000/bookshop-web (unset: no web app)
//	BOOKSHOP_COVERS_ORIGIN       base URL of the covers bucket, served at /covers/ and /thumbnails/ like the template's
//	                             CloudFront behaviours, e.g. http://minio:9000/bookshop-covers (unset: not served)
//	BOOKSHOP_TIMEOUT             integration timeout (default 30s; 503 beyond)
//	BOOKSHOP_MAX_QUEUE           requests per function waiting for a busy endpoint (default 100; 429 beyond)
//	BOOKSHOP_ASYNC_RETRY_DELAYS  waits before the retries of a failed async invocation (default 1s,2s)
//	AWS_REGION                   region put in events (default us-east-1)
//	BOOKSHOP_TABLES              "ShopTable=bookshop": tables whose streams feed the template's DynamoDB events
//	BOOKSHOP_DYNAMODB_ENDPOINT   DynamoDB Local for the stream poller, e.g. http://dynamodb:8000
//	BOOKSHOP_STREAM_POLL_INTERVAL pause between two polls of a stream (default 1s)
//	BOOKSHOP_MAILBOX_SECRET      shared secret of the notifier's posts to /_local/mailbox (unset: no posts);
//	                             reading the mailbox needs an administrator's token, verified by the JWT authorizers
//	LOG_LEVEL                    debug, info (default), warn or error
//
// JWT authorizers: the template's issuer and audience name AWS resources, so
// each authorizer a route uses is configured locally by its name (routes
// guarded by an unconfigured authorizer answer 401):
//
//	BOOKSHOP_JWT_ISSUER_<Name>     the tokens' iss, e.g. BOOKSHOP_JWT_ISSUER_CognitoAuthorizer=http://0.0.0.0:9229/local_pool
//	BOOKSHOP_JWT_AUDIENCE_<Name>   accepted app client ids, comma-separated (client_id of access tokens)
//	BOOKSHOP_JWT_JWKS_<Name>       JWKS URL, e.g. http://cognito:9229/local_pool/.well-known/jwks.json
//	                               (default: issuer + /.well-known/jwks.json)
//	BOOKSHOP_JWT_TOKEN_USE_<Name>  token_use required: access (default), id or *
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

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gateway:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := configFromEnv(os.Getenv, os.Environ())
	if err != nil {
		return err
	}
	streamsCfg, err := streamsConfigFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	// The template is parsed once: the API emulator and the stream poller
	// both read this one.
	tmpl, err := samtemplate.Load(cfg.TemplatePath)
	if err != nil {
		return err
	}
	srv, flushAccessLog, err := initializeServer(cfg, tmpl)
	if err != nil {
		return err
	}
	defer flushAccessLog()
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return err
	}
	logger := lambdaenv.NewLogger(cfg.Logging)
	logger.Info("gateway listening", "addr", cfg.Addr, "template", cfg.TemplatePath)
	handler, err := startLocalServices(ctx, streamsCfg, cfg.Region, tmpl, srv, srv.VerifyToken, ln.Addr(), logger)
	if err != nil {
		return err
	}
	httpServer := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- httpServer.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return srv.Close(shutdownCtx)
}
