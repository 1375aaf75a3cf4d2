package browsertest_test

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// fakeTB stands in for a test, so that a self-test can watch the harness
// fail or skip a test without failing itself. It embeds the real test for
// what it does not record (TempDir, Helper, Setenv, ...).
type fakeTB struct {
	testing.TB
	mu       sync.Mutex
	failed   bool
	skipped  bool
	errors   []string // messages of Error, Errorf, Fatal, Fatalf
	logs     []string // messages of Log, Logf, Skip, Skipf
	cleanups []func()
}

// runFake runs body with a fakeTB on its own goroutine, as the testing
// package runs a test (FailNow and SkipNow end it), then runs its cleanups.
func runFake(t *testing.T, body func(tb testing.TB)) *fakeTB {
	t.Helper()
	if os.Getenv(browsertest.SkipEnv) != "" && os.Getenv(browsertest.ChromiumEnv) != "/nonexistent/chromium" {
		// The harness's own checks need the browser the variable disables.
		t.Skipf("%s is set", browsertest.SkipEnv)
	}
	f := &fakeTB{TB: t}
	runGoroutine(func() { body(f) })
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		runGoroutine(f.cleanups[i])
	}
	return f
}

// runGoroutine runs fn on a new goroutine and waits, also when fn calls
// runtime.Goexit.
func runGoroutine(fn func()) {
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	<-done
}

func (f *fakeTB) Name() string { return f.TB.Name() + "/fake" }

func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

func (f *fakeTB) record(failed bool, msg string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if failed {
		f.failed = true
		f.errors = append(f.errors, msg)
	} else {
		f.logs = append(f.logs, msg)
	}
	f.TB.Logf("fake test: %s", msg)
}

func (f *fakeTB) Error(args ...any)                 { f.record(true, fmt.Sprint(args...)) }
func (f *fakeTB) Errorf(format string, args ...any) { f.record(true, fmt.Sprintf(format, args...)) }
func (f *fakeTB) Fatal(args ...any)                 { f.Error(args...); runtime.Goexit() }
func (f *fakeTB) Fatalf(format string, args ...any) { f.Errorf(format, args...); runtime.Goexit() }
func (f *fakeTB) Fail()                             { f.mu.Lock(); f.failed = true; f.mu.Unlock() }
func (f *fakeTB) FailNow()                          { f.Fail(); runtime.Goexit() }
func (f *fakeTB) Log(args ...any)                   { f.record(false, fmt.Sprint(args...)) }
func (f *fakeTB) Logf(format string, args ...any)   { f.record(false, fmt.Sprintf(format, args...)) }
func (f *fakeTB) Skip(args ...any)                  { f.Log(args...); f.SkipNow() }
func (f *fakeTB) Skipf(format string, args ...any)  { f.Logf(format, args...); f.SkipNow() }
func (f *fakeTB) SkipNow() {
	f.mu.Lock()
	f.skipped = true
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}

func (f *fakeTB) Skipped() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.skipped
}

// mustFail fails t unless the fake test failed with a message containing
// every one of wants.
func (f *fakeTB) mustFail(t *testing.T, wants ...string) {
	t.Helper()
	if !f.Failed() {
		t.Fatalf("the harness did not fail the test; its log:\n%s", strings.Join(f.logs, "\n"))
	}
	all := strings.Join(f.errors, "\n")
	for _, w := range wants {
		if !strings.Contains(all, w) {
			t.Errorf("the failure does not mention %q; it says:\n%s", w, all)
		}
	}
}

// mustPass fails t when the fake test failed or skipped.
func (f *fakeTB) mustPass(t *testing.T) {
	t.Helper()
	if f.Failed() || f.Skipped() {
		t.Fatalf("failed=%v skipped=%v:\n%s", f.Failed(), f.Skipped(), strings.Join(append(f.errors, f.logs...), "\n"))
	}
}
