package emulator_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestHTTPAPIEventConformance compares the events the gateway sends with
// golden API Gateway v2 events (shaped like aws-lambda-go's
// events/testdata/apigw-v2-request-*.json): route key, path parameters,
// query and header folding, cookies, request context and base64 bodies.
func TestHTTPAPIEventConformance(t *testing.T) {
	tests := []struct {
		name, golden string
		req          func(t *testing.T, base string) *http.Request
	}{
		{"get with parameters, query, cookies, repeated headers", "apigw-v2-get-book.golden.json", func(t *testing.T, base string) *http.Request {
			r := newRequest(t, "GET", base+"/api/books/01JDXK5V7Q?fields=title&fields=author&q=caf%C3%A9+au+lait", nil)
			r.Host = "api.bookshop.example"
			r.Header.Set("User-Agent", "curl/8.5.0")
			r.Header.Add("Accept", "application/json")
			r.Header.Add("Accept", "text/plain")
			r.Header.Add("Cookie", "session=abc; theme=dark")
			r.Header.Add("Cookie", "lang=en")
			r.Header.Set("X-Forwarded-For", "203.0.113.7")
			return r
		}},
		{"post json", "apigw-v2-post-book.golden.json", func(t *testing.T, base string) *http.Request {
			r := newRequest(t, "POST", base+"/api/books", []byte(`{"title":"Kindred","priceCents":1499}`))
			r.Host = "localhost:8080"
			r.Header.Set("Content-Type", "application/json")
			r.Header.Set("User-Agent", "test")
			return r
		}},
		{"binary body is base64", "apigw-v2-post-binary.golden.json", func(t *testing.T, base string) *http.Request {
			r := newRequest(t, "POST", base+"/api/books/01JDXK5V7Q/cover", []byte{0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10})
			r.Host = "localhost:8080"
			r.Header.Set("Content-Type", "image/jpeg")
			r.Header.Set("User-Agent", "test")
			return r
		}},
		{"greedy path parameter", "apigw-v2-any-greedy.golden.json", func(t *testing.T, base string) *http.Request {
			r := newRequest(t, "DELETE", base+"/api/files/a/b/c.txt", nil)
			r.Host = "localhost:8080"
			r.Header.Set("User-Agent", "test")
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn := endpoint(t, echoResponse)
			gw := newGateway(t, func(c *emulator.Config) {
				c.Endpoints["CatalogFunction"] = []string{fn.URL}
				c.Endpoints["FilesFunction"] = []string{fn.URL}
			})
			resp, body := do(t, tt.req(t, gw.URL))
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			payloads := fn.Payloads()
			if len(payloads) != 1 {
				t.Fatalf("%d invocations, want 1", len(payloads))
			}
			// The event must also decode into aws-lambda-go's type.
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(payloads[0], &ev); err != nil {
				t.Fatal(err)
			}
			compareGolden(t, tt.golden, normalizeSourceIP(t, payloads[0]))
		})
	}
}

// normalizeSourceIP replaces the loopback source address (IPv4 or IPv6,
// depending on the machine) with a fixed documentation address.
func normalizeSourceIP(t *testing.T, payload []byte) []byte {
	t.Helper()
	var ev map[string]any
	if err := json.Unmarshal(payload, &ev); err != nil {
		t.Fatal(err)
	}
	rc := ev["requestContext"].(map[string]any)
	httpDesc := rc["http"].(map[string]any)
	ip := httpDesc["sourceIp"].(string)
	httpDesc["sourceIp"] = "192.0.2.1"
	h := ev["headers"].(map[string]any)
	if xff, ok := h["x-forwarded-for"].(string); ok {
		if xff == ip {
			h["x-forwarded-for"] = "192.0.2.1"
		} else {
			h["x-forwarded-for"] = xff[:len(xff)-len(ip)] + "192.0.2.1"
		}
	}
	out, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
