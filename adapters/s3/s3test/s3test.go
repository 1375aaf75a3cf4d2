// Package s3test runs MinIO for the tests of the S3 adapter: one container
// per test binary, and a fresh bucket per test.
//
// A package that uses it calls Main from its TestMain, which removes the
// container after the tests ran (Ryuk, the testcontainers reaper, is off on
// machines without a registry, so nothing else would):
//
//	func TestMain(m *testing.M) { s3test.Main(m) }
//
// Environment:
//   - BOOKSHOP_MINIO_IMAGE: the MinIO image (default DefaultImage).
//   - BOOKSHOP_SKIP_CONTAINER_TESTS=1: skip the tests that need MinIO.
//     Otherwise a missing Docker fails them: `make test` provisions Docker
//     and the images.
package s3test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/testcontainers/testcontainers-go"
	"github.com/testcontainers/testcontainers-go/modules/minio"

	"github.com/bookshop/bookshop/adapters/internal/containertest"
	"github.com/bookshop/bookshop/adapters/s3"
)

// Settings read from the environment.
const (
	// ImageEnv names the variable that overrides the MinIO image.
	ImageEnv = "BOOKSHOP_MINIO_IMAGE"
	// SkipEnv names the variable that, set to "1", skips container tests.
	SkipEnv = containertest.SkipEnv
	// DefaultImage is the MinIO image used when ImageEnv is unset, the same
	// default as deploy/local/provision.sh (pgsty/silo is the maintained
	// community build of the MinIO server; MinIO Inc. no longer publishes
	// images). Where no registry answers, provision.sh builds a local
	// stand-in and exports ImageEnv pointing at it.
	DefaultImage = "pgsty/silo:RELEASE.2026-09-16T00-00-00Z"
	// Region is the region the clients sign for.
	Region = "us-east-1"
)

const cleanupTimeout = 30 * time.Second

// Server is the running MinIO of this test binary.
type Server struct {
	// Endpoint is the S3 API's base URL, e.g. "http://127.0.0.1:32768".
	Endpoint string
	// Config signs as MinIO's root user in Region.
	Config aws.Config
	// Client talks to Endpoint, path-style.
	Client *awss3.Client
}

// Options reaches Endpoint path-style, as MinIO needs.
func (s *Server) Options() s3.Options {
	return s3.Options{Endpoint: s.Endpoint, UsePathStyle: true}
}

var shared = &containertest.Shared[*Server]{
	Name: "MinIO", ImageEnv: ImageEnv, DefaultImage: DefaultImage, Start: start,
}

// Main runs the tests of m and then removes the MinIO container, if a test
// started one. Call it from TestMain; it calls os.Exit.
func Main(m *testing.M) { os.Exit(Wrap(m.Run)()) }

// Wrap returns a function that runs tests (usually m.Run) and then removes
// the MinIO container, if a test started one (see dynamotest.Wrap).
func Wrap(tests func() int) func() int { return shared.Wrap(tests) }

// Start returns the MinIO of this test binary, starting it on first use. It
// skips tb when SkipEnv is "1" and fails it when MinIO cannot start.
func Start(tb testing.TB) *Server {
	tb.Helper()
	return shared.Get(tb)
}

// NewBucket creates a bucket no other test uses and returns its name. The
// bucket is emptied and removed when tb ends.
func NewBucket(tb testing.TB) (*Server, s3.BucketName) {
	tb.Helper()
	return NewBucketOn(tb, Start(tb))
}

// Own starts a MinIO that belongs to tb alone, for fault tests that pause it
// (Fault.Pause, Fault.Unpause); it is removed when tb ends. Create buckets on
// it with NewBucketOn.
func Own(tb testing.TB) (*Server, *containertest.Fault) {
	tb.Helper()
	return containertest.Own(tb, "MinIO", ImageEnv, DefaultImage, start)
}

// NewBucketOn is NewBucket on the given MinIO.
func NewBucketOn(tb testing.TB, srv *Server) (*Server, s3.BucketName) {
	tb.Helper()
	bucket := s3.BucketName(containertest.UniqueName())
	ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
	defer cancel()
	if err := s3.CreateBucket(ctx, srv.Client, bucket); err != nil {
		tb.Fatalf("s3test: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), cleanupTimeout)
		defer cancel()
		if err := removeBucket(ctx, srv.Client, string(bucket)); err != nil {
			tb.Errorf("s3test: remove bucket %s: %v", bucket, err)
		}
	})
	return srv, bucket
}

// PutObjects stores a small object at each of keys in bucket, as a test's
// fixture.
func (s *Server) PutObjects(tb testing.TB, bucket s3.BucketName, keys ...string) {
	tb.Helper()
	for _, k := range keys {
		_, err := s.Client.PutObject(context.Background(), &awss3.PutObjectInput{
			Bucket: aws.String(string(bucket)), Key: aws.String(k), Body: strings.NewReader("x"),
		})
		if err != nil {
			tb.Fatalf("s3test: put %s: %v", k, err)
		}
	}
}

// Keys returns the keys stored in bucket, sorted.
func (s *Server) Keys(tb testing.TB, bucket s3.BucketName) []string {
	tb.Helper()
	var keys []string
	pages := awss3.NewListObjectsV2Paginator(s.Client, &awss3.ListObjectsV2Input{Bucket: aws.String(string(bucket))})
	for pages.HasMorePages() {
		page, err := pages.NextPage(context.Background())
		if err != nil {
			tb.Fatalf("s3test: list %s: %v", bucket, err)
		}
		for _, o := range page.Contents {
			keys = append(keys, aws.ToString(o.Key))
		}
	}
	slices.Sort(keys)
	return keys
}

// start runs MinIO.
func start(ctx context.Context, image string) (*Server, testcontainers.Container, error) {
	ctr, err := minio.Run(ctx, image)
	if ctr == nil {
		return nil, nil, err
	}
	if err != nil {
		return nil, ctr, err
	}
	endpoint, err := containertest.Endpoint(ctx, ctr, "9000/tcp")
	if err != nil {
		return nil, ctr, err
	}
	cfg := aws.Config{
		Region:      Region,
		Credentials: credentials.NewStaticCredentialsProvider(ctr.Username, ctr.Password, ""),
	}
	client, err := s3.NewClient(cfg, s3.Options{Endpoint: endpoint, UsePathStyle: true})
	if err != nil {
		return nil, ctr, err
	}
	if err := awaitReady(ctx, client); err != nil {
		return nil, ctr, err
	}
	return &Server{Endpoint: endpoint, Config: cfg, Client: client}, ctr, nil
}

// awaitReady waits until MinIO serves S3 requests. Its liveness endpoint,
// which the container start waits for, answers before the object layer is
// initialized; until then requests fail with XMinioServerNotInitialized.
func awaitReady(ctx context.Context, client *awss3.Client) error {
	for {
		_, err := client.ListBuckets(ctx, &awss3.ListBucketsInput{})
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("MinIO never became ready: %w", err)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// removeBucket deletes every object of bucket, then the bucket.
func removeBucket(ctx context.Context, client *awss3.Client, bucket string) error {
	pages := awss3.NewListObjectsV2Paginator(client, &awss3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return fmt.Errorf("list: %w", err)
		}
		if len(page.Contents) == 0 {
			continue
		}
		ids := make([]types.ObjectIdentifier, len(page.Contents))
		for i, o := range page.Contents {
			ids[i] = types.ObjectIdentifier{Key: o.Key}
		}
		out, err := client.DeleteObjects(ctx, &awss3.DeleteObjectsInput{
			Bucket: aws.String(bucket),
			Delete: &types.Delete{Objects: ids, Quiet: aws.Bool(true)},
		})
		if err != nil {
			return fmt.Errorf("delete objects: %w", err)
		}
		if len(out.Errors) > 0 {
			return fmt.Errorf("delete %s: %s", aws.ToString(out.Errors[0].Key), aws.ToString(out.Errors[0].Code))
		}
	}
	if _, err := client.DeleteBucket(ctx, &awss3.DeleteBucketInput{Bucket: aws.String(bucket)}); err != nil {
		return fmt.Errorf("delete bucket: %w", err)
	}
	return nil
}
