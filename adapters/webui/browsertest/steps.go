package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Navigate loads target, an absolute URL or a reference relative to
// WithBaseURL, and waits for the page's load event. It returns the HTTP
// status of the document. A status of 400 or more is not a failure by itself
// (a not-found page is a page); the browser's log reports it as an error,
// see AllowError.
func (b *Browser) Navigate(target string) int64 {
	b.tb.Helper()
	u := b.resolve(target)
	resp := step(b, "navigate to "+u, chromedp.NavigateResponse(u))
	if resp == nil {
		return 0
	}
	return resp.Status
}

// resolve applies the base URL to a relative reference.
func (b *Browser) resolve(target string) string {
	ref, err := url.Parse(target)
	if err != nil || ref.IsAbs() || b.cfg.baseURL == nil {
		return target
	}
	return b.cfg.baseURL.ResolveReference(ref).String()
}

// Reload reloads the page and waits for its load event.
func (b *Browser) Reload() {
	b.tb.Helper()
	step(b, "reload", chromedp.Reload())
}

// Back goes one step back in the tab's history, like the browser's back
// button, without waiting: a single-page app handles it without loading a
// page, so wait for what the previous view shows (WaitVisible).
func (b *Browser) Back() {
	b.tb.Helper()
	step(b, "go back", chromedp.Evaluate[chromedp.Void]("history.back()"))
}

// Forward goes one step forward in the tab's history; see Back.
func (b *Browser) Forward() {
	b.tb.Helper()
	step(b, "go forward", chromedp.Evaluate[chromedp.Void]("history.forward()"))
}

// Location returns the page's current URL.
func (b *Browser) Location() string {
	b.tb.Helper()
	return step(b, "read the location", chromedp.Location())
}

// WaitVisible waits until an element matching the CSS selector is visible.
func (b *Browser) WaitVisible(selector string) {
	b.tb.Helper()
	step(b, fmt.Sprintf("wait for %q to be visible", selector), chromedp.WaitVisible(chromedp.CSS(selector)))
}

// WaitNotPresent waits until no element matches the CSS selector, e.g. until
// a loading indicator is gone.
func (b *Browser) WaitNotPresent(selector string) {
	b.tb.Helper()
	step(b, fmt.Sprintf("wait for %q to be gone", selector), chromedp.WaitNotPresent(chromedp.CSS(selector)))
}

// Click waits until the first element matching the CSS selector is visible
// and clicks its centre with the mouse.
func (b *Browser) Click(selector string) {
	b.tb.Helper()
	step(b, fmt.Sprintf("click %q", selector), chromedp.Click(chromedp.CSS(selector)))
}

// SendKeys waits until the first element matching the CSS selector is
// visible, focuses it and types text; "\n" is the Enter key. It adds to what
// the field holds: Clear first to replace it.
func (b *Browser) SendKeys(selector, text string) {
	b.tb.Helper()
	step(b, fmt.Sprintf("type into %q", selector), chromedp.SendKeys(chromedp.CSS(selector), text))
}

// Clear empties the input or textarea matching the CSS selector as a user
// would, so that the page sees input events: it focuses the field, selects
// all (Ctrl+A) and deletes.
func (b *Browser) Clear(selector string) {
	b.tb.Helper()
	sel := chromedp.CSS(selector)
	step(b, fmt.Sprintf("clear %q", selector), chromedp.Steps(
		chromedp.WaitVisible(sel),
		chromedp.Focus(sel),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(kb.ModifierCtrl)),
		chromedp.KeyEvent(kb.Backspace),
	))
}

// Press sends key presses to the focused element, e.g. kb.Tab or kb.Enter
// from github.com/chromedp/chromedp/kb, for keyboard journeys.
func (b *Browser) Press(keys string) {
	b.tb.Helper()
	step(b, "press "+strconv.Quote(keys), chromedp.KeyEvent(keys))
}

// UploadFile sets the file of the input[type=file] matching the CSS selector
// to the file at path, as a user picking it would.
func (b *Browser) UploadFile(selector, path string) {
	b.tb.Helper()
	step(b, fmt.Sprintf("choose %s in %q", path, selector), chromedp.SetUploadFiles(chromedp.CSS(selector), []string{path}))
}

// Text waits until the first element matching the CSS selector is visible
// and returns its rendered text (innerText).
func (b *Browser) Text(selector string) string {
	b.tb.Helper()
	return step(b, fmt.Sprintf("read the text of %q", selector), chromedp.Text(chromedp.CSS(selector)))
}

// Value returns the value of the input, select or textarea matching the CSS
// selector.
func (b *Browser) Value(selector string) string {
	b.tb.Helper()
	return step(b, fmt.Sprintf("read the value of %q", selector), chromedp.Value(chromedp.CSS(selector)))
}

// Count returns how many elements match the CSS selector now, without
// waiting.
func (b *Browser) Count(selector string) int {
	b.tb.Helper()
	return Eval[int](b, "document.querySelectorAll("+strconv.Quote(selector)+").length")
}

// Eval evaluates the JavaScript expression in the page, awaits it when it is
// a promise, and returns its value decoded from JSON into T. Use
// chromedp.Void to ignore the value. An exception fails the test.
func Eval[T any](b *Browser, expression string) T {
	b.tb.Helper()
	return step(b, "evaluate "+strconv.Quote(expression), chromedp.Evaluate[T](expression, chromedp.EvalAwaitPromise))
}

// Do runs chromedp actions within the step timeout, failing the test as the
// other steps do; what names the step in the failure.
func (b *Browser) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.tb.Helper()
	step(b, what, chromedp.Steps(actions...))
}

// step runs a within the step timeout; on failure it saves a screenshot and
// fails the test.
func step[T any](b *Browser, what string, a chromedp.Action[T]) T {
	b.tb.Helper()
	return stepWithin(b, what, b.cfg.timeout, a)
}

// stepWithin is step with its own timeout.
func stepWithin[T any](b *Browser, what string, timeout time.Duration, a chromedp.Action[T]) T {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			err = fmt.Errorf("timed out after %v", timeout)
		}
		b.fatalf("%s: %v", what, err)
	}
	return v
}

// fatalf saves a screenshot of the page and fails the test with the message,
// the page's URL and the screenshot's path.
func (b *Browser) fatalf(format string, args ...any) {
	b.tb.Helper()
	msg := fmt.Sprintf(format, args...)
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	if loc, err := chromedp.Run(ctx, chromedp.Location()); err == nil {
		msg += "\n  page: " + loc
	}
	if path, err := b.saveScreenshot("failure", false); err == nil {
		b.shotted = true
		msg += "\n  screenshot: " + path
	} else {
		msg += "\n  no screenshot: " + err.Error()
	}
	b.tb.Fatalf("browsertest: %s", msg)
}

// transientEvalErrors are what Chrome answers an evaluation that raced a
// navigation or reload: the page's JavaScript context went away under it.
// WaitUntil tries again in the new context.
var transientEvalErrors = []string{
	"Cannot find context with specified id",
	"Execution context was destroyed",
	"Inspected target navigated or closed",
}

// WaitUntil waits, within the step timeout, until the JavaScript expression
// is truthy, evaluating it every 50 ms; what names the step in a failure.
// Unlike chromedp.Poll it survives a navigation or reload during the wait
// (the next evaluation runs in the new page), so it can wait for what a
// reload shows.
func (b *Browser) WaitUntil(what, expression string) {
	b.tb.Helper()
	deadline := time.Now().Add(b.cfg.timeout)
	check := "!!(" + expression + ")"
	for {
		ctx, cancel := context.WithDeadline(b.ctx, deadline)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](check))
		cancel()
		switch {
		case err == nil && ok:
			return
		case err != nil && !isTransientEval(err):
			if errors.Is(err, context.DeadlineExceeded) {
				err = fmt.Errorf("timed out after %v", b.cfg.timeout)
			}
			b.fatalf("wait until %s: %v", what, err)
		case !time.Now().Before(deadline):
			b.fatalf("wait until %s: timed out after %v", what, b.cfg.timeout)
		}
		select {
		case <-b.ctx.Done():
			b.fatalf("wait until %s: %v", what, b.ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func isTransientEval(err error) bool {
	for _, s := range transientEvalErrors {
		if strings.Contains(err.Error(), s) {
			return true
		}
	}
	return false
}
