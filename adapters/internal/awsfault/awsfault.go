// Package awsfault is the one place that decides which AWS SDK failures are
// a dependency being unavailable rather than a refusal: it translates them
// into *app.UnavailableError, which inbound adapters answer with 503 and
// Retry-After. Every adapter that builds an AWS SDK client installs
// Middleware on it, so each operation's final error (after the SDK's own
// retries) is translated before the adapter sees it; the SDK's error stays
// in the chain, so errors.As(err, &smithy.APIError) keeps working.
package awsfault

import (
	"context"
	"errors"
	"net"

	"github.com/aws/aws-sdk-go-v2/aws/ratelimit"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/bookshop/bookshop/app"
)

// Transient reports whether err is a failure that a later attempt may cure:
// the request's deadline passed (an attempt timed out, or the SDK's retries
// outlasted the invocation), the connection failed (refused, reset, no
// answer), the SDK's retry quota ran out, the service throttled the request
// or failed on its side (5xx). A cancelled context is not transient: the
// caller went away.
func Transient(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var (
		quota  ratelimit.QuotaExceededError
		send   *smithyhttp.RequestSendError
		netErr net.Error
	)
	if errors.As(err, &quota) || errors.As(err, &send) || (errors.As(err, &netErr) && netErr.Timeout()) {
		return true
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		code := api.ErrorCode()
		if _, ok := retry.DefaultThrottleErrorCodes[code]; ok {
			return true
		}
		if _, ok := retry.DefaultRetryableErrorCodes[code]; ok {
			return true
		}
	}
	var resp *awshttp.ResponseError
	return errors.As(err, &resp) && resp.HTTPStatusCode() >= 500
}

// Translate returns err as an *app.UnavailableError of dependency when it is
// Transient, and err itself otherwise (nil stays nil).
func Translate(dependency string, err error) error {
	var already *app.UnavailableError
	if !Transient(err) || errors.As(err, &already) {
		return err
	}
	return &app.UnavailableError{Dependency: dependency, Err: err}
}

// Middleware returns an API option (for the APIOptions of a client's
// Options) that translates every operation's error with Translate. It runs
// first in the Initialize step, so it sees the error the SDK's retries
// ended with. The middleware is built once: the SDK applies API options to
// a new stack on every call, which then costs no allocation of its own.
func Middleware(dependency string) func(*middleware.Stack) error {
	var m middleware.InitializeMiddleware = middleware.InitializeMiddlewareFunc("BookshopAWSFault",
		func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
			out, md, err := next.HandleInitialize(ctx, in)
			if err != nil {
				err = Translate(dependency, err)
			}
			return out, md, err
		})
	return func(s *middleware.Stack) error { return s.Initialize.Add(m, middleware.Before) }
}
