package browsertest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/inspector"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// PageError is trouble that the page reported: it fails the test unless an
// AllowError pattern matches it.
type PageError struct {
	// Kind says where it came from: "exception" (uncaught, or an unhandled
	// promise rejection), "console.error", "console.assert", "log/<source>"
	// for the browser's log ("log/network" for a failed resource load,
	// "log/security" for a CSP violation, ...) or "crash".
	Kind string
	// Text is the message as the DevTools console shows it.
	Text string
	// URL, Line and Column tell where it happened, as far as the browser
	// said; Line and Column count from 1, 0 means unknown. For a failed
	// resource load URL is the resource's.
	URL          string
	Line, Column int64

	exceptionID int64 // to drop it when the browser revokes the exception
}

// String returns "kind: text (url:line:column)".
func (e PageError) String() string {
	s := e.Kind + ": " + e.Text
	if e.URL == "" {
		return s
	}
	loc := e.URL
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
		if e.Column > 0 {
			loc += fmt.Sprintf(":%d", e.Column)
		}
	}
	return s + " (" + loc + ")"
}

// AllowError accepts the page errors whose String matches the regular
// expression pattern from now until the end of the test, e.g. the 412 that an
// edit conflict journey provokes:
//
//	b.AllowError(`status of 412 .*/api/books/`)
//
// Accepted errors are logged, not reported as failures. Errors lists them too.
func (b *Browser) AllowError(pattern string) {
	b.tb.Helper()
	re, err := regexp.Compile(pattern)
	if err != nil {
		b.tb.Fatalf("browsertest: AllowError(%q): %v", pattern, err)
	}
	b.events.mu.Lock()
	defer b.events.mu.Unlock()
	b.events.allowed = append(b.events.allowed, re)
}

// Errors returns every error the page has reported so far, allowed or not,
// in order.
func (b *Browser) Errors() []PageError {
	b.flushEvents()
	b.events.mu.Lock()
	defer b.events.mu.Unlock()
	return append([]PageError(nil), b.events.errors...)
}

// recorder collects what the tab reports. Its listen method runs on the
// goroutine that reads the tab's messages, so it only appends under the lock.
type recorder struct {
	mu      sync.Mutex
	errors  []PageError
	allowed []*regexp.Regexp

	requests     []Request
	byID         map[network.RequestID]int // index in requests of the latest request with that id
	lastActivity time.Time                 // of the network, for WaitNetworkIdle
}

func newRecorder() *recorder {
	return &recorder{byID: map[network.RequestID]int{}, lastActivity: time.Now()}
}

// listen receives every event of the tab.
func (r *recorder) listen(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch e := ev.(type) {
	case *runtime.EventExceptionThrown:
		r.errors = append(r.errors, exceptionError(e.ExceptionDetails))
	case *runtime.EventExceptionRevoked: // a rejection that got a handler after all
		for i, pe := range r.errors {
			if pe.Kind == "exception" && pe.exceptionID == e.ExceptionID {
				r.errors = append(r.errors[:i], r.errors[i+1:]...)
				break
			}
		}
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			r.errors = append(r.errors, consoleError(e))
		}
	case *log.EventEntryAdded:
		if en := e.Entry; en.Level == log.EntryLevelError && !isImplicitFavicon(en) && !isHostNetworkChange(en) {
			pe := PageError{Kind: "log/" + string(en.Source), Text: en.Text, URL: en.URL}
			if en.LineNumber > 0 {
				pe.Line = en.LineNumber + 1
			}
			r.errors = append(r.errors, pe)
		}
	case *inspector.EventTargetCrashed:
		r.errors = append(r.errors, PageError{Kind: "crash", Text: "the page's renderer crashed"})
	default:
		r.network(ev)
	}
}

// isImplicitFavicon reports whether entry is the failed load of /favicon.ico
// that the browser itself requests after every page load, whether or not
// the page declares an icon. It arrives at a time no step waits for, so
// reporting it would make a test pass or fail by timing; Requests still
// shows the request.
func isImplicitFavicon(entry *log.Entry) bool {
	u, err := url.Parse(entry.URL)
	return err == nil && entry.Source == log.EntrySourceNetwork && u.Path == "/favicon.ico"
}

// isHostNetworkChange reports whether entry is a load that Chrome abandoned
// because the machine's network configuration changed under it
// (net::ERR_NETWORK_CHANGED): Docker creating or removing a bridge for a
// container test running at the same time does that. It says nothing about
// the page, so it does not fail the test; a step that needs the resource
// still fails on its own.
func isHostNetworkChange(entry *log.Entry) bool {
	return entry.Source == log.EntrySourceNetwork && strings.Contains(entry.Text, "net::ERR_NETWORK_CHANGED")
}

func exceptionError(d *runtime.ExceptionDetails) PageError {
	pe := PageError{Kind: "exception", Text: d.Text, URL: d.URL, exceptionID: d.ExceptionID,
		Line: d.LineNumber + 1, Column: d.ColumnNumber + 1}
	if d.Exception != nil {
		// The text is "Uncaught" or "Uncaught (in promise)"; the error's
		// description is its message followed by the stack.
		desc, _, _ := strings.Cut(argText(d.Exception), "\n    at ")
		pe.Text = strings.TrimSpace(d.Text + " " + desc)
	}
	if pe.URL == "" && d.StackTrace != nil && len(d.StackTrace.CallFrames) > 0 {
		f := d.StackTrace.CallFrames[0]
		pe.URL, pe.Line, pe.Column = f.URL, f.LineNumber+1, f.ColumnNumber+1
	}
	return pe
}

func consoleError(e *runtime.EventConsoleAPICalled) PageError {
	args := make([]string, 0, len(e.Args))
	for _, a := range e.Args {
		args = append(args, argText(a))
	}
	pe := PageError{Kind: "console." + string(e.Type), Text: strings.Join(args, " ")}
	if e.Type == runtime.ConsoleAPICalledTypeAssert {
		pe.Text = strings.TrimSpace("Assertion failed: " + pe.Text)
	}
	if st := e.StackTrace; st != nil && len(st.CallFrames) > 0 {
		f := st.CallFrames[0]
		pe.URL, pe.Line, pe.Column = f.URL, f.LineNumber+1, f.ColumnNumber+1
	}
	return pe
}

// argText renders one console argument: a string as it is, a primitive as
// its value, an object as its description.
func argText(o *runtime.RemoteObject) string {
	switch {
	case o == nil:
		return "null"
	case o.Type == runtime.RemoteObjectTypeString:
		var s string
		if json.Unmarshal([]byte(o.Value), &s) == nil {
			return s
		}
	case o.Type == runtime.RemoteObjectTypeUndefined:
		return "undefined"
	case o.UnserializableValue != "":
		return string(o.UnserializableValue)
	}
	if o.Description != "" {
		return o.Description
	}
	if len(o.Value) > 0 {
		return string(o.Value)
	}
	return string(o.Type)
}

// report describes the errors that no AllowError pattern matches ("" when
// there are none) and the allowed ones.
func (r *recorder) report() (failures, allowed string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var bad, ok []string
	for _, e := range r.errors {
		s := e.String()
		if r.isAllowed(s) {
			ok = append(ok, "  - "+s)
		} else {
			bad = append(bad, "  - "+s)
		}
	}
	if len(bad) > 0 {
		failures = fmt.Sprintf("the page reported %d error(s):\n%s", len(bad), strings.Join(bad, "\n"))
	}
	if len(ok) > 0 {
		allowed = fmt.Sprintf("the page reported %d allowed error(s):\n%s", len(ok), strings.Join(ok, "\n"))
	}
	return failures, allowed
}

func (r *recorder) isAllowed(s string) bool {
	for _, re := range r.allowed {
		if re.MatchString(s) {
			return true
		}
	}
	return false
}
