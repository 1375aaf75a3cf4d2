package emulator_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// timeoutTemplate gives the API function Lambda's least timeout, 1 s, and
// the thumbnailer the Globals' 2 s.
const timeoutTemplate = `
Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Timeout: 2
Resources:
  HttpApi:
    Type: AWS::Serverless::HttpApi
  SlowFunction:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: slow
      Timeout: 1
      Events:
        Slow: {Type: HttpApi, Properties: {ApiId: !Ref HttpApi, Method: GET, Path: /api/slow, PayloadFormatVersion: "2.0"}}
  ThumbnailerFunction:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: thumbnailer
      Events:
        CoverUploaded:
          Type: S3
          Properties: {Bucket: !Ref CoversBucket, Events: s3:ObjectCreated:*}
  CoversBucket:
    Type: AWS::S3::Bucket
`

func timeoutGateway(t *testing.T, endpoints map[string][]string) (*emulator.Server, *httptest.Server) {
	t.Helper()
	tmpl, err := samtemplate.Parse([]byte(timeoutTemplate))
	if err != nil {
		t.Fatal(err)
	}
	if got := tmpl.FunctionTimeout("SlowFunction"); got != time.Second {
		t.Fatalf("SlowFunction timeout %v, want its own 1s", got)
	}
	if got := tmpl.FunctionTimeout("ThumbnailerFunction"); got != 2*time.Second {
		t.Fatalf("ThumbnailerFunction timeout %v, want the Globals' 2s", got)
	}
	gw, _, err := emulator.New(emulator.Config{Template: tmpl, Endpoints: endpoints,
		Buckets: map[string]string{"CoversBucket": "bookshop-covers"}, AsyncRetryDelays: []time.Duration{0, 0}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	return gw, srv
}

// TestFunctionTimeoutEndsTheInvocation proves that the gateway cuts an
// invocation off at the function's Timeout from the template, as Lambda
// does, well before API Gateway's 30 s integration timeout: the route
// answers like any function error, and the next invocation of a quick
// function succeeds.
func TestFunctionTimeoutEndsTheInvocation(t *testing.T) {
	var slow atomic.Bool
	slow.Store(true)
	release := make(chan struct{})
	fn := endpoint(t, func(ctx context.Context, p []byte) ([]byte, error) {
		if slow.Load() {
			<-release // a dependency that never answers
		}
		return echoResponse(ctx, p)
	})
	t.Cleanup(func() { close(release) })
	_, srv := timeoutGateway(t, map[string][]string{"SlowFunction": {fn.URL}})

	start := time.Now()
	resp, body := do(t, newRequest(t, "GET", srv.URL+"/api/slow", nil))
	elapsed := time.Since(start)
	checkMessage(t, resp, body, http.StatusInternalServerError, "Internal Server Error")
	if elapsed < time.Second || elapsed > 5*time.Second {
		t.Errorf("answered after %v, want about the function's 1 s timeout", elapsed)
	}
}

// TestAsyncInvocationThatTimesOutIsRetried proves that an S3 event whose
// thumbnailer invocation runs past the function's timeout is retried, as
// Lambda retries an asynchronous invocation that failed or timed out, and
// that the retry can succeed.
func TestAsyncInvocationThatTimesOutIsRetried(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	handler := func(ctx context.Context, p []byte) ([]byte, error) {
		switch calls.Add(1) {
		case 1:
			<-release // the first invocation hangs past the 2 s timeout
		case 2:
			close(release) // the retry came: the hung invoke may end now
		}
		return []byte("null"), nil
	}
	// Two containers: the first stays busy with the timed-out invoke until
	// the RIE ends it, so the retry runs on the second.
	first, second := endpoint(t, handler), endpoint(t, handler)
	gw, srv := timeoutGateway(t, map[string][]string{"ThumbnailerFunction": {first.URL, second.URL}})
	notification := `{"Records":[{"eventName":"s3:ObjectCreated:Put","s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"covers/b/1.jpg"}}}]}`
	start := time.Now()
	resp, _ := do(t, newRequest(t, "POST", srv.URL+"/_local/s3-events", []byte(notification)))
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("status %d", resp.StatusCode)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := gw.WaitAsync(ctx); err != nil {
		t.Fatal(err)
	}
	if n := calls.Load(); n != 2 {
		t.Errorf("%d invocations, want the timed-out one and one retry", n)
	}
	if elapsed := time.Since(start); elapsed < 2*time.Second {
		t.Errorf("retried after %v, before the function's 2 s timeout", elapsed)
	}
	for _, e := range []*rietest.Endpoint{first, second} {
		if p := e.Payloads(); len(p) != 1 || !strings.Contains(string(p[0]), `"covers/b/1.jpg"`) {
			t.Errorf("payloads %q, want the event once on each container", p)
		}
	}
}
