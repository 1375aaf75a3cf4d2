package emulator_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestInvokeAPI checks the Lambda Invoke API the gateway offers other
// emulators (such as cognito-local's triggers).
func TestInvokeAPI(t *testing.T) {
	fn := endpoint(t, func(_ context.Context, p []byte) ([]byte, error) {
		if string(p) == `{"fail":true}` {
			return nil, errors.New("boom")
		}
		return p, nil // echo
	})
	gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["CatalogFunction"] = []string{fn.URL} })
	invoke := func(t *testing.T, name, invocationType, payload string) (*http.Response, []byte) {
		req := newRequest(t, "POST", gw.URL+"/2015-03-31/functions/"+name+"/invocations", []byte(payload))
		if invocationType != "" {
			req.Header.Set("X-Amz-Invocation-Type", invocationType)
		}
		return do(t, req)
	}
	t.Run("request-response", func(t *testing.T) {
		resp, body := invoke(t, "CatalogFunction", "", `{"a":1}`)
		if resp.StatusCode != 200 || string(body) != `{"a":1}` || resp.Header.Get("X-Amz-Function-Error") != "" {
			t.Errorf("got %d %s (function error %q)", resp.StatusCode, body, resp.Header.Get("X-Amz-Function-Error"))
		}
	})
	t.Run("by ARN with a qualifier", func(t *testing.T) {
		resp, body := invoke(t, "arn:aws:lambda:us-east-1:123456789012:function:CatalogFunction:$LATEST", "RequestResponse", `{"b":2}`)
		if resp.StatusCode != 200 || string(body) != `{"b":2}` {
			t.Errorf("got %d %s", resp.StatusCode, body)
		}
	})
	t.Run("function error", func(t *testing.T) {
		resp, body := invoke(t, "CatalogFunction", "", `{"fail":true}`)
		if resp.StatusCode != 200 || resp.Header.Get("X-Amz-Function-Error") != "Unhandled" {
			t.Errorf("got %d %s (function error %q)", resp.StatusCode, body, resp.Header.Get("X-Amz-Function-Error"))
		}
	})
	t.Run("event", func(t *testing.T) {
		before := fn.Invocations()
		resp, _ := invoke(t, "CatalogFunction", "Event", `{"c":3}`)
		if resp.StatusCode != http.StatusAccepted {
			t.Errorf("status %d, want 202", resp.StatusCode)
		}
		gw.waitAsync(t)
		if n := fn.Invocations() - before; n != 1 {
			t.Errorf("%d invocations, want 1", n)
		}
	})
	t.Run("unknown function", func(t *testing.T) {
		resp, _ := invoke(t, "NoSuchFunction", "", `{}`)
		if resp.StatusCode != 404 || resp.Header.Get("X-Amzn-ErrorType") != "ResourceNotFoundException" {
			t.Errorf("got %d %q", resp.StatusCode, resp.Header.Get("X-Amzn-ErrorType"))
		}
	})
}
