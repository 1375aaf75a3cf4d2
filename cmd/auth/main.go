// Command auth is the Lambda function behind the sign-up and sign-in routes
// of the HTTP API (/api/auth/register, confirm, login, refresh, resend,
// logout). It talks to the Cognito user pool as its public app client:
// USER_PASSWORD_AUTH, REFRESH_TOKEN_AUTH, ResendConfirmationCode and
// RevokeToken need no IAM permission; replacing an old unconfirmed sign-up
// needs cognito-idp:AdminGetUser and AdminDeleteUser. Sign-in attempts
// (throttling) and profiles (display names) live in the shop's table.
//
// Configuration (environment):
//
//	AWS_REGION                   region (set by Lambda)
//	BOOKSHOP_USER_POOL_ID        Cognito user pool id, e.g. eu-west-1_AbCdEf
//	BOOKSHOP_USER_POOL_CLIENT_ID app client id (the client has no secret)
//	BOOKSHOP_COGNITO_ENDPOINT    Cognito endpoint override, e.g. http://cognito:9229 (cognito-local)
//	BOOKSHOP_TABLE               DynamoDB table (attempt counters, profiles)
//	BOOKSHOP_DYNAMODB_ENDPOINT   DynamoDB endpoint override, e.g. http://dynamodb:8000
//	BOOKSHOP_CORS_ORIGINS        comma-separated origins allowed by CORS (default: none)
//	LOG_LEVEL                    debug, info (default), warn or error
//	BOOKSHOP_TRACES              stdout prints spans as JSON lines (default: no spans; see cmd/internal/tracing)
//	OTEL_EXPORTER_OTLP_ENDPOINT  OTLP/HTTP receiver for spans, e.g. http://localhost:4318 (ADOT collector)
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/bookshop/bookshop/adapters/emf"
	"github.com/bookshop/bookshop/cmd/internal/tracing"
)

func main() {
	ctx := context.Background()
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		fmt.Fprintln(os.Stderr, "auth:", err)
		os.Exit(1)
	}
	tr, err := tracing.New(ctx, cfg.Traces)
	if err != nil {
		fmt.Fprintln(os.Stderr, "auth:", err)
		os.Exit(1)
	}
	cfg.AWS.Tracing = tr // spans for the SDK calls too
	h, err := initializeHandler(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "auth:", err)
		os.Exit(1)
	}
	h.SetMetrics(emf.NewStdout()) // business metrics as EMF lines on stdout
	lambda.Start(tracing.Wrap(tr, h.Handle))
}
