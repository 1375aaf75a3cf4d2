package httpbridge_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/httpbridge"
)

// fakeAuthorizer accepts the token "good" only.
func fakeAuthorizer(_ context.Context, token string) (map[string]string, error) {
	if token != "good" {
		return nil, errors.New("bad token")
	}
	return map[string]string{"sub": "u1", "cognito:groups": "[admin]", "scope": "openid email"}, nil
}

func TestAuthorizer(t *testing.T) {
	tests := []struct {
		name          string
		authorization []string
		wantStatus    int
		wantClaims    map[string]string
		wantScopes    []string
	}{
		{name: "no header is anonymous", wantStatus: 200},
		{name: "valid bearer token", authorization: []string{"Bearer good"}, wantStatus: 200,
			wantClaims: map[string]string{"sub": "u1", "cognito:groups": "[admin]", "scope": "openid email"}, wantScopes: []string{"openid", "email"}},
		{name: "scheme in any case", authorization: []string{"bearer good"}, wantStatus: 200,
			wantClaims: map[string]string{"sub": "u1", "cognito:groups": "[admin]", "scope": "openid email"}, wantScopes: []string{"openid", "email"}},
		{name: "bare token", authorization: []string{"good"}, wantStatus: 200,
			wantClaims: map[string]string{"sub": "u1", "cognito:groups": "[admin]", "scope": "openid email"}, wantScopes: []string{"openid", "email"}},
		{name: "refused token", authorization: []string{"Bearer bad"}, wantStatus: 401},
		{name: "empty bearer", authorization: []string{"Bearer "}, wantStatus: 401},
		{name: "empty header", authorization: []string{""}, wantStatus: 401},
		{name: "two headers", authorization: []string{"Bearer good", "Bearer good"}, wantStatus: 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			h := httpbridge.NewHandler(rec.handle, httpbridge.WithAuthorizer(fakeAuthorizer), httpbridge.WithLogger(slog.New(slog.DiscardHandler)))
			req := httptest.NewRequest("POST", "/api/books", nil)
			for _, v := range tt.authorization {
				req.Header.Add("Authorization", v)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", w.Code, tt.wantStatus)
			}
			if tt.wantStatus == 401 {
				if w.Body.String() != `{"message":"Unauthorized"}` || w.Header().Get("Content-Type") != "application/json" {
					t.Errorf("401 body %q (%s), want API Gateway's", w.Body, w.Header().Get("Content-Type"))
				}
				if len(rec.events) != 0 {
					t.Error("the function was called for a refused token")
				}
				return
			}
			a := rec.only(t).RequestContext.Authorizer
			if tt.wantClaims == nil {
				if a != nil {
					t.Errorf("anonymous request has authorizer %+v", a)
				}
				return
			}
			if a == nil || a.JWT == nil {
				t.Fatal("no authorizer context")
			}
			if d := cmp.Diff(tt.wantClaims, a.JWT.Claims); d != "" {
				t.Errorf("claims (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tt.wantScopes, a.JWT.Scopes); d != "" {
				t.Errorf("scopes (-want +got):\n%s", d)
			}
		})
	}
}

// TestNoAuthorizerIgnoresTokens: without the option the bridge passes the
// header through and sets no claims, like a route without an authorizer.
func TestNoAuthorizerIgnoresTokens(t *testing.T) {
	rec := &recorder{}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Authorization", "Bearer anything")
	httpbridge.NewHandler(rec.handle).ServeHTTP(httptest.NewRecorder(), req)
	ev := rec.only(t)
	if ev.RequestContext.Authorizer != nil || ev.Headers["authorization"] != "Bearer anything" {
		t.Errorf("authorizer %+v, authorization header %q", ev.RequestContext.Authorizer, ev.Headers["authorization"])
	}
}

// TestPublicRoutesIgnoreTokens: with WithGuardedRoutes, as on API Gateway, a
// public route never looks at the Authorization header (an expired token
// does not stop a sign-in and yields no claims), while a guarded route
// refuses a missing or bad token with API Gateway's 401.
func TestPublicRoutesIgnoreTokens(t *testing.T) {
	guarded := func(method, path string) bool { return method == "GET" && path == "/api/orders" }
	tests := []struct {
		name, method, path, authorization string
		wantStatus                        int
		wantClaims                        bool
	}{
		{"public route, bad token", "POST", "/api/auth/login", "Bearer bad", 200, false},
		{"public route, good token gives no claims", "POST", "/api/auth/login", "Bearer good", 200, false},
		{"guarded route, bad token", "GET", "/api/orders", "Bearer bad", 401, false},
		{"guarded route, no token", "GET", "/api/orders", "", 401, false},
		{"guarded route, good token", "GET", "/api/orders", "Bearer good", 200, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := &recorder{}
			h := httpbridge.NewHandler(rec.handle, httpbridge.WithAuthorizer(fakeAuthorizer), httpbridge.WithGuardedRoutes(guarded),
				httpbridge.WithLogger(slog.New(slog.DiscardHandler)))
			req := httptest.NewRequest(tt.method, tt.path, nil)
			if tt.authorization != "" {
				req.Header.Set("Authorization", tt.authorization)
			}
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != tt.wantStatus {
				t.Fatalf("status %d, want %d", w.Code, tt.wantStatus)
			}
			if tt.wantStatus == 200 {
				gotClaims := rec.events[0].RequestContext.Authorizer != nil
				if gotClaims != tt.wantClaims {
					t.Errorf("claims passed: %t, want %t", gotClaims, tt.wantClaims)
				}
			}
		})
	}
}
