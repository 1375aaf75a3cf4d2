// Package apptest holds the test doubles that tests across Bookshop share:
// a Clock and an IDGenerator for the app's system ports, and a LogBuffer to
// read back what a logger wrote. Each is deterministic and safe for
// concurrent use, so a test may hand it to handlers that run in parallel.
//
//	clock := apptest.NewSteppingClock(epoch, time.Second) // epoch, epoch+1s, …
//	ids := apptest.NewIDs("book-", 4)                     // book-0001, book-0002, …
//	logs := &apptest.LogBuffer{}
//	logger := slog.New(slog.NewJSONHandler(logs, nil))
//
// It imports only package app and the standard library, so tests of app
// itself, of every adapter and of every command can use it.
package apptest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
)

var (
	_ app.Clock       = (*Clock)(nil)
	_ app.IDGenerator = (*IDs)(nil)
)

// Clock is an app.Clock under the test's control. Now returns the clock's
// time, then moves it forward by the clock's step; a clock made by NewClock
// has no step and stands still until Set, Advance or Sleep moves it.
type Clock struct {
	mu   sync.Mutex
	now  time.Time
	step time.Duration
}

// NewClock returns a clock standing still at now.
func NewClock(now time.Time) *Clock { return &Clock{now: now} }

// NewSteppingClock returns a clock whose Now returns start, start+step,
// start+2*step, …: timestamps that are deterministic and distinct.
func NewSteppingClock(start time.Time, step time.Duration) *Clock {
	return &Clock{now: start, step: step}
}

// Now returns the clock's time and then advances it by its step.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now
	c.now = c.now.Add(c.step)
	return now
}

// Sleep moves the clock's time forward by d at once, without waiting, and
// returns nil; when ctx has ended it returns context.Cause(ctx) and leaves
// the time alone. Tests read the pauses a use case made from Now.
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if ctx.Err() != nil {
		return context.Cause(ctx)
	}
	c.Advance(d)
	return nil
}

// Set makes t the clock's time.
func (c *Clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

// Advance moves the clock's time forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// IDs is an app.IDGenerator that returns a prefix followed by a counter
// padded with zeros: with prefix "book-" and 4 digits, book-0001,
// book-0002, … Ids are unique per IDs and, like the ULIDs of production,
// sort by creation (as long as the counter fits its digits).
type IDs struct {
	mu     sync.Mutex
	prefix string
	digits int
	n      int
}

// NewIDs returns a generator of prefix + a counter of at least digits
// digits, starting at 1.
func NewIDs(prefix string, digits int) *IDs { return &IDs{prefix: prefix, digits: digits} }

// NewID returns the next id.
func (g *IDs) NewID() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.n++
	return fmt.Sprintf("%s%0*d", g.prefix, g.digits, g.n)
}

// LogBuffer collects log output written from any goroutine. Its zero value
// is ready to use; pass a pointer to a slog handler as its io.Writer.
type LogBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p to the buffer.
func (b *LogBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// String returns everything written so far.
func (b *LogBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// Contains reports whether what was written so far contains s.
func (b *LogBuffer) Contains(s string) bool { return strings.Contains(b.String(), s) }

// JSONLines decodes what was written so far as JSON lines (the output of
// slog.NewJSONHandler), one map per line. A line that is not a JSON object
// fails the test.
func (b *LogBuffer) JSONLines(t testing.TB) []map[string]any {
	t.Helper()
	var lines []map[string]any
	for line := range strings.Lines(b.String()) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("log line %q is not a JSON object: %v", line, err)
		}
		lines = append(lines, m)
	}
	return lines
}
