package main

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{
		"PORT":                                     "9090",
		"BOOKSHOP_TEMPLATE":                        "/etc/bookshop/template.yaml",
		"BOOKSHOP_FUNCTION_ENDPOINTS":              "CatalogFunction=http://catalog:8080,http://catalog-2:8080; ThumbnailerFunction=http://thumbnailer:8080",
		"BOOKSHOP_BUCKETS":                         "CoversBucket=bookshop-covers;WebBucket=bookshop-web",
		"BOOKSHOP_WEB_ORIGIN":                      "http://minio:9000/bookshop-web/",
		"BOOKSHOP_TIMEOUT":                         "5s",
		"BOOKSHOP_MAX_QUEUE":                       "7",
		"BOOKSHOP_ASYNC_RETRY_DELAYS":              "10ms,20ms",
		"BOOKSHOP_JWT_ISSUER_CognitoAuthorizer":    "http://0.0.0.0:9229/local_pool",
		"BOOKSHOP_JWT_JWKS_CognitoAuthorizer":      "http://cognito:9229/local_pool/.well-known/jwks.json",
		"BOOKSHOP_JWT_AUDIENCE_CognitoAuthorizer":  "client-1, client-2",
		"BOOKSHOP_JWT_ISSUER_PartnerAuthorizer":    "https://partner.example",
		"BOOKSHOP_JWT_AUDIENCE_PartnerAuthorizer":  "partner",
		"BOOKSHOP_JWT_TOKEN_USE_PartnerAuthorizer": "id",
	}
	cfg, err := configFromEnv(lookup(env), environ(env))
	if err != nil {
		t.Fatal(err)
	}
	want := config{
		Addr:         ":9090",
		TemplatePath: "/etc/bookshop/template.yaml",
		Endpoints: map[string][]string{
			"CatalogFunction":     {"http://catalog:8080", "http://catalog-2:8080"},
			"ThumbnailerFunction": {"http://thumbnailer:8080"},
		},
		Buckets:          map[string]string{"CoversBucket": "bookshop-covers", "WebBucket": "bookshop-web"},
		WebOrigin:        "http://minio:9000/bookshop-web",
		Timeout:          5 * time.Second,
		MaxQueue:         7,
		AsyncRetryDelays: []time.Duration{10 * time.Millisecond, 20 * time.Millisecond},
		Region:           "us-east-1",
		JWT: map[string]jwtSettings{
			"CognitoAuthorizer": {Issuer: "http://0.0.0.0:9229/local_pool", Audience: []string{"client-1", "client-2"}, JWKSURL: "http://cognito:9229/local_pool/.well-known/jwks.json"},
			"PartnerAuthorizer": {Issuer: "https://partner.example", Audience: []string{"partner"}, TokenUse: "id"},
		},
	}
	if diff := cmp.Diff(want, cfg); diff != "" {
		t.Errorf("config (-want +got):\n%s", diff)
	}
}

func TestConfigDefaults(t *testing.T) {
	cfg, err := configFromEnv(func(string) string { return "" }, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Addr != ":8080" || cfg.TemplatePath != "deploy/template.yaml" || cfg.Timeout != 30*time.Second || cfg.MaxQueue != 100 {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestConfigReportsEveryProblem(t *testing.T) {
	env := map[string]string{
		"PORT":                                     "http",
		"BOOKSHOP_FUNCTION_ENDPOINTS":              "CatalogFunction=catalog:8080",
		"BOOKSHOP_BUCKETS":                         "CoversBucket",
		"BOOKSHOP_TIMEOUT":                         "soon",
		"BOOKSHOP_MAX_QUEUE":                       "0",
		"BOOKSHOP_JWT_ISSUER_CognitoAuthorizer":    "cognito:9229/pool",
		"BOOKSHOP_JWT_JWKS_CognitoAuthorizer":      "file:///jwks.json",
		"BOOKSHOP_JWT_TOKEN_USE_CognitoAuthorizer": "refresh",
		"BOOKSHOP_JWT_ISSUER_":                     "http://0.0.0.0:9229/pool",
	}
	_, err := configFromEnv(lookup(env), environ(env))
	if err == nil {
		t.Fatal("no error")
	}
	for _, name := range []string{"PORT", "BOOKSHOP_FUNCTION_ENDPOINTS", "BOOKSHOP_BUCKETS", "BOOKSHOP_TIMEOUT", "BOOKSHOP_MAX_QUEUE",
		"BOOKSHOP_JWT_ISSUER_CognitoAuthorizer", "BOOKSHOP_JWT_AUDIENCE_CognitoAuthorizer", "BOOKSHOP_JWT_JWKS_CognitoAuthorizer",
		"BOOKSHOP_JWT_TOKEN_USE_CognitoAuthorizer", "BOOKSHOP_JWT_ISSUER_ needs the authorizer's name"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
}

func lookup(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

// environ renders env as os.Environ does.
func environ(env map[string]string) []string {
	out := make([]string, 0, len(env))
	for k, v := range env {
		out = append(out, k+"="+v)
	}
	return out
}
