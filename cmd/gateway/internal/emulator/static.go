package emulator

import (
	"io"
	"net/http"
	"strings"

	"github.com/bookshop/bookshop/adapters/webui"
)

// proxiedHeaders are the response headers copied from a bucket origin.
var proxiedHeaders = []string{"Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control", "Content-Encoding", "X-Content-Type-Options"}

// conditionalHeaders are the request headers passed to a bucket origin.
var conditionalHeaders = []string{"If-None-Match", "If-Modified-Since", "Range"}

// coverPathPrefixes are the paths served from the covers bucket, as the
// template's CloudFront behaviours /covers/* and /thumbnails/* do.
var coverPathPrefixes = []string{"/covers/", "/thumbnails/"}

// bucketOrigin is a bucket the gateway serves GET and HEAD from, like a
// CloudFront behaviour with an S3 origin.
type bucketOrigin struct {
	// base is the bucket's URL, such as http://minio:9000/bookshop-web.
	base string
	// spa rewrites the single-page app's routes to /index.html, as the
	// template's CloudFront Function does on the default behaviour.
	spa bool
}

// originFor returns the bucket that serves a GET or HEAD of path, if any:
// the covers bucket for cover paths, else the web bucket for every path
// outside /api.
func (s *Server) originFor(path string) (bucketOrigin, bool) {
	for _, p := range coverPathPrefixes {
		if strings.HasPrefix(path, p) {
			return bucketOrigin{base: s.cfg.CoversOrigin}, s.cfg.CoversOrigin != ""
		}
	}
	if path == "/api" || strings.HasPrefix(path, "/api/") {
		return bucketOrigin{}, false
	}
	return bucketOrigin{base: s.cfg.WebOrigin, spa: true}, s.cfg.WebOrigin != ""
}

// serveStatic serves a GET or HEAD from a bucket origin like CloudFront: "/"
// and, for the web app, every app route is /index.html; everything else is
// the object at the path, with the origin's status.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request, origin bucketOrigin, entry *accessEntry) {
	p := r.URL.EscapedPath()
	// CloudFront's viewer-request function rewrites exactly the app's routes
	// (webui.IsAppRoute) to /index.html; a missing file keeps its 403/404,
	// so API errors and broken asset links are never hidden.
	if origin.spa && webui.IsAppRoute(p) {
		if p != "/" && p != "/index.html" {
			entry.route = "web (app route → /index.html)"
		}
		p = "/index.html"
	}
	resp, err := s.fetchObject(r, origin.base, p)
	if err != nil {
		entry.err = err.Error()
		writeMessage(w, http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	for _, k := range proxiedHeaders {
		if v := resp.Header.Get(k); v != "" {
			w.Header().Set(k, v)
		}
	}
	// The template's CloudFront response headers policy sets nosniff on
	// every object, whatever the bucket sends.
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(resp.StatusCode)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, resp.Body) // the client went away: nothing to do
	}
}

// fetchObject requests path (escaped) from the bucket at base with r's
// method and conditional headers.
func (s *Server) fetchObject(r *http.Request, base, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(r.Context(), r.Method, strings.TrimSuffix(base, "/")+path, nil)
	if err != nil {
		return nil, err
	}
	for _, k := range conditionalHeaders {
		if v := r.Header.Get(k); v != "" {
			req.Header.Set(k, v)
		}
	}
	return s.cfg.Client.Do(req)
}
