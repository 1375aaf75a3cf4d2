// Package webui is the shop's storefront: a single-page web app (Preact +
// htm, vendored; sources in src/) bundled into dist/ by esbuild's Go API and
// embedded in the binary. Handler serves it over net/http as CloudFront serves
// it from the web bucket on AWS: content types, index.html never cached
// without revalidation, content-hashed assets cached forever, the index for
// extensionless paths outside /api/ (the app's own routes), and security
// headers with a strict Content-Security-Policy. Files lists the same files
// with their headers for uploading them to a bucket.
//
// dist/ is generated: edit src/, then run `go generate ./adapters/webui`. A
// test fails while dist/ differs from what the sources build.
package webui

//go:generate go run ./internal/bundle

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed dist
var dist embed.FS

// indexPath is the app's single HTML page.
const indexPath = "index.html"

// Cache-Control values.
const (
	// CacheIndex makes browsers and CDNs revalidate the page every time, so a
	// new release is picked up at once.
	CacheIndex = "no-cache"
	// CacheImmutable is for files named after their content.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheOther is for any other file.
	CacheOther = "public, max-age=3600"
)

// File is one file of the web app with the headers it is served with.
type File struct {
	// Path is slash-separated and relative to the site root, without a
	// leading slash: "index.html", "assets/app-5KQ2XW7B.js". It is the object
	// key in a web bucket.
	Path         string
	ContentType  string
	CacheControl string
	Body         []byte
}

// Files returns every file of the web app, sorted by path, with its content
// type and cache policy, for commands that upload the site to a bucket.
func Files() []File {
	var files []File
	err := fs.WalkDir(dist, "dist", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := dist.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "dist/")
		files = append(files, File{Path: rel, ContentType: contentType(rel), CacheControl: cacheControl(rel), Body: body})
		return nil
	})
	if err != nil { // the embedded tree is fixed at compile time
		panic("webui: reading the embedded site: " + err.Error())
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files
}

// contentTypes maps the extensions the site uses (and a few it may) to media
// types. It is explicit rather than mime.TypeByExtension, whose answers
// depend on the machine's mime tables.
var contentTypes = map[string]string{
	".html":  "text/html; charset=utf-8",
	".js":    "text/javascript; charset=utf-8",
	".mjs":   "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".svg":   "image/svg+xml",
	".json":  "application/json",
	".map":   "application/json",
	".txt":   "text/plain; charset=utf-8",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".webp":  "image/webp",
	".ico":   "image/x-icon",
	".woff2": "font/woff2",
}

// contentType returns the media type for a file name.
func contentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// cacheControl returns the cache policy for a file of the site.
func cacheControl(name string) string {
	switch {
	case name == indexPath:
		return CacheIndex
	case strings.HasPrefix(name, "assets/"):
		return CacheImmutable
	}
	return CacheOther
}
