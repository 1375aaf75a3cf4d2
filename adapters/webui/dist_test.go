package webui_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/bookshop/bookshop/adapters/webui"
	"github.com/bookshop/bookshop/adapters/webui/internal/sitebuild"
)

// TestDistIsCurrent rebuilds the site from src/ in memory and compares it
// with the embedded dist/, file by file, so a change to the sources without
// `go generate ./adapters/webui` fails here rather than in a browser.
func TestDistIsCurrent(t *testing.T) {
	built, err := sitebuild.Build(".")
	if err != nil {
		t.Fatal(err)
	}
	embedded := map[string][]byte{}
	for _, f := range webui.Files() {
		embedded[f.Path] = f.Body
	}
	var stale []string
	for name, body := range built {
		if old, ok := embedded[name]; !ok || !bytes.Equal(old, body) {
			stale = append(stale, "missing or different: dist/"+name)
		}
	}
	for name := range embedded {
		if _, ok := built[name]; !ok {
			stale = append(stale, "left over: dist/"+name)
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		t.Fatalf("dist/ is stale; run `go generate ./adapters/webui`:\n%s", strings.Join(stale, "\n"))
	}
}

// sources returns the app's own JavaScript files (not the vendored ones).
func sources(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir("src", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && d.Name() == "vendor" {
			return fs.SkipDir
		}
		if strings.HasSuffix(path, ".js") {
			b, err := os.ReadFile(path)
			out[filepath.ToSlash(path)] = string(b)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSourcesRenderTextOnly enforces the web app's rules (STYLE.md §10):
// catalog and user text never becomes HTML, nothing inline that the CSP
// would refuse, and only the API client talks to the server.
func TestSourcesRenderTextOnly(t *testing.T) {
	rules := []struct {
		pattern *regexp.Regexp
		why     string
		except  string
	}{
		{regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write`), "renders a string as HTML", ""},
		{regexp.MustCompile(`\beval\(|new Function\(`), "evaluates strings as code (the CSP forbids it)", ""},
		{regexp.MustCompile(`\sstyle=`), "inline style attribute (the CSP forbids it)", ""},
		{regexp.MustCompile(`\bfetch\(|XMLHttpRequest`), "talks to the server outside the API client", "src/api.js"},
	}
	for path, src := range sources(t) {
		for _, r := range rules {
			if path == r.except {
				continue
			}
			if loc := r.pattern.FindStringIndex(src); loc != nil {
				line := strings.Count(src[:loc[0]], "\n") + 1
				t.Errorf("%s:%d: %s", path, line, r.why)
			}
		}
	}
}

// TestEveryPageHasItsOwnFile checks the layout of src/pages: one page per
// file, each exporting a component named after it.
func TestEveryPageHasItsOwnFile(t *testing.T) {
	src := sources(t)
	var pages int
	for path, code := range src {
		if !strings.HasPrefix(path, "src/pages/") {
			continue
		}
		pages++
		if n := len(regexp.MustCompile(`export function \w+Page\(`).FindAllString(code, -1)); n != 1 {
			t.Errorf("%s exports %d page components, want 1", path, n)
		}
	}
	if pages < 10 {
		t.Errorf("src/pages holds %d pages", pages)
	}
}
