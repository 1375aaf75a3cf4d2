package porttest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ObjectStore runs the app.ObjectStore contract: every case below as a
// subtest, each with its own store. newStore must return an empty store
// that no other test uses. Uploads and downloads go through presigned
// requests sent by a plain HTTP client, as a browser sends them; the
// server-side reads and writes (PutObject, GetObject) have cases of their own.
func ObjectStore(t *testing.T, newStore func(t *testing.T) app.ObjectStore) {
	runCases(t, newStore, []suiteCase[app.ObjectStore]{
		// Presigned requests, as the browser sends them.
		{name: "presigned put then presigned get returns the bytes", run: testObjectPresignedPutThenGet},
		{name: "presigned put refuses another content type", run: testObjectPresignedPutOtherContentType},
		{name: "presigned put refuses more bytes than signed", run: testObjectPresignedPutTooManyBytes},
		{name: "presigned put refuses a tampered url", run: testObjectPresignedPutTamperedURL},
		{name: "get of a missing key is not found", run: testObjectGetMissing},
		{name: "delete prefix removes exactly that prefix", run: testObjectDeletePrefix},
		{name: "delete prefix removes more than one listing page", run: testObjectDeletePrefixManyPages},
		{name: "bad arguments are invalid", run: testObjectBadArguments},
		// Server-side reads and writes (the thumbnailer's).
		{name: "put object then get object returns bytes, size and content type", run: testObjectPutThenGetObject},
		{name: "put object replaces the object and is served by presigned get", run: testObjectPutReplaces},
		{name: "get object reads a presigned upload", run: testObjectGetObjectOfUpload},
		{name: "get object of a missing key is not found", run: testObjectGetObjectMissing},
		{name: "get object refuses an object larger than the limit", run: testObjectGetObjectTooLarge},
		{name: "delete prefix removes objects put server-side", run: testObjectDeletePrefixServerSide},
		// The availability probe before presigning.
		{name: "a working store is available", run: testObjectCheckAvailable},
	})
}

// coverJPEG is the bytes the cases store: a stand-in for a JPEG cover.
// Cases only read it.
var coverJPEG = bytes.Repeat([]byte("\xff\xd8\xff\xe0 cover bytes "), 64)

func testObjectPresignedPutThenGet(t *testing.T, store app.ObjectStore) {
	req := presignPut(t, store, "covers/b1/a.jpg", "image/jpeg", int64(len(coverJPEG)), 15*time.Minute)
	if req.Method != http.MethodPut {
		t.Fatalf("method = %q, want PUT", req.Method)
	}
	if until := time.Until(req.ExpiresAt); until <= 0 || until > 15*time.Minute+5*time.Second {
		t.Fatalf("ExpiresAt %v is not within the 15 minute ttl", req.ExpiresAt)
	}
	if status := send(t, req, "image/jpeg", coverJPEG); status/100 != 2 {
		t.Fatalf("PUT status = %d, want 2xx", status)
	}
	status, body, contentType := get(t, store, "covers/b1/a.jpg")
	if status != http.StatusOK || !bytes.Equal(body, coverJPEG) {
		t.Fatalf("GET = %d with %d bytes, want 200 with the %d uploaded bytes", status, len(body), len(coverJPEG))
	}
	if contentType != "image/jpeg" {
		t.Fatalf("GET Content-Type = %q, want image/jpeg", contentType)
	}
}

func testObjectPresignedPutOtherContentType(t *testing.T, store app.ObjectStore) {
	req := presignPut(t, store, "covers/b2/a.jpg", "image/jpeg", int64(len(coverJPEG)), time.Minute)
	if status := send(t, req, "image/png", coverJPEG); status/100 != 4 {
		t.Fatalf("PUT with another content type = %d, want 4xx", status)
	}
	assertMissing(t, store, "covers/b2/a.jpg")
}

func testObjectPresignedPutTooManyBytes(t *testing.T, store app.ObjectStore) {
	req := presignPut(t, store, "covers/b3/a.jpg", "image/jpeg", 100, time.Minute)
	if status := send(t, req, "image/jpeg", coverJPEG); status/100 != 4 {
		t.Fatalf("PUT of %d bytes signed for 100 = %d, want 4xx", len(coverJPEG), status)
	}
	assertMissing(t, store, "covers/b3/a.jpg")
}

func testObjectPresignedPutTamperedURL(t *testing.T, store app.ObjectStore) {
	req := presignPut(t, store, "covers/b4/a.jpg", "image/jpeg", int64(len(coverJPEG)), time.Minute)
	req.URL = strings.Replace(req.URL, "covers/b4/a.jpg", "covers/b5/a.jpg", 1)
	if status := send(t, req, "image/jpeg", coverJPEG); status/100 != 4 {
		t.Fatalf("PUT to a tampered url = %d, want 4xx", status)
	}
	assertMissing(t, store, "covers/b5/a.jpg")
}

func testObjectGetMissing(t *testing.T, store app.ObjectStore) {
	assertMissing(t, store, "covers/none/x.png")
}

func testObjectDeletePrefix(t *testing.T, store app.ObjectStore) {
	keys := []string{"covers/b6/1.jpg", "covers/b6/2.png", "thumbnails/b6/t.jpg", "covers/b60/keep.jpg"}
	for _, k := range keys {
		if status := send(t, presignPut(t, store, k, "image/jpeg", 3, time.Minute), "image/jpeg", []byte("abc")); status/100 != 2 {
			t.Fatalf("PUT %s = %d", k, status)
		}
	}
	must(t, store.DeletePrefix(context.Background(), "covers/b6/"))
	assertMissing(t, store, keys[0])
	assertMissing(t, store, keys[1])
	for _, k := range keys[2:] {
		if status, _, _ := get(t, store, k); status != http.StatusOK {
			t.Fatalf("GET %s after deleting another prefix = %d, want 200", k, status)
		}
	}
	must(t, store.DeletePrefix(context.Background(), "covers/nothing-here/"))
}

func testObjectDeletePrefixManyPages(t *testing.T, store app.ObjectStore) {
	const n = 25
	for i := range n {
		k := fmt.Sprintf("covers/many/%03d.jpg", i)
		if status := send(t, presignPut(t, store, k, "image/jpeg", 1, time.Minute), "image/jpeg", []byte("x")); status/100 != 2 {
			t.Fatalf("PUT %s = %d", k, status)
		}
	}
	must(t, store.DeletePrefix(context.Background(), "covers/many/"))
	for i := range n {
		assertMissing(t, store, fmt.Sprintf("covers/many/%03d.jpg", i))
	}
}

func testObjectBadArguments(t *testing.T, store app.ObjectStore) {
	ctx := context.Background()
	if err := store.DeletePrefix(ctx, ""); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("DeletePrefix(\"\") = %v, want domain.ErrInvalid", err)
	}
	if _, err := store.PresignPut(ctx, "", "image/jpeg", 1, time.Minute); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("PresignPut with empty key = %v, want domain.ErrInvalid", err)
	}
	if _, err := store.PresignGet(ctx, "covers/x", 0); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("PresignGet with ttl 0 = %v, want domain.ErrInvalid", err)
	}
	if err := store.PutObject(ctx, "", "image/jpeg", coverJPEG); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("PutObject with empty key = %v, want domain.ErrInvalid", err)
	}
	if _, err := store.GetObject(ctx, "", 10); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("GetObject with empty key = %v, want domain.ErrInvalid", err)
	}
}

func testObjectPutThenGetObject(t *testing.T, store app.ObjectStore) {
	ctx := context.Background()
	must(t, store.PutObject(ctx, "thumbnails/c1/t-200x280.jpg", "image/jpeg", coverJPEG))
	obj, err := store.GetObject(ctx, "thumbnails/c1/t-200x280.jpg", int64(len(coverJPEG)))
	must(t, err)
	defer obj.Body.Close()
	body, err := io.ReadAll(obj.Body)
	must(t, err)
	if !bytes.Equal(body, coverJPEG) || obj.Size != int64(len(coverJPEG)) || obj.ContentType != "image/jpeg" {
		t.Fatalf("GetObject = %d bytes (Size %d, %q), want the %d bytes put as image/jpeg", len(body), obj.Size, obj.ContentType, len(coverJPEG))
	}
}

func testObjectPutReplaces(t *testing.T, store app.ObjectStore) {
	ctx := context.Background()
	must(t, store.PutObject(ctx, "thumbnails/c2/t.jpg", "image/png", []byte("old")))
	must(t, store.PutObject(ctx, "thumbnails/c2/t.jpg", "image/jpeg", coverJPEG))
	status, body, contentType := get(t, store, "thumbnails/c2/t.jpg")
	if status != http.StatusOK || !bytes.Equal(body, coverJPEG) || contentType != "image/jpeg" {
		t.Fatalf("GET after two puts = %d with %d bytes of %q, want 200 with the second put", status, len(body), contentType)
	}
}

func testObjectGetObjectOfUpload(t *testing.T, store app.ObjectStore) {
	req := presignPut(t, store, "covers/c3/a.png", "image/png", int64(len(coverJPEG)), time.Minute)
	if status := send(t, req, "image/png", coverJPEG); status/100 != 2 {
		t.Fatalf("PUT status = %d, want 2xx", status)
	}
	obj, err := store.GetObject(context.Background(), "covers/c3/a.png", app.MaxCoverBytes)
	must(t, err)
	defer obj.Body.Close()
	body, err := io.ReadAll(obj.Body)
	must(t, err)
	if !bytes.Equal(body, coverJPEG) || obj.ContentType != "image/png" {
		t.Fatalf("GetObject of an upload = %d bytes of %q, want the uploaded %d bytes of image/png", len(body), obj.ContentType, len(coverJPEG))
	}
}

func testObjectGetObjectMissing(t *testing.T, store app.ObjectStore) {
	_, err := store.GetObject(context.Background(), "covers/none/x.png", app.MaxCoverBytes)
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("GetObject of a missing key = %v, want domain.ErrNotFound", err)
	}
}

func testObjectGetObjectTooLarge(t *testing.T, store app.ObjectStore) {
	ctx := context.Background()
	must(t, store.PutObject(ctx, "covers/c4/big.jpg", "image/jpeg", coverJPEG))
	_, err := store.GetObject(ctx, "covers/c4/big.jpg", int64(len(coverJPEG))-1)
	var tooLarge *app.ObjectTooLargeError
	if !errors.As(err, &tooLarge) || !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("GetObject over the limit = %v, want an *app.ObjectTooLargeError joining domain.ErrInvalid", err)
	}
	if tooLarge.Size != int64(len(coverJPEG)) || tooLarge.Limit != int64(len(coverJPEG))-1 {
		t.Errorf("ObjectTooLargeError = %+v, want Size %d and Limit %d", tooLarge, len(coverJPEG), len(coverJPEG)-1)
	}
}

func testObjectDeletePrefixServerSide(t *testing.T, store app.ObjectStore) {
	ctx := context.Background()
	must(t, store.PutObject(ctx, "thumbnails/c5/a-200x280.jpg", "image/jpeg", coverJPEG))
	must(t, store.DeletePrefix(ctx, "thumbnails/c5/"))
	if _, err := store.GetObject(ctx, "thumbnails/c5/a-200x280.jpg", app.MaxCoverBytes); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("GetObject after DeletePrefix = %v, want domain.ErrNotFound", err)
	}
}

func testObjectCheckAvailable(t *testing.T, store app.ObjectStore) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := store.CheckAvailable(ctx); err != nil {
		t.Fatalf("CheckAvailable of a working store = %v, want nil", err)
	}
	// The probe writes nothing: the store is as empty as before.
	assertMissing(t, store, "covers/none/x.png")
}

// Helpers of the ObjectStore suite.

func presignPut(t *testing.T, store app.ObjectStore, key, contentType string, n int64, ttl time.Duration) app.PresignedRequest {
	t.Helper()
	req, err := store.PresignPut(context.Background(), key, contentType, n, ttl)
	must(t, err)
	return req
}

// browser sends the presigned requests. It has its own transport: closing
// an httptest.Server closes the idle connections of http.DefaultTransport,
// which would break requests of other parallel subtests.
var browser = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone(), Timeout: time.Minute}

// send performs a presigned request like a browser: the returned headers,
// but the given Content-Type and body.
func send(t *testing.T, pr app.PresignedRequest, contentType string, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(pr.Method, pr.URL, bytes.NewReader(body))
	must(t, err)
	for k, v := range pr.Headers {
		if !strings.EqualFold(k, "Content-Length") {
			req.Header.Set(k, v)
		}
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := browser.Do(req)
	if err != nil {
		// A server may cut the connection on a body it refuses.
		t.Logf("%s %s: %v", pr.Method, pr.URL, err)
		return http.StatusBadRequest
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

func get(t *testing.T, store app.ObjectStore, key string) (status int, body []byte, contentType string) {
	t.Helper()
	u, err := store.PresignGet(context.Background(), key, time.Minute)
	must(t, err)
	resp, err := browser.Get(u)
	must(t, err)
	defer resp.Body.Close()
	body, err = io.ReadAll(resp.Body)
	must(t, err)
	return resp.StatusCode, body, resp.Header.Get("Content-Type")
}

func assertMissing(t *testing.T, store app.ObjectStore, key string) {
	t.Helper()
	if status, _, _ := get(t, store, key); status != http.StatusNotFound {
		t.Fatalf("GET %s = %d, want 404", key, status)
	}
}
