package emulator

import (
	"strings"

	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// segment kinds, in increasing order of precedence.
const (
	segGreedy = iota // {name+}: the rest of the path
	segParam         // {name}: one segment
	segLiteral
)

type routeSegment struct {
	kind  int
	value string // the literal, or the parameter's name
}

// route is a template route compiled for matching.
type route struct {
	samtemplate.Route
	segments []routeSegment
	// auth is the route's JWT authorizer; nil when the route is public.
	auth *routeAuth
}

func compileRoute(r samtemplate.Route) route {
	rt := route{Route: r}
	for s := range strings.SplitSeq(strings.TrimPrefix(r.Path, "/"), "/") {
		switch {
		case strings.HasPrefix(s, "{") && strings.HasSuffix(s, "+}"):
			rt.segments = append(rt.segments, routeSegment{segGreedy, s[1 : len(s)-2]})
		case len(s) > 2 && strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}"):
			rt.segments = append(rt.segments, routeSegment{segParam, s[1 : len(s)-1]})
		default:
			rt.segments = append(rt.segments, routeSegment{segLiteral, s})
		}
	}
	return rt
}

// match reports whether path matches the route and returns the path
// parameters (nil when the route has none).
func (rt *route) match(path string) (map[string]string, bool) {
	parts := strings.Split(strings.TrimPrefix(path, "/"), "/")
	var params map[string]string
	set := func(k, v string) {
		if params == nil {
			params = map[string]string{}
		}
		params[k] = v
	}
	for i, seg := range rt.segments {
		if seg.kind == segGreedy {
			rest := strings.Join(parts[i:], "/")
			if i >= len(parts) || rest == "" {
				return nil, false
			}
			set(seg.value, rest)
			return params, true
		}
		if i >= len(parts) {
			return nil, false
		}
		switch seg.kind {
		case segLiteral:
			if parts[i] != seg.value {
				return nil, false
			}
		case segParam:
			if parts[i] == "" {
				return nil, false
			}
			set(seg.value, parts[i])
		}
	}
	return params, len(parts) == len(rt.segments)
}

// moreSpecific reports whether a should win over b when both match a path:
// API Gateway prefers, segment by segment, a literal over a {param} over a
// greedy {proxy+}, and a method over ANY.
func moreSpecific(a, b *route) bool {
	for i := 0; i < len(a.segments) && i < len(b.segments); i++ {
		if a.segments[i].kind != b.segments[i].kind {
			return a.segments[i].kind > b.segments[i].kind
		}
	}
	if len(a.segments) != len(b.segments) {
		return len(a.segments) > len(b.segments)
	}
	return a.Method != "ANY" && b.Method == "ANY"
}

// routeTable finds the route of a request.
type routeTable []route

func newRouteTable(routes []samtemplate.Route) routeTable {
	t := make(routeTable, len(routes))
	for i, r := range routes {
		t[i] = compileRoute(r)
	}
	return t
}

// find returns the most specific route for method and path, and its path
// parameters.
func (t routeTable) find(method, path string) (*route, map[string]string, bool) {
	var best *route
	var bestParams map[string]string
	for i := range t {
		rt := &t[i]
		if rt.Method != method && rt.Method != "ANY" {
			continue
		}
		params, ok := rt.match(path)
		if ok && (best == nil || moreSpecific(rt, best)) {
			best, bestParams = rt, params
		}
	}
	return best, bestParams, best != nil
}
