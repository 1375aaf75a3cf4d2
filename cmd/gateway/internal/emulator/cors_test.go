package emulator_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestCORS checks that the gateway answers preflights itself and sets CORS
// response headers from the template's CorsConfiguration, replacing the
// function's own, as API Gateway does.
func TestCORS(t *testing.T) {
	fn := endpoint(t, func(context.Context, []byte) ([]byte, error) {
		return []byte(`{"statusCode":200,"headers":{"access-control-allow-origin":"https://evil.example","content-type":"application/json"},"body":"{}"}`), nil
	})
	gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["CatalogFunction"] = []string{fn.URL} })

	t.Run("preflight from an allowed origin", func(t *testing.T) {
		req := newRequest(t, "OPTIONS", gw.URL+"/api/books/1", nil)
		req.Header.Set("Origin", "https://shop.example")
		req.Header.Set("Access-Control-Request-Method", "PUT")
		req.Header.Set("Access-Control-Request-Headers", "if-match,content-type")
		resp, _ := do(t, req)
		want := map[string]string{
			"Access-Control-Allow-Origin":  "https://shop.example",
			"Access-Control-Allow-Methods": "GET,POST,PUT,DELETE,OPTIONS",
			"Access-Control-Allow-Headers": "authorization,content-type,if-match",
			"Access-Control-Max-Age":       "600",
		}
		if resp.StatusCode != http.StatusNoContent {
			t.Errorf("status %d, want 204", resp.StatusCode)
		}
		for k, v := range want {
			if got := resp.Header.Get(k); got != v {
				t.Errorf("%s = %q, want %q", k, got, v)
			}
		}
	})
	t.Run("preflight from another origin", func(t *testing.T) {
		req := newRequest(t, "OPTIONS", gw.URL+"/api/books", nil)
		req.Header.Set("Origin", "https://evil.example")
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, _ := do(t, req)
		if resp.StatusCode != http.StatusNoContent || resp.Header.Get("Access-Control-Allow-Origin") != "" {
			t.Errorf("status %d, allow-origin %q; want 204 without CORS headers", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	})
	t.Run("response headers replace the function's", func(t *testing.T) {
		req := newRequest(t, "GET", gw.URL+"/api/books", nil)
		req.Header.Set("Origin", "http://localhost:5173")
		resp, _ := do(t, req)
		if got := resp.Header.Values("Access-Control-Allow-Origin"); len(got) != 1 || got[0] != "http://localhost:5173" {
			t.Errorf("Access-Control-Allow-Origin = %q", got)
		}
		if got := resp.Header.Get("Access-Control-Expose-Headers"); got != "etag,location" {
			t.Errorf("Access-Control-Expose-Headers = %q", got)
		}
	})
	t.Run("no Origin, no CORS headers", func(t *testing.T) {
		resp, _ := do(t, newRequest(t, "GET", gw.URL+"/api/books", nil))
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("Access-Control-Allow-Origin = %q", got)
		}
	})
	t.Run("API Gateway errors carry CORS headers", func(t *testing.T) {
		req := newRequest(t, "GET", gw.URL+"/api/nothing", nil)
		req.Header.Set("Origin", "https://shop.example")
		resp, _ := do(t, req)
		if resp.StatusCode != 404 || resp.Header.Get("Access-Control-Allow-Origin") != "https://shop.example" {
			t.Errorf("status %d, allow-origin %q", resp.StatusCode, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	})
}
