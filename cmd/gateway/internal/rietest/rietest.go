// Package rietest runs fake Lambda Runtime Interface Emulator endpoints for
// tests: an httptest server answering the Invoke API
// (POST /2015-03-31/functions/function/invocations) by calling a Go
// function in-process, and recording what it received and whether two
// invocations ever overlapped (the real RIE runs one at a time).
package rietest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// Func answers one invocation's payload. An error is a function error: the
// endpoint answers as the RIE does, with X-Amz-Function-Error and an
// {"errorMessage","errorType"} body.
type Func func(ctx context.Context, payload []byte) ([]byte, error)

// JSON adapts a typed Lambda handler, such as apigw.Handler.Handle, to Func.
func JSON[In, Out any](h func(context.Context, In) (Out, error)) Func {
	return func(ctx context.Context, payload []byte) ([]byte, error) {
		var in In
		if err := json.Unmarshal(payload, &in); err != nil {
			return nil, err
		}
		out, err := h(ctx, in)
		if err != nil {
			return nil, err
		}
		return json.Marshal(out)
	}
}

// Endpoint is one fake RIE container.
type Endpoint struct {
	// URL is the base URL, as BOOKSHOP_FUNCTION_ENDPOINTS lists it.
	URL string

	fn          Func
	inflight    atomic.Int64
	overlapped  atomic.Bool
	invocations atomic.Int64

	mu       sync.Mutex
	payloads [][]byte
}

// New starts an endpoint serving fn; it stops when the test ends.
func New(tb testing.TB, fn Func) *Endpoint {
	tb.Helper()
	e := &Endpoint{fn: fn}
	srv := httptest.NewServer(http.HandlerFunc(e.serve))
	tb.Cleanup(srv.Close)
	e.URL = srv.URL
	return e
}

func (e *Endpoint) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/2015-03-31/functions/function/invocations" {
		http.NotFound(w, r)
		return
	}
	if e.inflight.Add(1) > 1 {
		e.overlapped.Store(true)
	}
	defer e.inflight.Add(-1)
	e.invocations.Add(1)
	payload, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	e.mu.Lock()
	e.payloads = append(e.payloads, payload)
	e.mu.Unlock()
	out, err := e.fn(r.Context(), payload)
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		w.Header().Set("X-Amz-Function-Error", "Unhandled")
		out, _ = json.Marshal(map[string]string{"errorMessage": err.Error(), "errorType": "errorString"})
	}
	_, _ = w.Write(out)
}

// Invocations returns how many invocations the endpoint received.
func (e *Endpoint) Invocations() int { return int(e.invocations.Load()) }

// Overlapped reports whether two invocations ever ran at the same time.
func (e *Endpoint) Overlapped() bool { return e.overlapped.Load() }

// Payloads returns a copy of the payloads received, in order.
func (e *Endpoint) Payloads() [][]byte {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([][]byte(nil), e.payloads...)
}
