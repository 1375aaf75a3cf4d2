package main

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/localidp"
)

// testKeys are RSA keys made once per test binary: the identity provider's
// signing key and an unrelated one.
var testKeys = sync.OnceValues(func() (*rsa.PrivateKey, *rsa.PrivateKey) {
	idp, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	other, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		panic(err)
	}
	return idp, other
})

// embedded is a running embedded server.
type embedded struct {
	url string
	cfg config
	srv *server
}

// startEmbedded starts the embedded mode over a real listener, with a known
// signing key and cheap password hashing.
func startEmbedded(t testing.TB, env map[string]string) embedded {
	t.Helper()
	return startEmbeddedBehind(t, env, nil)
}

// startEmbeddedBehind is startEmbedded with the server's handler wrapped by
// wrap (none when nil), e.g. to make the API fail on purpose.
func startEmbeddedBehind(t testing.TB, env map[string]string, wrap func(http.Handler) http.Handler) embedded {
	t.Helper()
	if env == nil {
		env = map[string]string{}
	}
	if _, ok := env["LOG_LEVEL"]; !ok {
		env["LOG_LEVEL"] = "error"
	}
	cfg, err := configFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	cfg.IdentityKey, _ = testKeys()
	cfg.BcryptCost = bcrypt.MinCost
	ts := httptest.NewUnstartedServer(nil)
	cfg.PublicURL = "http://" + ts.Listener.Addr().String()
	srv, err := initializeServer(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv.handler
	if wrap != nil {
		ts.Config.Handler = wrap(srv.handler)
	}
	ts.Start()
	t.Cleanup(ts.Close)
	return embedded{url: ts.URL, cfg: cfg, srv: srv}
}

// call sends a JSON request, with a bearer token unless token is "", and
// returns the status and body.
func (e embedded) call(t *testing.T, method, path, token, body string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, e.url+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// tokens are what POST /api/auth/login returns.
type tokens struct {
	AccessToken string `json:"accessToken"`
	IDToken     string `json:"idToken"`
}

// login signs in through the API.
func (e embedded) login(t *testing.T, email, password string) tokens {
	t.Helper()
	status, body := e.call(t, "POST", "/api/auth/login", "", fmt.Sprintf(`{"email":%q,"password":%q}`, email, password))
	if status != 200 {
		t.Fatalf("login %s: %d %s", email, status, body)
	}
	var tok tokens
	if err := json.Unmarshal([]byte(body), &tok); err != nil || tok.AccessToken == "" || tok.IDToken == "" {
		t.Fatalf("login body %s: %v", body, err)
	}
	return tok
}

// adminToken signs the start-up administrator in.
func (e embedded) adminToken(t *testing.T) string {
	t.Helper()
	return e.login(t, e.cfg.AdminEmail, e.cfg.AdminPassword).AccessToken
}

// register creates and confirms an account through the API, reading the
// confirmation code from the identity provider as the user would from the
// email, and signs it in.
func (e embedded) register(t *testing.T, email, password string) tokens {
	t.Helper()
	return e.registerNamed(t, email, password, "")
}

// registerNamed signs a confirmed user up with a display name ("" for the
// default, the email's local part) and signs them in.
func (e embedded) registerNamed(t *testing.T, email, password, name string) tokens {
	t.Helper()
	body := fmt.Sprintf(`{"email":%q,"password":%q}`, email, password)
	if name != "" {
		body = fmt.Sprintf(`{"email":%q,"password":%q,"name":%q}`, email, password, name)
	}
	if status, body := e.call(t, "POST", "/api/auth/register", "", body); status != 201 && status != 200 {
		t.Fatalf("register: %d %s", status, body)
	}
	code, ok := e.srv.idp.ConfirmationCode(email)
	if !ok {
		t.Fatalf("no confirmation code for %s", email)
	}
	if status, body := e.call(t, "POST", "/api/auth/confirm", "", fmt.Sprintf(`{"email":%q,"code":%q}`, email, code)); status/100 != 2 {
		t.Fatalf("confirm: %d %s", status, body)
	}
	return e.login(t, email, password)
}

const newBook = `{"title":"Kindred","author":"Octavia E. Butler","category":"Science Fiction","priceCents":1499,"stock":4}`

// TestSignedInRoles registers a user through the API and signs in the
// start-up administrator: the admin creates a book (201), the user is
// refused (403 problem), an anonymous caller too (the authorizer's 401); reading
// stays public.
func TestSignedInRoles(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	reader := e.register(t, "reader@example.com", "Reader-pass-1")
	admin := e.adminToken(t)

	if status, body := e.call(t, "POST", "/api/books", admin, newBook); status != 201 {
		t.Fatalf("create as admin: %d %s", status, body)
	}
	status, body := e.call(t, "POST", "/api/books", reader.AccessToken, newBook)
	if status != 403 || !strings.Contains(body, `"type":"https://bookshop.example/problems/forbidden"`) {
		t.Fatalf("create as a reader: %d %s; want a 403 forbidden problem", status, body)
	}
	// The route is behind the authorizer: as on API Gateway, no token is its 401.
	status, body = e.call(t, "POST", "/api/books", "", newBook)
	if status != 401 || body != `{"message":"Unauthorized"}` {
		t.Fatalf("create anonymously: %d %s; want the authorizer's 401", status, body)
	}
	status, body = e.call(t, "GET", "/api/books", "", "")
	if status != 200 || strings.Count(body, `"id"`) != 1 {
		t.Fatalf("list anonymously: %d %s; want the admin's one book", status, body)
	}
	if status, _ := e.call(t, "GET", "/api/books", reader.AccessToken, ""); status != 200 {
		t.Fatalf("list as a reader: %d", status)
	}
}

// TestAdminFromEnvironment: BOOKSHOP_ADMIN_EMAIL and BOOKSHOP_ADMIN_PASSWORD
// name the start-up administrator; a weak password stops start-up.
func TestAdminFromEnvironment(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false", "BOOKSHOP_ADMIN_EMAIL": "Boss@Example.com", "BOOKSHOP_ADMIN_PASSWORD": "Other-pass-2"})
	tok := e.login(t, "boss@example.com", "Other-pass-2")
	if status, body := e.call(t, "POST", "/api/books", tok.AccessToken, newBook); status != 201 {
		t.Fatalf("create as the configured admin: %d %s", status, body)
	}
	if status, _ := e.call(t, "POST", "/api/auth/login", "", `{"email":"admin@bookshop.local","password":"Bookshop-local-1"}`); status == 200 {
		t.Fatal("the default administrator exists although another was configured")
	}

	cfg, err := configFromEnv(func(k string) string {
		return map[string]string{"BOOKSHOP_ADMIN_PASSWORD": "weak", "LOG_LEVEL": "error"}[k]
	})
	if err != nil {
		t.Fatal(err)
	}
	cfg.BcryptCost = bcrypt.MinCost
	if _, err := initializeServer(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "BOOKSHOP_ADMIN_PASSWORD") {
		t.Fatalf("weak admin password: %v; want a start-up error naming BOOKSHOP_ADMIN_PASSWORD", err)
	}
}

// forge signs claims as a JWS with the given algorithm, key and kid.
func forge(t *testing.T, alg jose.SignatureAlgorithm, key any, kid string, claims map[string]any) string {
	t.Helper()
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if kid != "" {
		opts = opts.WithHeader("kid", kid)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.Signed(signer).Claims(claims).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// unsigned builds header.payload. with the given header and claims.
func unsigned(t *testing.T, header, claims map[string]any) string {
	t.Helper()
	h, _ := json.Marshal(header)
	c, _ := json.Marshal(claims)
	return base64.RawURLEncoding.EncodeToString(h) + "." + base64.RawURLEncoding.EncodeToString(c) + "."
}

// hs256 signs header.payload with HMAC-SHA256 under secret, by hand, since
// a library refuses to use an RSA public key as an HMAC secret.
func hs256(t *testing.T, header, claims map[string]any, secret []byte) string {
	t.Helper()
	in := strings.TrimSuffix(unsigned(t, header, claims), ".")
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(in))
	return in + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// with returns a copy of claims with changes applied (nil deletes).
func with(claims map[string]any, changes map[string]any) map[string]any {
	out := make(map[string]any, len(claims))
	for k, v := range claims {
		out[k] = v
	}
	for k, v := range changes {
		if v == nil {
			delete(out, k)
		} else {
			out[k] = v
		}
	}
	return out
}

// TestTamperedTokensAreRefused sends POST /api/books with tokens an attacker
// could make, each aiming at administrator rights: every one is answered
// 401 {"message":"Unauthorized"} by the authorizer, as API Gateway answers,
// and no book is created. A control token forged with the real key and
// correct claims is accepted, so each refusal is due to its one defect.
func TestTamperedTokensAreRefused(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	idpKey, otherKey := testKeys()
	reader := e.register(t, "mallory@example.com", "Mallory-pass-1")
	now := time.Now()
	admin := map[string]any{
		"sub": "forged-admin", "iss": e.cfg.PublicURL + authPath, "client_id": localidp.DefaultClientID, "token_use": "access",
		"scope": "aws.cognito.signin.user.admin", "cognito:groups": []string{"admin"}, "username": "forged-admin",
		"auth_time": now.Unix(), "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "jti": "j1",
	}
	rs256 := func(claims map[string]any) string { return forge(t, jose.RS256, idpKey, localidp.KeyID, claims) }
	pubDER, err := x509.MarshalPKIXPublicKey(&idpKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	pubPEM := "-----BEGIN PUBLIC KEY-----\n" + base64.StdEncoding.EncodeToString(pubDER) + "\n-----END PUBLIC KEY-----\n"
	readerParts := strings.Split(reader.AccessToken, ".")
	var readerClaims map[string]any
	payload, _ := base64.RawURLEncoding.DecodeString(readerParts[1])
	if err := json.Unmarshal(payload, &readerClaims); err != nil {
		t.Fatal(err)
	}
	elevated, _ := json.Marshal(with(readerClaims, map[string]any{"cognito:groups": []string{"admin"}}))

	if status, body := e.call(t, "POST", "/api/books", rs256(admin), newBook); status != 201 {
		t.Fatalf("control: a well-formed token signed with the real key got %d %s", status, body)
	}
	cases := []struct{ name, token string }{
		{"alg none", unsigned(t, map[string]any{"alg": "none", "typ": "JWT", "kid": localidp.KeyID}, admin)},
		{"HS256 signed with the public key (PEM)", hs256(t, map[string]any{"alg": "HS256", "typ": "JWT", "kid": localidp.KeyID}, admin, []byte(pubPEM))},
		{"HS256 signed with the public key (DER)", hs256(t, map[string]any{"alg": "HS256", "typ": "JWT", "kid": localidp.KeyID}, admin, pubDER)},
		{"RS384 with the real key", forge(t, jose.RS384, idpKey, localidp.KeyID, admin)},
		{"unknown kid", forge(t, jose.RS256, idpKey, "rotated-away", admin)},
		{"no kid", forge(t, jose.RS256, idpKey, "", admin)},
		{"wrong key", forge(t, jose.RS256, otherKey, localidp.KeyID, admin)},
		{"expired", rs256(with(admin, map[string]any{"iat": now.Add(-2 * time.Hour).Unix(), "exp": now.Add(-time.Hour).Unix()}))},
		{"no exp", rs256(with(admin, map[string]any{"exp": nil}))},
		{"nbf in the future", rs256(with(admin, map[string]any{"nbf": now.Add(time.Hour).Unix()}))},
		{"iat in the future", rs256(with(admin, map[string]any{"iat": now.Add(time.Hour).Unix()}))},
		{"wrong issuer", rs256(with(admin, map[string]any{"iss": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Evil"}))},
		{"issuer with a trailing slash", rs256(with(admin, map[string]any{"iss": e.cfg.PublicURL + authPath + "/"}))},
		{"wrong client id", rs256(with(admin, map[string]any{"client_id": "some-other-app"}))},
		{"no token_use", rs256(with(admin, map[string]any{"token_use": nil}))},
		{"id token where an access token is required", reader.IDToken},
		{"forged id token", rs256(with(admin, map[string]any{"token_use": "id", "aud": localidp.DefaultClientID, "client_id": nil}))},
		{"stripped signature", readerParts[0] + "." + readerParts[1] + "."},
		{"edited claims (groups added)", readerParts[0] + "." + base64.RawURLEncoding.EncodeToString(elevated) + "." + readerParts[2]},
		{"signature of another token", strings.Join(strings.Split(rs256(admin), ".")[:2], ".") + "." + readerParts[2]},
		{"malformed", "not-a-jwt"},
		{"two segments", readerParts[0] + "." + readerParts[1]},
		{"garbage base64", "!!!.???.***"},
		{"oversized", rs256(with(admin, map[string]any{"pad": strings.Repeat("a", 20<<10)}))},
	}
	var report bytes.Buffer
	fmt.Fprintf(&report, "%-44s %s\n", "tampered token", "POST /api/books")
	for _, tc := range cases {
		status, body := e.call(t, "POST", "/api/books", tc.token, newBook)
		fmt.Fprintf(&report, "%-44s %d %s\n", tc.name, status, body)
		if status != 401 || body != `{"message":"Unauthorized"}` {
			t.Errorf("%s: %d %s; want 401 {\"message\":\"Unauthorized\"}", tc.name, status, body)
		}
	}
	t.Logf("%d tampered tokens:\n%s", len(cases), report.String())
	if status, body := e.call(t, "GET", "/api/books", "", ""); status != 200 || strings.Count(body, `"id"`) != 1 {
		t.Fatalf("after the attempts: %d %s; want only the control book", status, body)
	}
}

// postAsAdmin signs the start-up administrator in through the API and posts
// a JSON body with its access token, as the shop's admin page does.
func postAsAdmin(t *testing.T, baseURL string, cfg config, path string, body io.Reader) (*http.Response, error) {
	t.Helper()
	e := embedded{url: baseURL, cfg: cfg}
	req, err := http.NewRequest("POST", baseURL+path, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+e.adminToken(t))
	return http.DefaultClient.Do(req)
}

// TestAuthorizerUnderConcurrency sends admin and forged tokens from many
// goroutines at once: every admin request creates a book, every forged one
// is refused, and the race detector sees the shared verifier and provider.
func TestAuthorizerUnderConcurrency(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	_, otherKey := testKeys()
	admin := e.adminToken(t)
	forged := forge(t, jose.RS256, otherKey, localidp.KeyID, map[string]any{
		"sub": "x", "iss": e.cfg.PublicURL + authPath, "client_id": localidp.DefaultClientID, "token_use": "access",
		"cognito:groups": []string{"admin"}, "exp": time.Now().Add(time.Hour).Unix(),
	})
	const n = 16
	statuses := make([]int, 2*n)
	var wg sync.WaitGroup
	for i := range 2 * n {
		wg.Go(func() {
			tok := admin
			if i%2 == 1 {
				tok = forged
			}
			req, _ := http.NewRequest("POST", e.url+"/api/books", strings.NewReader(newBook))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+tok)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			statuses[i] = resp.StatusCode
		})
	}
	wg.Wait()
	for i, s := range statuses {
		if want := []int{201, 401}[i%2]; s != want {
			t.Errorf("request %d: %d, want %d", i, s, want)
		}
	}
	if status, body := e.call(t, "GET", "/api/books?limit=100", "", ""); status != 200 || strings.Count(body, `"id"`) != n {
		t.Fatalf("listed %d books (%d), want %d", strings.Count(body, `"id"`), status, n)
	}
}
