// Package sitebuild turns the web app's sources (adapters/webui/src) into the
// files adapters/webui serves from dist/: one minified ES module bundle and
// one stylesheet, both named after a hash of their content, a favicon named
// the same way, and index.html pointing at them. It uses esbuild's Go API, so
// building needs Go only.
//
// The sources import the vendored libraries by their npm names (`preact`,
// `preact/hooks`, `htm`); vendorPlugin resolves those names to the files
// under src/vendor, and refuses any other bare import, so that nothing is
// ever fetched or looked up in a node_modules directory.
package sitebuild

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/evanw/esbuild/pkg/api"
)

// Entry points and static inputs, relative to the web package directory.
const (
	scriptEntry = "src/app.js"
	styleEntry  = "src/app.css"
	indexFile   = "src/index.html"
	faviconFile = "src/favicon.svg"
)

// AssetsDir is the directory of dist/ that holds the content-hashed files;
// everything in it may be cached forever.
const AssetsDir = "assets"

// vendored maps the bare imports the sources may use to their files.
var vendored = map[string]string{
	"preact":       "src/vendor/preact/preact.mjs",
	"preact/hooks": "src/vendor/preact/hooks.mjs",
	"htm":          "src/vendor/htm/htm.mjs",
}

// Build bundles the sources of the web package in webDir (the directory that
// holds src/) and returns the files of dist/, keyed by slash-separated paths
// relative to dist/ ("index.html", "assets/app-5KQ2XW7B.js"). It writes
// nothing. The result depends only on the sources, so a checked-in dist/ can
// be compared with it.
func Build(webDir string) (map[string][]byte, error) {
	webDir, err := filepath.Abs(webDir)
	if err != nil {
		return nil, err
	}
	result := api.Build(api.BuildOptions{
		AbsWorkingDir:     webDir,
		EntryPoints:       []string{scriptEntry, styleEntry},
		Outdir:            "dist",
		EntryNames:        AssetsDir + "/[name]-[hash]",
		Bundle:            true,
		Format:            api.FormatESModule,
		Platform:          api.PlatformBrowser,
		Target:            api.ES2022,
		MinifyWhitespace:  true,
		MinifyIdentifiers: true,
		MinifySyntax:      true,
		LegalComments:     api.LegalCommentsEndOfFile,
		Charset:           api.CharsetUTF8,
		LogLevel:          api.LogLevelSilent,
		Plugins:           []api.Plugin{vendorPlugin(webDir)},
		Write:             false,
	})
	if len(result.Errors) > 0 {
		return nil, buildError("esbuild", result.Errors)
	}
	if len(result.Warnings) > 0 {
		return nil, buildError("esbuild warnings (treated as errors)", result.Warnings)
	}
	files := make(map[string][]byte, len(result.OutputFiles)+2)
	var page struct{ Script, Stylesheet, Icon string }
	outDir := filepath.Join(webDir, "dist")
	for _, f := range result.OutputFiles {
		rel, err := filepath.Rel(outDir, f.Path)
		if err != nil {
			return nil, err
		}
		rel = filepath.ToSlash(rel)
		files[rel] = f.Contents
		switch filepath.Ext(rel) {
		case ".js":
			page.Script = "/" + rel
		case ".css":
			page.Stylesheet = "/" + rel
		}
	}
	if page.Script == "" || page.Stylesheet == "" {
		return nil, fmt.Errorf("sitebuild: esbuild produced %d files without a script and a stylesheet", len(files))
	}
	icon, err := os.ReadFile(filepath.Join(webDir, faviconFile))
	if err != nil {
		return nil, err
	}
	iconPath := hashedName("favicon", ".svg", icon)
	files[iconPath] = icon
	page.Icon = "/" + iconPath

	index, err := renderIndex(filepath.Join(webDir, indexFile), page)
	if err != nil {
		return nil, err
	}
	files["index.html"] = index
	return files, nil
}

// renderIndex fills the page template with the asset paths. The template
// uses text/template: its only inputs are paths this package made.
func renderIndex(file string, page any) ([]byte, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	tmpl, err := template.New(filepath.Base(file)).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("sitebuild: %w", err)
	}
	var out bytes.Buffer
	if err := tmpl.Execute(&out, page); err != nil {
		return nil, fmt.Errorf("sitebuild: %w", err)
	}
	return out.Bytes(), nil
}

// hashedName names a file after the first 40 bits of its SHA-256.
func hashedName(base, ext string, body []byte) string {
	sum := sha256.Sum256(body)
	return AssetsDir + "/" + base + "-" + strings.ToUpper(hex.EncodeToString(sum[:5])) + ext
}

// vendorPlugin resolves the bare imports in vendored and refuses every other
// bare import.
func vendorPlugin(webDir string) api.Plugin {
	return api.Plugin{
		Name: "vendor",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: `^[^./]`}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				file, ok := vendored[args.Path]
				switch {
				case ok:
				case args.Kind == api.ResolveJSImportStatement || args.Kind == api.ResolveJSDynamicImport:
					return api.OnResolveResult{}, fmt.Errorf("bare import %q is not vendored (known: preact, preact/hooks, htm)", args.Path)
				default: // url(data:…) in CSS and the like: esbuild's own rules
					return api.OnResolveResult{}, nil
				}
				return api.OnResolveResult{Path: filepath.Join(webDir, filepath.FromSlash(file))}, nil
			})
		},
	}
}

// buildError joins esbuild's messages into one error.
func buildError(what string, msgs []api.Message) error {
	errs := make([]error, 0, len(msgs))
	for _, m := range msgs {
		if m.Location != nil {
			errs = append(errs, fmt.Errorf("%s:%d:%d: %s", m.Location.File, m.Location.Line, m.Location.Column, m.Text))
		} else {
			errs = append(errs, errors.New(m.Text))
		}
	}
	return fmt.Errorf("sitebuild: %s: %w", what, errors.Join(errs...))
}
