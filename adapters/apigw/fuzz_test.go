package apigw_test

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// fuzzRoutes are the routes whose request bodies FuzzRequestBody sends:
// every shape of body the strict decoder reads (flat objects, a list of
// nested objects, a single enum field), signed in as an administrator.
var fuzzRoutes = [...]struct{ method, path string }{
	{"POST", "/api/books"},
	{"PUT", "/api/books/book-0001"},
	{"POST", "/api/books/book-0001/cover"},
	{"POST", "/api/orders"},
	{"POST", "/api/admin/orders/order-0001/status"},
}

// FuzzRequestBody sends arbitrary bodies, content types and base64 flags to
// the routes that decode JSON and checks that the handler never fails: every
// answer is a 2xx or a 4xx (never 5xx), a 4xx is a problem whose status
// matches, and Handle never returns an error. go test ./adapters/apigw -run
// '^$' -fuzz FuzzRequestBody
func FuzzRequestBody(f *testing.F) {
	for route, body := range []string{
		`{"title":"Dune","author":"Frank Herbert","category":"Science Fiction","priceCents":1899,"stock":3}`,
		`{"title":"Dune","author":"F","category":"sf","priceCents":1,"stock":1,"currency":"EUR","description":""}`,
		`{"contentType":"image/png","contentLength":4}`,
		`{"items":[{"bookId":"book-0001","qty":2},{"bookId":"book-0002","qty":1}]}`,
		`{"status":"CONFIRMED"}`,
	} {
		f.Add(uint8(route), body, "application/json", false)
	}
	for _, body := range []string{"", "{}", "[]", "null", `{"title":null}`, `{"TITLE":"x"}`, `{"a":1}{"b":2}`,
		`{"priceCents":1e400}`, `{"stock":-1}`, `{"items":[null]}`, `{"items":[{"bookId":"x","qty":"2"}]}`, "\xff\xfe", `{"title":"\ud800"}`} {
		f.Add(uint8(0), body, "application/json; charset=utf-8", false)
		f.Add(uint8(3), body, "application/json", false)
	}
	f.Add(uint8(0), base64.StdEncoding.EncodeToString([]byte(`{"title":"x"}`)), "application/json", true)
	f.Add(uint8(0), "!!!", "application/json", true)
	f.Add(uint8(0), `{"title":"x"}`, "text/plain", false)
	f.Add(uint8(0), `{"title":"x"}`, "application/json; charset=latin1", false)

	handler := newOrderFixture(f).handler
	signedIn := loadEvent(f, "apigw-v2-request-jwt-authorizer.json").RequestContext.Authorizer
	f.Fuzz(func(t *testing.T, route uint8, body, contentType string, base64Encoded bool) {
		r := fuzzRoutes[int(route)%len(fuzzRoutes)]
		ev := newEvent(t, r.method, r.path, body2(contentType, body), header("If-Match", `"1"`), header("Idempotency-Key", "fuzz-key"))
		ev.IsBase64Encoded = base64Encoded
		claims := map[string]string{}
		for k, v := range signedIn.JWT.Claims {
			claims[k] = v
		}
		claims["cognito:groups"] = "[admin]"
		ev.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
			JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims},
		}
		resp, err := handler.Handle(context.Background(), ev)
		if err != nil {
			t.Fatalf("%s %s: Handle returned error %v", r.method, r.path, err)
		}
		if resp.StatusCode < 200 || resp.StatusCode >= 500 {
			t.Fatalf("%s %s with %q (%s, base64 %v): status %d, body %s", r.method, r.path, body, contentType, base64Encoded, resp.StatusCode, resp.Body)
		}
		if resp.StatusCode >= 400 {
			var p struct{ Status int }
			if resp.Headers["Content-Type"] != "application/problem+json" || json.Unmarshal([]byte(resp.Body), &p) != nil || p.Status != resp.StatusCode {
				t.Fatalf("%s %s: status %d answered %v %s, want a problem", r.method, r.path, resp.StatusCode, resp.Headers, resp.Body)
			}
		}
	})
}
