package httpbridge

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"
)

// MaxBodyBytes is API Gateway's payload limit for HTTP APIs, 10 MB.
const MaxBodyBytes = 10 << 20

// Option configures a bridge.
type Option func(*bridge)

// WithMaxBodyBytes changes the body limit from MaxBodyBytes.
func WithMaxBodyBytes(n int64) Option { return func(b *bridge) { b.maxBody = n } }

// WithLogger sets where function errors and invalid responses are logged
// (default slog.Default()).
func WithLogger(l *slog.Logger) Option { return func(b *bridge) { b.logger = l } }

// WithClock sets the clock of requestContext.time and timeEpoch (default
// time.Now).
func WithClock(now func() time.Time) Option { return func(b *bridge) { b.now = now } }

// WithRequestIDs sets the generator of requestContext.requestId (default:
// random ids shaped like API Gateway's, such as "LV7fzho-PHcEJPw=").
func WithRequestIDs(newID func() string) Option { return func(b *bridge) { b.newID = newID } }

// Authorizer verifies a bearer token and returns its claims in the shape
// API Gateway's JWT authorizer puts in requestContext.authorizer.jwt.claims.
// Any error refuses the request.
type Authorizer func(ctx context.Context, token string) (map[string]string, error)

// WithAuthorizer makes the bridge act like an HTTP API whose routes have a
// JWT authorizer. On a guarded route (every route, unless WithGuardedRoutes
// says otherwise) a request with an Authorization header is passed to
// authorize (with a "Bearer " prefix removed) and, when it fails, answered
// 401 {"message":"Unauthorized"} without calling the function; otherwise
// the claims are set in requestContext.authorizer.jwt (scopes from the
// "scope" claim). Without WithGuardedRoutes a request without the header
// reaches the function with no authorizer context.
func WithAuthorizer(authorize Authorizer) Option { return func(b *bridge) { b.authorize = authorize } }

// WithGuardedRoutes tells the authorizer which routes it guards, as an HTTP
// API's routes each have an authorizer or none: on a guarded route a request
// without a token is answered 401 {"message":"Unauthorized"}, as API Gateway
// does; on every other route the Authorization header is not looked at, so
// an expired or invalid token does not stop a public request (such as
// signing in again) and the function sees an anonymous caller.
func WithGuardedRoutes(guarded func(method, path string) bool) Option {
	return func(b *bridge) { b.guarded = guarded }
}

type bridge struct {
	fn        func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error)
	maxBody   int64
	logger    *slog.Logger
	now       func() time.Time
	newID     func() string
	authorize Authorizer
	guarded   func(method, path string) bool
}

// NewHandler returns an http.Handler that calls fn as API Gateway would. It
// panics if fn is nil.
func NewHandler(fn func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error), opts ...Option) http.Handler {
	if fn == nil {
		panic("httpbridge.NewHandler: nil function")
	}
	b := &bridge{fn: fn, maxBody: MaxBodyBytes, now: time.Now, newID: newRequestID}
	for _, o := range opts {
		o(b)
	}
	if b.logger == nil {
		b.logger = slog.Default()
	}
	return b
}

// ServeHTTP implements http.Handler.
func (b *bridge) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength > b.maxBody {
		writeMessage(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, b.maxBody))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeMessage(w, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
			return
		}
		writeMessage(w, http.StatusBadRequest, "Bad Request")
		return
	}
	ev := b.event(r, body)
	if b.authorize != nil && !b.authorizeEvent(r, &ev) {
		writeMessage(w, http.StatusUnauthorized, "Unauthorized")
		return
	}
	resp, err := b.fn(r.Context(), ev)
	if err != nil {
		b.logger.ErrorContext(r.Context(), "function error", "requestId", ev.RequestContext.RequestID, "error", err)
		writeMessage(w, http.StatusInternalServerError, "Internal Server Error")
		return
	}
	if err := writeResponse(w, resp); err != nil {
		b.logger.ErrorContext(r.Context(), "invalid function response", "requestId", ev.RequestContext.RequestID, "error", err)
		writeMessage(w, http.StatusInternalServerError, "Internal Server Error")
	}
}

// authorizeEvent runs the authorizer on r's bearer token, if any, and puts
// the claims in ev. It reports false when the token is refused.
func (b *bridge) authorizeEvent(r *http.Request, ev *events.APIGatewayV2HTTPRequest) bool {
	if b.guarded != nil && !b.guarded(r.Method, r.URL.Path) {
		return true // a public route: API Gateway runs no authorizer
	}
	values := r.Header.Values("Authorization")
	if len(values) == 0 {
		return b.guarded == nil
	}
	token := strings.TrimSpace(strings.Join(values, ","))
	if scheme, rest, ok := strings.Cut(token, " "); ok && strings.EqualFold(scheme, "Bearer") {
		token = strings.TrimSpace(rest)
	}
	if token == "" || len(values) > 1 {
		return false
	}
	claims, err := b.authorize(r.Context(), token)
	if err != nil || len(claims) == 0 {
		b.logger.InfoContext(r.Context(), "token refused", "requestId", ev.RequestContext.RequestID, "error", err)
		return false
	}
	var scopes []string
	if s := claims["scope"]; s != "" {
		scopes = strings.Fields(s)
	}
	ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
		JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims, Scopes: scopes},
	}
	return true
}

// event builds the API Gateway v2 event for r with its body.
func (b *bridge) event(r *http.Request, body []byte) events.APIGatewayV2HTTPRequest {
	return NewEvent(r, body, b.newID(), b.now())
}

// NewEvent builds the payload format 2.0 event API Gateway sends for r
// with the request body body, received at now and given requestID: headers
// lower-cased with repeated values joined by commas, cookies as an array,
// X-Forwarded-* added, query parameters joined by commas, text bodies as
// they are and other bodies base64-encoded. The route is "$default" and
// there are no path parameters: a caller that routes, like the local
// gateway, sets RouteKey, RequestContext.RouteKey and PathParameters.
func NewEvent(r *http.Request, body []byte, requestID string, now time.Time) events.APIGatewayV2HTTPRequest {
	host := r.Host
	hostname, port := host, ""
	if h, p, err := net.SplitHostPort(host); err == nil {
		hostname, port = h, p
	}
	sourceIP := r.RemoteAddr
	if ip, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		sourceIP = ip
	}
	proto := "http"
	if r.TLS != nil {
		proto = "https"
	}
	if port == "" {
		port = "80"
		if proto == "https" {
			port = "443"
		}
	}

	headers := make(map[string]string, len(r.Header)+4)
	var cookies []string
	for name, values := range r.Header {
		lower := strings.ToLower(name)
		if lower == "cookie" {
			cookies = append(cookies, splitCookies(values)...)
			continue
		}
		headers[lower] = strings.Join(values, ",")
	}
	headers["host"] = host
	if _, ok := headers["content-length"]; !ok && len(body) > 0 {
		headers["content-length"] = strconv.Itoa(len(body))
	}
	if xff := headers["x-forwarded-for"]; xff != "" {
		headers["x-forwarded-for"] = xff + ", " + sourceIP
	} else {
		headers["x-forwarded-for"] = sourceIP
	}
	headers["x-forwarded-port"] = port
	headers["x-forwarded-proto"] = proto

	ev := events.APIGatewayV2HTTPRequest{
		Version:               "2.0",
		RouteKey:              "$default",
		RawPath:               r.URL.Path,
		RawQueryString:        r.URL.RawQuery,
		Cookies:               cookies,
		Headers:               headers,
		QueryStringParameters: queryParameters(r.URL.RawQuery),
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RouteKey:     "$default",
			Stage:        "$default",
			RequestID:    requestID,
			DomainName:   hostname,
			DomainPrefix: strings.SplitN(hostname, ".", 2)[0],
			Time:         now.UTC().Format("02/Jan/2006:15:04:05 -0700"),
			TimeEpoch:    now.UnixMilli(),
			HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{
				Method:    r.Method,
				Path:      r.URL.Path,
				Protocol:  r.Proto,
				SourceIP:  sourceIP,
				UserAgent: r.UserAgent(),
			},
		},
	}
	if len(body) > 0 {
		if isText(r.Header.Get("Content-Type")) && utf8.Valid(body) {
			ev.Body = string(body)
		} else {
			ev.Body, ev.IsBase64Encoded = base64.StdEncoding.EncodeToString(body), true
		}
	}
	return ev
}

// splitCookies turns Cookie header values into "name=value" items.
func splitCookies(values []string) []string {
	var out []string
	for _, v := range values {
		for c := range strings.SplitSeq(v, ";") {
			if c = strings.TrimSpace(c); c != "" {
				out = append(out, c)
			}
		}
	}
	return out
}

// queryParameters decodes the query like API Gateway: repeated names are
// joined with commas; nil when there are none.
func queryParameters(raw string) map[string]string {
	values, _ := url.ParseQuery(raw) // keep what parses, like API Gateway
	if len(values) == 0 {
		return nil
	}
	out := make(map[string]string, len(values))
	for k, v := range values {
		out[k] = strings.Join(v, ",")
	}
	return out
}

// isText reports whether a body of this media type is passed as text.
func isText(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"),
		mt == "application/json", strings.HasSuffix(mt, "+json"),
		mt == "application/xml", strings.HasSuffix(mt, "+xml"),
		mt == "application/javascript", mt == "application/x-www-form-urlencoded":
		return true
	}
	return false
}

// writeResponse writes the function's response as API Gateway would.
func writeResponse(w http.ResponseWriter, resp events.APIGatewayV2HTTPResponse) error {
	body := []byte(resp.Body)
	if resp.IsBase64Encoded {
		var err error
		if body, err = base64.StdEncoding.DecodeString(resp.Body); err != nil {
			return errors.New("isBase64Encoded is set but the body is not base64")
		}
	}
	status := resp.StatusCode
	if status == 0 {
		status = http.StatusOK
	}
	if status < 200 || status > 599 {
		return errors.New("status code " + strconv.Itoa(status) + " is out of range")
	}
	h := w.Header()
	for k, v := range resp.Headers {
		h.Set(k, v)
	}
	for k, vs := range resp.MultiValueHeaders {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	for _, c := range resp.Cookies {
		h.Add("Set-Cookie", c)
	}
	if bodyAllowed(status) {
		h.Set("Content-Length", strconv.Itoa(len(body)))
	}
	w.WriteHeader(status)
	if bodyAllowed(status) {
		_, _ = w.Write(body) // the client went away; nothing to do
	}
	return nil
}

func bodyAllowed(status int) bool {
	return status != http.StatusNoContent && status != http.StatusNotModified
}

// writeMessage writes API Gateway's own error responses.
func writeMessage(w http.ResponseWriter, status int, message string) {
	body := `{"message":"` + message + `"}`
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// newRequestID returns 11 random bytes in URL-safe base64, the shape of API
// Gateway's request ids.
func newRequestID() string {
	var b [11]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return base64.URLEncoding.EncodeToString(b[:])
}
