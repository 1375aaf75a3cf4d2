package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestConfigFromEnvReportsEveryProblem(t *testing.T) {
	_, err := configFromEnv(func(name string) string {
		return map[string]string{"BOOKSHOP_INIT_TIMEOUT": "soon", "BOOKSHOP_API_URL": "gateway:8080"}[name]
	})
	if err == nil {
		t.Fatal("configFromEnv accepted an empty environment")
	}
	for _, want := range []string{"AWS_REGION", "BOOKSHOP_TABLE", "BOOKSHOP_DYNAMODB_ENDPOINT", "BOOKSHOP_BUCKET",
		"BOOKSHOP_S3_ENDPOINT", "BOOKSHOP_INIT_TIMEOUT", "BOOKSHOP_API_URL", "BOOKSHOP_COGNITO_ENDPOINT",
		"BOOKSHOP_USER_POOL_ID", "BOOKSHOP_USER_POOL_CLIENT_ID", "BOOKSHOP_ADMIN_EMAIL", "BOOKSHOP_ADMIN_PASSWORD"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not name %s: %v", want, err)
		}
	}
}

// TestHTTPClientSendsPublicURLsToTheInternalEndpoint proves that a URL signed
// for the host's S3 address reaches the in-network endpoint with its Host
// header unchanged (the signature covers it).
func TestHTTPClientSendsPublicURLsToTheInternalEndpoint(t *testing.T) {
	var gotHost string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotHost = r.Host
		io.WriteString(w, "ok")
	}))
	defer srv.Close()
	client := newHTTPClientFor(t, srv.URL)
	resp, err := client.Get("http://localhost:9/covers/x.jpg")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if gotHost != "localhost:9" {
		t.Errorf("Host = %q, want localhost:9", gotHost)
	}
}

func newHTTPClientFor(t *testing.T, internal string) *http.Client {
	t.Helper()
	cfg := config{}
	cfg.S3.Endpoint = internal
	cfg.S3.PublicEndpoint = "http://localhost:9"
	return newHTTPClient(cfg)
}
