// Command bundle rebuilds adapters/webui/dist from adapters/webui/src with
// esbuild's Go API (see package sitebuild). It replaces dist/ as a whole, so
// files of earlier builds disappear. Run it with `go generate
// ./adapters/webui`; a test fails while the checked-in dist/ is stale.
//
// Usage: go run ./internal/bundle [-dir web-package-directory]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/bookshop/bookshop/adapters/webui/internal/sitebuild"
)

func main() {
	dir := flag.String("dir", ".", "the web package directory (holds src/ and dist/)")
	flag.Parse()
	if err := run(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files, err := sitebuild.Build(dir)
	if err != nil {
		return err
	}
	dist := filepath.Join(dir, "dist")
	if err := os.RemoveAll(dist); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(dist, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Printf("%8d  dist/%s\n", len(files[name]), name)
	}
	return nil
}
