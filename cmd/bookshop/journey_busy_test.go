package main

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// busyDetail is the detail of the 503s that busyAPI sends.
const busyDetail = "The shop is busy right now: try again in a few seconds."

// busyAPI stands in front of the shop and answers some requests 503
// application/problem+json with a Retry-After, as the API does when a
// dependency does not answer, and counts every request it matches.
type busyAPI struct {
	mu         sync.Mutex
	method     string
	path       string
	retryAfter string
	fail       int // how many more matching requests fail; < 0: all of them
	seen       int
}

// failNext makes the next n requests (every one when n < 0) with method to
// path answer 503 with Retry-After: retryAfter, and restarts the count.
func (f *busyAPI) failNext(method, path string, n int, retryAfter string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.method, f.path, f.fail, f.retryAfter, f.seen = method, path, n, retryAfter, 0
}

// lift lets the requests through again; they are still counted.
func (f *busyAPI) lift() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fail = 0
}

// count is how many matching requests arrived since failNext.
func (f *busyAPI) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.seen
}

// wrap puts f in front of next.
func (f *busyAPI) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		match := r.Method == f.method && r.URL.Path == f.path
		busy, retryAfter := false, f.retryAfter
		if match {
			f.seen++
			busy = f.fail != 0
			if f.fail > 0 {
				f.fail--
			}
		}
		f.mu.Unlock()
		if !busy {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Retry-After", retryAfter)
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = w.Write([]byte(`{"type":"https://bookshop.example/problems/unavailable","title":"Service unavailable","status":503,"detail":"` + busyDetail + `"}`))
	})
}

// watchErrorStates makes every page the tab loads from now on record in
// window.errorStateSeen whether an error state (.state--error) was ever in
// it, from before the app's first render.
func watchErrorStates(b *browsertest.Browser) {
	const script = `window.errorStateSeen = false;
new MutationObserver(() => {
	if (document.querySelector(".state--error")) window.errorStateSeen = true;
}).observe(document, {childList: true, subtree: true});`
	b.Do("watch for error states", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
}

// TestJourneyBusyAPI: when the API answers a GET 503 with Retry-After, the
// app waits and asks again, showing its loading state meanwhile: a book
// page opened while the API is briefly busy shows the book without ever
// showing an error; while it stays busy the page gives up after two
// retries with the problem's detail and "Try again", which works once the
// API answers again; and a write that answers 503 is sent once.
func TestJourneyBusyAPI(t *testing.T) {
	t.Parallel()
	busy := &busyAPI{}
	e := startEmbeddedBehind(t, nil, busy.wrap)
	e.srv.objects.WaitForHooks()
	books := e.booksByTitle(t)
	dune, kindred := books["Dune"], books["Kindred"]
	b := openTab(t, e)
	watchErrorStates(b)

	// Briefly busy: two 503s, then the book.
	const failures = 2
	duneAPI := "/api/books/" + dune.ID
	b.AllowError(`status of 503 .*` + duneAPI + `\)$`) // provoked, and the only errors allowed
	busy.failNext(http.MethodGet, duneAPI, failures, "1")
	b.Navigate("/books/" + dune.ID)
	b.WaitVisible(tid("book"))
	waitText(b, "main h1", "Dune")
	b.WaitNetworkIdle()
	if browsertest.Eval[bool](b, "window.errorStateSeen") {
		t.Error("the book page showed an error state while the API was briefly busy")
	}
	if n := busy.count(); n != failures+1 {
		t.Errorf("%d requests to %s, want %d (the busy ones and the one that answered)", n, duneAPI, failures+1)
	}
	if n := b.CountRequests(duneAPI); n < failures+1 {
		t.Errorf("the browser saw %d requests to %s, want at least %d", n, duneAPI, failures+1)
	}

	// Busy for good: after the first request and two retries the error
	// state shows the problem's detail and "Try again".
	kindredAPI := "/api/books/" + kindred.ID
	b.AllowError(`status of 503 .*` + kindredAPI + `\)$`)
	busy.failNext(http.MethodGet, kindredAPI, -1, "1")
	b.Navigate("/books/" + kindred.ID)
	b.WaitVisible(".state--error")
	waitTextContains(b, ".state--error", busyDetail)
	if n := busy.count(); n != 3 {
		t.Errorf("%d requests to %s before the error state, want 3 (one and two retries)", n, kindredAPI)
	}
	b.CheckA11y("book, shop busy")
	busy.lift()
	b.Click(".state--error button")
	waitText(b, "main h1", "Kindred")
	b.WaitVisible(tid("book"))
	b.WaitNotPresent(".state--error")

	// Leaving the page while the app waits to ask again cancels the retry.
	busy.failNext(http.MethodGet, kindredAPI, -1, "1")
	b.Navigate("/books/" + kindred.ID)
	for deadline := time.Now().Add(10 * time.Second); busy.count() == 0; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the book page did not ask for %s", kindredAPI)
		}
	}
	if browsertest.Eval[bool](b, "!document.querySelector('.state--loading') || !!document.querySelector('.state--error')") {
		t.Error("after a busy answer the book page does not show its loading state while it waits")
	}
	b.Click(tid("nav-bestsellers"))
	waitPath(b, "/bestsellers")
	time.Sleep(1500 * time.Millisecond) // past the Retry-After: a retry would have arrived
	if n := busy.count(); n != 1 {
		t.Errorf("%d requests to %s after leaving its page during the wait, want 1", n, kindredAPI)
	}
	busy.lift()

	// A write is not repeated: a review that answers 503 is sent once, even
	// with Retry-After: 0 (a GET would be repeated at once), and its error
	// shows.
	const email, password = "busy@example.com", "Busy-pass-123"
	e.register(t, email, password)
	signIn(b, email, password)
	reviewsAPI := duneAPI + "/reviews"
	b.AllowError(`status of 503 .*` + reviewsAPI + `\)$`)
	busy.failNext(http.MethodPost, reviewsAPI, -1, "0")
	b.ResetRequests()
	b.Navigate("/books/" + dune.ID)
	b.WaitVisible(tid("review-form"))
	b.Click(tid("review-rating-4"))
	b.Click(tid("review-submit"))
	waitTextContains(b, tid("review-form")+" .alert--error", busyDetail)
	// The error shows once the client gave up; a repeat after Retry-After: 0
	// would have been sent at once, so half a second is plenty to see one.
	time.Sleep(500 * time.Millisecond)
	if n := busy.count(); n != 1 {
		t.Errorf("%d POSTs to %s, want 1: a write is never repeated by the client", n, reviewsAPI)
	}
}
