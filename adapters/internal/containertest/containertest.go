// Package containertest holds what every container-backed test helper
// (dynamotest, s3test, …) shares: one container per test binary, started on
// first use and removed after the tests, the skip switch, image overrides
// and unique resource names.
package containertest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/testcontainers/testcontainers-go"
)

// SkipEnv names the variable that, set to "1", skips container tests. Unset,
// a missing Docker engine or image FAILS them: `make test` provisions both.
const SkipEnv = "BOOKSHOP_SKIP_CONTAINER_TESTS"

// startTimeout bounds one container start, readiness included.
const startTimeout = 2 * time.Minute

// Shared is the one container of a test binary and what its helper built on
// it (S, e.g. a server description with clients). The zero value is not
// usable: set every exported field.
type Shared[S any] struct {
	// Name is the service as people call it, e.g. "DynamoDB Local".
	Name string
	// ImageEnv names the variable that overrides DefaultImage.
	ImageEnv string
	// DefaultImage is the official image, pinned.
	DefaultImage string
	// Start runs the container from image and describes it. It returns the
	// container also on failure when one was created, so it is removed.
	Start func(ctx context.Context, image string) (S, testcontainers.Container, error)

	mainCalled atomic.Bool
	once       sync.Once
	container  testcontainers.Container
	server     S
	err        error
}

// Image is the image to run: $ImageEnv, else DefaultImage.
func (s *Shared[S]) Image() string {
	if img := os.Getenv(s.ImageEnv); img != "" {
		return img
	}
	return s.DefaultImage
}

// Wrap returns a function that runs tests (usually m.Run) and then removes
// the container, if a test started one. Helpers combine:
//
//	os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))())
func (s *Shared[S]) Wrap(tests func() int) func() int {
	return func() int {
		s.mainCalled.Store(true)
		code := tests()
		if s.container == nil {
			return code
		}
		if err := testcontainers.TerminateContainer(s.container); err != nil {
			fmt.Fprintf(os.Stderr, "remove %s container: %v\n", s.Name, err)
			if code == 0 {
				code = 1
			}
		}
		return code
	}
}

// Get returns the running service, starting it on first use. It skips tb
// when SkipEnv is "1" and fails it when the container cannot start.
func (s *Shared[S]) Get(tb testing.TB) S {
	tb.Helper()
	if os.Getenv(SkipEnv) == "1" {
		tb.Skipf("container tests disabled by %s=1", SkipEnv)
	}
	if !s.mainCalled.Load() {
		tb.Fatalf("call Main or Wrap from TestMain so the %s container is removed after the tests", s.Name)
	}
	s.once.Do(func() { s.server, s.err = s.start() })
	if s.err != nil {
		tb.Fatalf("start %s: %v\nThese tests need a Docker engine and the %s image (%s=%q). "+
			"`make test` provisions both; set %s=1 to skip container tests.",
			s.Name, s.err, s.Name, s.ImageEnv, s.Image(), SkipEnv)
	}
	return s.server
}

// start runs Start. The testcontainers Docker discovery panics when it finds
// no Docker host; that becomes an error like any other start failure.
func (s *Shared[S]) start() (srv S, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("no Docker host: %v", r)
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), startTimeout)
	defer cancel()
	srv, s.container, err = s.Start(ctx, s.Image())
	return srv, err
}

// Endpoint returns the http:// base URL of the container's published port
// (e.g. "8000/tcp"). It uses 127.0.0.1 rather than "localhost", which may
// resolve to ::1 first.
func Endpoint(ctx context.Context, ctr testcontainers.Container, port string) (string, error) {
	host, err := ctr.Host(ctx)
	if err != nil {
		return "", fmt.Errorf("container host: %w", err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	mapped, err := ctr.MappedPort(ctx, port)
	if err != nil {
		return "", fmt.Errorf("container port %s: %w", port, err)
	}
	return "http://" + net.JoinHostPort(host, mapped.Port()), nil
}

var seq atomic.Int64

// UniqueName returns "test-<n>-<random>": unique within the binary (n) and
// across binaries sharing a server (random part). It is a valid DynamoDB
// table and S3 bucket name.
func UniqueName() string {
	var b [4]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return fmt.Sprintf("test-%d-%s", seq.Add(1), hex.EncodeToString(b[:]))
}
