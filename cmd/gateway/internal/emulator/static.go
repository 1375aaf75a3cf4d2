package emulator

import (
	"io"
	"net/http"
	"strings"
)

// proxiedHeaders are the response headers copied from the web origin.
var proxiedHeaders = []string{"Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control", "Content-Encoding"}

// conditionalHeaders are the request headers passed to the web origin.
var conditionalHeaders = []string{"If-None-Match", "If-Modified-Since", "Range"}

// serveStatic serves the web app from the web origin like CloudFront: "/"
// is /index.html (the default root object) and an object the origin does
// not have (403 or 404, as S3 answers) is replaced by /index.html with 200,
// so the single-page app routes client-side.
func (s *Server) serveStatic(w http.ResponseWriter, r *http.Request, entry *accessEntry) {
	p := r.URL.EscapedPath()
	if p == "/" || p == "" {
		p = "/index.html"
	}
	resp, err := s.fetchWeb(r, p, true)
	if err == nil && (resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusNotFound) {
		resp.Body.Close()
		resp, err = s.fetchWeb(r, "/index.html", false)
		if err == nil && resp.StatusCode == http.StatusOK {
			entry.route = "web (SPA fallback)"
		}
	}
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
	w.WriteHeader(resp.StatusCode)
	if r.Method != http.MethodHead {
		_, _ = io.Copy(w, resp.Body) // the client went away: nothing to do
	}
}

// fetchWeb requests path (escaped) from the web origin, with r's method and,
// when conditional, its conditional headers.
func (s *Server) fetchWeb(r *http.Request, path string, conditional bool) (*http.Response, error) {
	u := *s.webOrigin
	u.Path = strings.TrimSuffix(u.Path, "/")
	u.RawPath = ""
	target := u.String() + path
	req, err := http.NewRequestWithContext(r.Context(), r.Method, target, nil)
	if err != nil {
		return nil, err
	}
	if conditional {
		for _, k := range conditionalHeaders {
			if v := r.Header.Get(k); v != "" {
				req.Header.Set(k, v)
			}
		}
	}
	return s.cfg.Client.Do(req)
}
