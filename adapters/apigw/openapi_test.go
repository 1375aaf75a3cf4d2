package apigw_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/apigw"
)

// openAPI is the served document, loaded and checked once.
var openAPI = sync.OnceValues(func() (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData(apigw.OpenAPI())
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, err
	}
	return doc, nil
})

var openAPIRouter = sync.OnceValues(func() (routers.Router, error) {
	doc, err := openAPI()
	if err != nil {
		return nil, err
	}
	return gorillamux.NewRouter(doc)
})

// TestOpenAPIDocumentIsValidOpenAPI31: openapi.json is an OpenAPI 3.1
// document that kin-openapi accepts.
func TestOpenAPIDocumentIsValidOpenAPI31(t *testing.T) {
	doc, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	if !doc.IsOpenAPI31OrLater() || !strings.HasPrefix(doc.OpenAPI, "3.1") {
		t.Errorf("openapi %q, want 3.1.x", doc.OpenAPI)
	}
}

// TestOpenAPIDescribesEveryRoute: the document's operations are exactly the
// route table's routes.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	doc, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	var got []apigw.Route
	for path, item := range doc.Paths.Map() {
		for method := range item.Operations() {
			got = append(got, apigw.Route{Method: method, Path: path})
		}
	}
	if d := cmp.Diff(routeKeys(apigw.Routes()), routeKeys(got)); d != "" {
		t.Errorf("openapi.json's operations differ from the route table (-table +openapi.json):\n%s", d)
	}
}

func TestOpenAPIDocumentIsServed(t *testing.T) {
	f := newFixture(t)
	resp := f.serve(t, newEvent(t, "GET", "/api/openapi.json"))
	if resp.StatusCode != 200 || resp.Headers["Content-Type"] != "application/json" {
		t.Fatalf("GET /api/openapi.json: %d %v", resp.StatusCode, resp.Headers)
	}
	if !bytes.Equal([]byte(resp.Body), apigw.OpenAPI()) {
		t.Error("the body is not openapi.json")
	}
}

// openAPIChecked counts the request/response pairs checkOpenAPI validated.
var openAPIChecked atomic.Int64

// checkOpenAPI validates one request the handler tests sent and the
// handler's response against openapi.json (the fixture's serve calls it for
// every request):
//
//   - every response to a documented operation matches its description:
//     status, content type and body schema (problems included);
//   - a request the handler accepted (2xx) is valid for the document;
//   - a request the document refuses was refused by the handler (4xx).
//
// CORS preflights, unknown paths and 405s are not operations of the
// document and are skipped.
func checkOpenAPI(t testing.TB, ev events.APIGatewayV2HTTPRequest, resp events.APIGatewayV2HTTPResponse) {
	t.Helper()
	router, err := openAPIRouter()
	if err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	req, err := httpRequest(ev)
	if err != nil {
		// A body that is not base64 is no HTTP request: the handler must
		// refuse it.
		if resp.StatusCode != 400 {
			t.Errorf("%v: the handler answered %d, want 400", err, resp.StatusCode)
		}
		return
	}
	route, pathParams, err := router.FindRoute(req)
	if err != nil {
		return // not an operation: OPTIONS, unknown path, other method
	}
	openAPIChecked.Add(1)
	ctx := context.Background()
	in := &openapi3filter.RequestValidationInput{
		Request: req, PathParams: pathParams, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true},
	}
	reqErr := openapi3filter.ValidateRequest(ctx, in)
	what := ev.RequestContext.HTTP.Method + " " + ev.RawPath
	if ev.RawQueryString != "" {
		what += "?" + ev.RawQueryString
	}
	switch {
	case reqErr == nil && resp.StatusCode >= 400 && resp.StatusCode < 500:
		// The handler refuses more than a schema can say (unknown books,
		// stale versions…): fine.
	case reqErr != nil && resp.StatusCode < 300:
		t.Errorf("openapi.json refuses %s, which the handler accepted (%d): %v", what, resp.StatusCode, reqErr)
	case reqErr != nil && resp.StatusCode >= 500:
		t.Errorf("openapi.json refuses %s, which the handler answered %d: %v", what, resp.StatusCode, reqErr)
	}
	header := http.Header{}
	for k, v := range resp.Headers {
		header.Set(k, v)
	}
	for k, vs := range resp.MultiValueHeaders {
		for _, v := range vs {
			header.Add(k, v)
		}
	}
	body := resp.Body
	if resp.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(body)
		if err != nil {
			t.Fatalf("%s: response body: %v", what, err)
		}
		body = string(b)
	}
	respIn := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: resp.StatusCode, Header: header,
		Body:    io.NopCloser(strings.NewReader(body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true},
	}
	if err := openapi3filter.ValidateResponse(ctx, respIn); err != nil {
		t.Errorf("openapi.json does not describe the response to %s: %d %s: %v", what, resp.StatusCode, truncate(body), explain(err))
	}
}

// httpRequest turns an API Gateway event back into the HTTP request it
// stands for.
func httpRequest(ev events.APIGatewayV2HTTPRequest) (*http.Request, error) {
	body := []byte(ev.Body)
	if ev.IsBase64Encoded {
		b, err := base64.StdEncoding.DecodeString(ev.Body)
		if err != nil {
			return nil, err
		}
		body = b
	}
	u := &url.URL{Path: ev.RawPath, RawQuery: ev.RawQueryString}
	if u.RawQuery == "" && len(ev.QueryStringParameters) > 0 {
		q := url.Values{}
		for k, v := range ev.QueryStringParameters {
			q.Set(k, v)
		}
		u.RawQuery = q.Encode()
	}
	method := ev.RequestContext.HTTP.Method
	req, err := http.NewRequest(method, u.String(), bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	for k, v := range ev.Headers {
		req.Header.Set(k, v)
	}
	return req, nil
}

func explain(err error) string {
	var me openapi3.MultiError
	if errors.As(err, &me) {
		var parts []string
		for _, e := range me {
			parts = append(parts, e.Error())
		}
		slices.Sort(parts)
		return strings.Join(parts, "; ")
	}
	return err.Error()
}

func truncate(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// TestOpenAPIValidatesRepresentativeCalls replays successes and problems
// through the handler; serve validates each pair (checkOpenAPI), and this
// test proves the pairs were matched to operations, not skipped.
func TestOpenAPIValidatesRepresentativeCalls(t *testing.T) {
	f := newFixture(t)
	before := openAPIChecked.Load()
	book := `{"title":"Dune","author":"Frank Herbert","category":"Science Fiction","priceCents":1899,"stock":3}`
	calls := []struct {
		ev   events.APIGatewayV2HTTPRequest
		want int
	}{
		{newEvent(t, "GET", "/api/health"), 200},
		{newEvent(t, "GET", "/api/openapi.json"), 200},
		{newEvent(t, "POST", "/api/books", asAdmin(), jsonBody(book)), 201},
		{newEvent(t, "POST", "/api/books", jsonBody(book)), 401},
		{newEvent(t, "POST", "/api/books", asReader(), jsonBody(book)), 403},
		{newEvent(t, "POST", "/api/books", asAdmin(), jsonBody(`{"title":`)), 400},
		{newEvent(t, "POST", "/api/books", asAdmin(), jsonBody(`{"title":"T","author":"A","category":"c","priceCents":"12","stock":1}`)), 400},
		{newEvent(t, "GET", "/api/books?limit=1"), 200},
		{newEvent(t, "GET", "/api/books?limit=0"), 400},
		{newEvent(t, "GET", "/api/books/book-0001"), 200},
		{newEvent(t, "GET", "/api/books/nope"), 404},
		{newEvent(t, "PUT", "/api/books/book-0001", asAdmin(), jsonBody(book)), 428},
		{newEvent(t, "PUT", "/api/books/book-0001", asAdmin(), header("If-Match", `"9"`), jsonBody(book)), 412},
		{newEvent(t, "PUT", "/api/books/book-0001", asAdmin(), header("If-Match", `"1"`), jsonBody(book)), 200},
		{newEvent(t, "POST", "/api/books/book-0001/cover", asAdmin(), jsonBody(`{"contentType":"image/jpeg","contentLength":1000}`)), 200},
		{newEvent(t, "DELETE", "/api/books/book-0001", asAdmin()), 204},
		{newEvent(t, "DELETE", "/api/books/book-0001", asAdmin()), 404},
	}
	for _, c := range calls {
		resp := f.serve(t, c.ev)
		if resp.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d: %s", c.ev.RequestContext.HTTP.Method, c.ev.RawPath, resp.StatusCode, c.want, resp.Body)
		}
	}
	if got := openAPIChecked.Load() - before; got != int64(len(calls)) {
		t.Errorf("%d of %d calls were validated against openapi.json", got, len(calls))
	}
}
