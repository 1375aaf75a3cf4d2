package emulator

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// MaxBodyBytes is API Gateway's payload limit for HTTP APIs, 10 MB.
const MaxBodyBytes = 10 << 20

// Config configures a Server. Zero values take the documented defaults.
type Config struct {
	// Template is the parsed SAM template (required).
	Template *samtemplate.Template
	// Endpoints maps a function's logical id to the base URLs of its RIE
	// containers ("http://catalog:8080"). A function without endpoints
	// answers 500 {"message":"Internal Server Error"} and is reported by
	// New's warnings.
	Endpoints map[string][]string
	// Buckets maps a bucket's logical id to its real name, to match S3
	// notifications with the template's S3 triggers.
	Buckets map[string]string
	// WebOrigin is the base URL the web app is served from (the web bucket
	// in MinIO, such as http://minio:9000/bookshop-web); empty serves none.
	WebOrigin string
	// CoversOrigin is the base URL of the covers bucket (such as
	// http://minio:9000/bookshop-covers), served at /covers/ and
	// /thumbnails/ like the template's CloudFront behaviours; empty serves
	// none.
	CoversOrigin string
	// Timeout bounds an API request's wait and invocation, like API
	// Gateway's integration timeout (default 30 s, the HTTP API maximum); it
	// answers 503 {"message":"Service Unavailable"}. Each invocation is also
	// bounded by its function's Timeout in the template
	// (samtemplate.FunctionTimeout), as Lambda bounds it: past it the
	// invocation is a function error (500 for an API route).
	Timeout time.Duration
	// MaxQueue is how many requests per function may wait for a busy
	// endpoint before 429 (default 100).
	MaxQueue int
	// MaxBodyBytes is the request body limit (default MaxBodyBytes).
	MaxBodyBytes int64
	// AsyncRetryDelays are the waits before retrying a failed asynchronous
	// invocation; Lambda retries twice (default 1 s and 2 s locally, where
	// Lambda waits about 1 and 2 minutes).
	AsyncRetryDelays []time.Duration
	// AccountID, APIID and Region fill the events (defaults 123456789012,
	// "local", us-east-1).
	AccountID, APIID, Region string
	// Authorizers verify the tokens of the template's JWT authorizers, by
	// authorizer name. The template's issuer and audience name AWS
	// resources, so the caller builds each verifier from local settings. A
	// route protected by an authorizer without a verifier answers 401 and is
	// reported by New's warnings; naming an authorizer the template does not
	// declare is an error.
	Authorizers map[string]TokenVerifier
	// Client calls the RIE endpoints and the web origin (default: a client
	// without a timeout; Timeout bounds each call).
	Client *http.Client
	// Logger receives one JSON access log line per request (nil discards).
	Logger *slog.Logger
	// Now and NewRequestID make events reproducible in tests (defaults:
	// time.Now and API Gateway-shaped random ids).
	Now          func() time.Time
	NewRequestID func() string
}

// Server is the gateway; it is an http.Handler, safe for concurrent use.
type Server struct {
	cfg     Config
	routes  routeTable
	invoker *invoker
	// bucketIDs maps a real bucket name to its logical id.
	bucketIDs map[string]string
	functions map[string]bool

	async     sync.WaitGroup
	closing   chan struct{}
	closeOnce sync.Once
}

// New returns a gateway for cfg. It fails on configuration mistakes: an
// endpoint or bucket naming something the template does not declare, a bad
// web origin. Warnings lists what works but is incomplete (functions without
// endpoints).
func New(cfg Config) (s *Server, warnings []string, err error) {
	if cfg.Template == nil {
		return nil, nil, errors.New("emulator: no template")
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 30 * time.Second
	}
	if cfg.MaxQueue <= 0 {
		cfg.MaxQueue = 100
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = MaxBodyBytes
	}
	if cfg.AsyncRetryDelays == nil {
		cfg.AsyncRetryDelays = []time.Duration{time.Second, 2 * time.Second}
	}
	cfg.AccountID = cmp.Or(cfg.AccountID, "123456789012")
	cfg.APIID = cmp.Or(cfg.APIID, "local")
	cfg.Region = cmp.Or(cfg.Region, "us-east-1")
	if cfg.Client == nil {
		cfg.Client = &http.Client{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.NewRequestID == nil {
		cfg.NewRequestID = newRequestID
	}
	s = &Server{
		cfg:       cfg,
		routes:    newRouteTable(cfg.Template.Routes),
		bucketIDs: map[string]string{},
		functions: map[string]bool{},
		closing:   make(chan struct{}),
	}
	var errs []error
	for _, f := range cfg.Template.Functions {
		s.functions[f] = true
	}
	for f := range cfg.Endpoints {
		if !s.functions[f] {
			errs = append(errs, fmt.Errorf("endpoints name %s, which the template does not declare (functions: %s)", f, strings.Join(cfg.Template.Functions, ", ")))
		}
	}
	s.invoker, err = newInvoker(cfg.Endpoints, cfg.MaxQueue, cfg.Client, cfg.Template.FunctionTimeout)
	errs = append(errs, err)
	authWarnings, err := s.compileAuth(cfg.Authorizers)
	if err != nil {
		errs = append(errs, err)
	}
	warnings = append(warnings, authWarnings...)
	for _, f := range cfg.Template.Functions {
		if len(cfg.Endpoints[f]) == 0 {
			warnings = append(warnings, fmt.Sprintf("function %s has no endpoint: its routes answer 500 and its triggers are dropped", f))
		}
	}
	for id, name := range cfg.Buckets {
		if cfg.Template.Raw != nil && cfg.Template.Raw.Resources[id] == nil {
			errs = append(errs, fmt.Errorf("bucket %s is not a resource of the template", id))
		}
		s.bucketIDs[name] = id
	}
	for _, o := range [...]struct{ name, url string }{{"web origin", cfg.WebOrigin}, {"covers origin", cfg.CoversOrigin}} {
		name, origin := o.name, o.url
		if origin == "" {
			warnings = append(warnings, "no "+name+": its paths are not served")
		} else if u, err := url.Parse(origin); err != nil || u.Scheme == "" || u.Host == "" {
			errs = append(errs, fmt.Errorf("%s %q is not an absolute URL", name, origin))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return s, warnings, nil
}

// Close stops retrying asynchronous invocations and waits until those in
// flight end or ctx is done.
func (s *Server) Close(ctx context.Context) error {
	s.closeOnce.Do(func() { close(s.closing) })
	return s.WaitAsync(ctx)
}

// WaitAsync waits until every asynchronous invocation started so far has
// succeeded or exhausted its retries, or ctx is done.
func (s *Server) WaitAsync(ctx context.Context) error {
	done := make(chan struct{})
	go func() { s.async.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// invokeFunctionsPath prefixes the Lambda Invoke API.
const invokeFunctionsPath = "/2015-03-31/functions/"

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
	entry := accessEntry{requestID: s.cfg.NewRequestID()}
	rec.Header().Set("Apigw-Requestid", entry.requestID)
	s.route(rec, r, &entry)
	if rec.wrote {
		// Send the buffered answer before logging: the client need not wait for the log line.
		_ = http.NewResponseController(rec).Flush()
	}
	s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("requestId", entry.requestID),
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.String("route", entry.route),
		slog.String("function", entry.function),
		slog.Int("status", rec.status),
		slog.Float64("durationMs", float64(time.Since(start).Microseconds())/1000),
		slog.String("error", entry.err),
	)
}

// accessEntry collects what the access log reports beyond the request.
type accessEntry struct {
	requestID, route, function, err string
}

func (s *Server) route(w http.ResponseWriter, r *http.Request, entry *accessEntry) {
	path := r.URL.Path
	switch {
	case path == "/_local/health" && (r.Method == http.MethodGet || r.Method == http.MethodHead):
		entry.route = "health"
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"status":"ok"}`)
		return
	case path == "/_local/s3-events" && r.Method == http.MethodPost:
		entry.route = "s3-events"
		s.serveS3Events(w, r, entry)
		return
	case strings.HasPrefix(path, invokeFunctionsPath) && r.Method == http.MethodPost:
		entry.route = "invoke"
		s.serveInvoke(w, r, entry)
		return
	}
	if s.isPreflight(r) {
		entry.route = "preflight"
		s.preflight(w, r)
		return
	}
	if rt, params, ok := s.routes.find(r.Method, path); ok {
		entry.route, entry.function = rt.Key(), rt.Function
		s.serveAPI(w, r, rt, params, entry)
		return
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		if origin, ok := s.originFor(path); ok {
			entry.route = "bucket"
			s.serveStatic(w, r, origin, entry)
			return
		}
	}
	entry.route = "-"
	s.decorateCORS(w.Header(), r)
	writeMessage(w, http.StatusNotFound)
}

// serveAPI runs one API route: event, invocation, response.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request, rt *route, params map[string]string, entry *accessEntry) {
	s.decorateCORS(w.Header(), r)
	var authorizer *events.APIGatewayV2HTTPRequestContextAuthorizerDescription
	if rt.auth != nil {
		var ok bool
		if authorizer, ok = s.authorize(w, r, rt.auth, entry); !ok {
			return
		}
	}
	if r.ContentLength > s.cfg.MaxBodyBytes {
		writeMessage(w, http.StatusRequestEntityTooLarge)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeMessage(w, http.StatusRequestEntityTooLarge)
			return
		}
		writeMessage(w, http.StatusBadRequest)
		return
	}
	ev := s.httpAPIEvent(r, rt, params, body, entry.requestID)
	ev.RequestContext.Authorizer = authorizer
	payload, err := marshalEvent(ev)
	if err != nil {
		entry.err = err.Error()
		writeMessage(w, http.StatusInternalServerError)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	inv, err := s.invoker.invoke(ctx, rt.Function, payload)
	switch {
	case errors.Is(err, errThrottled):
		entry.err = err.Error()
		writeMessage(w, http.StatusTooManyRequests)
		return
	case errors.Is(err, context.DeadlineExceeded):
		entry.err = "integration timeout"
		writeMessage(w, http.StatusServiceUnavailable)
		return
	case err != nil:
		entry.err = err.Error()
		writeMessage(w, integrationFailed)
		return
	case inv.functionError:
		entry.err = "function error: " + truncate(string(inv.payload), 500)
		writeMessage(w, integrationFailed)
		return
	}
	resp, err := parseResponse(inv.payload)
	if err != nil {
		entry.err = err.Error()
		writeMessage(w, integrationFailed)
		return
	}
	s.overrideCORS(resp.header, r)
	resp.write(w)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// statusRecorder remembers the status written, for the access log, and
// whether anything was.
type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(status int) {
	if !r.wrote {
		r.status, r.wrote = status, true
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *statusRecorder) Write(p []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(p)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// newRequestID returns 11 random bytes in URL-safe base64, the shape of API
// Gateway's request ids.
func newRequestID() string {
	var b [11]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return base64.URLEncoding.EncodeToString(b[:])
}
