package emulator_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
)

// TestConcurrentInvocations sends N parallel requests over 2 endpoints: each
// endpoint (one RIE) must never run two invocations at once, and every
// request must be served.
func TestConcurrentInvocations(t *testing.T) {
	const n = 40
	work := func(ctx context.Context, p []byte) ([]byte, error) {
		time.Sleep(2 * time.Millisecond) // simulated work, so requests pile up
		return echoResponse(ctx, p)
	}
	a, b := endpoint(t, work), endpoint(t, work)
	gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["CatalogFunction"] = []string{a.URL, b.URL} })
	var wg sync.WaitGroup
	statuses := make(chan int, n)
	for range n {
		wg.Go(func() {
			resp, err := http.Get(gw.URL + "/api/books")
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		})
	}
	wg.Wait()
	close(statuses)
	for s := range statuses {
		if s != 200 {
			t.Errorf("status %d", s)
		}
	}
	for name, e := range map[string]*rietest.Endpoint{"a": a, "b": b} {
		if e.Overlapped() {
			t.Errorf("endpoint %s ran two invocations at once", name)
		}
	}
	if got := a.Invocations() + b.Invocations(); got != n {
		t.Errorf("%d invocations, want %d", got, n)
	}
	t.Logf("endpoint a: %d, b: %d invocations", a.Invocations(), b.Invocations())
}

// TestThrottling fills the only endpoint and the one-place queue: the next
// request gets 429 at once, the queued one is served when the endpoint
// frees.
func TestThrottling(t *testing.T) {
	entered := make(chan struct{}, 3)
	release := make(chan struct{})
	fn := endpoint(t, func(ctx context.Context, p []byte) ([]byte, error) {
		entered <- struct{}{}
		select {
		case <-release:
		case <-ctx.Done():
		}
		return echoResponse(ctx, p)
	})
	gw := newGateway(t, func(c *emulator.Config) {
		c.Endpoints["CatalogFunction"] = []string{fn.URL}
		c.MaxQueue = 1
	})
	get := func(out chan<- int) {
		resp, err := http.Get(gw.URL + "/api/books")
		if err != nil {
			t.Error(err)
			out <- 0
			return
		}
		resp.Body.Close()
		out <- resp.StatusCode
	}
	first := make(chan int, 1)
	go get(first)
	<-entered // the endpoint is busy
	others := make(chan int, 2)
	go get(others)
	go get(others)
	// One of the two waits in the queue, the other is throttled at once.
	if s := <-others; s != http.StatusTooManyRequests {
		t.Fatalf("first answer among the waiting requests: %d, want 429", s)
	}
	close(release)
	if s := <-first; s != 200 {
		t.Errorf("busy request: %d, want 200", s)
	}
	if s := <-others; s != 200 {
		t.Errorf("queued request: %d, want 200", s)
	}
}
