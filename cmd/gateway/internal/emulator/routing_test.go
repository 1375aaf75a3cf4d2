package emulator_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestRouting checks which route (and function) a request reaches and the
// path parameters it gets: literal segments beat {param}, which beats a
// greedy {proxy+}; ANY matches every method; anything else is 404.
func TestRouting(t *testing.T) {
	var catalogEvents, filesEvents []events.APIGatewayV2HTTPRequest
	record := func(into *[]events.APIGatewayV2HTTPRequest) func(context.Context, []byte) ([]byte, error) {
		return func(ctx context.Context, payload []byte) ([]byte, error) {
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(payload, &ev); err != nil {
				return nil, err
			}
			*into = append(*into, ev)
			return echoResponse(ctx, payload)
		}
	}
	catalog := endpoint(t, record(&catalogEvents))
	files := endpoint(t, record(&filesEvents))
	gw := newGateway(t, func(c *emulator.Config) {
		c.Endpoints["CatalogFunction"] = []string{catalog.URL}
		c.Endpoints["FilesFunction"] = []string{files.URL}
	})
	tests := []struct {
		method, path string
		wantFunction string // "" for 404
		wantRoute    string
		wantParams   map[string]string
	}{
		{"GET", "/api/books", "catalog", "GET /api/books", nil},
		{"POST", "/api/books", "catalog", "POST /api/books", nil},
		{"GET", "/api/books/01ABC", "catalog", "GET /api/books/{id}", map[string]string{"id": "01ABC"}},
		{"GET", "/api/books/featured", "catalog", "GET /api/books/featured", nil},
		{"POST", "/api/books/01ABC/cover", "catalog", "POST /api/books/{id}/cover", map[string]string{"id": "01ABC"}},
		{"GET", "/api/books/caf%C3%A9", "catalog", "GET /api/books/{id}", map[string]string{"id": "café"}},
		{"PATCH", "/api/files/x/y", "files", "ANY /api/files/{proxy+}", map[string]string{"proxy": "x/y"}},
		{"GET", "/api/files/x", "files", "ANY /api/files/{proxy+}", map[string]string{"proxy": "x"}},
		{"GET", "/api/files/", "", "", nil},
		{"DELETE", "/api/books/01ABC", "", "", nil},
		{"GET", "/api/books/01ABC/cover", "", "", nil},
		{"GET", "/api/nothing", "", "", nil},
		{"POST", "/elsewhere", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			catalogEvents, filesEvents = nil, nil
			resp, body := do(t, newRequest(t, tt.method, gw.URL+tt.path, nil))
			if tt.wantFunction == "" {
				checkMessage(t, resp, body, http.StatusNotFound, "Not Found")
				if len(catalogEvents)+len(filesEvents) != 0 {
					t.Error("a function was invoked")
				}
				return
			}
			got := map[string][]events.APIGatewayV2HTTPRequest{"catalog": catalogEvents, "files": filesEvents}[tt.wantFunction]
			if resp.StatusCode != 200 || len(got) != 1 || len(catalogEvents)+len(filesEvents) != 1 {
				t.Fatalf("status %d, %d catalog and %d files invocations; want one %s invocation", resp.StatusCode, len(catalogEvents), len(filesEvents), tt.wantFunction)
			}
			ev := got[0]
			if ev.RouteKey != tt.wantRoute || ev.RequestContext.RouteKey != tt.wantRoute {
				t.Errorf("routeKey = %q / %q, want %q", ev.RouteKey, ev.RequestContext.RouteKey, tt.wantRoute)
			}
			if diff := cmp.Diff(tt.wantParams, ev.PathParameters); diff != "" {
				t.Errorf("pathParameters (-want +got):\n%s", diff)
			}
		})
	}
}
