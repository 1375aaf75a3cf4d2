package system_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/system"
)

func TestClockSleepWaitsOrEndsWithTheContext(t *testing.T) {
	t.Parallel()
	began := time.Now()
	if err := (system.Clock{}).Sleep(context.Background(), 5*time.Millisecond); err != nil || time.Since(began) < 5*time.Millisecond {
		t.Fatalf("Sleep(5ms) = %v after %v", err, time.Since(began))
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	gone := errors.New("caller gave up")
	cancel(gone)
	began = time.Now()
	if err := (system.Clock{}).Sleep(ctx, time.Hour); !errors.Is(err, gone) || time.Since(began) > time.Second {
		t.Fatalf("Sleep with an ended context = %v after %v, want its cause at once", err, time.Since(began))
	}
}
