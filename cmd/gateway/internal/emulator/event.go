package emulator

import (
	"encoding/base64"
	"encoding/json"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/aws/aws-lambda-go/events"
)

// wireEvent is the event as sent: aws-lambda-go's type would also send an
// empty requestContext.authentication, which API Gateway only sends with
// mutual TLS, and would omit requestContext.authorizer.jwt.scopes, which API
// Gateway sends as null when the route requires no scopes.
type wireEvent struct {
	events.APIGatewayV2HTTPRequest
	RequestContext wireRequestContext `json:"requestContext"`
}

type wireRequestContext struct {
	events.APIGatewayV2HTTPRequestContext
	Authorizer     *wireAuthorizer                                      `json:"authorizer,omitempty"`
	Authentication *events.APIGatewayV2HTTPRequestContextAuthentication `json:"authentication,omitempty"`
}

// wireAuthorizer is requestContext.authorizer of a route with a JWT
// authorizer.
type wireAuthorizer struct {
	JWT *wireJWT `json:"jwt"`
}

type wireJWT struct {
	Claims map[string]string `json:"claims"`
	Scopes []string          `json:"scopes"`
}

// marshalEvent encodes ev as API Gateway sends it.
func marshalEvent(ev events.APIGatewayV2HTTPRequest) ([]byte, error) {
	rc := wireRequestContext{APIGatewayV2HTTPRequestContext: ev.RequestContext}
	if a := ev.RequestContext.Authorizer; a != nil && a.JWT != nil {
		rc.Authorizer = &wireAuthorizer{JWT: &wireJWT{Claims: a.JWT.Claims, Scopes: a.JWT.Scopes}}
	}
	return json.Marshal(wireEvent{APIGatewayV2HTTPRequest: ev, RequestContext: rc})
}

// httpAPIEvent builds the payload format 2.0 event API Gateway sends for r
// on route rt with the path parameters params and the request body body.
func (s *Server) httpAPIEvent(r *http.Request, rt *route, params map[string]string, body []byte, requestID string) events.APIGatewayV2HTTPRequest {
	now := s.cfg.Now()
	hostname, port := r.Host, ""
	if h, p, err := net.SplitHostPort(r.Host); err == nil {
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
		port = map[string]string{"http": "80", "https": "443"}[proto]
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
	headers["host"] = r.Host
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

	routeKey := rt.Key()
	ev := events.APIGatewayV2HTTPRequest{
		Version:               "2.0",
		RouteKey:              routeKey,
		RawPath:               r.URL.Path,
		RawQueryString:        r.URL.RawQuery,
		Cookies:               cookies,
		Headers:               headers,
		QueryStringParameters: queryParameters(r.URL.RawQuery),
		PathParameters:        params,
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			AccountID:    s.cfg.AccountID,
			APIID:        s.cfg.APIID,
			DomainName:   hostname,
			DomainPrefix: strings.SplitN(hostname, ".", 2)[0],
			RouteKey:     routeKey,
			Stage:        "$default",
			RequestID:    requestID,
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

// splitCookies turns Cookie header values into "name=value" items, the
// event's cookies array.
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

// isText reports whether a body of this media type is passed as text rather
// than base64.
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
