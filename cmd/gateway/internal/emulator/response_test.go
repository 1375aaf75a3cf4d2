package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// apiGatewayJSON is the content type of API Gateway's own answers.
var apiGatewayJSON = map[string][]string{"Content-Type": {"application/json"}}

// TestResponseMapping checks how function answers become HTTP responses,
// including the "simple" shape and what an HTTP API refuses: 500
// {"message":"Internal Server Error"}, for a malformed answer as for a
// function error.
func TestResponseMapping(t *testing.T) {
	tests := []struct {
		name        string
		answer      string
		fnErr       error
		wantStatus  int
		wantBody    string
		wantHeaders map[string][]string
	}{
		{"structured", `{"statusCode":201,"headers":{"content-type":"application/json","etag":"\"1\""},"body":"{\"id\":1}"}`, nil,
			201, `{"id":1}`, map[string][]string{"Content-Type": {"application/json"}, "Etag": {`"1"`}}},
		{"multi-value headers and cookies", `{"statusCode":200,"multiValueHeaders":{"x-multi":["a","b"]},"cookies":["a=1; Path=/","b=2; HttpOnly"],"body":"hi","headers":{"content-type":"text/plain"}}`, nil,
			200, "hi", map[string][]string{"X-Multi": {"a", "b"}, "Set-Cookie": {"a=1; Path=/", "b=2; HttpOnly"}, "Content-Type": {"text/plain"}}},
		{"base64 body", `{"statusCode":200,"headers":{"content-type":"image/png"},"body":"iVBORw0K","isBase64Encoded":true}`, nil,
			200, "\x89PNG\r\n", map[string][]string{"Content-Type": {"image/png"}}},
		{"no content", `{"statusCode":204}`, nil, 204, "", nil},
		{"simple object", `{"hello":"world"}`, nil, 200, `{"hello":"world"}`, map[string][]string{"Content-Type": {"application/json"}}},
		{"simple string", `"just a string"`, nil, 200, `"just a string"`, map[string][]string{"Content-Type": {"application/json"}}},
		{"not JSON", `not json`, nil, 500, `{"message":"Internal Server Error"}`, apiGatewayJSON},
		{"status code of the wrong type", `{"statusCode":"200"}`, nil, 500, `{"message":"Internal Server Error"}`, apiGatewayJSON},
		{"status code out of range", `{"statusCode":700}`, nil, 500, `{"message":"Internal Server Error"}`, apiGatewayJSON},
		{"bad base64", `{"statusCode":200,"body":"***","isBase64Encoded":true}`, nil, 500, `{"message":"Internal Server Error"}`, apiGatewayJSON},
		{"function error", "", errors.New("boom"), 500, `{"message":"Internal Server Error"}`, apiGatewayJSON},
		{"error payload without header", `{"errorMessage":"boom","errorType":"Runtime.ExitError"}`, nil, 500, `{"message":"Internal Server Error"}`, apiGatewayJSON},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn := endpoint(t, func(context.Context, []byte) ([]byte, error) { return []byte(tt.answer), tt.fnErr })
			gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["CatalogFunction"] = []string{fn.URL} })
			resp, body := do(t, newRequest(t, "GET", gw.URL+"/api/books", nil))
			if resp.StatusCode != tt.wantStatus || string(body) != tt.wantBody {
				t.Errorf("got %d %q, want %d %q", resp.StatusCode, body, tt.wantStatus, tt.wantBody)
			}
			for k, want := range tt.wantHeaders {
				if got := resp.Header.Values(k); !slices.Equal(got, want) {
					t.Errorf("header %s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

// TestGatewayErrors checks API Gateway's own answers: 413 for a body over
// the limit, 503 when the function outlives the timeout, 500 for a function
// without endpoints.
func TestGatewayErrors(t *testing.T) {
	t.Run("413 body too large", func(t *testing.T) {
		fn := endpoint(t, echoResponse)
		gw := newGateway(t, func(c *emulator.Config) {
			c.Endpoints["CatalogFunction"] = []string{fn.URL}
			c.MaxBodyBytes = 1024
		})
		resp, body := do(t, newRequest(t, "POST", gw.URL+"/api/books", make([]byte, 1025)))
		checkMessage(t, resp, body, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		// Without a Content-Length the limit applies while reading.
		req := newRequest(t, "POST", gw.URL+"/api/books", nil)
		req.Body = readerOf(make([]byte, 2048))
		req.ContentLength = -1
		resp, body = do(t, req)
		checkMessage(t, resp, body, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
		if fn.Invocations() != 0 {
			t.Errorf("%d invocations, want 0", fn.Invocations())
		}
	})
	t.Run("10 MB default limit", func(t *testing.T) {
		fn := endpoint(t, echoResponse)
		gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["CatalogFunction"] = []string{fn.URL} })
		resp, body := do(t, newRequest(t, "POST", gw.URL+"/api/books", make([]byte, emulator.MaxBodyBytes+1)))
		checkMessage(t, resp, body, http.StatusRequestEntityTooLarge, "Request Entity Too Large")
	})
	t.Run("503 timeout keeps the endpoint busy", func(t *testing.T) {
		release := make(chan struct{})
		fn := endpoint(t, func(ctx context.Context, p []byte) ([]byte, error) {
			<-release // the RIE runs on after the gateway gave up
			return echoResponse(ctx, p)
		})
		t.Cleanup(func() { close(release) }) // before the endpoint's server closes
		gw := newGateway(t, func(c *emulator.Config) {
			c.Endpoints["CatalogFunction"] = []string{fn.URL}
			c.Timeout = 50 * time.Millisecond
		})
		resp, body := do(t, newRequest(t, "GET", gw.URL+"/api/books", nil))
		checkMessage(t, resp, body, http.StatusServiceUnavailable, "Service Unavailable")
		// The endpoint is still running the first invoke: the next request
		// waits for it (and times out) instead of invoking it concurrently.
		resp, body = do(t, newRequest(t, "GET", gw.URL+"/api/books", nil))
		checkMessage(t, resp, body, http.StatusServiceUnavailable, "Service Unavailable")
		if n := fn.Invocations(); n != 1 {
			t.Errorf("%d invocations reached the busy endpoint, want 1", n)
		}
	})
	t.Run("500 without endpoints", func(t *testing.T) {
		gw := newGateway(t, nil)
		resp, body := do(t, newRequest(t, "GET", gw.URL+"/api/books", nil))
		checkMessage(t, resp, body, http.StatusInternalServerError, "Internal Server Error")
	})
	t.Run("health", func(t *testing.T) {
		gw := newGateway(t, nil)
		resp, _ := do(t, newRequest(t, "GET", gw.URL+"/_local/health", nil))
		if resp.StatusCode != 200 {
			t.Errorf("status %d", resp.StatusCode)
		}
	})
}
