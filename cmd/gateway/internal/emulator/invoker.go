package emulator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"
)

// Errors of an invocation; the gateway maps them to API Gateway's answers.
var (
	// errThrottled: every endpoint is busy and the wait queue is full (429).
	errThrottled = errors.New("function throttled: all endpoints busy and the queue is full")
	// errNoFunction: the function has no endpoint configured.
	errNoFunction = errors.New("no endpoint is configured for the function")
)

// maxResponseBytes bounds a function's answer, Lambda's 6 MB synchronous
// payload limit with room to spare.
const maxResponseBytes = 8 << 20

// invocation is an RIE answer.
type invocation struct {
	payload []byte
	// functionError is true when the function failed (its payload is then
	// {"errorMessage","errorType"}).
	functionError bool
}

// invocationsPath is the RIE's Invoke API path.
const invocationsPath = "/2015-03-31/functions/function/invocations"

// endpoint is one RIE container: its Invoke API URL, parsed once.
type endpoint struct {
	invokeURL *url.URL
}

// pool dispatches invocations of one function over its RIE endpoints. Each
// endpoint serves one invoke at a time, so a free endpoint is taken from the
// free channel and put back when the invoke ends; callers that find none wait
// in a queue of at most maxQueue.
type pool struct {
	name     string
	free     chan endpoint
	waiting  atomic.Int64
	maxQueue int64
	client   *http.Client
}

func newPool(name string, baseURLs []string, maxQueue int, client *http.Client) (*pool, error) {
	p := &pool{name: name, free: make(chan endpoint, len(baseURLs)), maxQueue: int64(maxQueue), client: client}
	for _, base := range baseURLs {
		u, err := url.Parse(strings.TrimSuffix(base, "/") + invocationsPath)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return nil, fmt.Errorf("endpoint %q of %s is not an absolute URL", base, name)
		}
		p.free <- endpoint{invokeURL: u}
	}
	return p, nil
}

// acquire returns a free endpoint, waiting for one while the queue has room.
func (p *pool) acquire(ctx context.Context) (endpoint, error) {
	select {
	case e := <-p.free:
		return e, nil
	default:
	}
	if p.waiting.Add(1) > p.maxQueue {
		p.waiting.Add(-1)
		return endpoint{}, errThrottled
	}
	defer p.waiting.Add(-1)
	select {
	case e := <-p.free:
		return e, nil
	case <-ctx.Done():
		return endpoint{}, ctx.Err()
	}
}

// busyLimit bounds how long an endpoint may stay busy with one invoke after
// its caller gave up: Lambda's maximum function timeout.
const busyLimit = 15 * time.Minute

// invoke sends payload to a free endpoint's Invoke API and returns its
// answer, or ctx's error when ctx ends first. The function may run for
// timeout, counted from when an endpoint was free, as Lambda counts it:
// past it the answer is Lambda's, a function error saying the task timed
// out (timedOut). The endpoint stays busy until the RIE answers even when
// the caller gave up (a timeout, a client that went away): the RIE is still
// running the invoke and would refuse another one (the function containers
// set AWS_LAMBDA_FUNCTION_TIMEOUT, so the RIE stops it at the same time).
func (p *pool) invoke(ctx context.Context, payload []byte, timeout time.Duration) (invocation, error) {
	e, err := p.acquire(ctx)
	if err != nil {
		return invocation{}, err
	}
	run := time.NewTimer(timeout)
	defer run.Stop()
	type result struct {
		inv invocation
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer func() { p.free <- e }()
		callCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), busyLimit)
		defer cancel()
		inv, err := p.call(callCtx, e, payload)
		done <- result{inv, err}
	}()
	select {
	case r := <-done:
		return r.inv, r.err
	case <-ctx.Done():
		return invocation{}, ctx.Err()
	case <-run.C:
		return timedOut(timeout), nil
	}
}

// timedOut is Lambda's answer to an invocation that ran past the function's
// timeout: a function error.
func timedOut(timeout time.Duration) invocation {
	return invocation{functionError: true,
		payload: fmt.Appendf(nil, `{"errorMessage":"Task timed out after %.2f seconds","errorType":"Sandbox.Timedout"}`, timeout.Seconds())}
}

// call performs one Invoke API request. The request is built from the
// endpoint's parsed URL (http.NewRequestWithContext would parse it again on
// every invoke, on the gateway's hot path).
func (p *pool) call(ctx context.Context, e endpoint, payload []byte) (invocation, error) {
	req := (&http.Request{
		Method: http.MethodPost, URL: e.invokeURL, Host: e.invokeURL.Host,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(bytes.NewReader(payload)),
		GetBody:       func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(payload)), nil },
		ContentLength: int64(len(payload)),
	}).WithContext(ctx)
	endpoint := e.invokeURL.Host // for errors
	resp, err := p.client.Do(req)
	if err != nil {
		return invocation{}, fmt.Errorf("invoke %s at %s: %w", p.name, endpoint, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return invocation{}, fmt.Errorf("invoke %s at %s: read answer: %w", p.name, endpoint, err)
	}
	if len(body) > maxResponseBytes {
		return invocation{}, fmt.Errorf("invoke %s: answer exceeds %d bytes", p.name, maxResponseBytes)
	}
	if resp.StatusCode != http.StatusOK {
		return invocation{}, fmt.Errorf("invoke %s at %s: RIE answered %s", p.name, endpoint, resp.Status)
	}
	return invocation{payload: body, functionError: isFunctionError(resp.Header, body)}, nil
}

// invoker holds the pools of every function and their timeouts.
type invoker struct {
	pools    map[string]*pool
	timeouts func(function string) time.Duration
}

func newInvoker(endpoints map[string][]string, maxQueue int, client *http.Client, timeouts func(string) time.Duration) (*invoker, error) {
	inv := &invoker{pools: make(map[string]*pool, len(endpoints)), timeouts: timeouts}
	var errs []error
	for name, urls := range endpoints {
		if len(urls) > 0 {
			p, err := newPool(name, urls, maxQueue, client)
			errs = append(errs, err)
			inv.pools[name] = p
		}
	}
	return inv, errors.Join(errs...)
}

// invoke invokes function synchronously, for at most its timeout.
func (inv *invoker) invoke(ctx context.Context, function string, payload []byte) (invocation, error) {
	p, ok := inv.pools[function]
	if !ok {
		return invocation{}, fmt.Errorf("%s: %w", function, errNoFunction)
	}
	return p.invoke(ctx, payload, inv.timeouts(function))
}
