package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/app"
)

// faultTimeout is the function's timeout in the fault tests: shorter than
// the template's 10 s to keep them quick; the handler answers
// DeadlineReserve before it.
const faultTimeout = 4 * time.Second

// call is one request of a fault test and what it got.
type call struct {
	name, method, path string
	body               any
	header             []string
}

// wantUnavailable sends every call at once, while a dependency is paused,
// and checks each answer: 503 application/problem+json with Retry-After,
// no internal detail, within the function's timeout.
func wantUnavailable(t *testing.T, f function, calls []call) {
	t.Helper()
	var wg sync.WaitGroup
	for _, c := range calls {
		wg.Go(func() {
			start := time.Now()
			resp, body := f.raw(t, c.method, c.path, c.body, c.header...)
			elapsed := time.Since(start)
			if resp.StatusCode != 503 || resp.Header.Get("Content-Type") != "application/problem+json" || resp.Header.Get("Retry-After") == "" {
				t.Errorf("%s while a dependency is paused: %d %v %s, want 503 problem with Retry-After", c.name, resp.StatusCode, resp.Header, body)
			}
			for _, leak := range []string{"dynamodb", "DynamoDB", "S3", "bucket", "127.0.0.1", "deadline", "operation error"} {
				if strings.Contains(body, leak) {
					t.Errorf("%s: the problem shows %q: %s", c.name, leak, body)
				}
			}
			if elapsed > faultTimeout+time.Second {
				t.Errorf("%s answered after %v, beyond the function's %v timeout", c.name, elapsed, faultTimeout)
			}
		})
	}
	wg.Wait()
}

// raw sends a request like do and returns the body as text.
func (f function) raw(t *testing.T, method, path string, body any, header ...string) (*http.Response, string) {
	t.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			t.Error(err)
			return &http.Response{}, ""
		}
		r = strings.NewReader(string(b))
	}
	req, err := http.NewRequest(method, f.url+path, r)
	if err != nil {
		t.Error(err)
		return &http.Response{}, ""
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+adminToken)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return &http.Response{}, ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestCatalogWhileDynamoDBIsPaused freezes the function's DynamoDB Local in
// the middle of its work: reads, listings, creates and updates answer 503
// problems with Retry-After before the function's timeout (the SDK's
// retries are bounded by the invocation's deadline), never a 500; once it
// runs again the same function, not restarted, serves the same requests,
// and every book is whole (a timed-out write is applied entirely or not at
// all).
func TestCatalogWhileDynamoDBIsPaused(t *testing.T) {
	ddb, fault := dynamotest.Own(t)
	f := startFunctionOn(t, ddb, faultTimeout)
	resp, book := f.do(t, "POST", "/api/books", dune)
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %v", resp.StatusCode, book)
	}
	id := book["id"].(string)
	revised := map[string]any{"title": "Dune Messiah", "author": "Frank Herbert", "category": "sf", "priceCents": 1999, "stock": 2}

	fault.Pause()
	wantUnavailable(t, f, []call{
		{name: "get", method: "GET", path: "/api/books/" + id},
		{name: "list", method: "GET", path: "/api/books?category=science-fiction"},
		{name: "create", method: "POST", path: "/api/books", body: dune},
		{name: "update", method: "PUT", path: "/api/books/" + id, body: revised, header: []string{"If-Match", `"1"`}},
		{name: "cover upload", method: "POST", path: "/api/books/" + id + "/cover", body: map[string]any{"contentType": "image/png", "contentLength": 4}},
	})
	fault.Unpause()

	resp, got := f.do(t, "GET", "/api/books/"+id, nil)
	if resp.StatusCode != 200 {
		t.Fatalf("get after DynamoDB is back: %d %v", resp.StatusCode, got)
	}
	// The paused update may have been applied when DynamoDB resumed: the
	// book is then wholly the revision, at version 2, else wholly the
	// original at version 1.
	switch etag := resp.Header.Get("ETag"); {
	case etag == `"1"` && got["title"] == "Dune" && got["priceCents"] == 1899.0:
		if resp, p := f.do(t, "PUT", "/api/books/"+id, revised, "If-Match", `"1"`); resp.StatusCode != 200 {
			t.Errorf("update after DynamoDB is back: %d %v", resp.StatusCode, p)
		}
	case etag == `"2"` && got["title"] == "Dune Messiah" && got["priceCents"] == 1999.0:
	default:
		t.Errorf("book after the paused update: ETag %s, %v", etag, got)
	}
	if resp, p := f.do(t, "GET", "/api/books?category=sf", nil); resp.StatusCode != 200 || len(p["items"].([]any)) != 1 {
		t.Errorf("list after DynamoDB is back: %d %v", resp.StatusCode, p)
	}
	if resp, p := f.do(t, "POST", "/api/books", dune); resp.StatusCode != 201 {
		t.Errorf("create after DynamoDB is back: %d %v", resp.StatusCode, p)
	}
}

// TestCatalogWhileMinIOIsPaused freezes the function's MinIO. Reads never
// touch S3 (cover URLs are paths on the shop's origin), so GET
// /api/books and GET /api/books/{id} answer 200 as usual. A cover upload
// request answers a 503 problem with Retry-After within the function's
// timeout: presigning is local, but the function asks the bucket first
// (HeadBucket) rather than hand out an upload that cannot succeed. A PUT to
// a URL presigned before the fault fails (here: times out) without storing
// anything. Deleting a book answers 204 before the timeout: the book is
// gone, and the objects the function could not remove are the projector's
// to remove (cmd/projector's TestProjectorWhileMinIOIsPaused). After
// Unpause, without restarting anything, the earlier presigned URL uploads
// and a new cover upload request succeeds.
func TestCatalogWhileMinIOIsPaused(t *testing.T) {
	minio, fault := s3test.Own(t)
	f := startFunctionWith(t, dynamotest.Start(t), minio, faultTimeout)
	resp, book := f.do(t, "POST", "/api/books", dune)
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %v", resp.StatusCode, book)
	}
	id := book["id"].(string)
	resp, doomed := f.do(t, "POST", "/api/books", dune)
	if resp.StatusCode != 201 {
		t.Fatalf("create: %d %v", resp.StatusCode, doomed)
	}
	doomedID := doomed["id"].(string)
	doomedCover := putCover(t, f, doomedID, http.DefaultClient)
	if doomedCover.err != nil || doomedCover.status != 200 || !stored(t, minio, doomedCover.objectURL) {
		t.Fatalf("PUT the doomed book's cover: %d %v", doomedCover.status, doomedCover.err)
	}
	early := requestCoverUpload(t, f, id)

	fault.Pause()
	for _, path := range []string{"/api/books/" + id, "/api/books?limit=5", "/api/books?category=science-fiction"} {
		start := time.Now()
		if resp, body := f.raw(t, "GET", path, nil); resp.StatusCode != 200 || time.Since(start) > time.Second {
			t.Errorf("GET %s while MinIO is paused: %d after %v: %s", path, resp.StatusCode, time.Since(start), body)
		}
	}
	wantUnavailable(t, f, []call{
		{name: "cover upload", method: "POST", path: "/api/books/" + id + "/cover", body: map[string]any{"contentType": "image/png", "contentLength": 4}},
	})
	paused := early.retry(t, &http.Client{Timeout: time.Second})
	if paused.err == nil {
		t.Errorf("PUT to the presigned URL while MinIO is paused answered %d, want a failed request", paused.status)
	}
	start := time.Now()
	if resp, body := f.raw(t, "DELETE", "/api/books/"+doomedID, nil); resp.StatusCode != 204 || time.Since(start) > app.DeleteCleanupTimeout+time.Second {
		t.Errorf("DELETE while MinIO is paused: %d after %v: %s, want 204 once the removal of its objects gave up (%v)",
			resp.StatusCode, time.Since(start), body, app.DeleteCleanupTimeout)
	}
	fault.Unpause()

	if resp, got := f.do(t, "GET", "/api/books/"+doomedID, nil); resp.StatusCode != 404 {
		t.Errorf("GET the book deleted while MinIO was paused: %d %v, want 404", resp.StatusCode, got)
	}
	if r := early.retry(t, http.DefaultClient); r.err != nil || r.status != 200 {
		t.Errorf("the same presigned PUT after MinIO is back: %d %v", r.status, r.err)
	}
	if r := putCover(t, f, id, http.DefaultClient); r.err != nil || r.status != 200 {
		t.Errorf("a new cover upload after MinIO is back: %d %v", r.status, r.err)
	}
}

// stored reports whether MinIO holds the object at objectURL (path-style:
// endpoint/bucket/key).
func stored(t *testing.T, minio *s3test.Server, objectURL string) bool {
	t.Helper()
	bucket, key, _ := strings.Cut(strings.TrimPrefix(objectURL, minio.Endpoint+"/"), "/")
	_, err := minio.Client.HeadObject(context.Background(), &awss3.HeadObjectInput{Bucket: &bucket, Key: &key})
	var notFound *s3types.NotFound
	if err != nil && !errors.As(err, &notFound) {
		t.Fatalf("HEAD %s: %v", objectURL, err)
	}
	return err == nil
}

// coverPut is a cover upload: the presigned request and what its PUT got.
type coverPut struct {
	req       *http.Request
	objectURL string
	status    int
	err       error
}

// putCover asks the function for a presigned upload of a 4-byte PNG cover
// of book id and sends it with client.
func putCover(t *testing.T, f function, id string, client *http.Client) coverPut {
	t.Helper()
	return requestCoverUpload(t, f, id).retry(t, client)
}

// requestCoverUpload asks the function for a presigned upload of a 4-byte
// PNG cover of book id, not sent yet.
func requestCoverUpload(t *testing.T, f function, id string) coverPut {
	t.Helper()
	resp, upload := f.do(t, "POST", "/api/books/"+id+"/cover", map[string]any{"contentType": "image/png", "contentLength": 4})
	if resp.StatusCode != 200 {
		t.Fatalf("cover upload request: %d %v", resp.StatusCode, upload)
	}
	put, err := http.NewRequest("PUT", upload["uploadUrl"].(string), nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range upload["headers"].(map[string]any) {
		put.Header.Set(k, v.(string))
	}
	return coverPut{req: put, objectURL: strings.Split(upload["uploadUrl"].(string), "?")[0]}
}

// retry sends the presigned PUT (again) with client.
func (c coverPut) retry(t *testing.T, client *http.Client) coverPut {
	t.Helper()
	req := c.req.Clone(context.Background())
	req.Body, req.ContentLength = io.NopCloser(strings.NewReader("\x89PNG")), 4
	c.status, c.err = 0, nil
	resp, err := client.Do(req)
	if err != nil {
		c.err = err
		return c
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	c.status = resp.StatusCode
	return c
}
