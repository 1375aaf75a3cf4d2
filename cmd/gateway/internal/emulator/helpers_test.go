package emulator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixedNow is the clock of every test gateway.
var fixedNow = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

// testGateway is a gateway over testdata/template.yaml and fake RIE
// endpoints.
type testGateway struct {
	*httptest.Server
	gw *emulator.Server
}

// newGateway starts a gateway; configure adjusts its configuration (whose
// Endpoints the caller fills with rietest endpoints).
func newGateway(t testing.TB, configure func(*emulator.Config)) *testGateway {
	t.Helper()
	tmpl, err := samtemplate.Load("testdata/template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := emulator.Config{
		Template:         tmpl,
		Endpoints:        map[string][]string{},
		Buckets:          map[string]string{"CoversBucket": "bookshop-covers", "WebBucket": "bookshop-web"},
		AsyncRetryDelays: []time.Duration{0, 0},
		APIID:            "local",
		Now:              func() time.Time { return fixedNow },
		NewRequestID:     func() string { return "LV7fzho-PHcEJPw=" },
	}
	if configure != nil {
		configure(&cfg)
	}
	gw, _, err := emulator.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	return &testGateway{Server: srv, gw: gw}
}

// waitAsync waits for the gateway's asynchronous invocations.
func (g *testGateway) waitAsync(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := g.gw.WaitAsync(ctx); err != nil {
		t.Fatal(err)
	}
}

// do sends a request and returns the response with its body read.
func do(t *testing.T, req *http.Request) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func newRequest(t *testing.T, method, url string, body []byte) *http.Request {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// echoResponse answers 200 with a fixed JSON body.
func echoResponse(context.Context, []byte) ([]byte, error) {
	return []byte(`{"statusCode":200,"headers":{"content-type":"application/json"},"body":"{\"ok\":true}"}`), nil
}

// checkMessage checks one of API Gateway's own answers.
func checkMessage(t *testing.T, resp *http.Response, body []byte, status int, message string) {
	t.Helper()
	if resp.StatusCode != status {
		t.Errorf("status = %d, want %d (body %s)", resp.StatusCode, status, body)
	}
	var got map[string]string
	if err := json.Unmarshal(body, &got); err != nil || got["message"] != message {
		t.Errorf("body = %s, want {\"message\":%q}", body, message)
	}
}

// compareGolden compares JSON semantically with testdata/name, rewriting it
// with -update.
func compareGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		var v any
		if err := json.Unmarshal(got, &v); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "    ")
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wantBytes, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	var want, have any
	if err := json.Unmarshal(wantBytes, &want); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(got, &have); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", name, diff)
	}
}

// endpoint starts a fake RIE endpoint.
func endpoint(t testing.TB, fn rietest.Func) *rietest.Endpoint { return rietest.New(t, fn) }

// readerOf returns a body of unknown length.
func readerOf(b []byte) io.ReadCloser { return io.NopCloser(bytes.NewReader(b)) }
