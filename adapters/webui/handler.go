package webui

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// Options configures Handler.
type Options struct {
	// ImageOrigins are origins, besides the site's own, that images may come
	// from: the covers bucket or CDN when covers live on another host, such
	// as "https://covers.example.com" or "http://localhost:9000".
	ImageOrigins []string
	// ConnectOrigins are origins, besides the site's own, that the app may
	// send requests to: where presigned cover uploads go (S3, MinIO).
	ConnectOrigins []string
}

// ContentSecurityPolicy returns the policy Handler sends: scripts, styles,
// fonts and frames from the site only, no inline script or style, no plugins,
// never framed; images also from data:, blob: (the preview of a cover
// before upload) and ImageOrigins; requests also to ConnectOrigins. It
// panics on an origin that is not a plain CSP source (one word without ';'
// or ','), which would let configuration rewrite the policy.
func (o Options) ContentSecurityPolicy() string {
	img := sources("'self' data: blob:", o.ImageOrigins)
	connect := sources("'self'", o.ConnectOrigins)
	return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + img + "; connect-src " + connect +
		"; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'"
}

func sources(base string, origins []string) string {
	var b strings.Builder
	b.WriteString(base)
	for _, o := range origins {
		o = strings.TrimSuffix(strings.TrimSpace(o), "/")
		if o == "" {
			continue
		}
		if strings.ContainsAny(o, "; ,'\"\t\r\n") {
			panic(fmt.Sprintf("webui: %q is not a CSP source", o))
		}
		b.WriteString(" ")
		b.WriteString(o)
	}
	return b.String()
}

// asset is a file ready to serve.
type asset struct {
	File
	etag string
	// gzipped is the gzip-compressed body, or nil when compressing does not
	// pay (images, tiny files).
	gzipped []byte
}

// handler serves the embedded site; see Handler.
type handler struct {
	assets  map[string]*asset
	index   *asset
	headers map[string]string
}

// Handler serves the web app at the root of a site:
//
//   - a file of dist/ at its path, with its content type; index.html (also
//     at "/") with Cache-Control: no-cache, content-hashed files under
//     /assets/ with "public, max-age=31536000, immutable";
//   - GET or HEAD of any other path without a file extension outside /api/:
//     index.html with 200, so that the app's own paths (/books/{id}, /cart)
//     load the app on a reload or a deep link;
//   - a missing path with an extension, or under /api/: 404 in plain text
//     (an API mounted beside this handler owns /api/);
//   - other methods: 405.
//
// Every response carries the security headers: Content-Security-Policy (see
// Options.ContentSecurityPolicy), X-Content-Type-Options: nosniff,
// Referrer-Policy: strict-origin-when-cross-origin, X-Frame-Options: DENY.
// Files have a strong ETag (If-None-Match answers 304) and are sent
// gzip-compressed to clients that accept it.
func Handler(opts Options) http.Handler {
	h := &handler{
		assets: map[string]*asset{},
		headers: map[string]string{
			"Content-Security-Policy": opts.ContentSecurityPolicy(),
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "strict-origin-when-cross-origin",
			"X-Frame-Options":         "DENY",
		},
	}
	for _, f := range Files() {
		sum := sha256.Sum256(f.Body)
		a := &asset{File: f, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, gzipped: compress(f)}
		h.assets[f.Path] = a
	}
	h.index = h.assets[indexPath]
	if h.index == nil {
		panic("webui: the embedded site has no " + indexPath + ": run go generate ./adapters/webui")
	}
	return h
}

// compress returns the gzipped body of a text file when that is smaller.
func compress(f File) []byte {
	if len(f.Body) < 256 || !(strings.HasPrefix(f.ContentType, "text/") || f.ContentType == "image/svg+xml" || f.ContentType == "application/json") {
		return nil
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression) // the level is valid
	_, _ = zw.Write(f.Body)                                  // writes to a bytes.Buffer do not fail
	_ = zw.Close()
	if buf.Len() >= len(f.Body) {
		return nil
	}
	return buf.Bytes()
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	for k, v := range h.headers {
		hdr.Set(k, v)
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		plain(w, http.StatusMethodNotAllowed)
		return
	}
	a := h.lookup(r.URL.Path)
	if a == nil {
		plain(w, http.StatusNotFound)
		return
	}
	hdr.Set("Content-Type", a.ContentType)
	hdr.Set("Cache-Control", a.CacheControl)
	hdr.Set("ETag", a.etag)
	if a.gzipped != nil {
		hdr.Add("Vary", "Accept-Encoding")
	}
	if etagMatches(r.Header.Get("If-None-Match"), a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	body := a.Body
	if a.gzipped != nil && acceptsGzip(r.Header.Get("Accept-Encoding")) {
		hdr.Set("Content-Encoding", "gzip")
		body = a.gzipped
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method == http.MethodGet {
		_, _ = w.Write(body)
	}
}

// lookup finds the file for a request path: the file itself, else the index
// for an app route (no extension, not under /api/), else nil.
func (h *handler) lookup(urlPath string) *asset {
	clean := path.Clean("/" + urlPath)
	if clean == "/" {
		return h.index
	}
	if a, ok := h.assets[clean[1:]]; ok {
		return a
	}
	if !IsAppRoute(clean) {
		return nil
	}
	return h.index
}

// IsAppRoute reports whether urlPath is a route of the single-page app, which
// index.html answers, rather than a file or the API: its last segment has no
// file extension and it is not under /api. The template's CloudFront
// Function and the local gateway apply the same rule.
func IsAppRoute(urlPath string) bool {
	clean := path.Clean("/" + urlPath)
	return clean != "/api" && !strings.HasPrefix(clean, "/api/") && path.Ext(clean) == ""
}

// plain writes a short plain-text error that no cache keeps.
func plain(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = fmt.Fprintln(w, http.StatusText(status))
}

// etagMatches reports whether an If-None-Match header names etag (weak
// comparison, as RFC 9110 prescribes for If-None-Match) or is "*".
func etagMatches(header, etag string) bool {
	for tag := range strings.SplitSeq(header, ",") {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "W/")
		if tag == "*" || tag == etag {
			return true
		}
	}
	return false
}

// acceptsGzip reports whether an Accept-Encoding header admits gzip: named
// with a non-zero quality, or, when not named, through "*".
func acceptsGzip(header string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		coding, params, _ := strings.Cut(part, ";")
		coding = strings.ToLower(strings.TrimSpace(coding))
		allowed := true
		if q, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			v, err := strconv.ParseFloat(q, 64)
			allowed = err == nil && v > 0
		}
		switch coding {
		case "gzip":
			return allowed
		case "*":
			star = allowed
		}
	}
	return star
}
