package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Screenshot saves a PNG of the viewport as <NN>-<name>.png in the test's
// screenshot folder (see ScreenshotDir), logs its path and returns it.
func (b *Browser) Screenshot(name string) string {
	b.tb.Helper()
	return b.screenshotStep(name, false)
}

// FullScreenshot is Screenshot of the whole page, beyond the viewport.
func (b *Browser) FullScreenshot(name string) string {
	b.tb.Helper()
	return b.screenshotStep(name, true)
}

func (b *Browser) screenshotStep(name string, full bool) string {
	b.tb.Helper()
	path, err := b.saveScreenshot(name, full)
	if err != nil {
		b.fatalf("screenshot %q: %v", name, err)
	}
	b.tb.Logf("browsertest: screenshot %s", path)
	return path
}

// ScreenshotDir returns the folder of tb's screenshots:
// $BOOKSHOP_SCREENSHOT_DIR/<test name>, by default
// $TMPDIR/bookshop-screenshots/<test name>. A subtest's folder is inside its
// parent's. It lives on after the test, unlike t.TempDir.
func ScreenshotDir(tb testing.TB) string {
	root := os.Getenv(ScreenshotDirEnv)
	if root == "" {
		root = filepath.Join(os.TempDir(), "bookshop-screenshots")
	}
	parts := strings.Split(tb.Name(), "/")
	for i, p := range parts {
		parts[i] = fileName(p)
	}
	return filepath.Join(append([]string{root}, parts...)...)
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// fileName makes s safe as one path element.
func fileName(s string) string {
	s = strings.Trim(unsafeChars.ReplaceAllString(s, "_"), ".")
	if s == "" {
		return "_"
	}
	return s
}

// shotDirs numbers the screenshots of each folder in this process.
var shotDirs = struct {
	sync.Mutex
	seq map[string]int
}{seq: map[string]int{}}

// claimShotDir removes the PNGs that earlier runs left in dir, the first time
// a Browser of this process uses it, so that the folder shows this run only.
// Subtests' folders inside it are theirs to clear.
func claimShotDir(dir string) {
	shotDirs.Lock()
	defer shotDirs.Unlock()
	if _, seen := shotDirs.seq[dir]; seen {
		return
	}
	shotDirs.seq[dir] = 0
	old, _ := filepath.Glob(filepath.Join(dir, "*.png"))
	for _, f := range old {
		_ = os.Remove(f)
	}
}

// nextShotPath returns the path of the next screenshot called name in dir.
func nextShotPath(dir, name string) (string, error) {
	shotDirs.Lock()
	defer shotDirs.Unlock()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	shotDirs.seq[dir]++
	return filepath.Join(dir, fmt.Sprintf("%02d-%s.png", shotDirs.seq[dir], fileName(name))), nil
}

// saveScreenshot writes a PNG of the viewport (or the whole page) and returns
// its path. It does not fail the test, so failure paths can use it.
func (b *Browser) saveScreenshot(name string, full bool) (string, error) {
	ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
	defer cancel()
	shot := chromedp.CaptureScreenshot()
	if full {
		shot = chromedp.FullScreenshot(100) // quality 100 is PNG
	}
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		return "", err
	}
	path, err := nextShotPath(ScreenshotDir(b.tb), name)
	if err != nil {
		return "", err
	}
	return path, os.WriteFile(path, png, 0o644)
}

// Shot is one page for Capture.
type Shot struct {
	// Name is the file name without ".png", e.g. "catalog".
	Name string
	// URL is the page, absolute or relative to WithBaseURL.
	URL string
	// WaitVisible is a CSS selector to wait for before the capture; empty
	// means the load event is enough.
	WaitVisible string
	// Viewport is the window size; the zero value means Desktop.
	Viewport Viewport
	// ColorScheme is "light", "dark" or "" (the browser's own).
	ColorScheme string
}

// Capture saves a full-page PNG of each shot as dir/<Name>.png, e.g. the
// README's pictures of the storefront, and returns the paths. Before each
// capture it scrolls to the bottom and back so that lazy images load, and
// waits for the network to be idle. It fails tb like the other steps.
func Capture(tb testing.TB, dir string, shots []Shot, opts ...Option) []string {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatalf("browsertest: %v", err)
	}
	b := New(tb, opts...)
	paths := make([]string, 0, len(shots))
	for _, s := range shots {
		v := s.Viewport
		if v == (Viewport{}) {
			v = Desktop
		}
		b.cfg.viewport, b.cfg.colorScheme = v, s.ColorScheme
		b.Do("emulate "+s.Name, b.emulation()...)
		b.Navigate(s.URL)
		if s.WaitVisible != "" {
			b.WaitVisible(s.WaitVisible)
		}
		Eval[chromedp.Void](b, "window.scrollTo(0, document.documentElement.scrollHeight)")
		b.WaitNetworkIdle()
		Eval[chromedp.Void](b, "window.scrollTo(0, 0)")
		png := step(b, "capture "+s.Name, chromedp.FullScreenshot(100))
		path := filepath.Join(dir, fileName(s.Name)+".png")
		if err := os.WriteFile(path, png, 0o644); err != nil {
			tb.Fatalf("browsertest: %v", err)
		}
		tb.Logf("browsertest: captured %s as %s", s.URL, path)
		paths = append(paths, path)
	}
	return paths
}
