package apigw

import (
	"context"
	"slices"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// route is one route of the API: a method, a path pattern such as
// /api/books/{id}, the Handler method that serves them and the use case that
// method needs.
type route struct {
	method  string
	pattern string
	// serve takes the event by value: a pointer passed through this indirect
	// call would escape, and the event would then cost an allocation per
	// request (TestRoutingAllocatesNothing checks it does not).
	serve func(*Handler, context.Context, events.APIGatewayV2HTTPRequest, pathParams) (events.APIGatewayV2HTTPResponse, error)
	// needs is the use case the route needs, or-ed with behindAuthorizer
	// when API Gateway's JWT authorizer guards the route.
	needs useCase
}

// useCase names the use case of Services a route needs.
type useCase int

// The use cases routes need. The zero value is invalid.
const (
	needsNothing useCase = iota + 1
	needsCatalog
	needsReviews
	needsAuth
	needsOrders
	needsDiscovery
)

// behindAuthorizer marks, in route.needs, a route that API Gateway's JWT
// authorizer guards (Auth: {Authorizer: CognitoAuthorizer} in
// deploy/template.yaml): a request without a valid access token never
// reaches the function. Other routes are public: API Gateway does not look at
// their Authorization header, so the function sees an anonymous caller even
// when a token is sent.
const behindAuthorizer useCase = 1 << 8

// useCase returns the use case the route needs, without behindAuthorizer.
func (rt *route) useCase() useCase { return rt.needs &^ behindAuthorizer }

// guarded reports whether the JWT authorizer guards the route.
func (rt *route) guarded() bool { return rt.needs&behindAuthorizer != 0 }

// private reports whether the route's answers belong to one caller (or are
// for administrators), so that no cache may keep them: everything but reads
// of the public catalog, its reviews and discovery (search, best sellers,
// also-bought).
func (rt *route) private() bool {
	u := rt.useCase()
	return rt.method != "GET" || rt.guarded() ||
		(u != needsCatalog && u != needsReviews && u != needsDiscovery && u != needsNothing)
}

// routes is the API, the one list of its routes: the resources the router
// matches, their Allow headers and the default CORS methods are derived from
// it, and tests check the lists in doc.go, README.md and
// deploy/template.yaml against it. Allow lists a path's methods in this
// order.
var routes = []route{
	{"GET", "/api/health", (*Handler).health, needsNothing},
	{"GET", "/api/openapi.json", (*Handler).openAPI, needsNothing},
	{"GET", "/api/books", (*Handler).listBooks, needsCatalog},
	{"POST", "/api/books", (*Handler).createBook, needsCatalog | behindAuthorizer},
	{"GET", "/api/books/{id}", (*Handler).getBook, needsCatalog},
	{"PUT", "/api/books/{id}", (*Handler).updateBook, needsCatalog | behindAuthorizer},
	{"DELETE", "/api/books/{id}", (*Handler).deleteBook, needsCatalog | behindAuthorizer},
	{"POST", "/api/books/{id}/cover", (*Handler).requestCoverUpload, needsCatalog | behindAuthorizer},
	{"GET", "/api/books/{id}/reviews", (*Handler).listReviews, needsReviews},
	{"POST", "/api/books/{id}/reviews", (*Handler).addReview, needsReviews | behindAuthorizer},
	// The caller's own review: a literal segment, which API Gateway (and
	// matchResource, by declaration order) prefers over {userId}, so that
	// the authorizer guards it while other users' reviews stay public.
	{"GET", "/api/books/{id}/reviews/mine", (*Handler).getReview, needsReviews | behindAuthorizer},
	{"PUT", "/api/books/{id}/reviews/mine", (*Handler).editReview, needsReviews | behindAuthorizer},
	{"DELETE", "/api/books/{id}/reviews/mine", (*Handler).deleteReview, needsReviews | behindAuthorizer},
	{"GET", "/api/books/{id}/reviews/{userId}", (*Handler).getReview, needsReviews},
	{"PUT", "/api/books/{id}/reviews/{userId}", (*Handler).editReview, needsReviews | behindAuthorizer},
	{"DELETE", "/api/books/{id}/reviews/{userId}", (*Handler).deleteReview, needsReviews | behindAuthorizer},
	{"GET", "/api/books/{id}/also-bought", (*Handler).alsoBought, needsDiscovery},
	{"GET", "/api/search", (*Handler).search, needsDiscovery},
	{"GET", "/api/bestsellers", (*Handler).bestSellers, needsDiscovery},
	{"GET", "/api/orders", (*Handler).listMyOrders, needsOrders | behindAuthorizer},
	{"POST", "/api/orders", (*Handler).checkout, needsOrders | behindAuthorizer},
	{"GET", "/api/orders/{id}", (*Handler).getOrder, needsOrders | behindAuthorizer},
	{"POST", "/api/orders/{id}/cancel", (*Handler).cancelOrder, needsOrders | behindAuthorizer},
	{"GET", "/api/admin/orders", (*Handler).listOrders, needsOrders | behindAuthorizer},
	{"POST", "/api/admin/orders/{id}/status", (*Handler).setOrderStatus, needsOrders | behindAuthorizer},
	{"POST", "/api/auth/register", (*Handler).register, needsAuth},
	{"POST", "/api/auth/confirm", (*Handler).confirm, needsAuth},
	{"POST", "/api/auth/login", (*Handler).login, needsAuth},
	{"POST", "/api/auth/refresh", (*Handler).refresh, needsAuth},
	{"POST", "/api/auth/resend", (*Handler).resend, needsAuth},
	{"POST", "/api/auth/logout", (*Handler).logout, needsAuth},
	{"POST", "/api/auth/password/forgot", (*Handler).forgotPassword, needsAuth},
	{"POST", "/api/auth/password/reset", (*Handler).resetPassword, needsAuth},
}

// Route is a route of the API as API Gateway names it: a method and a path
// pattern such as "/api/books/{id}".
type Route struct {
	Method, Path string
}

// Routes returns the routes Handler serves, in a fixed order, so that
// deployment templates and documents can be checked against them.
func Routes() []Route {
	out := make([]Route, len(routes))
	for i, rt := range routes {
		out[i] = Route{Method: rt.method, Path: rt.pattern}
	}
	return out
}

// GuardedRoutes returns the routes API Gateway's JWT authorizer guards (the
// others are public), in the order of Routes.
func GuardedRoutes() []Route {
	var out []Route
	for _, rt := range routes {
		if rt.guarded() {
			out = append(out, Route{Method: rt.method, Path: rt.pattern})
		}
	}
	return out
}

// Guarded reports whether API Gateway's JWT authorizer guards the route that
// serves method and path (a request path such as /api/orders/01H…). Unknown
// paths are not guarded. Inbound adapters standing in for API Gateway
// (adapters/httpbridge in the embedded mode) verify tokens only where it
// reports true, as API Gateway does.
func Guarded(method, path string) bool {
	res, _, ok := matchResource(path)
	if !ok {
		return false
	}
	rt := res.route(method)
	return rt != nil && rt.guarded()
}

// resource is a path pattern and its routes. Patterns are matched segment by
// segment; a {name} segment matches any non-empty segment. API Gateway HTTP
// APIs deliver rawPath already percent-decoded, so segments are used as they
// are.
type resource struct {
	pattern  string
	segments []string
	params   []string
	routes   []*route
	// allow is the Allow header: the resource's methods and OPTIONS.
	allow string
}

// maxPathParams bounds the {name} segments of a pattern, so matching needs no
// allocation.
const maxPathParams = 2

// resources are the paths of routes, in the order they first appear there.
var resources = newResources()

// newResources groups routes by pattern.
func newResources() []*resource {
	var out []*resource
	byPattern := map[string]*resource{}
	for i := range routes {
		rt := &routes[i]
		res, ok := byPattern[rt.pattern]
		if !ok {
			res = newResource(rt.pattern)
			byPattern[rt.pattern] = res
			out = append(out, res)
		}
		if res.route(rt.method) != nil {
			panic("apigw: route declared twice: " + rt.method + " " + rt.pattern)
		}
		res.routes = append(res.routes, rt)
	}
	for _, res := range out {
		methods := make([]string, 0, len(res.routes)+1)
		for _, rt := range res.routes {
			methods = append(methods, rt.method)
		}
		res.allow = strings.Join(append(methods, "OPTIONS"), ", ")
	}
	return out
}

// routeMethods returns the methods of routes, each once, in the order they
// first appear.
func routeMethods() []string {
	var out []string
	for _, rt := range routes {
		if !slices.Contains(out, rt.method) {
			out = append(out, rt.method)
		}
	}
	return out
}

func newResource(pattern string) *resource {
	res := &resource{pattern: pattern, segments: strings.Split(strings.TrimPrefix(pattern, "/"), "/")}
	for _, s := range res.segments {
		if name, ok := paramName(s); ok {
			res.params = append(res.params, name)
		}
	}
	if len(res.params) > maxPathParams {
		panic("apigw: too many path parameters in " + pattern)
	}
	return res
}

func paramName(segment string) (string, bool) {
	if len(segment) > 2 && segment[0] == '{' && segment[len(segment)-1] == '}' {
		return segment[1 : len(segment)-1], true
	}
	return "", false
}

// matchResource finds the resource for path.
func matchResource(path string) (*resource, pathParams, bool) {
	for _, res := range resources {
		if p, ok := res.match(path); ok {
			return res, p, true
		}
	}
	return nil, pathParams{}, false
}

func (res *resource) match(path string) (pathParams, bool) {
	rest, ok := strings.CutPrefix(path, "/")
	if !ok {
		return pathParams{}, false
	}
	p := pathParams{names: res.params}
	n := 0
	for i, want := range res.segments {
		seg, tail, more := strings.Cut(rest, "/")
		if more != (i < len(res.segments)-1) {
			return pathParams{}, false
		}
		if _, isParam := paramName(want); isParam {
			if seg == "" {
				return pathParams{}, false
			}
			p.values[n] = seg
			n++
		} else if seg != want {
			return pathParams{}, false
		}
		rest = tail
	}
	return p, true
}

// route returns the route serving method, or nil.
func (res *resource) route(method string) *route {
	for _, rt := range res.routes {
		if rt.method == method {
			return rt
		}
	}
	return nil
}

// pathParams are the values of a matched resource's {name} segments.
type pathParams struct {
	names  []string
	values [maxPathParams]string
}

// get returns the value of the named parameter, or "".
func (p pathParams) get(name string) string {
	for i, n := range p.names {
		if n == name {
			return p.values[i]
		}
	}
	return ""
}
