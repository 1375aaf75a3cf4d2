package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"
)

// client is the HTTP client of every request the tests send.
var client = &http.Client{Timeout: 30 * time.Second}

// book is the part of the API's Book the tests look at.
type book struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Version int    `json:"version"`
	Cover   *struct {
		URL            string `json:"url"`
		ThumbnailURL   string `json:"thumbnailUrl"`
		Thumbnail2xURL string `json:"thumbnail2xUrl"`
	} `json:"cover"`
}

// coverUpload is the answer of POST /api/books/{id}/cover.
type coverUpload struct {
	UploadURL string            `json:"uploadUrl"`
	Method    string            `json:"method"`
	Headers   map[string]string `json:"headers"`
	Key       string            `json:"key"`
}

// do sends a request with an optional JSON body and returns the status and
// the body.
func do(tb testing.TB, method, url string, in any, header map[string]string) (int, http.Header, []byte) {
	tb.Helper()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			tb.Fatal(err)
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		tb.Fatal(err)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: reading the body: %v", method, url, err)
	}
	return resp.StatusCode, resp.Header, b
}

// call is do that requires status want and decodes the body into out (when
// out is not nil).
func call(tb testing.TB, method, url string, in any, want int, out any) http.Header {
	tb.Helper()
	return callAs(tb, "", method, url, in, want, out)
}

// callAs is call with the access token sent as a Bearer token (none when
// token is "").
func callAs(tb testing.TB, token, method, url string, in any, want int, out any) http.Header {
	tb.Helper()
	status, h, b := do(tb, method, url, in, bearer(token))
	if status != want {
		tb.Fatalf("%s %s: status %d, want %d: %s", method, url, status, want, b)
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			tb.Fatalf("%s %s: decoding %s: %v", method, url, b, err)
		}
	}
	return h
}

// bearer returns the Authorization header of token (none for "").
func bearer(token string) map[string]string {
	if token == "" {
		return nil
	}
	return map[string]string{"Authorization": "Bearer " + token}
}

// putObject sends body to a presigned upload URL as a browser does.
func putObject(tb testing.TB, up coverUpload, body []byte) {
	tb.Helper()
	req, err := http.NewRequest(up.Method, up.UploadURL, bytes.NewReader(body))
	if err != nil {
		tb.Fatal(err)
	}
	for k, v := range up.Headers {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatalf("%s %s: %v", up.Method, up.UploadURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(resp.Body)
		tb.Fatalf("%s upload: %s: %s", up.Method, resp.Status, b)
	}
}

// eventually calls check until it returns nil or timeout passes, then fails
// with check's last error.
func eventually(tb testing.TB, timeout time.Duration, check func() error) {
	tb.Helper()
	deadline := time.Now().Add(timeout)
	wait := 50 * time.Millisecond
	for {
		err := check()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("after %s: %v", timeout, err)
		}
		time.Sleep(wait)
		wait = min(2*wait, time.Second)
	}
}

// errStatus describes an unexpected status.
func errStatus(method, url string, got, want int) error {
	return fmt.Errorf("%s %s: status %d, want %d", method, url, got, want)
}
