package emulator

import (
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// isPreflight reports whether r is a CORS preflight that API Gateway answers
// itself: CORS is configured and r is an OPTIONS request with Origin and
// Access-Control-Request-Method.
func (s *Server) isPreflight(r *http.Request) bool {
	return s.cfg.Template.CORS != nil && r.Method == http.MethodOptions &&
		r.Header.Get("Origin") != "" && r.Header.Get("Access-Control-Request-Method") != ""
}

// preflight answers a preflight with 204 and, when the origin is allowed,
// the configured CORS headers.
func (s *Server) preflight(w http.ResponseWriter, r *http.Request) {
	c := s.cfg.Template.CORS
	h := w.Header()
	if allow := s.allowedOrigin(r.Header.Get("Origin")); allow != "" {
		h.Set("Access-Control-Allow-Origin", allow)
		if allow != "*" {
			h.Add("Vary", "Origin")
		}
		if len(c.AllowMethods) > 0 {
			h.Set("Access-Control-Allow-Methods", strings.Join(c.AllowMethods, ","))
		}
		if slices.Contains(c.AllowHeaders, "*") {
			if req := r.Header.Get("Access-Control-Request-Headers"); req != "" {
				h.Set("Access-Control-Allow-Headers", req)
			}
		} else if len(c.AllowHeaders) > 0 {
			h.Set("Access-Control-Allow-Headers", strings.Join(c.AllowHeaders, ","))
		}
		if c.MaxAge > 0 {
			h.Set("Access-Control-Max-Age", strconv.Itoa(c.MaxAge))
		}
		if c.AllowCredentials {
			h.Set("Access-Control-Allow-Credentials", "true")
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// allowedOrigin returns the Access-Control-Allow-Origin value for origin, or
// "" when it is not allowed.
func (s *Server) allowedOrigin(origin string) string {
	c := s.cfg.Template.CORS
	if c == nil || origin == "" {
		return ""
	}
	for _, o := range c.AllowOrigins {
		if o == "*" {
			if c.AllowCredentials {
				return origin
			}
			return "*"
		}
		if strings.EqualFold(o, origin) {
			return origin
		}
	}
	return ""
}

// decorateCORS adds the CORS response headers for r's origin to h.
func (s *Server) decorateCORS(h http.Header, r *http.Request) {
	allow := s.allowedOrigin(r.Header.Get("Origin"))
	if allow == "" {
		return
	}
	c := s.cfg.Template.CORS
	h.Set("Access-Control-Allow-Origin", allow)
	if allow != "*" {
		h.Add("Vary", "Origin")
	}
	if len(c.ExposeHeaders) > 0 {
		h.Set("Access-Control-Expose-Headers", strings.Join(c.ExposeHeaders, ","))
	}
	if c.AllowCredentials {
		h.Set("Access-Control-Allow-Credentials", "true")
	}
}

// overrideCORS drops the CORS headers a function returned when the API
// configures CORS: API Gateway then ignores them and sends its own.
func (s *Server) overrideCORS(h http.Header, r *http.Request) {
	if s.cfg.Template.CORS == nil {
		return
	}
	maps.DeleteFunc(h, func(k string, _ []string) bool { return strings.HasPrefix(strings.ToLower(k), "access-control-") })
	s.decorateCORS(h, r)
}
