package s3_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) { s3test.Main(m) }

func TestObjectStoreContract(t *testing.T) {
	t.Run("minio", func(t *testing.T) {
		porttest.ObjectStore(t, func(t *testing.T) app.ObjectStore { return newMinIOStore(t) })
	})
}

// newMinIOStore returns a store over a fresh bucket of the shared MinIO.
func newMinIOStore(t *testing.T) *s3.ObjectStore {
	t.Helper()
	srv, bucket := s3test.NewBucket(t)
	return newStore(t, srv.Config, srv.Options(), bucket)
}

func newStore(t *testing.T, cfg aws.Config, o s3.Options, bucket s3.BucketName) *s3.ObjectStore {
	t.Helper()
	client, err := s3.NewClient(cfg, o)
	if err != nil {
		t.Fatal(err)
	}
	presigner, err := s3.NewPresignClient(cfg, o)
	if err != nil {
		t.Fatal(err)
	}
	store, err := s3.New(client, presigner, bucket)
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// A browser reaches MinIO under another name than the backend does; the
// URLs it gets must name its host, and the signature must hold for it.
func TestPresignedURLsWorkThroughThePublicEndpoint(t *testing.T) {
	t.Parallel()
	srv, bucket := s3test.NewBucket(t)
	internal, err := url.Parse(srv.Endpoint)
	if err != nil {
		t.Fatal(err)
	}
	publicHost := "localhost:" + internal.Port()
	o := srv.Options()
	o.PublicEndpoint = "http://" + publicHost
	store := newStore(t, srv.Config, o, bucket)
	body := []byte("\x89PNG public endpoint")

	put := presignPut(t, store, "covers/pub/1.png", "image/png", int64(len(body)))
	if host := hostOf(t, put.URL); host != publicHost {
		t.Fatalf("PUT URL host = %q, want the public %q", host, publicHost)
	}
	if status := send(t, put, body); status != http.StatusOK {
		t.Fatalf("PUT through the public endpoint = %d, want 200", status)
	}
	getURL, err := store.PresignGet(context.Background(), "covers/pub/1.png", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if host := hostOf(t, getURL); host != publicHost {
		t.Fatalf("GET URL host = %q, want the public %q", host, publicHost)
	}
	if status, got := download(t, getURL); status != http.StatusOK || !bytes.Equal(got, body) {
		t.Fatalf("GET through the public endpoint = %d with %q, want 200 with %q", status, got, body)
	}
}

func TestKeysWithReservedCharactersRoundTrip(t *testing.T) {
	t.Parallel()
	store := newMinIOStore(t)
	body := []byte("cover")
	for _, key := range []string{"covers/b 1/a+b.jpg", "covers/ü/ñ=1&x;y,z.jpg", "covers/q/what?.jpg", "covers/p/100%.jpg"} {
		t.Run(key, func(t *testing.T) {
			if status := send(t, presignPut(t, store, key, "image/jpeg", int64(len(body))), body); status != http.StatusOK {
				t.Fatalf("PUT %q = %d, want 200", key, status)
			}
			u, err := store.PresignGet(context.Background(), key, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if status, got := download(t, u); status != http.StatusOK || !bytes.Equal(got, body) {
				t.Fatalf("GET %q = %d with %q, want 200 with %q", key, status, got, body)
			}
		})
	}
}

func TestExpiredPresignedRequestsAreRefused(t *testing.T) {
	t.Parallel()
	srv, bucket := s3test.NewBucket(t)
	client, err := s3.NewClient(srv.Config, srv.Options())
	if err != nil {
		t.Fatal(err)
	}
	// Sign as if an hour ago, so a one-minute URL is long expired, without
	// waiting for it.
	presigner := awss3.NewPresignClient(client, func(o *awss3.PresignOptions) {
		o.Presigner = pastSigner{ago: time.Hour}
	})
	store, err := s3.New(client, presigner, bucket)
	if err != nil {
		t.Fatal(err)
	}
	body := []byte("late")

	put := presignPut(t, store, "covers/late/1.jpg", "image/jpeg", int64(len(body)))
	if !put.ExpiresAt.Before(time.Now()) {
		t.Errorf("ExpiresAt = %v, want it in the past for a request signed an hour ago", put.ExpiresAt)
	}
	if status := send(t, put, body); status != http.StatusForbidden {
		t.Errorf("expired PUT = %d, want 403", status)
	}
	getURL, err := store.PresignGet(context.Background(), "covers/late/1.jpg", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if status, _ := download(t, getURL); status != http.StatusForbidden {
		t.Errorf("expired GET = %d, want 403", status)
	}
}

func TestDeletePrefixWalksEveryListingPage(t *testing.T) {
	t.Parallel()
	srv, bucket := s3test.NewBucket(t)
	store := newStore(t, srv.Config, srv.Options(), bucket)
	s3.SetListPageSize(store, 10)
	var keep []string
	for i := range 25 {
		srv.PutObjects(t, bucket, fmt.Sprintf("covers/many/%02d.jpg", i))
	}
	for _, k := range []string{"covers/many-not/1.jpg", "covers/man/1.jpg", "thumbnails/many/1.jpg"} {
		srv.PutObjects(t, bucket, k)
		keep = append(keep, k)
	}
	slices.Sort(keep)

	if err := store.DeletePrefix(context.Background(), "covers/many/"); err != nil {
		t.Fatal(err)
	}

	if diff := cmp.Diff(keep, srv.Keys(t, bucket)); diff != "" {
		t.Errorf("keys after DeletePrefix mismatch (-want +got):\n%s", diff)
	}
}

func TestDeletePrefixReportsAMissingBucket(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	store := newStore(t, srv.Config, srv.Options(), "no-such-bucket-here")

	err := store.DeletePrefix(context.Background(), "covers/")

	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "NoSuchBucket" {
		t.Fatalf("DeletePrefix on a missing bucket = %v, want an S3 NoSuchBucket error", err)
	}
	if errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a missing bucket is an infrastructure error, got a domain category: %v", err)
	}
}

func TestCreateBucketIsIdempotent(t *testing.T) {
	t.Parallel()
	srv, bucket := s3test.NewBucket(t)
	if err := s3.CreateBucket(context.Background(), srv.Client, bucket); err != nil {
		t.Fatalf("CreateBucket of an existing own bucket = %v, want nil", err)
	}
}

// pastSigner is S3's SigV4 presigner with its clock moved back.
type pastSigner struct{ ago time.Duration }

func (p pastSigner) PresignHTTP(ctx context.Context, creds aws.Credentials, r *http.Request, payloadHash, service, region string, signingTime time.Time, optFns ...func(*v4.SignerOptions)) (string, http.Header, error) {
	signer := v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })
	return signer.PresignHTTP(ctx, creds, r, payloadHash, service, region, signingTime.Add(-p.ago), optFns...)
}

func presignPut(t *testing.T, store *s3.ObjectStore, key, contentType string, n int64) app.PresignedRequest {
	t.Helper()
	req, err := store.PresignPut(context.Background(), key, contentType, n, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return req
}

// send performs a presigned request with a plain HTTP client, as a browser
// would, and returns the status.
func send(t *testing.T, pr app.PresignedRequest, body []byte) int {
	t.Helper()
	req, err := http.NewRequest(pr.Method, pr.URL, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range pr.Headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 != 2 {
		t.Logf("%s %s: %d %s", pr.Method, pr.URL, resp.StatusCode, msg)
	}
	return resp.StatusCode
}

func download(t *testing.T, u string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, body
}

func hostOf(t *testing.T, raw string) string {
	t.Helper()
	u, _ := parseURL(t, raw)
	return u.Host
}
