package s3_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/app"
)

// probeTimeout bounds the availability probe in the fault test, as the
// catalog function's deadline does.
const probeTimeout = 2 * time.Second

// TestCheckAvailableWhileMinIOIsPaused freezes MinIO: the probe gives up
// with app.ErrUnavailable when its context ends (not later), and once MinIO
// runs again the same store answers available.
func TestCheckAvailableWhileMinIOIsPaused(t *testing.T) {
	srv, fault := s3test.Own(t)
	_, bucket := s3test.NewBucketOn(t, srv)
	store := newStore(t, srv.Config, srv.Options(), bucket)
	if err := store.CheckAvailable(context.Background()); err != nil {
		t.Fatalf("CheckAvailable before the fault = %v", err)
	}

	fault.Pause()
	ctx, cancel := context.WithTimeout(context.Background(), probeTimeout)
	start := time.Now()
	err := store.CheckAvailable(ctx)
	elapsed := time.Since(start)
	cancel()
	fault.Unpause()
	if !errors.Is(err, app.ErrUnavailable) {
		t.Errorf("CheckAvailable while MinIO is paused = %v, want app.ErrUnavailable", err)
	}
	if elapsed > probeTimeout+time.Second {
		t.Errorf("CheckAvailable while MinIO is paused returned after %v, beyond its %v context", elapsed, probeTimeout)
	}

	if err := store.CheckAvailable(context.Background()); err != nil {
		t.Errorf("CheckAvailable after MinIO is back = %v, want nil", err)
	}
}

// A missing bucket is a broken deployment, not an outage: retrying later
// will not cure it, so it must not read as unavailable (503).
func TestCheckAvailableReportsAMissingBucket(t *testing.T) {
	t.Parallel()
	srv := s3test.Start(t)
	store := newStore(t, srv.Config, srv.Options(), "no-such-bucket-here")
	err := store.CheckAvailable(context.Background())
	if err == nil || errors.Is(err, app.ErrUnavailable) || !strings.Contains(err.Error(), "does not exist") {
		t.Fatalf("CheckAvailable of a missing bucket = %v, want a configuration error naming it", err)
	}
}
