package apigw

import (
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
)

// Defaults of the CORS configuration.
var (
	defaultAllowedMethods = append(routeMethods(), "OPTIONS")
	defaultAllowedHeaders = []string{"Authorization", "Content-Type", "If-Match", "Idempotency-Key"}
	defaultExposedHeaders = []string{"ETag", "Location"}
)

const defaultMaxAge = 10 * time.Minute

// corsPolicy answers preflights and decorates responses. Header values are
// joined once, at construction. If CORS is also configured on the API
// Gateway HTTP API, API Gateway answers preflights itself and overrides these
// headers; configure it in one place only.
type corsPolicy struct {
	enabled   bool
	anyOrigin bool
	origins   []string
	methods   string
	headers   string
	exposed   string
	maxAge    string
}

func newCORSPolicy(cfg Config) corsPolicy {
	p := corsPolicy{
		methods: strings.Join(orDefault(cfg.AllowedMethods, defaultAllowedMethods), ", "),
		headers: strings.Join(orDefault(cfg.AllowedHeaders, defaultAllowedHeaders), ", "),
		exposed: strings.Join(orDefault(cfg.ExposedHeaders, defaultExposedHeaders), ", "),
		maxAge:  strconv.Itoa(int(positiveOr(cfg.MaxAge, defaultMaxAge) / time.Second)),
	}
	for _, o := range cfg.AllowedOrigins {
		o = strings.TrimSuffix(strings.TrimSpace(o), "/")
		switch o {
		case "":
		case "*":
			p.enabled, p.anyOrigin = true, true
		default:
			p.enabled = true
			p.origins = append(p.origins, o)
		}
	}
	return p
}

// orDefault returns v, or def when v is empty.
func orDefault(v, def []string) []string {
	if len(v) == 0 {
		return def
	}
	return v
}

// positiveOr returns d, or def when d is not positive.
func positiveOr(d, def time.Duration) time.Duration {
	if d <= 0 {
		return def
	}
	return d
}

// allowOrigin returns the Access-Control-Allow-Origin value for origin, or ""
// when the origin may not call the API.
func (p *corsPolicy) allowOrigin(origin string) string {
	switch {
	case !p.enabled || origin == "":
		return ""
	case p.anyOrigin:
		return "*"
	}
	for _, o := range p.origins {
		if len(o) == len(origin) && equalFoldASCII(o, origin) {
			return origin
		}
	}
	return ""
}

// decorate adds the CORS headers of an actual (non-preflight) response.
func (p *corsPolicy) decorate(req *events.APIGatewayV2HTTPRequest, headers map[string]string) {
	if !p.enabled || headers == nil {
		return
	}
	if !p.anyOrigin {
		headers["Vary"] = "Origin" // the answer depends on the Origin header
	}
	if o := p.allowOrigin(headerValue(req.Headers, "origin")); o != "" {
		headers["Access-Control-Allow-Origin"] = o
		headers["Access-Control-Expose-Headers"] = p.exposed
	}
}

// preflight answers OPTIONS on a known route: 204 with Allow and, for a CORS
// preflight from an allowed origin, the Access-Control-Allow-* headers. A
// preflight from any other origin gets no CORS headers, which makes the
// browser refuse the actual request.
func (p *corsPolicy) preflight(req *events.APIGatewayV2HTTPRequest, res *resource) events.APIGatewayV2HTTPResponse {
	headers := map[string]string{"Allow": res.allow}
	if p.enabled && !p.anyOrigin {
		headers["Vary"] = "Origin"
	}
	origin := p.allowOrigin(headerValue(req.Headers, "origin"))
	if origin != "" && headerValue(req.Headers, "access-control-request-method") != "" {
		headers["Access-Control-Allow-Origin"] = origin
		headers["Access-Control-Allow-Methods"] = p.methods
		headers["Access-Control-Allow-Headers"] = p.headers
		headers["Access-Control-Max-Age"] = p.maxAge
	}
	return events.APIGatewayV2HTTPResponse{StatusCode: 204, Headers: headers}
}
