package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// verifiers configures every JWT authorizer of tmpl with the shop's user
// pool, the way the local stack's environment does, through newVerifiers.
func (s *shop) verifiers(t testing.TB, tmpl *samtemplate.Template) map[string]emulator.TokenVerifier {
	t.Helper()
	cfg := config{JWT: map[string]jwtSettings{}}
	for name := range tmpl.Authorizers {
		cfg.JWT[name] = jwtSettings{Issuer: s.idp.Issuer(), Audience: []string{s.idp.ClientID()}, JWKSURL: s.jwksURL}
	}
	v, err := newVerifiers(cfg, tmpl)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// signIn creates a confirmed user of the shop's pool in groups and returns
// its access token.
func (s *shop) signIn(t testing.TB, email string, groups ...string) string {
	t.Helper()
	ctx := context.Background()
	const password = "Corr3ct-horse-battery"
	if _, err := s.idp.SignUp(ctx, email, password); err != nil {
		t.Fatal(err)
	}
	if err := s.idp.AdminConfirm(ctx, email); err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if err := s.idp.AddToGroup(ctx, email, g); err != nil {
			t.Fatal(err)
		}
	}
	tokens, err := s.idp.SignIn(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	return tokens.AccessToken
}

// TestGatewayAuthorizesAdminRoutes runs POST /api/books of
// deploy/template.yaml behind its CognitoAuthorizer (marked on the route
// here if the template does not mark it yet) with the real catalog
// handler: no token is refused by the gateway without invoking the
// function; a signed-in customer passes the gateway and the function answers
// 403; an administrator creates the book.
func TestGatewayAuthorizesAdminRoutes(t *testing.T) {
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	const authorizer = "CognitoAuthorizer"
	if _, ok := tmpl.Authorizers[authorizer]; !ok {
		t.Fatalf("%s declares no JWT authorizer %s", templatePath, authorizer)
	}
	for i, r := range tmpl.Routes {
		if r.Key() == "POST /api/books" && r.Authorizer == "" && tmpl.DefaultAuthorizer == "" {
			tmpl.Routes[i].Authorizer = authorizer
		}
	}
	s := newShop(t)
	h, err := apigw.NewHandler(apigw.Services{Catalog: s.catalog, Reviews: s.reviews}, apigw.Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	fn := rietest.New(t, rietest.JSON(h.Handle))
	gw, _, err := emulator.New(emulator.Config{Template: tmpl, Endpoints: map[string][]string{"CatalogFunction": {fn.URL}},
		Timeout: 10 * time.Second, Authorizers: s.verifiers(t, tmpl)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	post := func(t *testing.T, authorization string) (int, map[string]any) {
		t.Helper()
		req, err := http.NewRequest("POST", srv.URL+"/api/books", strings.NewReader(
			`{"title":"Parable of the Sower","author":"Octavia E. Butler","category":"Science Fiction","priceCents":1299,"stock":3}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		if authorization != "" {
			req.Header.Set("Authorization", authorization)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		_ = json.NewDecoder(resp.Body).Decode(&body)
		return resp.StatusCode, body
	}

	t.Run("no token", func(t *testing.T) {
		before := fn.Invocations()
		status, body := post(t, "")
		if status != http.StatusUnauthorized || body["message"] != "Unauthorized" || fn.Invocations() != before {
			t.Errorf("%d %v, invocations %d → %d: want the gateway's 401 without an invocation", status, body, before, fn.Invocations())
		}
	})
	t.Run("customer", func(t *testing.T) {
		before := fn.Invocations()
		status, body := post(t, "Bearer "+s.signIn(t, "reader@example.com"))
		if status != http.StatusForbidden || body["type"] != apigw.ProblemTypeBase+"forbidden" || fn.Invocations() != before+1 {
			t.Errorf("%d %v, invocations %d → %d: want the function's 403", status, body, before, fn.Invocations())
		}
	})
	t.Run("administrator", func(t *testing.T) {
		status, body := post(t, "Bearer "+s.signIn(t, "admin@example.com", app.AdminGroup))
		if status != http.StatusCreated || body["title"] != "Parable of the Sower" {
			t.Errorf("%d %v: want 201", status, body)
		}
	})
}
