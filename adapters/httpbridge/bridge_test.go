package httpbridge_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/httpbridge"
)

var update = flag.Bool("update", false, "rewrite the golden events in testdata")

// recorder is a function that records the events it gets and answers 200.
type recorder struct {
	mu     sync.Mutex
	events []events.APIGatewayV2HTTPRequest
}

func (r *recorder) handle(_ context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.events = append(r.events, ev)
	return events.APIGatewayV2HTTPResponse{StatusCode: 200}, nil
}

func (r *recorder) only(t *testing.T) events.APIGatewayV2HTTPRequest {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.events) != 1 {
		t.Fatalf("function called %d times, want once", len(r.events))
	}
	return r.events[0]
}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9_-]{15}=$`)

// TestEventMatchesGolden compares the event built for a request with a
// golden file, ignoring the request id and time (checked for shape only).
func TestEventMatchesGolden(t *testing.T) {
	tests := []struct {
		name    string
		request func() *http.Request
	}{
		{"post-json", func() *http.Request {
			r := httptest.NewRequest("POST", "http://shop.example:8080/api/books?category=sci%20fi&tag=a&tag=b&empty=",
				strings.NewReader(`{"title":"Dune"}`))
			r.Header.Set("Content-Type", "application/json")
			r.Header.Add("X-Custom", "one")
			r.Header.Add("X-Custom", "two")
			r.Header.Set("Authorization", "Bearer token")
			r.Header.Set("User-Agent", "bookshop-test/1.0")
			r.Header.Set("X-Forwarded-For", "198.51.100.1")
			r.RemoteAddr = "203.0.113.7:54321"
			return r
		}},
		{"get-cookies-encoded-path", func() *http.Request {
			r := httptest.NewRequest("GET", "http://localhost/api/books/caf%C3%A9%2Fx", nil)
			r.Header.Add("Cookie", "a=1; b=2")
			r.Header.Add("Cookie", "c=3")
			r.Header.Set("Accept", "application/json")
			r.RemoteAddr = "[2001:db8::1]:443"
			return r
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			before := time.Now()
			w := httptest.NewRecorder()
			httpbridge.NewHandler(rec.handle).ServeHTTP(w, tt.request())
			if w.Code != 200 {
				t.Fatalf("status %d", w.Code)
			}
			ev := rec.only(t)

			if !requestIDPattern.MatchString(ev.RequestContext.RequestID) {
				t.Errorf("requestId %q is not shaped like API Gateway's", ev.RequestContext.RequestID)
			}
			at, err := time.Parse("02/Jan/2006:15:04:05 -0700", ev.RequestContext.Time)
			if err != nil || at.Before(before.Truncate(time.Second)) || time.Since(at) > time.Minute {
				t.Errorf("time %q: %v", ev.RequestContext.Time, err)
			}
			if at.Unix() != ev.RequestContext.TimeEpoch/1000 {
				t.Errorf("timeEpoch %d does not match time %q", ev.RequestContext.TimeEpoch, ev.RequestContext.Time)
			}
			ev.RequestContext.RequestID, ev.RequestContext.Time, ev.RequestContext.TimeEpoch = "", "", 0

			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "    ")
			if err := enc.Encode(ev); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := filepath.Join("testdata", tt.name+".golden.json")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if d := cmp.Diff(decode(t, want), decode(t, got)); d != "" {
				t.Errorf("event mismatch (-%s +got):\n%s", golden, d)
			}
		})
	}
}

func decode(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestRequestIDsAreUnique(t *testing.T) {
	rec := &recorder{}
	h := httpbridge.NewHandler(rec.handle)
	for range 2 {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	}
	if a, b := rec.events[0].RequestContext.RequestID, rec.events[1].RequestContext.RequestID; a == b {
		t.Errorf("two requests share id %q", a)
	}
}

func TestOptionsSetClockAndRequestIDs(t *testing.T) {
	rec := &recorder{}
	at := time.Date(2026, 11, 26, 12, 0, 0, 123e6, time.FixedZone("CET", 3600))
	h := httpbridge.NewHandler(rec.handle, httpbridge.WithClock(func() time.Time { return at }),
		httpbridge.WithRequestIDs(func() string { return "req-1" }))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	rc := rec.only(t).RequestContext
	if rc.RequestID != "req-1" || rc.Time != "26/Nov/2026:11:00:00 +0000" || rc.TimeEpoch != at.UnixMilli() {
		t.Errorf("requestContext id %q time %q epoch %d", rc.RequestID, rc.Time, rc.TimeEpoch)
	}
}

func TestBodyEncoding(t *testing.T) {
	binary := []byte{0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe}
	tests := []struct {
		name        string
		contentType string
		body        []byte
		wantBase64  bool
	}{
		{"JSON", "application/json; charset=utf-8", []byte(`{"a":"é"}`), false},
		{"problem JSON", "application/problem+json", []byte(`{}`), false},
		{"plain text", "text/plain", []byte("hello"), false},
		{"form", "application/x-www-form-urlencoded", []byte("a=1"), false},
		{"PNG", "image/png", binary, true},
		{"JSON that is not UTF-8", "application/json", []byte("{\"a\":\"\xff\"}"), true},
		{"no content type", "", []byte("hello"), true},
		{"octet stream", "application/octet-stream", []byte("hello"), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			r := httptest.NewRequest("PUT", "/upload", bytes.NewReader(tt.body))
			if tt.contentType != "" {
				r.Header.Set("Content-Type", tt.contentType)
			}
			httpbridge.NewHandler(rec.handle).ServeHTTP(httptest.NewRecorder(), r)
			ev := rec.only(t)
			if ev.IsBase64Encoded != tt.wantBase64 {
				t.Fatalf("isBase64Encoded = %v, want %v", ev.IsBase64Encoded, tt.wantBase64)
			}
			got := []byte(ev.Body)
			if ev.IsBase64Encoded {
				var err error
				if got, err = base64.StdEncoding.DecodeString(ev.Body); err != nil {
					t.Fatal(err)
				}
			}
			if !bytes.Equal(got, tt.body) {
				t.Errorf("body %q, want %q", got, tt.body)
			}
		})
	}
}

// TestBinaryRoundTrip sends bytes that are not UTF-8 through a real server
// to a function that echoes them base64-encoded.
func TestBinaryRoundTrip(t *testing.T) {
	payload := make([]byte, 256*1024)
	for i := range payload {
		payload[i] = byte(i * 7)
	}
	echo := func(_ context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		if !ev.IsBase64Encoded {
			return events.APIGatewayV2HTTPResponse{StatusCode: 400}, nil
		}
		return events.APIGatewayV2HTTPResponse{StatusCode: 201, Body: ev.Body, IsBase64Encoded: true,
			Headers: map[string]string{"Content-Type": "image/png"}}, nil
	}
	srv := httptest.NewServer(httpbridge.NewHandler(echo))
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/covers", "image/png", bytes.NewReader(payload))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 201 || resp.Header.Get("Content-Type") != "image/png" || !bytes.Equal(got, payload) {
		t.Errorf("status %d type %q, %d bytes back (equal: %v)", resp.StatusCode, resp.Header.Get("Content-Type"), len(got), bytes.Equal(got, payload))
	}
}

// streamed hides a reader's length, as a chunked upload does.
type streamed struct{ io.Reader }

func TestBodyLimit(t *testing.T) {
	tests := []struct {
		name   string
		body   io.Reader
		length int64 // -1: unknown
		status int
	}{
		{"at the limit", strings.NewReader(strings.Repeat("a", 16)), 16, 200},
		{"declared over the limit", strings.NewReader(strings.Repeat("a", 17)), 17, 413},
		{"streamed over the limit", streamed{strings.NewReader(strings.Repeat("a", 17))}, -1, 413},
		{"streamed at the limit", streamed{strings.NewReader(strings.Repeat("a", 16))}, -1, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			r := httptest.NewRequest("POST", "/api/books", tt.body)
			r.ContentLength = tt.length
			w := httptest.NewRecorder()
			httpbridge.NewHandler(rec.handle, httpbridge.WithMaxBodyBytes(16)).ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d", w.Code, tt.status)
			}
			if tt.status == 413 {
				if len(rec.events) != 0 {
					t.Error("the function ran for an oversized body")
				}
				if got := w.Body.String(); got != `{"message":"Request Entity Too Large"}` {
					t.Errorf("body %s", got)
				}
			}
		})
	}
}

func TestDefaultBodyLimitIsAPIGateways(t *testing.T) {
	rec := &recorder{}
	r := httptest.NewRequest("POST", "/api/books", strings.NewReader("{}"))
	r.ContentLength = httpbridge.MaxBodyBytes + 1
	w := httptest.NewRecorder()
	httpbridge.NewHandler(rec.handle).ServeHTTP(w, r)
	if w.Code != 413 || len(rec.events) != 0 || httpbridge.MaxBodyBytes != 10<<20 {
		t.Errorf("status %d, %d calls", w.Code, len(rec.events))
	}
}

func TestResponseIsWritten(t *testing.T) {
	fn := func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
		return events.APIGatewayV2HTTPResponse{
			StatusCode:        201,
			Headers:           map[string]string{"Content-Type": "application/json", "ETag": `"1"`},
			MultiValueHeaders: map[string][]string{"Link": {"</a>; rel=a", "</b>; rel=b"}},
			Cookies:           []string{"session=abc; HttpOnly; Secure", "theme=dark"},
			Body:              `{"id":"1"}`,
		}, nil
	}
	w := httptest.NewRecorder()
	httpbridge.NewHandler(fn).ServeHTTP(w, httptest.NewRequest("POST", "/", nil))
	if w.Code != 201 || w.Body.String() != `{"id":"1"}` {
		t.Errorf("status %d body %q", w.Code, w.Body.String())
	}
	want := http.Header{
		"Content-Type":   {"application/json"},
		"Etag":           {`"1"`},
		"Link":           {"</a>; rel=a", "</b>; rel=b"},
		"Set-Cookie":     {"session=abc; HttpOnly; Secure", "theme=dark"},
		"Content-Length": {"10"},
	}
	if d := cmp.Diff(want, w.Header()); d != "" {
		t.Errorf("headers (-want +got):\n%s", d)
	}
}

func TestResponseEdgeCases(t *testing.T) {
	tests := []struct {
		name     string
		resp     events.APIGatewayV2HTTPResponse
		err      error
		status   int
		body     string
		wantLogs bool
	}{
		{"no status means 200", events.APIGatewayV2HTTPResponse{Body: "ok"}, nil, 200, "ok", false},
		{"204 has no body", events.APIGatewayV2HTTPResponse{StatusCode: 204}, nil, 204, "", false},
		{"function error", events.APIGatewayV2HTTPResponse{}, errors.New("boom"), 500, `{"message":"Internal Server Error"}`, true},
		{"bad base64", events.APIGatewayV2HTTPResponse{StatusCode: 200, Body: "%%", IsBase64Encoded: true}, nil,
			500, `{"message":"Internal Server Error"}`, true},
		{"bad status", events.APIGatewayV2HTTPResponse{StatusCode: 42}, nil, 500, `{"message":"Internal Server Error"}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			fn := func(context.Context, events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
				return tt.resp, tt.err
			}
			w := httptest.NewRecorder()
			httpbridge.NewHandler(fn, httpbridge.WithLogger(slog.New(slog.NewJSONHandler(&logs, nil)))).
				ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
			if w.Code != tt.status || w.Body.String() != tt.body {
				t.Errorf("status %d body %q; want %d %q", w.Code, w.Body.String(), tt.status, tt.body)
			}
			if (logs.Len() > 0) != tt.wantLogs {
				t.Errorf("logs %q", logs.String())
			}
		})
	}
}

func TestNewHandlerRejectsNilFunction(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	httpbridge.NewHandler(nil)
}
