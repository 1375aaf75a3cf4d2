package apigw

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
)

// Config configures a Handler.
type Config struct {
	// AllowedOrigins lists the origins (such as "https://shop.example") whose
	// browser scripts may call the API; "*" allows every origin. Empty
	// disables CORS: no CORS headers are sent.
	AllowedOrigins []string
	// AllowedMethods are announced to preflight requests. Default: the
	// methods of the API's routes (GET, POST, PUT, DELETE) and OPTIONS.
	AllowedMethods []string
	// AllowedHeaders are the request headers announced to preflight requests.
	// Default: Authorization, Content-Type, If-Match, Idempotency-Key.
	AllowedHeaders []string
	// ExposedHeaders are the response headers scripts may read. Default:
	// ETag, Location.
	ExposedHeaders []string
	// MaxAge is how long browsers may cache a preflight answer. Default: 10
	// minutes.
	MaxAge time.Duration
	// AssetBaseURL is prepended to cover object keys to make the cover URLs
	// of a Book (such as "https://cdn.example" → "https://cdn.example/covers/<id>/<name>.jpg").
	// Empty, the default, gives paths on the shop's own origin
	// ("/covers/…", "/thumbnails/…"), which CloudFront, the local gateway
	// and the embedded server serve from the covers bucket. Cover keys are
	// never reused, so these URLs are stable and cacheable.
	AssetBaseURL string
}

// Handler serves the catalog API to API Gateway HTTP API events. It is safe
// for concurrent use.
type Handler struct {
	catalog *app.Catalog
	reviews *app.Reviews
	auth    *app.Auth
	orders  *app.Orders
	// discovery serves search, best sellers and also-bought.
	discovery *app.Discovery
	logger    *slog.Logger
	cors      corsPolicy
	// assetBaseURL is Config.AssetBaseURL without a trailing slash.
	assetBaseURL string
	// metrics records the outcomes of the use cases (see SetMetrics).
	metrics app.Metrics
}

// SetMetrics makes the handler record the business metrics of the use cases
// it calls (orders placed and their value, checkouts refused for stock,
// idempotent replays, failed and rate-limited sign-ins) to m. Call it
// before serving; by default nothing is recorded.
func (h *Handler) SetMetrics(m app.Metrics) { h.metrics = m }

// NewHandler returns a handler for the use cases in s that logs one JSON
// line per request to logger (nil discards logs). It fails when s holds no
// use case: that is a wiring mistake.
func NewHandler(s Services, cfg Config, logger *slog.Logger) (*Handler, error) {
	if s == (Services{}) {
		return nil, errors.New("apigw.NewHandler: no services: set at least one use case in Services")
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Handler{catalog: s.Catalog, reviews: s.Reviews, auth: s.Auth, orders: s.Orders, discovery: s.Discovery, logger: logger, cors: newCORSPolicy(cfg),
		assetBaseURL: strings.TrimSuffix(cfg.AssetBaseURL, "/"), metrics: app.NoMetrics{}}, nil
}

// Services are the use cases one function serves. Each Lambda function sets
// only its own; the embedded mode sets them all. A route whose use case is
// not set answers 404, as if it did not exist, so a route the template sends
// to the wrong function is noticed.
type Services struct {
	// Catalog serves /api/books and its sub-resources.
	Catalog *app.Catalog
	// Reviews serves /api/books/{id}/reviews and its items.
	Reviews *app.Reviews
	// Auth serves /api/auth/register, confirm, login and refresh.
	Auth *app.Auth
	// Orders serves /api/orders and /api/admin/orders.
	Orders *app.Orders
	// Discovery serves /api/search, /api/bestsellers and
	// /api/books/{id}/also-bought.
	Discovery *app.Discovery
}

// serves reports whether h has the use case u.
func (h *Handler) serves(u useCase) bool {
	switch u {
	case needsNothing:
		return true
	case needsCatalog:
		return h.catalog != nil
	case needsReviews:
		return h.reviews != nil
	case needsAuth:
		return h.auth != nil
	case needsOrders:
		return h.orders != nil
	case needsDiscovery:
		return h.discovery != nil
	}
	return false
}

// DeadlineReserve is the time Handle keeps, before its context's deadline,
// to answer after the use case gave up.
const DeadlineReserve = 250 * time.Millisecond

// Handle serves one request; it is the function to pass to lambda.Start.
// Every outcome, including internal failures and panics, is a well-formed
// response, and the returned error is always nil.
//
// When ctx has a deadline (Lambda's context carries the invocation's), the
// use case gets DeadlineReserve less, so that a dependency that stops
// answering yields a 503 problem before Lambda cuts the invocation off.
func (h *Handler) Handle(ctx context.Context, req events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	start := time.Now()
	if deadline, ok := ctx.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, deadline.Add(-DeadlineReserve))
		defer cancel()
	}
	resp, err := h.serve(ctx, &req)
	h.logRequest(ctx, &req, resp.StatusCode, time.Since(start), err)
	return resp, nil
}

// serve answers the request. The returned error is the failure behind a
// problem response, for the log.
func (h *Handler) serve(ctx context.Context, req *events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	res, params, found := matchResource(requestPath(req))
	if found && req.RequestContext.HTTP.Method == "OPTIONS" {
		resp := h.cors.preflight(req, res)
		resp.Headers["X-Content-Type-Options"] = "nosniff"
		return resp, nil
	}
	resp, err := h.dispatch(ctx, req, res, params)
	if err != nil {
		resp = h.problem(req, err)
	}
	h.cors.decorate(req, resp.Headers)
	secureHeaders(req, res, resp.Headers)
	return resp, err
}

// secureHeaders adds the headers every answer carries: nosniff, so that no
// browser reads a JSON body as HTML or script, and Cache-Control: no-store
// on answers that belong to one caller or to administrators (orders,
// tokens, the caller's review, every write), which no shared or browser
// cache may keep. Public reads keep what their handler set.
func secureHeaders(req *events.APIGatewayV2HTTPRequest, res *resource, headers map[string]string) {
	if headers == nil {
		return
	}
	headers["X-Content-Type-Options"] = "nosniff"
	private := true
	if res != nil {
		if rt := res.route(req.RequestContext.HTTP.Method); rt != nil {
			private = rt.private()
		}
	}
	if private {
		headers["Cache-Control"] = "no-store"
	}
}

// dispatch calls the route of the matched resource (nil when none matched),
// turning a panic into an internal error.
func (h *Handler) dispatch(ctx context.Context, req *events.APIGatewayV2HTTPRequest, res *resource, params pathParams) (resp events.APIGatewayV2HTTPResponse, err error) {
	defer func() {
		if v := recover(); v != nil {
			resp, err = events.APIGatewayV2HTTPResponse{}, fmt.Errorf("panic: %v\n%s", v, debug.Stack())
		}
	}()
	if res == nil {
		return resp, &requestError{kind: errRouteNotFound, detail: "No resource lives at this path."}
	}
	method := req.RequestContext.HTTP.Method
	rt := res.route(method)
	if rt != nil && !h.serves(rt.useCase()) {
		return resp, &requestError{kind: errRouteNotFound, detail: "No resource lives at this path."}
	}
	if rt == nil {
		return resp, &requestError{kind: errMethodNotAllowed, detail: "This resource does not support " + method + ".", allow: res.allow}
	}
	if p, ok := principalFrom(req); ok {
		ctx = app.WithPrincipal(ctx, p)
	}
	return rt.serve(h, ctx, *req, params)
}

// logRequest writes the request's log line. Attributes are only built when
// the level is enabled, and the success path stays within slog's inline
// attribute capacity, so a served request costs no extra allocation here.
func (h *Handler) logRequest(ctx context.Context, req *events.APIGatewayV2HTTPRequest, status int, elapsed time.Duration, err error) {
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	if !h.logger.Enabled(ctx, level) {
		return
	}
	attrs := [...]slog.Attr{
		slog.String("requestId", req.RequestContext.RequestID),
		slog.String("method", req.RequestContext.HTTP.Method),
		slog.String("path", requestPath(req)),
		slog.Int("status", status),
		slog.Duration("duration", elapsed),
		{},
	}
	n := len(attrs) - 1
	if err != nil {
		attrs[n] = slog.String("error", err.Error())
		n++
	}
	h.logger.LogAttrs(ctx, level, "request", attrs[:n]...)
}

// requestPath is the request's path: rawPath, which API Gateway, the local
// gateway and the embedded bridge all deliver, else requestContext.http.path.
func requestPath(req *events.APIGatewayV2HTTPRequest) string {
	if req.RawPath != "" {
		return req.RawPath
	}
	return req.RequestContext.HTTP.Path
}

// headerValue returns the named request header. API Gateway lower-cases
// header names; events built by other tools may not, so other spellings are
// found too. name must be lower case.
func headerValue(headers map[string]string, name string) string {
	if v, ok := headers[name]; ok {
		return v
	}
	for k, v := range headers {
		if len(k) == len(name) && equalFoldASCII(k, name) {
			return v
		}
	}
	return ""
}

// equalFoldASCII compares header names case-insensitively without the
// Unicode tables strings.EqualFold consults.
func equalFoldASCII(a, b string) bool {
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
