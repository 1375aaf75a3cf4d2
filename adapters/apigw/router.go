package apigw

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// operation names what an endpoint does; Handler.call runs it.
type operation int

// The API's operations. The zero value is no operation.
const (
	opHealth operation = iota + 1
	opListBooks
	opCreateBook
	opGetBook
	opUpdateBook
	opDeleteBook
	opRequestCoverUpload
	opListReviews
	opAddReview
	opGetReview
	opEditReview
	opDeleteReview
	opCheckout
	opListMyOrders
	opGetOrder
	opCancelOrder
	opListOrders
	opSetOrderStatus
	opRegister
	opConfirm
	opLogin
	opRefresh
)

// endpoint binds a method to an operation.
type endpoint struct {
	method string
	op     operation
}

// route is a path pattern such as /api/books/{id} and its endpoints.
// Patterns are matched segment by segment; a {name} segment matches any
// non-empty segment. API Gateway HTTP APIs deliver rawPath already
// percent-decoded, so segments are used as they are.
type route struct {
	pattern   string
	segments  []string
	params    []string
	endpoints []endpoint
	// allow is the Allow header: the route's methods and OPTIONS.
	allow string
}

// maxPathParams bounds the {name} segments of a pattern, so matching needs no
// allocation.
const maxPathParams = 2

// routes is the API; doc.go lists it.
var routes = []*route{
	newRoute("/api/health", endpoint{"GET", opHealth}),
	newRoute("/api/books", endpoint{"GET", opListBooks}, endpoint{"POST", opCreateBook}),
	newRoute("/api/books/{id}", endpoint{"GET", opGetBook}, endpoint{"PUT", opUpdateBook}, endpoint{"DELETE", opDeleteBook}),
	newRoute("/api/books/{id}/cover", endpoint{"POST", opRequestCoverUpload}),
	newRoute("/api/books/{id}/reviews", endpoint{"GET", opListReviews}, endpoint{"POST", opAddReview}),
	newRoute("/api/books/{id}/reviews/{userId}", endpoint{"GET", opGetReview}, endpoint{"PUT", opEditReview}, endpoint{"DELETE", opDeleteReview}),
	newRoute("/api/orders", endpoint{"GET", opListMyOrders}, endpoint{"POST", opCheckout}),
	newRoute("/api/orders/{id}", endpoint{"GET", opGetOrder}),
	newRoute("/api/orders/{id}/cancel", endpoint{"POST", opCancelOrder}),
	newRoute("/api/admin/orders", endpoint{"GET", opListOrders}),
	newRoute("/api/admin/orders/{id}/status", endpoint{"POST", opSetOrderStatus}),
	newRoute("/api/auth/register", endpoint{"POST", opRegister}),
	newRoute("/api/auth/confirm", endpoint{"POST", opConfirm}),
	newRoute("/api/auth/login", endpoint{"POST", opLogin}),
	newRoute("/api/auth/refresh", endpoint{"POST", opRefresh}),
}

// call runs op. It is a switch rather than a table of method values, and
// the event and the path parameters travel as separate arguments, so that
// escape analysis keeps the event on the stack: that saves two allocations
// per request. An error becomes a problem response (see problem.go).
func (h *Handler) call(ctx context.Context, op operation, req *events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	switch op {
	case opHealth:
		return h.health(ctx, req, p)
	case opListBooks:
		return h.listBooks(ctx, req, p)
	case opCreateBook:
		return h.createBook(ctx, req, p)
	case opGetBook:
		return h.getBook(ctx, req, p)
	case opUpdateBook:
		return h.updateBook(ctx, req, p)
	case opDeleteBook:
		return h.deleteBook(ctx, req, p)
	case opRequestCoverUpload:
		return h.requestCoverUpload(ctx, req, p)
	case opListReviews:
		return h.listReviews(ctx, req, p)
	case opAddReview:
		return h.addReview(ctx, req, p)
	case opGetReview:
		return h.getReview(ctx, req, p)
	case opEditReview:
		return h.editReview(ctx, req, p)
	case opDeleteReview:
		return h.deleteReview(ctx, req, p)
	case opCheckout:
		return h.checkout(ctx, req, p)
	case opListMyOrders:
		return h.listMyOrders(ctx, req, p)
	case opGetOrder:
		return h.getOrder(ctx, req, p)
	case opCancelOrder:
		return h.cancelOrder(ctx, req, p)
	case opListOrders:
		return h.listOrders(ctx, req, p)
	case opSetOrderStatus:
		return h.setOrderStatus(ctx, req, p)
	case opRegister:
		return h.register(ctx, req, p)
	case opConfirm:
		return h.confirm(ctx, req, p)
	case opLogin:
		return h.login(ctx, req, p)
	case opRefresh:
		return h.refresh(ctx, req, p)
	}
	panic(fmt.Sprintf("apigw: operation %d has no implementation", op))
}

func newRoute(pattern string, endpoints ...endpoint) *route {
	rt := &route{pattern: pattern, segments: strings.Split(strings.TrimPrefix(pattern, "/"), "/"), endpoints: endpoints}
	for _, s := range rt.segments {
		if name, ok := paramName(s); ok {
			rt.params = append(rt.params, name)
		}
	}
	if len(rt.params) > maxPathParams {
		panic("apigw: too many path parameters in " + pattern)
	}
	methods := make([]string, 0, len(endpoints)+1)
	for _, e := range endpoints {
		methods = append(methods, e.method)
	}
	rt.allow = strings.Join(append(methods, "OPTIONS"), ", ")
	return rt
}

func paramName(segment string) (string, bool) {
	if len(segment) > 2 && segment[0] == '{' && segment[len(segment)-1] == '}' {
		return segment[1 : len(segment)-1], true
	}
	return "", false
}

// matchRoute finds the route for path.
func matchRoute(path string) (*route, pathParams, bool) {
	for _, rt := range routes {
		if p, ok := rt.match(path); ok {
			return rt, p, true
		}
	}
	return nil, pathParams{}, false
}

func (rt *route) match(path string) (pathParams, bool) {
	rest, ok := strings.CutPrefix(path, "/")
	if !ok {
		return pathParams{}, false
	}
	p := pathParams{names: rt.params}
	n := 0
	for i, want := range rt.segments {
		seg, tail, more := strings.Cut(rest, "/")
		if more != (i < len(rt.segments)-1) {
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

// operation returns the operation serving method, or 0.
func (rt *route) operation(method string) operation {
	for _, e := range rt.endpoints {
		if e.method == method {
			return e.op
		}
	}
	return 0
}

// pathParams are the values of a matched route's {name} segments.
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
