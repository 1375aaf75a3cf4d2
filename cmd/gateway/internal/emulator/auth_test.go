package emulator_test

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// newAuthGateway starts a gateway over testdata/auth-template.yaml whose
// CognitoAuthorizer uses v (none when nil), with fn as ShopFunction.
func newAuthGateway(t testing.TB, v emulator.TokenVerifier, fn *rietest.Endpoint) *testGateway {
	t.Helper()
	tmpl, err := samtemplate.Load("testdata/auth-template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return newGateway(t, func(c *emulator.Config) {
		c.Template, c.Buckets = tmpl, nil
		c.Endpoints["ShopFunction"] = []string{fn.URL}
		if v != nil {
			c.Authorizers = map[string]emulator.TokenVerifier{"CognitoAuthorizer": v}
		}
	})
}

// authRequest returns a request carrying authorization ("" sends none).
func authRequest(t *testing.T, method, url, authorization string) *http.Request {
	t.Helper()
	var body []byte
	if method == http.MethodPost {
		body = []byte(`{}`)
	}
	r := newRequest(t, method, url, body)
	if authorization != "" {
		r.Header.Set("Authorization", authorization)
	}
	return r
}

// authorizerOf decodes the requestContext.authorizer of an invocation
// payload, keeping it raw to see nulls.
func authorizerOf(t *testing.T, payload []byte) (json.RawMessage, bool) {
	t.Helper()
	var ev struct {
		RequestContext map[string]json.RawMessage `json:"requestContext"`
	}
	if err := json.Unmarshal(payload, &ev); err != nil {
		t.Fatal(err)
	}
	a, ok := ev.RequestContext["authorizer"]
	return a, ok
}

// TestJWTAuthorizerPassesClaims: a valid access token from the local user
// pool reaches the function with its claims flattened as API Gateway does,
// on a route guarded by the default authorizer and on one naming it; the
// "Bearer " prefix is optional.
func TestJWTAuthorizerPassesClaims(t *testing.T) {
	iss := newIssuer(t)
	tokens := iss.signIn(t, "admin@example.com", app.AdminGroup)
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, nil), fn)

	for _, tc := range []struct{ name, method, path, authorization string }{
		{"default authorizer", "POST", "/api/books", "Bearer " + tokens.AccessToken},
		{"named authorizer, bare token", "POST", "/api/books/b1/reviews", tokens.AccessToken},
		{"lower-case scheme", "POST", "/api/books/b1/reviews", "bearer " + tokens.AccessToken},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := fn.Invocations()
			resp, body := do(t, authRequest(t, tc.method, gw.URL+tc.path, tc.authorization))
			if resp.StatusCode != 200 || fn.Invocations() != before+1 {
				t.Fatalf("status %d (%s), invocations %d → %d", resp.StatusCode, body, before, fn.Invocations())
			}
			payloads := fn.Payloads()
			raw, ok := authorizerOf(t, payloads[len(payloads)-1])
			if !ok {
				t.Fatal("no requestContext.authorizer")
			}
			var got struct {
				JWT struct {
					Claims map[string]string `json:"claims"`
					Scopes *[]string         `json:"scopes"`
				} `json:"jwt"`
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			c := got.JWT.Claims
			if c["sub"] == "" || c["username"] != c["sub"] || c["cognito:groups"] != "[admin]" ||
				c["client_id"] != iss.idp.ClientID() || c["token_use"] != "access" || c["iss"] != localIssuer {
				t.Errorf("claims %v", c)
			}
			if !strings.Contains(string(raw), `"scopes":null`) || got.JWT.Scopes != nil {
				t.Errorf("scopes must be null on a route without authorization scopes: %s", raw)
			}
			// The function decodes it with aws-lambda-go's types.
			var ev events.APIGatewayV2HTTPRequest
			if err := json.Unmarshal(payloads[len(payloads)-1], &ev); err != nil || ev.RequestContext.Authorizer.JWT.Claims["sub"] != c["sub"] {
				t.Errorf("aws-lambda-go decoding: %v %+v", err, ev.RequestContext.Authorizer)
			}
		})
	}
}

// TestJWTAuthorizerRefusesBadTokens: every forged, tampered, misaddressed or
// malformed token answers 401 {"message":"Unauthorized"} with
// www-authenticate, and the function is never invoked.
func TestJWTAuthorizerRefusesBadTokens(t *testing.T) {
	iss := newIssuer(t)
	good, stranger := testKeys(t)
	tokens := iss.signIn(t, "reader@example.com")
	now := time.Now()
	claims := iss.accessClaims(now)
	valid := signRS256(t, good, "bookshop-local-1", claims)
	parts := strings.Split(valid, ".")
	edited := with(claims, map[string]any{"sub": "someone-else"})

	tests := []struct{ name, authorization string }{
		{"no header", ""},
		{"empty bearer", "Bearer "},
		{"malformed", "Bearer not-a-jwt"},
		{"two segments", "Bearer " + parts[0] + "." + parts[1]},
		{"basic scheme", "Basic " + base64.StdEncoding.EncodeToString([]byte("admin:secret"))},
		{"alg none", "Bearer " + unsigned(t, "bookshop-local-1", claims)},
		{"HS256 signed with the public key", "Bearer " + signHS256WithPublicKey(t, &good.PublicKey, "bookshop-local-1", claims)},
		{"unknown kid", "Bearer " + signRS256(t, good, "rotated-away", claims)},
		{"wrong key", "Bearer " + signRS256(t, stranger, "bookshop-local-1", claims)},
		{"expired", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"iat": now.Add(-3 * time.Hour).Unix(), "exp": now.Add(-2 * time.Hour).Unix()}))},
		{"not yet valid (nbf)", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"nbf": now.Add(time.Hour).Unix()}))},
		{"issued in the future", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"iat": now.Add(time.Hour).Unix()}))},
		{"no exp", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"exp": nil}))},
		{"wrong issuer", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other"}))},
		{"wrong client id", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"client_id": "another-app"}))},
		{"no token_use", "Bearer " + signRS256(t, good, "bookshop-local-1", with(claims, map[string]any{"token_use": nil}))},
		{"id token where an access token is required", "Bearer " + tokens.IDToken},
		{"stripped signature", "Bearer " + parts[0] + "." + parts[1] + "."},
		{"edited claims", "Bearer " + parts[0] + "." + segment(t, edited) + "." + parts[2]},
		{"signature of another token", "Bearer " + parts[0] + "." + parts[1] + "." + strings.Split(tokens.AccessToken, ".")[2]},
	}
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, nil), fn)
	// The genuine token passes, so the refusals below are the tampering's.
	if resp, body := do(t, authRequest(t, "POST", gw.URL+"/api/books", "Bearer "+valid)); resp.StatusCode != 200 {
		t.Fatalf("untampered token: %d %s", resp.StatusCode, body)
	}
	before := fn.Invocations()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := do(t, authRequest(t, "POST", gw.URL+"/api/books", tc.authorization))
			checkMessage(t, resp, body, http.StatusUnauthorized, "Unauthorized")
			if wa := resp.Header.Get("Www-Authenticate"); !strings.HasPrefix(wa, "Bearer") {
				t.Errorf("www-authenticate %q", wa)
			}
		})
	}
	if n := fn.Invocations() - before; n != 0 {
		t.Errorf("the function was invoked %d times for refused tokens", n)
	}
}

// TestPublicRoutesIgnoreTokens: routes without an authorizer (Authorizer:
// NONE, or an API without authorizers) invoke the function whatever token
// is sent, and never pass authorizer claims.
func TestPublicRoutesIgnoreTokens(t *testing.T) {
	iss := newIssuer(t)
	tokens := iss.signIn(t, "admin@example.com", app.AdminGroup)
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, nil), fn)
	plain := newGateway(t, func(c *emulator.Config) { c.Endpoints["CatalogFunction"] = []string{fn.URL} })
	for _, base := range []string{gw.URL, plain.URL} {
		for _, authorization := range []string{"", "Bearer " + tokens.AccessToken, "Bearer garbage"} {
			resp, body := do(t, authRequest(t, "GET", base+"/api/books", authorization))
			if resp.StatusCode != 200 {
				t.Fatalf("GET /api/books with %.20q: %d %s", authorization, resp.StatusCode, body)
			}
			payloads := fn.Payloads()
			if raw, ok := authorizerOf(t, payloads[len(payloads)-1]); ok {
				t.Errorf("a public route passed authorizer %s", raw)
			}
		}
	}
}

// TestJWTAuthorizerScopes: a route with AuthorizationScopes needs a token
// holding one of them (else 403 and no invocation) and then receives the
// token's scopes.
func TestJWTAuthorizerScopes(t *testing.T) {
	iss := newIssuer(t)
	good, _ := testKeys(t)
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, nil), fn)
	claims := iss.accessClaims(time.Now())

	resp, body := do(t, authRequest(t, "GET", gw.URL+"/api/reports", "Bearer "+signRS256(t, good, "bookshop-local-1", claims)))
	checkMessage(t, resp, body, http.StatusForbidden, "Forbidden")
	if wa := resp.Header.Get("Www-Authenticate"); !strings.Contains(wa, `error="insufficient_scope"`) || !strings.Contains(wa, "bookshop/reports") {
		t.Errorf("www-authenticate %q", wa)
	}
	if fn.Invocations() != 0 {
		t.Fatal("invoked without the scope")
	}

	scoped := with(claims, map[string]any{"scope": "openid bookshop/reports"})
	resp, body = do(t, authRequest(t, "GET", gw.URL+"/api/reports", "Bearer "+signRS256(t, good, "bookshop-local-1", scoped)))
	if resp.StatusCode != 200 || fn.Invocations() != 1 {
		t.Fatalf("%d %s", resp.StatusCode, body)
	}
	var ev events.APIGatewayV2HTTPRequest
	if err := json.Unmarshal(fn.Payloads()[0], &ev); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"openid", "bookshop/reports"}, ev.RequestContext.Authorizer.JWT.Scopes); diff != "" {
		t.Errorf("scopes (-want +got):\n%s", diff)
	}
}

// TestJWTAuthorizerWithoutIssuerFailsClosed: an authorizer the local stack
// configured no verifier for refuses every request and is reported.
func TestJWTAuthorizerWithoutIssuerFailsClosed(t *testing.T) {
	iss := newIssuer(t)
	tokens := iss.signIn(t, "admin@example.com", app.AdminGroup)
	fn := endpoint(t, echoResponse)
	tmpl, err := samtemplate.Load("testdata/auth-template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	gw, warnings, err := emulator.New(emulator.Config{Template: tmpl, Endpoints: map[string][]string{"ShopFunction": {fn.URL}}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(warnings, func(w string) bool { return strings.Contains(w, "CognitoAuthorizer") }) {
		t.Errorf("warnings do not name the unconfigured authorizer: %q", warnings)
	}
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	resp, body := do(t, authRequest(t, "POST", srv.URL+"/api/books", "Bearer "+tokens.AccessToken))
	checkMessage(t, resp, body, http.StatusUnauthorized, "Unauthorized")
	if fn.Invocations() != 0 {
		t.Error("invoked")
	}
}

// TestJWTAuthorizerJWKSUnreachable: when the keys cannot be fetched the
// request fails with 500, not with the function invoked.
func TestJWTAuthorizerJWKSUnreachable(t *testing.T) {
	iss := newIssuer(t)
	tokens := iss.signIn(t, "admin@example.com", app.AdminGroup)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	iss.jwksURL = dead.URL + "/local_pool/.well-known/jwks.json"
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, nil), fn)
	resp, body := do(t, authRequest(t, "POST", gw.URL+"/api/books", "Bearer "+tokens.AccessToken))
	checkMessage(t, resp, body, http.StatusInternalServerError, "Internal Server Error")
	if fn.Invocations() != 0 {
		t.Error("invoked")
	}
}

// TestJWTAuthorizerConfigurationErrors: verifiers or routes naming an
// authorizer the HTTP API does not declare are refused by New.
func TestJWTAuthorizerConfigurationErrors(t *testing.T) {
	iss := newIssuer(t)
	tmpl, err := samtemplate.Load("testdata/auth-template.yaml")
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = emulator.New(emulator.Config{Template: tmpl, Authorizers: map[string]emulator.TokenVerifier{"Typo": iss.verifier(t, nil)}})
	if err == nil || !strings.Contains(err.Error(), "Typo") {
		t.Errorf("verifier for an unknown authorizer: %v", err)
	}
	unknown, err := samtemplate.Parse([]byte(`
Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      PackageType: Image
      ImageUri: fn
      Events:
        Get: {Type: HttpApi, Properties: {Method: GET, Path: /x, PayloadFormatVersion: "2.0", Auth: {Authorizer: Missing}}}
`))
	if err != nil {
		t.Fatal(err)
	}
	_, _, err = emulator.New(emulator.Config{Template: unknown})
	if err == nil || !strings.Contains(err.Error(), "Missing") {
		t.Errorf("route naming an undeclared authorizer: %v", err)
	}
}

// TestJWTAuthorizerConcurrentRequests: concurrent requests, valid and
// forged, racing the first JWKS fetch each get their own verdict.
func TestJWTAuthorizerConcurrentRequests(t *testing.T) {
	iss := newIssuer(t)
	good, stranger := testKeys(t)
	claims := iss.accessClaims(time.Now())
	valid := "Bearer " + signRS256(t, good, "bookshop-local-1", claims)
	forged := "Bearer " + signRS256(t, stranger, "bookshop-local-1", claims)
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, nil), fn)
	const n = 32
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			authorization := valid
			if i%2 == 1 {
				authorization = forged
			}
			req, err := http.NewRequest("POST", gw.URL+"/api/books", strings.NewReader("{}"))
			if err != nil {
				return
			}
			req.Header.Set("Authorization", authorization)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	wg.Wait()
	for i, s := range statuses {
		want := http.StatusOK
		if i%2 == 1 {
			want = http.StatusUnauthorized
		}
		if s != want {
			t.Errorf("request %d: status %d, want %d", i, s, want)
		}
	}
	if fn.Invocations() != n/2 {
		t.Errorf("%d invocations, want %d", fn.Invocations(), n/2)
	}
}

// TestJWTAuthorizerEventConformance compares the event of a route behind the
// JWT authorizer with a golden API Gateway event (shaped like aws-lambda-go's
// events/testdata/apigw-v2-request-jwt-authorizer.json, with "scopes": null
// as API Gateway sends it for a route without authorization scopes).
func TestJWTAuthorizerEventConformance(t *testing.T) {
	iss := newIssuer(t)
	good, _ := testKeys(t)
	token := signRS256(t, good, "bookshop-local-1", iss.accessClaims(fixedNow))
	fn := endpoint(t, echoResponse)
	gw := newAuthGateway(t, iss.verifier(t, func() time.Time { return fixedNow }), fn)
	r := authRequest(t, "POST", gw.URL+"/api/books/01JDXK5V7Q/reviews", "Bearer "+token)
	r.Host = "localhost:8080"
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("User-Agent", "test")
	resp, body := do(t, r)
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	payload := normalizeSourceIP(t, fn.Payloads()[0])
	// The signature differs with every generated key.
	payload = []byte(strings.ReplaceAll(string(payload), token, "<token>"))
	compareGolden(t, "apigw-v2-jwt-authorizer.golden.json", payload)
}
