package apigw

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ProblemTypeBase prefixes the "type" URI of every problem the API returns;
// the last segment names the kind of problem:
//
//	validation             400  fields are invalid; "errors" lists them
//	malformed-request      400  the body is not one JSON object
//	invalid-credentials    401  wrong email or password (the same for an unknown email)
//	invalid-refresh-token  401  sign in again
//	unauthenticated        401
//	account-not-confirmed  403  confirm the account with the emailed code first
//	forbidden              403
//	not-found              404  no such book, or no such path
//	method-not-allowed     405  see the Allow header
//	account-exists         409  an account with this email exists
//	out-of-stock           409  "outOfStock" lists the ids of the books short of stock
//	conflict               409  also an order status change the state machine forbids
//	precondition-failed    412  If-Match does not name the current version
//	payload-too-large      413  the body exceeds MaxBodyBytes
//	unsupported-media-type 415  the body is not application/json
//	idempotency-key-reused 422  the Idempotency-Key was used for another request
//	precondition-required  428  If-Match is missing
//	too-many-requests      429  too many attempts; wait before retrying
//	internal               500  quote the request id in the detail
//	unavailable            503  a service the shop depends on did not answer, or too many requests raced for the
//	                            same data; retry after Retry-After seconds
//
// The URIs identify problem kinds; they are not promised to resolve.
const ProblemTypeBase = "https://bookshop.example/problems/"

// contentTypeProblem is the media type of RFC 9457 problem details.
const contentTypeProblem = "application/problem+json"

// The adapter's own error categories, beside the domain's.
var (
	errMalformedRequest     = errors.New("malformed request")
	errRouteNotFound        = fmt.Errorf("no route: %w", domain.ErrNotFound)
	errMethodNotAllowed     = errors.New("method not allowed")
	errPayloadTooLarge      = errors.New("payload too large")
	errUnsupportedMediaType = errors.New("unsupported media type")
)

// problemKind is one row of problemTable.
type problemKind struct {
	category error
	status   int
	slug     string
	title    string
	// detail is used when the error carries no client-safe detail.
	detail string
}

// problemTable maps error categories to problems. It is the only place that
// decides a failure's status code: the first row whose category matches the
// error (errors.Is) wins; an error matching no row is internal (500).
var problemTable = [...]problemKind{
	{domain.ErrInvalid, 400, "validation", "Invalid request", "One or more fields are invalid."},
	{errMalformedRequest, 400, "malformed-request", "Malformed request", "The request body is not a JSON object."},
	{domain.ErrInvalidCredentials, 401, "invalid-credentials", "Invalid credentials", "The email address or the password is wrong."},
	{domain.ErrInvalidRefreshToken, 401, "invalid-refresh-token", "Invalid refresh token",
		"The refresh token is invalid or has expired: sign in again."},
	{domain.ErrUnauthenticated, 401, "unauthenticated", "Authentication required", "Sign in and send your access token in the Authorization header."},
	{domain.ErrUserNotConfirmed, 403, "account-not-confirmed", "Account not confirmed",
		"Confirm your account with the code sent to your email address, then sign in."},
	{domain.ErrForbidden, 403, "forbidden", "Forbidden", "You may not perform this operation."},
	{domain.ErrNotFound, 404, "not-found", "Not found", "The resource does not exist."},
	{errMethodNotAllowed, 405, "method-not-allowed", "Method not allowed", "The resource does not support this method."},
	{domain.ErrUserExists, 409, "account-exists", "Account exists", "An account with this email address exists: sign in instead."},
	{domain.ErrOutOfStock, 409, "out-of-stock", "Out of stock",
		"Some books are not in stock in the quantity ordered; outOfStock lists them."},
	{domain.ErrConflict, 409, "conflict", "Conflict", "The request conflicts with the current state of the resource."},
	{domain.ErrVersionConflict, 412, "precondition-failed", "Precondition failed",
		"The book has changed since you read it: fetch it again and retry with its new ETag."},
	{errPayloadTooLarge, 413, "payload-too-large", "Payload too large", fmt.Sprintf("The request body exceeds %d bytes.", MaxBodyBytes)},
	{errUnsupportedMediaType, 415, "unsupported-media-type", "Unsupported media type", "Send the request body as application/json."},
	{app.ErrIdempotencyKeyReused, 422, "idempotency-key-reused", "Idempotency key reused",
		"This Idempotency-Key was sent with a different request: use a new key for a new checkout."},
	{domain.ErrPreconditionRequired, 428, "precondition-required", "Precondition required",
		`Send If-Match with the book's current ETag (for example "3"); a wildcard is not accepted.`},
	{domain.ErrTooManyRequests, 429, "too-many-requests", "Too many requests", "Too many attempts: wait a few minutes, then try again."},
	// A dependency that did not answer (adapters report app.ErrUnavailable),
	// writes that concurrent writers kept beating until the retries ran out
	// (*app.ContentionError joins it), or the invocation's own deadline
	// passing while waiting for one: the same request may succeed a moment
	// later. Retry-After says when.
	{app.ErrUnavailable, 503, "unavailable", "Service unavailable", unavailableDetail},
	{context.DeadlineExceeded, 503, "unavailable", "Service unavailable", unavailableDetail},
}

// unavailableDetail explains a 503; RetryAfterSeconds is sent with it.
const unavailableDetail = "A service the shop depends on is not answering right now, or is busy. Nothing was refused: " +
	"try again in a few seconds (a checkout with the same Idempotency-Key is never placed twice)."

// RetryAfterSeconds is the Retry-After of a 503 answer: a dependency that
// stopped answering is retried by the SDK within the invocation already, so
// the client waits a little before trying again.
const RetryAfterSeconds = 2

// internalProblem describes every error that matches no row.
var internalProblem = problemKind{status: 500, slug: "internal", title: "Internal server error"}

// requestError is a failure the adapter detects itself. detail is written for
// the client and safe to show.
type requestError struct {
	kind   error
	detail string
	// allow is the Allow header of a 405.
	allow string
}

func (e *requestError) Error() string { return e.detail }

// Is joins the error's category.
func (e *requestError) Is(target error) bool { return errors.Is(e.kind, target) }

// problemJSON is an RFC 9457 problem details object.
type problemJSON struct {
	Type   string           `json:"type"`
	Title  string           `json:"title"`
	Status int              `json:"status"`
	Detail string           `json:"detail"`
	Errors []fieldErrorJSON `json:"errors,omitempty"`
	// OutOfStock lists the short books of a refused checkout.
	OutOfStock []string `json:"outOfStock,omitempty"`
}

type fieldErrorJSON struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// problem renders err as a problem response.
func (h *Handler) problem(req *events.APIGatewayV2HTTPRequest, err error) events.APIGatewayV2HTTPResponse {
	kind, known := classify(err)
	p := problemJSON{Type: ProblemTypeBase + kind.slug, Title: kind.title, Status: kind.status}
	if known {
		p.Detail = publicDetail(err, kind)
	} else {
		p.Detail = "An unexpected error occurred. Quote request id " + req.RequestContext.RequestID + " if you report it."
	}
	var ve *domain.ValidationError
	if known && errors.As(err, &ve) {
		p.Errors = make([]fieldErrorJSON, len(ve.Fields))
		for i, f := range ve.Fields {
			p.Errors[i] = fieldErrorJSON{Field: f.Field, Message: f.Message}
		}
	}
	var oos *domain.OutOfStockError
	if known && errors.As(err, &oos) {
		p.OutOfStock = make([]string, len(oos.BookIDs))
		for i, id := range oos.BookIDs {
			p.OutOfStock[i] = string(id)
		}
	}
	body, mErr := json.Marshal(p)
	if mErr != nil { // cannot happen: the struct holds strings and ints
		body = []byte(`{"type":"` + ProblemTypeBase + `internal","title":"Internal server error","status":500}`)
	}
	headers := make(map[string]string, responseHeaderRoom)
	headers["Content-Type"] = contentTypeProblem
	var re *requestError
	if errors.As(err, &re) && re.allow != "" {
		headers["Allow"] = re.allow
	}
	if kind.status == 503 {
		headers["Retry-After"] = strconv.Itoa(RetryAfterSeconds)
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: kind.status, Headers: headers, Body: string(body)}
}

// classify returns the first table row matching err, or internalProblem.
func classify(err error) (problemKind, bool) {
	for _, k := range problemTable {
		if errors.Is(err, k.category) {
			return k, true
		}
	}
	return internalProblem, false
}

// publicDetail explains an expected failure without exposing error text that
// was not written for clients: only the adapter's own details and the
// structured fields of domain errors are used.
func publicDetail(err error, kind problemKind) string {
	var re *requestError
	if errors.As(err, &re) {
		return re.detail
	}
	var nf *domain.NotFoundError
	if errors.As(err, &nf) {
		return fmt.Sprintf("There is no %s with id %q.", nf.Entity, nf.ID)
	}
	var vc *domain.VersionConflictError
	if errors.As(err, &vc) {
		return fmt.Sprintf("The %s is at version %d, not %d: fetch it again and retry with its new ETag.", vc.Entity, vc.Actual, vc.Expected)
	}
	return kind.detail
}
