package main

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bookshop/bookshop/cmd/internal/lambdaenv"
)

// config is the gateway's configuration, read from the environment.
type config struct {
	Addr         string
	TemplatePath string
	// Endpoints maps a function's logical id to its RIE base URLs.
	Endpoints map[string][]string
	// Buckets maps a bucket's logical id to its real name.
	Buckets          map[string]string
	WebOrigin        string
	CoversOrigin     string
	Timeout          time.Duration
	MaxQueue         int
	AsyncRetryDelays []time.Duration
	Region           string
	lambdaenv.Logging
	// JWT configures the template's JWT authorizers locally, by authorizer
	// name (see jwtFromEnviron).
	JWT map[string]jwtSettings
}

// jwtSettings are the local values of a JWT authorizer: the template's
// issuer and audience name AWS resources (the user pool and its client).
type jwtSettings struct {
	Issuer   string
	Audience []string
	// JWKSURL is where the gateway fetches the keys; "" means Issuer +
	// "/.well-known/jwks.json".
	JWKSURL string
	// TokenUse is the required token_use: "" or "access", "id", or "*".
	TokenUse string
}

// Prefixes of the variables configuring a JWT authorizer; the authorizer's
// name (as in the template) follows.
const (
	envJWTIssuer   = "BOOKSHOP_JWT_ISSUER_"
	envJWTAudience = "BOOKSHOP_JWT_AUDIENCE_"
	envJWTJWKS     = "BOOKSHOP_JWT_JWKS_"
	envJWTTokenUse = "BOOKSHOP_JWT_TOKEN_USE_"
)

// configFromEnv reads the configuration from getenv, and the JWT
// authorizers' variables from environ ("KEY=value" items, as os.Environ
// returns them); every problem is reported at once.
func configFromEnv(getenv func(string) string, environ []string) (config, error) {
	var errs []error
	cfg := config{
		TemplatePath: cmp.Or(getenv("BOOKSHOP_TEMPLATE"), "deploy/template.yaml"),
		WebOrigin:    strings.TrimSuffix(getenv("BOOKSHOP_WEB_ORIGIN"), "/"),
		CoversOrigin: strings.TrimSuffix(getenv("BOOKSHOP_COVERS_ORIGIN"), "/"),
		Timeout:      30 * time.Second,
		MaxQueue:     100,
		Region:       cmp.Or(getenv("AWS_REGION"), "us-east-1"),
	}
	port := cmp.Or(getenv("PORT"), "8080")
	if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
		errs = append(errs, fmt.Errorf("PORT %q is not a port number", port))
	}
	cfg.Addr = ":" + port

	var err error
	if cfg.Endpoints, err = parseEndpoints(getenv("BOOKSHOP_FUNCTION_ENDPOINTS")); err != nil {
		errs = append(errs, fmt.Errorf("BOOKSHOP_FUNCTION_ENDPOINTS: %w", err))
	}
	if cfg.Buckets, err = parseBuckets(getenv("BOOKSHOP_BUCKETS")); err != nil {
		errs = append(errs, fmt.Errorf("BOOKSHOP_BUCKETS: %w", err))
	}
	for _, o := range [...]struct{ name, url string }{{"BOOKSHOP_WEB_ORIGIN", cfg.WebOrigin}, {"BOOKSHOP_COVERS_ORIGIN", cfg.CoversOrigin}} {
		name, origin := o.name, o.url
		if u, err := url.Parse(origin); origin != "" && (err != nil || u.Scheme == "" || u.Host == "") {
			errs = append(errs, fmt.Errorf("%s %q is not an absolute URL", name, origin))
		}
	}
	if v := getenv("BOOKSHOP_TIMEOUT"); v != "" {
		if cfg.Timeout, err = time.ParseDuration(v); err != nil || cfg.Timeout <= 0 {
			errs = append(errs, fmt.Errorf("BOOKSHOP_TIMEOUT %q is not a positive duration such as 30s", v))
		}
	}
	if v := getenv("BOOKSHOP_MAX_QUEUE"); v != "" {
		if cfg.MaxQueue, err = strconv.Atoi(v); err != nil || cfg.MaxQueue < 1 {
			errs = append(errs, fmt.Errorf("BOOKSHOP_MAX_QUEUE %q is not a positive integer", v))
		}
	}
	if v := getenv("BOOKSHOP_ASYNC_RETRY_DELAYS"); v != "" {
		cfg.AsyncRetryDelays = []time.Duration{}
		for item := range strings.SplitSeq(v, ",") {
			d, err := time.ParseDuration(strings.TrimSpace(item))
			if err != nil || d < 0 {
				errs = append(errs, fmt.Errorf("BOOKSHOP_ASYNC_RETRY_DELAYS %q is not a list of durations such as 1s,2s", v))
				break
			}
			cfg.AsyncRetryDelays = append(cfg.AsyncRetryDelays, d)
		}
	}
	if cfg.JWT, err = jwtFromEnviron(environ); err != nil {
		errs = append(errs, err)
	}
	if l := getenv("LOG_LEVEL"); l != "" {
		if err := cfg.LogLevel.UnmarshalText([]byte(l)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL: %w", err))
		}
	}
	return cfg, errors.Join(errs...)
}

// parseEndpoints parses "Fn=http://a:8080,http://b:8080;Other=http://c:8080".
func parseEndpoints(s string) (map[string][]string, error) {
	out := map[string][]string{}
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		name, urls, ok := strings.Cut(item, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" || urls == "" {
			return nil, fmt.Errorf("%q is not LogicalId=url[,url...]", item)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("%s is listed twice", name)
		}
		for u := range strings.SplitSeq(urls, ",") {
			u = strings.TrimSpace(u)
			if pu, err := url.Parse(u); err != nil || pu.Scheme == "" || pu.Host == "" {
				return nil, fmt.Errorf("%s: %q is not an absolute URL", name, u)
			}
			out[name] = append(out[name], u)
		}
	}
	return out, nil
}

// parseBuckets parses "CoversBucket=bookshop-covers;WebBucket=bookshop-web".
func parseBuckets(s string) (map[string]string, error) {
	out := map[string]string{}
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item == "" {
			continue
		}
		id, name, ok := strings.Cut(item, "=")
		id, name = strings.TrimSpace(id), strings.TrimSpace(name)
		if !ok || id == "" || name == "" {
			return nil, fmt.Errorf("%q is not LogicalId=bucket-name", item)
		}
		out[id] = name
	}
	return out, nil
}

// jwtFromEnviron reads the JWT authorizers' settings:
//
//	BOOKSHOP_JWT_ISSUER_<Name>     the tokens' iss (required)
//	BOOKSHOP_JWT_AUDIENCE_<Name>   accepted app client ids, comma-separated (required)
//	BOOKSHOP_JWT_JWKS_<Name>       JWKS URL (default: issuer + /.well-known/jwks.json)
//	BOOKSHOP_JWT_TOKEN_USE_<Name>  access (default), id or *
func jwtFromEnviron(environ []string) (map[string]jwtSettings, error) {
	out := map[string]jwtSettings{}
	var errs []error
	for _, kv := range environ {
		key, value, _ := strings.Cut(kv, "=")
		value = strings.TrimSpace(value)
		for _, prefix := range []string{envJWTIssuer, envJWTAudience, envJWTJWKS, envJWTTokenUse} {
			name, ok := strings.CutPrefix(key, prefix)
			if !ok {
				continue
			}
			if name == "" {
				errs = append(errs, fmt.Errorf("%s needs the authorizer's name after the prefix, e.g. %sCognitoAuthorizer", key, prefix))
				break
			}
			s := out[name]
			switch prefix {
			case envJWTIssuer:
				s.Issuer = value
			case envJWTAudience:
				for id := range strings.SplitSeq(value, ",") {
					if id = strings.TrimSpace(id); id != "" {
						s.Audience = append(s.Audience, id)
					}
				}
			case envJWTJWKS:
				s.JWKSURL = value
			case envJWTTokenUse:
				s.TokenUse = value
			}
			out[name] = s
			break
		}
	}
	for name, s := range out {
		if u, err := url.Parse(s.Issuer); err != nil || u.Scheme == "" || u.Host == "" {
			errs = append(errs, fmt.Errorf("%s%s %q is not an absolute URL", envJWTIssuer, name, s.Issuer))
		}
		if len(s.Audience) == 0 {
			errs = append(errs, fmt.Errorf("%s%s must list the app client ids", envJWTAudience, name))
		}
		if s.JWKSURL != "" {
			if u, err := url.Parse(s.JWKSURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				errs = append(errs, fmt.Errorf("%s%s %q is not an http(s) URL", envJWTJWKS, name, s.JWKSURL))
			}
		}
		switch s.TokenUse {
		case "", "access", "id", "*":
		default:
			errs = append(errs, fmt.Errorf("%s%s %q: want access, id or *", envJWTTokenUse, name, s.TokenUse))
		}
	}
	if len(out) == 0 {
		return nil, errors.Join(errs...)
	}
	return out, errors.Join(errs...)
}
