// Package browsertest runs the storefront's browser tests in a real, headless
// Chromium, driven by chromedp over the DevTools protocol.
//
// One Chromium process serves a test binary: it starts on the first New and
// stops when Main or Wrap (called from TestMain) returns. Each New opens a tab
// in a fresh browser context, an incognito-like profile with its own cookies,
// localStorage and HTTP cache, so tests cannot see each other's sessions or
// carts and may call t.Parallel. A new context and tab take about 0.3 s where a
// browser start takes 1 to 2 s on two cores.
//
// A Browser fails its test when the page reports trouble: an uncaught
// exception or unhandled promise rejection, a console.error or failed
// console.assert, an error of the browser's log (a resource that failed to
// load, such as a 404 image or API answer, or a Content-Security-Policy
// violation), or a crash of the page. It collects them from before the first
// navigation until the test's cleanup, then reports each with its text, URL
// and line. AllowError accepts the errors that a journey provokes on purpose.
//
// Steps (Navigate, WaitVisible, Click, SendKeys, Text, Eval, ...) take CSS
// selectors, wait at most the step timeout (WithTimeout, default 15 s) and
// call tb.Fatal naming the step, the page's URL and a screenshot when they
// fail. A test that fails in any other way also gets a screenshot of the page
// at cleanup. Screenshots go to $BOOKSHOP_SCREENSHOT_DIR/<test name>/, by
// default $TMPDIR/bookshop-screenshots/<test name>/.
//
// Environment:
//   - BOOKSHOP_SKIP_BROWSER_TESTS=1 skips every test that calls New. Unset, a
//     missing Chromium FAILS them: `make test` installs it
//     (deploy/local/provision.sh, ensure_chromium).
//   - BOOKSHOP_CHROMIUM names the browser to run, as a path or a command on
//     PATH; by default the first of chromium, chromium-browser, google-chrome,
//     google-chrome-stable, headless-shell on PATH.
//   - BOOKSHOP_SCREENSHOT_DIR is the root folder of the screenshots.
//
// A test package wires it once:
//
//	func TestMain(m *testing.M) { browsertest.Main(m) }
//
//	func TestCatalog(t *testing.T) {
//		t.Parallel()
//		b := browsertest.New(t, browsertest.WithBaseURL(srv.URL))
//		b.Navigate("/")
//		b.WaitVisible("main h1")
//		b.CheckA11y("catalog")
//	}
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

const (
	// SkipEnv names the variable that, set to "1", skips browser tests.
	SkipEnv = "BOOKSHOP_SKIP_BROWSER_TESTS"
	// ChromiumEnv names the variable that chooses the browser binary.
	ChromiumEnv = "BOOKSHOP_CHROMIUM"
	// ScreenshotDirEnv names the variable that sets the screenshots' root folder.
	ScreenshotDirEnv = "BOOKSHOP_SCREENSHOT_DIR"
)

// DefaultTimeout bounds one step of a Browser unless WithTimeout says otherwise.
const DefaultTimeout = 15 * time.Second

// startTimeout bounds the start of the browser and the opening of a tab.
const startTimeout = time.Minute

// browserNames are the commands tried, in order, when ChromiumEnv is unset.
var browserNames = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

// Viewport is the size of the page area that a Browser emulates.
type Viewport struct {
	// Width and Height are in CSS pixels.
	Width, Height int64
	// Scale is the device pixel ratio; 0 means 1. Screenshots have
	// Width*Scale by Height*Scale pixels.
	Scale float64
	// Mobile turns on mobile emulation: the page's meta viewport applies and
	// touch events are on.
	Mobile bool
}

var (
	// Desktop is a laptop-sized window, the default.
	Desktop = Viewport{Width: 1280, Height: 900, Scale: 1}
	// Phone is a narrow phone screen (390 × 844 CSS pixels at 2x), with mobile
	// emulation.
	Phone = Viewport{Width: 390, Height: 844, Scale: 2, Mobile: true}
)

// Option configures New.
type Option func(*config)

type config struct {
	viewport    Viewport
	colorScheme string
	timeout     time.Duration
	baseURL     *url.URL
}

// WithViewport sets the viewport (default Desktop).
func WithViewport(v Viewport) Option { return func(c *config) { c.viewport = v } }

// WithColorScheme emulates the user's prefers-color-scheme: "light" or "dark".
// Empty keeps the browser's own (light).
func WithColorScheme(scheme string) Option { return func(c *config) { c.colorScheme = scheme } }

// WithTimeout sets how long one step may take before the test fails (default
// DefaultTimeout).
func WithTimeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// WithBaseURL sets the URL that Navigate resolves relative references against,
// so that a journey can say b.Navigate("/cart"). New fails the test when base
// is not an absolute URL.
func WithBaseURL(base string) Option {
	return func(c *config) {
		u, err := url.Parse(base)
		if err != nil || !u.IsAbs() {
			u = &url.URL{Opaque: base} // New reports it
		}
		c.baseURL = u
	}
}

// Browser is one tab of the shared Chromium, in its own browser context, bound
// to one test. Its methods are for the test's goroutine only.
type Browser struct {
	tb      testing.TB
	ctx     context.Context // the tab; no deadline (each step adds one)
	cancel  context.CancelFunc
	cfg     config
	events  *recorder
	shotted bool // a failure screenshot was saved
}

// New opens a tab for tb in a fresh browser context of the shared Chromium,
// starting Chromium on first use, and closes it in tb's cleanup. See the
// package documentation for what makes the test fail or skip.
func New(tb testing.TB, opts ...Option) *Browser {
	tb.Helper()
	if os.Getenv(SkipEnv) == "1" {
		tb.Skipf("browser tests disabled by %s=1", SkipEnv)
	}
	path, err := chromiumPath()
	if err != nil {
		tb.Fatalf("browsertest: %v\nThese tests need Chromium: `make test` installs it (deploy/local/provision.sh); "+
			"on Debian as root: apt-get install -y chromium. Set %s to choose the binary, or %s=1 to skip browser tests.",
			err, ChromiumEnv, SkipEnv)
	}
	if !shared.mainCalled.Load() {
		tb.Fatalf("browsertest: call browsertest.Main or Wrap from TestMain so that the shared Chromium stops after the tests")
	}
	root, err := shared.get(path)
	if err != nil {
		tb.Fatalf("browsertest: start %s: %v", path, err)
	}

	cfg := config{viewport: Desktop, timeout: DefaultTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.baseURL != nil && !cfg.baseURL.IsAbs() {
		tb.Fatalf("browsertest: WithBaseURL(%q): not an absolute URL", cfg.baseURL.Opaque)
	}
	b := &Browser{tb: tb, cfg: cfg, events: newRecorder()}
	claimShotDir(ScreenshotDir(tb))
	b.ctx, b.cancel = chromedp.NewContext(root, chromedp.WithNewBrowserContext(), chromedp.WithListener(b.events.listen))
	tb.Cleanup(b.close)

	// The first Run on the tab's context opens the tab and ties the tab's
	// message loop to the context it gets, so it gets the tab's own context
	// (no deadline) and a timer bounds it instead.
	timer := time.AfterFunc(startTimeout, b.cancel)
	err = chromedp.Do(b.ctx, b.emulation()...)
	if !timer.Stop() {
		err = fmt.Errorf("no tab after %v: %w", startTimeout, err)
	}
	if err != nil {
		tb.Fatalf("browsertest: open a tab: %v", err)
	}
	return b
}

// emulation returns the actions that apply the viewport and colour scheme.
func (b *Browser) emulation() []chromedp.Action[chromedp.Void] {
	v := b.cfg.viewport
	scale := v.Scale
	if scale == 0 {
		scale = 1
	}
	vopts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(scale)}
	if v.Mobile {
		vopts = append(vopts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	steps := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(v.Width, v.Height, vopts...)}
	var features []*emulation.MediaFeature
	if b.cfg.colorScheme != "" {
		features = append(features, &emulation.MediaFeature{Name: "prefers-color-scheme", Value: b.cfg.colorScheme})
	}
	steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: features})
		return err
	}))
	return steps
}

// SetViewport changes the viewport of the page from now on.
func (b *Browser) SetViewport(v Viewport) {
	b.tb.Helper()
	b.cfg.viewport = v
	b.Do(fmt.Sprintf("set viewport %dx%d", v.Width, v.Height), b.emulation()...)
}

// Context returns the tab's chromedp context, for actions this package does
// not wrap. It has no deadline: bound each Run, or use Do.
func (b *Browser) Context() context.Context { return b.ctx }

// close reports the page's errors, saves a screenshot when the test failed,
// and closes the tab and its browser context.
func (b *Browser) close() {
	defer b.cancel()
	if err := b.flushEvents(); err != nil && !b.tb.Failed() {
		// The events since the last step are unknown: do not pass on them.
		b.tb.Errorf("browsertest: the page no longer answers, so its last errors are unknown: %v", err)
	}
	failures, allowed := b.events.report()
	if allowed != "" {
		b.tb.Logf("browsertest: %s", allowed)
	}
	if failures != "" {
		b.tb.Errorf("browsertest: %s", failures)
	}
	if b.tb.Failed() && !b.shotted {
		if path, err := b.saveScreenshot("failure", false); err == nil {
			b.tb.Logf("browsertest: screenshot of the page after the failure: %s", path)
		} else {
			b.tb.Logf("browsertest: no screenshot of the failure: %v", err)
		}
	}
}

// flushEvents returns once the listener has seen every event that the page
// sent before now: the browser sends a command's reply after the events that
// precede it, and the listener runs before the reply is delivered.
func (b *Browser) flushEvents() error {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void]("0"))
	return err
}

// chromiumPath resolves ChromiumEnv or the first of browserNames on PATH.
func chromiumPath() (string, error) {
	if name := os.Getenv(ChromiumEnv); name != "" {
		path, err := exec.LookPath(name)
		if err != nil {
			return "", fmt.Errorf("%s=%q: %w", ChromiumEnv, name, err)
		}
		return path, nil
	}
	for _, name := range browserNames {
		if path, err := exec.LookPath(name); err == nil {
			return path, nil
		}
	}
	return "", fmt.Errorf("no Chromium on PATH (looked for %v)", browserNames)
}

// sharedBrowser is the one Chromium of a test binary.
type sharedBrowser struct {
	mainCalled atomic.Bool
	once       sync.Once
	ctx        context.Context // the browser's first tab; children open tabs
	stopTab    context.CancelFunc
	stopAlloc  context.CancelFunc
	err        error
}

var shared sharedBrowser

// Main runs the tests of m and then stops the shared Chromium, if a test
// started it. Call it from TestMain; it calls os.Exit.
func Main(m *testing.M) { os.Exit(Wrap(m.Run)()) }

// Wrap returns a function that runs tests (usually m.Run) and then stops the
// shared Chromium, if a test started it. It combines with the container
// helpers:
//
//	os.Exit(browsertest.Wrap(dynamotest.Wrap(m.Run))())
func Wrap(tests func() int) func() int {
	return func() int {
		shared.mainCalled.Store(true)
		code := tests()
		if err := shared.stop(); err != nil {
			fmt.Fprintf(os.Stderr, "browsertest: stop Chromium: %v\n", err)
		}
		return code
	}
}

// get starts Chromium (path) on first use and returns its root context.
func (s *sharedBrowser) get(path string) (context.Context, error) {
	s.once.Do(func() { s.err = s.start(path) })
	return s.ctx, s.err
}

func (s *sharedBrowser) start(path string) error {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // root in containers and CI; the pages are our own
		chromedp.DisableGPU,
		chromedp.WindowSize(int(Desktop.Width), int(Desktop.Height)),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("lang", "en-US"), // Intl formats and Accept-Language do not depend on the machine
		chromedp.Env("TZ=UTC"),
	)
	allocCtx, stopAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, stopTab := chromedp.NewContext(allocCtx)
	// As in New: the first Run gets the undecorated context, a timer bounds it.
	timer := time.AfterFunc(startTimeout, stopTab)
	err := chromedp.Do(ctx)
	if !timer.Stop() {
		err = fmt.Errorf("no answer after %v: %w", startTimeout, err)
	}
	if err != nil {
		stopTab()
		stopAlloc()
		return err
	}
	s.ctx, s.stopTab, s.stopAlloc = ctx, stopTab, stopAlloc
	return nil
}

// stop closes Chromium gracefully, then removes its profile folder.
func (s *sharedBrowser) stop() error {
	if s.ctx == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(s.ctx, 10*time.Second)
	defer cancel()
	err := chromedp.Cancel(ctx)
	s.stopTab()
	s.stopAlloc()
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}
