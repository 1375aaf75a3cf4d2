package deploy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/dop251/goja"

	"github.com/bookshop/bookshop/adapters/webui"
)

// viewerRequest is a CloudFront Functions viewer-request event
// (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/functions-event-structure.html).
func viewerRequest(uri string) map[string]any {
	return map[string]any{
		"version": "1.0",
		"context": map[string]any{"distributionDomainName": "d111111abcdef8.cloudfront.net", "eventType": "viewer-request", "requestId": "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ=="},
		"viewer":  map[string]any{"ip": "192.0.2.10"},
		"request": map[string]any{
			"method":      "GET",
			"uri":         uri,
			"querystring": map[string]any{"category": map[string]any{"value": "science-fiction"}},
			"headers":     map[string]any{"host": map[string]any{"value": "d111111abcdef8.cloudfront.net"}},
			"cookies":     map[string]any{},
		},
	}
}

// spaRewrite runs the template's SpaRewriteFunction in a JavaScript engine
// on a viewer request for uri and returns the request it passes on.
func spaRewrite(t *testing.T, code, uri string) map[string]any {
	t.Helper()
	vm := goja.New()
	if _, err := vm.RunString(code); err != nil {
		t.Fatalf("function code: %v", err)
	}
	handler, ok := goja.AssertFunction(vm.Get("handler"))
	if !ok {
		t.Fatal("the function code defines no handler function")
	}
	event, err := json.Marshal(viewerRequest(uri))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := vm.RunString("(" + string(event) + ")")
	if err != nil {
		t.Fatal(err)
	}
	result, err := handler(goja.Undefined(), parsed)
	if err != nil {
		t.Fatalf("handler(%s): %v", uri, err)
	}
	out, err := json.Marshal(result.Export())
	if err != nil {
		t.Fatal(err)
	}
	var request map[string]any
	if err := json.Unmarshal(out, &request); err != nil {
		t.Fatal(err)
	}
	return request
}

func TestSPARewriteSendsPagePathsToIndexHTML(t *testing.T) {
	code := loadTemplate(t).resource("SpaRewriteFunction", "AWS::CloudFront::Function").get("FunctionCode").str()
	if len(code) > 10*1024 {
		t.Errorf("function code is %d bytes; CloudFront Functions take at most 10 KB", len(code))
	}
	tests := []struct {
		uri, want string
	}{
		{"/", "/index.html"},
		{"/books/01JD3V9K6Q8M2N4P5R7S9T0V1W", "/index.html"},
		{"/books/01JD3V9K6Q8M2N4P5R7S9T0V1W/", "/index.html"},
		{"/cart", "/index.html"},
		{"/orders/01JD3V9K6Q8M2N4P5R7S9T0V1W", "/index.html"},
		{"/admin/books", "/index.html"},
		{"/login", "/index.html"},
		{"/apiary", "/index.html"},     // only /api itself and below belong to the API
		{"/coverstory", "/index.html"}, // likewise /covers
		// Files keep their path (a missing one is the bucket's answer, not the page).
		{"/index.html", "/index.html"},
		{"/assets/app-3f9a1c2b.js", "/assets/app-3f9a1c2b.js"},
		{"/assets/app-3f9a1c2b.css", "/assets/app-3f9a1c2b.css"},
		{"/favicon.ico", "/favicon.ico"},
		{"/robots.txt", "/robots.txt"},
		// Other origins' paths, should the function ever run for them.
		{"/api", "/api"},
		{"/api/books", "/api/books"},
		{"/api/books/01JD3V9K6Q8M2N4P5R7S9T0V1W/reviews", "/api/books/01JD3V9K6Q8M2N4P5R7S9T0V1W/reviews"},
		{"/covers/01JD3V9K6Q8M2N4P5R7S9T0V1W/original", "/covers/01JD3V9K6Q8M2N4P5R7S9T0V1W/original"},
		{"/thumbnails/01JD3V9K6Q8M2N4P5R7S9T0V1W/200.jpg", "/thumbnails/01JD3V9K6Q8M2N4P5R7S9T0V1W/200.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.uri, func(t *testing.T) {
			got := spaRewrite(t, code, tt.uri)
			want := viewerRequest(tt.want)["request"]
			// Round-trip the expectation through JSON too, so both sides hold the same types.
			data, err := json.Marshal(want)
			if err != nil {
				t.Fatal(err)
			}
			var wantRequest map[string]any
			if err := json.Unmarshal(data, &wantRequest); err != nil {
				t.Fatal(err)
			}
			diff(t, "request passed on (only the uri may change)", wantRequest, got)
			// The same rule as the embedded server's and the local gateway's
			// (covers are another behaviour there, routed before the app).
			if !strings.HasPrefix(tt.uri, "/covers/") && !strings.HasPrefix(tt.uri, "/thumbnails/") {
				if rewritten := tt.want == "/index.html" && tt.uri != "/index.html"; rewritten != webui.IsAppRoute(tt.uri) {
					t.Errorf("the CloudFront Function rewrites %s: %t, webui.IsAppRoute: %t", tt.uri, rewritten, webui.IsAppRoute(tt.uri))
				}
			}
		})
	}
}
