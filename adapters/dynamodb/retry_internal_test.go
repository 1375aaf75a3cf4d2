package dynamodb

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestBackoffDoublesUpToItsCap(t *testing.T) {
	t.Parallel()
	ms := time.Millisecond
	want := []time.Duration{10 * ms, 20 * ms, 40 * ms, 80 * ms, 160 * ms, 320 * ms, 320 * ms}
	for i, w := range want {
		if got := backoff(i + 1); got != w {
			t.Errorf("backoff(%d) = %v, want %v", i+1, got, w)
		}
	}
	if got := backoff(MaxWriteAttempts - 1); got != 320*ms {
		t.Errorf("backoff(%d) = %v, want the cap 320ms", MaxWriteAttempts-1, got)
	}
}

func TestAttemptsStopWhenTheContextEndsDuringAPause(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	stop := errors.New("caller gave up")
	var got []int
	var gotErr error
	for n, err := range attempts(ctx) {
		got = append(got, n)
		if err != nil {
			gotErr = err
			break
		}
		cancel(stop) // the first attempt lost; the pause before the next one ends at once
	}
	if len(got) != 2 || got[0] != 0 || got[1] != 1 || !errors.Is(gotErr, stop) {
		t.Fatalf("attempts yielded %v, last error %v; want [0 1] and the context's cause", got, gotErr)
	}
}
