package browsertest_test

import (
	"bytes"
	"compress/gzip"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// csp is as strict as the storefront's: no inline scripts or styles.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"

// page returns an HTML document that passes axe-core: language, title, a
// main landmark and a heading, then body.
func page(title, body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"><title>` + title +
		`</title></head><body><main><h1>` + title + `</h1>` + body + `</main></body></html>`
}

// site serves files (path → content) with content types by extension and the
// strict CSP on HTML; other paths are 404.
func site(t *testing.T, files map[string]string) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch filepath.Ext(r.URL.Path) {
		case ".js":
			w.Header().Set("Content-Type", "text/javascript")
		case ".css":
			w.Header().Set("Content-Type", "text/css")
		case ".json":
			w.Header().Set("Content-Type", "application/json")
		case ".png":
			w.Header().Set("Content-Type", "image/png")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Content-Security-Policy", csp)
		}
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

// aPNG is a valid 1x1 PNG.
var aPNG = func() string {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		panic(err)
	}
	return buf.String()
}()

func TestACleanPagePassesEverySteps(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/": page("Catalog", `<form><label for="q">Search</label> <input id="q" name="q">
			<button id="go" type="button">Search</button></form><p id="out" aria-live="polite"></p>
			<img src="/cover.png" alt="A cover" width="1" height="1">
			<script src="/app.js"></script>`),
		"/cover.png": aPNG,
		"/app.js": `document.getElementById("go").addEventListener("click", () => {
			document.getElementById("out").textContent = "searched " + document.getElementById("q").value;
		});`,
		"/favicon.ico": aPNG,
	})
	b := browsertest.New(t, browsertest.WithBaseURL(srv.URL))

	if status := b.Navigate("/"); status != http.StatusOK {
		t.Errorf("Navigate status = %d, want 200", status)
	}
	b.WaitVisible("main h1")
	b.SendKeys("#q", "Kindred")
	b.Click("#go")
	if got := b.Text("#out"); got != "searched Kindred" {
		t.Errorf("Text = %q, want %q", got, "searched Kindred")
	}
	if got := b.Value("#q"); got != "Kindred" {
		t.Errorf("Value = %q", got)
	}
	b.Clear("#q")
	if got := b.Value("#q"); got != "" {
		t.Errorf("Value after Clear = %q", got)
	}
	if got := b.Count("main img, main button"); got != 2 {
		t.Errorf("Count = %d, want 2", got)
	}
	if got := browsertest.Eval[int](b, "Promise.resolve(40 + 2)"); got != 42 {
		t.Errorf("Eval = %d, want 42", got)
	}
	b.Do("focus the field", chromedp.Focus(chromedp.CSS("#q")))
	b.Press(kb.Tab)
	if got := browsertest.Eval[string](b, "document.activeElement.id"); got != "go" {
		t.Errorf("focus after Tab on #q = %q, want go", got)
	}
	if got := b.Location(); got != srv.URL+"/" {
		t.Errorf("Location = %q", got)
	}
	b.CheckA11y("a clean page under a strict CSP")
	if errs := b.Errors(); len(errs) != 0 {
		t.Errorf("Errors = %v, want none", errs)
	}
}

func TestAConsoleErrorFailsTheTest(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/":       page("Console", `<script src="/app.js"></script>`),
		"/app.js": "console.log(\"fine\");\nconsole.error(\"x\", 42);\nconsole.assert(1 === 2, \"math\");\n",
	})
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb)
		b.Navigate(srv.URL)
	})
	f.mustFail(t, "2 error(s)", "console.error: x 42 ("+srv.URL+"/app.js:2:9)",
		"console.assert: Assertion failed: math ("+srv.URL+"/app.js:3:9)")
}

func TestAnUncaughtExceptionFailsTheTest(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/": page("Exceptions", `<script src="/app.js"></script>`),
		"/app.js": "setTimeout(() => { null.boom }, 0);\n" +
			"Promise.reject(new Error(\"nobody catches\"));\n" +
			"const late = Promise.reject(new Error(\"caught later\"));\n" +
			"setTimeout(() => late.catch(() => {}), 0);\n",
	})
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb)
		b.Navigate(srv.URL)
		b.WaitNetworkIdle() // lets the timers run
	})
	f.mustFail(t, "2 error(s)",
		"exception: Uncaught TypeError: Cannot read properties of null (reading 'boom') ("+srv.URL+"/app.js:1:25)",
		"exception: Uncaught (in promise) Error: nobody catches ("+srv.URL+"/app.js:2:16)")
	if all := strings.Join(f.errors, "\n"); strings.Contains(all, "caught later") {
		t.Errorf("a rejection that got a handler later is reported:\n%s", all)
	}
}

func TestAFailedResourceLoadFailsTheTest(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/": page("Missing image", `<img src="/missing.png" alt="gone" width="1" height="1">`),
	})
	var status int64
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb)
		b.Navigate(srv.URL)
		status = b.Navigate(srv.URL + "/no-such-page")
	})
	f.mustFail(t, "2 error(s)",
		"log/network: Failed to load resource: the server responded with a status of 404 (Not Found) ("+
			srv.URL+"/missing.png)",
		"log/network: Failed to load resource: the server responded with a status of 404 (Not Found) ("+
			srv.URL+"/no-such-page)")
	if status != http.StatusNotFound {
		t.Errorf("Navigate to a missing page returned %d, want 404", status)
	}
}

func TestACSPViolationFailsTheTest(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/": page("Inline script", `<script>document.title = "inline"</script>`),
	})
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb)
		b.Navigate(srv.URL)
	})
	f.mustFail(t, "log/security: Executing inline script violates the following Content Security Policy directive")
}

func TestAllowedErrorsAreLoggedNotFailed(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/":       page("Not found", `<p id="msg"></p><script src="/app.js"></script>`),
		"/app.js": `fetch("/api/books/nope").then(r => { document.getElementById("msg").textContent = "status " + r.status; });`,
	})
	var errs []browsertest.PageError
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb, browsertest.WithBaseURL(srv.URL))
		b.AllowError(`status of 404 .*/api/books/nope\)$`)
		b.Navigate("/")
		// The load event may come before the fetch's answer: wait for it.
		b.WaitUntil("the answer", `document.getElementById("msg").textContent !== ""`)
		if got := b.Text("#msg"); got != "status 404" {
			tb.Errorf("msg = %q", got)
		}
		errs = b.Errors()
	})
	f.mustPass(t)
	if len(errs) != 1 || errs[0].URL != srv.URL+"/api/books/nope" {
		t.Errorf("Errors = %v, want the 404 of /api/books/nope", errs)
	}
	if logs := strings.Join(f.logs, "\n"); !strings.Contains(logs, "1 allowed error(s)") {
		t.Errorf("the allowed error is not logged:\n%s", logs)
	}
}

func TestAxeViolationsFailTheTest(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{
		"/": page("Inaccessible", `<img src="/cover.png" width="1" height="1">
			<form><input id="email" type="text"></form>`),
		"/cover.png": aPNG,
	})
	var rules []string
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb, browsertest.WithBaseURL(srv.URL))
		b.Navigate("/")
		for _, v := range b.A11yViolations() {
			rules = append(rules, v.Rule+"/"+v.Impact)
		}
		b.CheckA11y("the inaccessible page")
	})
	f.mustFail(t, "accessibility of the inaccessible page: 2 serious or critical violation(s) (axe-core 4.14.1)",
		"image-alt (critical): Images must have alternative text", `img  <img src="/cover.png"`,
		"label (critical): Form elements must have labels", `#email  <input id="email" type="text">`,
		"screenshot: ")
	if got := strings.Join(rules, ","); got != "image-alt/critical,label/critical" {
		t.Errorf("violations = %s, want image-alt/critical,label/critical", got)
	}
}

func TestCountsAPIRequestsAndWeighsScriptsAndStyles(t *testing.T) {
	t.Parallel()
	js := `const get = p => fetch(p).then(r => r.json());
await get("/api/books?limit=2");
await get("/api/books?cursor=x");
await Promise.all([get("/api/health"), get("/config.json")]);
document.body.dataset.done = "yes";
` + strings.Repeat("// padding that compresses well\n", 200)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, _ = zw.Write([]byte(js))
	_ = zw.Close()
	css := "body { font-family: sans-serif; }\n"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/":
			_, _ = w.Write([]byte(page("Weight", `<link rel="stylesheet" href="/app.css"><script type="module" src="/app.js"></script>`)))
		case r.URL.Path == "/app.js":
			w.Header().Set("Content-Type", "text/javascript")
			w.Header().Set("Content-Encoding", "gzip")
			w.Header().Set("Content-Length", strconv.Itoa(gz.Len()))
			_, _ = w.Write(gz.Bytes())
		case r.URL.Path == "/app.css":
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write([]byte(css))
		case r.URL.Path == "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{}`))
		}
	}))
	t.Cleanup(srv.Close)
	b := browsertest.New(t)

	b.ResetRequests()
	b.Navigate(srv.URL)
	b.WaitVisible("body[data-done]")
	b.WaitNetworkIdle()
	if got := b.CountRequests("/api/"); got != 3 {
		t.Errorf("CountRequests(/api/) = %d, want 3; requests: %+v", got, b.Requests())
	}
	want := int64(gz.Len() + len(css))
	if got := b.PageWeight(network.ResourceTypeScript, network.ResourceTypeStylesheet); got != want {
		t.Errorf("PageWeight(scripts, styles) = %d, want %d (gzipped JS %d + CSS %d)", got, want, gz.Len(), len(css))
	}
	for _, r := range b.Requests() {
		if strings.HasSuffix(r.URL, "/app.js") && (r.DecodedBytes != int64(len(js)) || r.Status != 200 || !r.Done) {
			t.Errorf("app.js: %+v, want status 200, done, %d decoded bytes", r, len(js))
		}
	}
	b.ResetRequests()
	if got := b.CountRequests("/api/"); got != 0 {
		t.Errorf("CountRequests after ResetRequests = %d", got)
	}
}

// TestRecordsRequestBodies: Requests carries the body a page sent.
func TestRecordsRequestBodies(t *testing.T) {
	t.Parallel()
	js := `await fetch("/api/echo", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({device: "abc"})});
document.body.dataset.done = "yes";`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/":
			_, _ = w.Write([]byte(page("Bodies", `<script type="module" src="/app.js"></script>`)))
		case "/app.js":
			w.Header().Set("Content-Type", "text/javascript")
			_, _ = w.Write([]byte(js))
		default:
			w.WriteHeader(http.StatusNoContent)
		}
	}))
	t.Cleanup(srv.Close)
	b := browsertest.New(t)
	b.Navigate(srv.URL)
	b.WaitVisible("body[data-done]")
	var got []string
	for _, r := range b.Requests() {
		if strings.HasSuffix(r.URL, "/api/echo") {
			got = append(got, r.Method+" "+r.Body)
		}
	}
	if want := []string{`POST {"device":"abc"}`}; !slices.Equal(got, want) {
		t.Errorf("requests to /api/echo = %q, want %q", got, want)
	}
}

// pngSize decodes the PNG at path and returns its size.
func pngSize(t *testing.T, path string) (int, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s is not a PNG: %v", path, err)
	}
	return img.Bounds().Dx(), img.Bounds().Dy()
}

func TestScreenshotsArePNGFilesInTheTestsFolder(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(browsertest.ScreenshotDirEnv, dir)
	srv := site(t, map[string]string{
		"/":         page("Tall", `<link rel="stylesheet" href="/tall.css"><div class="tall">top</div><p>bottom</p>`),
		"/tall.css": ".tall { height: 3000px; }",
	})
	b := browsertest.New(t)
	b.Navigate(srv.URL)

	shot := b.Screenshot("viewport")
	if want := filepath.Join(dir, "TestScreenshotsArePNGFilesInTheTestsFolder", "01-viewport.png"); shot != want {
		t.Errorf("Screenshot path = %s, want %s", shot, want)
	}
	if w, h := pngSize(t, shot); w != 1280 || h != 900 {
		t.Errorf("viewport screenshot is %dx%d, want 1280x900", w, h)
	}
	if w, h := pngSize(t, b.FullScreenshot("full page")); w != 1280 || h < 3000 {
		t.Errorf("full-page screenshot is %dx%d, want 1280 wide and at least 3000 high", w, h)
	}
	b.SetViewport(browsertest.Phone)
	if w, h := pngSize(t, b.Screenshot("phone")); w != 780 || h != 1688 {
		t.Errorf("phone screenshot is %dx%d, want 780x1688 (390x844 at 2x)", w, h)
	}
	if got := browsertest.ScreenshotDir(t); got != filepath.Join(dir, "TestScreenshotsArePNGFilesInTheTestsFolder") {
		t.Errorf("ScreenshotDir = %s", got)
	}
}

func TestAFailingStepFailsWithAScreenshot(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{"/": page("Waiting", "")})
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb, browsertest.WithTimeout(300*time.Millisecond))
		b.Navigate(srv.URL)
		b.WaitVisible("#never")
		tb.Errorf("the test went on after a failed step")
	})
	f.mustFail(t, `wait for "#never" to be visible: timed out after 300ms`, "page: "+srv.URL+"/", "screenshot: ")
	_, path, _ := strings.Cut(strings.Join(f.errors, "\n"), "screenshot: ")
	path, _, _ = strings.Cut(path, "\n")
	if w, h := pngSize(t, path); w != 1280 || h != 900 {
		t.Errorf("failure screenshot is %dx%d", w, h)
	}
}

func TestAFailedTestGetsAScreenshotAtCleanup(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{"/": page("Assertion", "")})
	f := runFake(t, func(tb testing.TB) {
		b := browsertest.New(tb)
		b.Navigate(srv.URL)
		tb.Errorf("an assertion of the journey failed")
	})
	f.mustFail(t, "an assertion of the journey failed")
	if logs := strings.Join(f.logs, "\n"); !strings.Contains(logs, "screenshot of the page after the failure: ") {
		t.Errorf("no screenshot logged at cleanup:\n%s", logs)
	}
}

func TestAMissingChromiumFailsUnlessSkipped(t *testing.T) {
	t.Setenv(browsertest.SkipEnv, "")
	t.Setenv(browsertest.ChromiumEnv, "/nonexistent/chromium")
	f := runFake(t, func(tb testing.TB) { browsertest.New(tb) })
	f.mustFail(t, `BOOKSHOP_CHROMIUM="/nonexistent/chromium"`, "apt-get install -y chromium",
		"BOOKSHOP_SKIP_BROWSER_TESTS=1 to skip")

	t.Setenv(browsertest.SkipEnv, "1")
	f = runFake(t, func(tb testing.TB) { browsertest.New(tb) })
	if !f.Skipped() || f.Failed() {
		t.Errorf("with %s=1: skipped=%v failed=%v, want a skip", browsertest.SkipEnv, f.Skipped(), f.Failed())
	}
	if logs := strings.Join(f.logs, "\n"); !strings.Contains(logs, "browser tests disabled by BOOKSHOP_SKIP_BROWSER_TESTS=1") {
		t.Errorf("the skip does not say why: %s", logs)
	}
}

func TestEachBrowserHasItsOwnStorage(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{"/": page("Storage", "")})
	first := browsertest.New(t)
	first.Navigate(srv.URL)
	browsertest.Eval[chromedp.Void](first, `localStorage.setItem("cart", "2 books"); document.cookie = "session=1"`)

	second := browsertest.New(t)
	second.Navigate(srv.URL)
	if got := browsertest.Eval[*string](second, `localStorage.getItem("cart")`); got != nil {
		t.Errorf("the second browser sees the first one's localStorage: %q", *got)
	}
	if got := browsertest.Eval[string](second, "document.cookie"); got != "" {
		t.Errorf("the second browser sees the first one's cookies: %q", got)
	}
}

func TestViewportAndColorSchemeOptions(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{"/": page("Sizes", "")})
	for _, tc := range []struct {
		name   string
		opts   []browsertest.Option
		want   string
		isDark bool
	}{
		{"desktop", nil, "1280x900@1", false},
		{"phone, dark", []browsertest.Option{browsertest.WithViewport(browsertest.Phone), browsertest.WithColorScheme("dark")}, "390x844@2", true},
	} {
		b := browsertest.New(t, tc.opts...)
		b.Navigate(srv.URL)
		if got := browsertest.Eval[string](b, "`${innerWidth}x${innerHeight}@${devicePixelRatio}`"); got != tc.want {
			t.Errorf("%s: viewport %s, want %s", tc.name, got, tc.want)
		}
		if got := browsertest.Eval[bool](b, "matchMedia('(prefers-color-scheme: dark)').matches"); got != tc.isDark {
			t.Errorf("%s: prefers dark = %v, want %v", tc.name, got, tc.isDark)
		}
	}
}

func TestCaptureSavesFullPagePNGs(t *testing.T) {
	t.Parallel()
	srv := site(t, map[string]string{"/": page("Home", ""), "/about": page("About", "")})
	dir := t.TempDir()
	paths := browsertest.Capture(t, dir, []browsertest.Shot{
		{Name: "home", URL: "/", WaitVisible: "h1"},
		{Name: "about-phone", URL: "/about", Viewport: browsertest.Phone, ColorScheme: "dark"},
	}, browsertest.WithBaseURL(srv.URL))
	if len(paths) != 2 || paths[0] != filepath.Join(dir, "home.png") || paths[1] != filepath.Join(dir, "about-phone.png") {
		t.Fatalf("Capture = %v", paths)
	}
	if w, h := pngSize(t, paths[0]); w != 1280 || h != 900 {
		t.Errorf("home.png is %dx%d, want 1280x900", w, h)
	}
	if w, _ := pngSize(t, paths[1]); w != 780 {
		t.Errorf("about-phone.png is %d wide, want 780", w)
	}
}
