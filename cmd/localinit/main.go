// Command localinit prepares the local stack (docker-compose.yml) the way the
// deployment template prepares AWS, then seeds it through the public API:
//
//  1. creates the DynamoDB table (dynamodb.CreateTable) and the covers and
//     web buckets (s3.CreateBucket; the web bucket is readable anonymously,
//     as CloudFront reads it on AWS);
//  2. subscribes the local gateway to the covers bucket's s3:ObjectCreated:*
//     events under covers/ (MinIO webhook target BOOKSHOP_NOTIFY_ARN);
//  3. waits until the gateway answers BOOKSHOP_API_URL/_local/health, makes
//     the local administrator exist in the user pool (signed up, confirmed, in
//     the admin group) through the Cognito API, and signs it in through the
//     gateway (POST /api/auth/login);
//  4. with that administrator's token, creates the seed books that are missing
//     (matched by title) and uploads a generated JPEG cover for each through a
//     presigned URL, as a browser does.
//
// With -cognito-pool DIR it instead writes the user pool BOOKSHOP_USER_POOL_ID
// with the app client BOOKSHOP_USER_POOL_CLIENT_ID as cognito-local's data
// files under DIR (its .cognito directory; see writeCognitoPool) and exits:
// the compose service cognito-pool runs it before cognito-local starts.
//
// Every step is idempotent, so a re-run changes nothing. With -stay it then
// keeps running, so that `docker compose up --wait` can tell from its health
// check (-healthcheck) that the stack is ready: a one-shot container that
// exits makes `--wait` fail.
//
// Configuration (environment):
//
//	AWS_REGION                  region (any, locally)
//	BOOKSHOP_TABLE              DynamoDB table name
//	BOOKSHOP_BUCKET             covers bucket
//	BOOKSHOP_WEB_BUCKET         web bucket (optional): created readable, and the storefront (webui.Files) uploaded into it
//	BOOKSHOP_DYNAMODB_ENDPOINT  DynamoDB endpoint, e.g. http://dynamodb:8000
//	BOOKSHOP_S3_ENDPOINT        S3 endpoint, e.g. http://minio:9000
//	BOOKSHOP_S3_PUBLIC_ENDPOINT S3 endpoint presigned URLs are signed for, e.g. http://localhost:9000;
//	                            uploads to it are sent to BOOKSHOP_S3_ENDPOINT with the URL unchanged
//	BOOKSHOP_S3_PATH_STYLE      true for path-style bucket addressing (MinIO)
//	BOOKSHOP_NOTIFY_ARN         webhook target of cover uploads, e.g. arn:minio:sqs::BOOKSHOP:webhook (optional)
//	BOOKSHOP_API_URL            base URL of the gateway, e.g. http://gateway:8080 (empty: no seeding)
//	BOOKSHOP_COGNITO_ENDPOINT   cognito-local, e.g. http://cognito:9229
//	BOOKSHOP_USER_POOL_ID       the user pool, e.g. us-east-1_bookshop
//	BOOKSHOP_USER_POOL_CLIENT_ID the pool's app client
//	BOOKSHOP_ADMIN_EMAIL        the local administrator's email (its username)
//	BOOKSHOP_ADMIN_PASSWORD     its password (local only; the pool's policy applies)
//	BOOKSHOP_INIT_TIMEOUT       how long to wait for the services (default 60s)
//	LOG_LEVEL                   debug, info (default), warn or error
//
// Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

// readyFile marks a completed run for -healthcheck.
var readyFile = filepath.Join(os.TempDir(), "localinit.ready")

func main() {
	stay := flag.Bool("stay", false, "keep running after a successful run (for docker compose up --wait)")
	healthcheck := flag.Bool("healthcheck", false, "exit 0 when a run completed and the gateway answers")
	cognitoPool := flag.String("cognito-pool", "", "write the user pool as cognito-local data files under `dir` and exit")
	flag.Parse()

	if *cognitoPool != "" {
		err := writeCognitoPool(*cognitoPool, os.Getenv("BOOKSHOP_USER_POOL_ID"), os.Getenv("BOOKSHOP_USER_POOL_CLIENT_ID"), time.Now())
		if err != nil {
			fmt.Fprintln(os.Stderr, "localinit:", err)
			os.Exit(1)
		}
		return
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *stay, *healthcheck); err != nil {
		fmt.Fprintln(os.Stderr, "localinit:", err)
		stop()
		os.Exit(1)
	}
}

func run(ctx context.Context, stay, healthcheck bool) error {
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	if healthcheck {
		if _, err := os.Stat(readyFile); err != nil {
			return fmt.Errorf("not ready: %w", err)
		}
		return probeHealth(ctx, newHTTPClient(cfg), cfg.APIURL)
	}
	s, err := initializeStack(ctx, cfg)
	if err != nil {
		return err
	}
	if err := s.run(ctx); err != nil {
		return err
	}
	// FROM scratch images have no /tmp.
	if err := os.MkdirAll(filepath.Dir(readyFile), 0o1777); err != nil {
		return fmt.Errorf("mark ready: %w", err)
	}
	if err := os.WriteFile(readyFile, nil, 0o644); err != nil {
		return fmt.Errorf("mark ready: %w", err)
	}
	if stay {
		<-ctx.Done()
	}
	return nil
}
