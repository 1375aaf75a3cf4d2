package s3_test

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/domain"
)

// These tests only sign requests, which needs no server: the endpoints
// below are never dialled.

var offlineConfig = aws.Config{
	Region:      "us-east-1",
	Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
}

func offlineStore(t *testing.T, o s3.Options) *s3.ObjectStore {
	t.Helper()
	client, err := s3.NewClient(offlineConfig, o)
	if err != nil {
		t.Fatal(err)
	}
	presigner, err := s3.NewPresignClient(offlineConfig, o)
	if err != nil {
		t.Fatal(err)
	}
	store, err := s3.New(client, presigner, "covers")
	if err != nil {
		t.Fatal(err)
	}
	return store
}

func TestNewRejectsMissingClientsAndBadBucketNames(t *testing.T) {
	client, presigner := awss3.NewFromConfig(offlineConfig), awss3.NewPresignClient(awss3.NewFromConfig(offlineConfig))
	tests := []struct {
		name      string
		client    *awss3.Client
		presigner *awss3.PresignClient
		bucket    s3.BucketName
		want      string
	}{
		{name: "nil client", presigner: presigner, bucket: "covers", want: "nil S3 client"},
		{name: "nil presigner", client: client, bucket: "covers", want: "nil S3 presign client"},
		{name: "empty bucket", client: client, presigner: presigner, want: "bucket name"},
		{name: "upper case bucket", client: client, presigner: presigner, bucket: "Covers", want: "bucket name"},
		{name: "bucket ends with a hyphen", client: client, presigner: presigner, bucket: "covers-", want: "bucket name"},
		{name: "bucket too long", client: client, presigner: presigner, bucket: s3.BucketName(strings.Repeat("a", 64)), want: "bucket name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store, err := s3.New(tt.client, tt.presigner, tt.bucket)
			if err == nil || !strings.Contains(err.Error(), tt.want) || store != nil {
				t.Fatalf("New() = %v, %v; want nil and an error containing %q", store, err, tt.want)
			}
		})
	}
}

func TestNewClientRejectsIncompleteConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  aws.Config
		o    s3.Options
		want string
	}{
		{name: "no region", cfg: aws.Config{Credentials: offlineConfig.Credentials}, want: "no region"},
		{name: "no credentials", cfg: aws.Config{Region: "us-east-1"}, want: "no credentials"},
		{name: "relative endpoint", cfg: offlineConfig, o: s3.Options{Endpoint: "minio:9000"}, want: "endpoint"},
		{name: "public endpoint with query", cfg: offlineConfig, o: s3.Options{PublicEndpoint: "http://localhost:9000/?a=b"}, want: "public endpoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := s3.NewClient(tt.cfg, tt.o); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewClient() error = %v, want one containing %q", err, tt.want)
			}
			if _, err := s3.NewPresignClient(tt.cfg, tt.o); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("NewPresignClient() error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestPresignPutSignsContentTypeAndLength(t *testing.T) {
	store := offlineStore(t, s3.Options{Endpoint: "http://127.0.0.1:9", UsePathStyle: true})
	before := time.Now().Truncate(time.Second)

	req, err := store.PresignPut(context.Background(), "covers/b1/01.png", "image/png", 123, 15*time.Minute)
	if err != nil {
		t.Fatal(err)
	}

	if req.Method != "PUT" {
		t.Errorf("Method = %q, want PUT", req.Method)
	}
	wantHeaders := map[string]string{"Content-Type": "image/png", "Content-Length": "123"}
	if diff := cmp.Diff(wantHeaders, req.Headers); diff != "" {
		t.Errorf("Headers mismatch (-want +got):\n%s", diff)
	}
	u, q := parseURL(t, req.URL)
	if u.Path != "/covers/covers/b1/01.png" {
		t.Errorf("path = %q, want the path-style /<bucket>/<key>", u.Path)
	}
	if got := q.Get("X-Amz-SignedHeaders"); got != "content-length;content-type;host" {
		t.Errorf("X-Amz-SignedHeaders = %q, want content-length;content-type;host", got)
	}
	if got := q.Get("X-Amz-Expires"); got != "900" {
		t.Errorf("X-Amz-Expires = %q, want 900", got)
	}
	// A browser cannot send a checksum of a body the signer never saw.
	for name := range q {
		if strings.HasPrefix(strings.ToLower(name), "x-amz-checksum") || strings.HasPrefix(strings.ToLower(name), "x-amz-sdk-checksum") {
			t.Errorf("presigned PUT carries checksum parameter %s", name)
		}
	}
	if exp := req.ExpiresAt; exp.Before(before.Add(15*time.Minute)) || exp.After(time.Now().Add(15*time.Minute)) {
		t.Errorf("ExpiresAt = %v, want 15 minutes after signing", exp)
	}
}

func TestPresignUsesThePublicEndpoint(t *testing.T) {
	tests := []struct {
		name     string
		options  s3.Options
		wantHost string
	}{
		{
			name:     "public endpoint set",
			options:  s3.Options{Endpoint: "http://minio:9000", PublicEndpoint: "http://localhost:9000", UsePathStyle: true},
			wantHost: "localhost:9000",
		},
		{
			name:     "public endpoint unset",
			options:  s3.Options{Endpoint: "http://minio:9000", UsePathStyle: true},
			wantHost: "minio:9000",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := offlineStore(t, tt.options)
			put, err := store.PresignPut(context.Background(), "covers/b1/01.jpg", "image/jpeg", 1, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			get, err := store.PresignGet(context.Background(), "covers/b1/01.jpg", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			for _, raw := range []string{put.URL, get} {
				if u, _ := parseURL(t, raw); u.Host != tt.wantHost {
					t.Errorf("host of %s = %q, want %q", raw, u.Host, tt.wantHost)
				}
			}
		})
	}
}

func TestInvalidArgumentsAreRejectedBeforeSigning(t *testing.T) {
	store := offlineStore(t, s3.Options{Endpoint: "http://127.0.0.1:9", UsePathStyle: true})
	ctx := context.Background()
	put := func(key, contentType string, n int64, ttl time.Duration) func() error {
		return func() error { _, err := store.PresignPut(ctx, key, contentType, n, ttl); return err }
	}
	get := func(key string, ttl time.Duration) func() error {
		return func() error { _, err := store.PresignGet(ctx, key, ttl); return err }
	}
	tests := []struct {
		name string
		call func() error
	}{
		{"put empty key", put("", "image/jpeg", 1, time.Minute)},
		{"put key with leading slash", put("/covers/a.jpg", "image/jpeg", 1, time.Minute)},
		{"put key with dot-dot segment", put("covers/../a.jpg", "image/jpeg", 1, time.Minute)},
		{"put key with newline", put("covers/a\n.jpg", "image/jpeg", 1, time.Minute)},
		{"put key too long", put(strings.Repeat("k", 1025), "image/jpeg", 1, time.Minute)},
		{"put zero ttl", put("covers/a.jpg", "image/jpeg", 1, 0)},
		{"put negative ttl", put("covers/a.jpg", "image/jpeg", 1, -time.Minute)},
		{"put sub-second ttl", put("covers/a.jpg", "image/jpeg", 1, 500*time.Millisecond)},
		{"put ttl over 7 days", put("covers/a.jpg", "image/jpeg", 1, 7*24*time.Hour+time.Second)},
		{"put empty content type", put("covers/a.jpg", "", 1, time.Minute)},
		{"put content type with header injection", put("covers/a.jpg", "image/jpeg\r\nX-Evil: 1", 1, time.Minute)},
		{"put zero length", put("covers/a.jpg", "image/jpeg", 0, time.Minute)},
		{"put negative length", put("covers/a.jpg", "image/jpeg", -1, time.Minute)},
		{"put over 5 GiB", put("covers/a.jpg", "image/jpeg", 5<<30+1, time.Minute)},
		{"get empty key", get("", time.Minute)},
		{"get zero ttl", get("covers/a.jpg", 0)},
		{"get ttl over 7 days", get("covers/a.jpg", 8*24*time.Hour)},
		{"delete empty prefix", func() error { return store.DeletePrefix(ctx, "") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("error = %v, want domain.ErrInvalid", err)
			}
		})
	}
}

func TestPresignAcceptsTheLimits(t *testing.T) {
	store := offlineStore(t, s3.Options{Endpoint: "http://127.0.0.1:9", UsePathStyle: true})
	ctx := context.Background()
	if _, err := store.PresignPut(ctx, "covers/a.jpg", "image/jpeg", 5<<30, 7*24*time.Hour); err != nil {
		t.Errorf("PresignPut at the limits: %v", err)
	}
	if _, err := store.PresignGet(ctx, "covers/a.jpg", time.Second); err != nil {
		t.Errorf("PresignGet with a 1s ttl: %v", err)
	}
}

func TestCreateBucketRejectsNilClient(t *testing.T) {
	if err := s3.CreateBucket(context.Background(), nil, "covers"); err == nil {
		t.Fatal("CreateBucket(nil client) = nil, want an error")
	}
}

func parseURL(t *testing.T, raw string) (*url.URL, url.Values) {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatalf("parse %q: %v", raw, err)
	}
	return u, u.Query()
}
