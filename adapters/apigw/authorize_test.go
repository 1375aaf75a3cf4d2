package apigw_test

import (
	"testing"

	"github.com/aws/aws-lambda-go/events"
)

// TestBookMutationsRequireAdmin sends every catalog mutation route as an
// anonymous caller (401 problem), a signed-in user outside the admin group
// (403 problem) and an administrator (success). Refused requests write
// nothing.
func TestBookMutationsRequireAdmin(t *testing.T) {
	routes := []struct {
		name   string
		event  func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest
		status int
	}{
		{"POST /api/books", func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "POST", "/api/books", append(caller, jsonBody(validBook))...)
		}, 201},
		{"PUT /api/books/{id}", func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "PUT", "/api/books/book-0001", append(caller, header("If-Match", `"1"`), jsonBody(validBook))...)
		}, 200},
		{"DELETE /api/books/{id}", func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "DELETE", "/api/books/book-0001", append(caller, header("If-Match", `"1"`))...)
		}, 204},
		{"POST /api/books/{id}/cover", func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "POST", "/api/books/book-0001/cover", append(caller, jsonBody(`{"contentType":"image/png","contentLength":10}`))...)
		}, 200},
	}
	callers := []struct {
		name   string
		opts   []eventOption
		refuse *problem
	}{
		{"anonymous", nil, &problem{Type: typeBase + "unauthenticated", Title: "Authentication required", Status: 401,
			Detail: "Sign in and send your access token in the Authorization header."}},
		{"reader", []eventOption{asReader()}, &problem{Type: typeBase + "forbidden", Title: "Forbidden", Status: 403,
			Detail: "You may not perform this operation."}},
		{"group named like admin", []eventOption{withClaims(map[string]string{"sub": "u3", "cognito:groups": "[Admin administrators]"})},
			&problem{Type: typeBase + "forbidden", Title: "Forbidden", Status: 403, Detail: "You may not perform this operation."}},
		{"admin", []eventOption{asAdmin()}, nil},
	}
	for _, r := range routes {
		for _, c := range callers {
			t.Run(r.name+"/"+c.name, func(t *testing.T) {
				t.Parallel()
				f := newFixture(t)
				f.seed(t, dune)
				before := f.snapshot(t)
				resp := f.serve(t, r.event(t, c.opts...))
				if c.refuse == nil {
					wantStatus(t, resp, r.status)
					return
				}
				wantStatus(t, resp, c.refuse.Status)
				diff(t, "problem", *c.refuse, decodeProblem(t, resp))
				diff(t, "repository contents", before, f.snapshot(t))
			})
		}
	}
}

// TestClaimsInHeadersAreIgnored proves a client cannot become admin by
// sending claims itself: only the authorizer's context counts.
func TestClaimsInHeadersAreIgnored(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	resp := f.serve(t, newEvent(t, "POST", "/api/books", jsonBody(validBook),
		header("cognito:groups", "[admin]"), header("x-amzn-oidc-data", "admin"), header("authorization", "Bearer forged")))
	wantStatus(t, resp, 401)
	decodeProblem(t, resp)
}

// TestRefusedBeforeTheBodyIsRead: an anonymous caller or a non-admin learns
// nothing about validation; like API Gateway's authorizer, authorization
// answers first, whatever the body.
func TestRefusedBeforeTheBodyIsRead(t *testing.T) {
	bad := jsonBody(`{"title":"","priceCents":-1,"isbn":"unknown field"}`)
	events := map[string]func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest{
		"POST /api/books": func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "POST", "/api/books", append(caller, bad)...)
		},
		"PUT /api/books/{id} without If-Match": func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "PUT", "/api/books/book-0001", append(caller, bad)...)
		},
		"POST /api/books/{id}/cover": func(t *testing.T, caller ...eventOption) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "POST", "/api/books/book-0001/cover", append(caller, jsonBody(`{"contentType":"text/html"}`))...)
		},
	}
	for name, event := range events {
		for caller, want := range map[string]struct {
			opts   []eventOption
			status int
		}{"anonymous": {nil, 401}, "reader": {[]eventOption{asReader()}, 403}} {
			t.Run(name+"/"+caller, func(t *testing.T) {
				t.Parallel()
				f := newFixture(t)
				f.seed(t, dune)
				resp := f.serve(t, event(t, want.opts...))
				wantStatus(t, resp, want.status)
				if p := decodeProblem(t, resp); len(p.Errors) != 0 {
					t.Errorf("refused caller was shown field errors %+v", p.Errors)
				}
			})
		}
	}
}
