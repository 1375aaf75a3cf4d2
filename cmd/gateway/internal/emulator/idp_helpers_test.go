package emulator_test

import (
	"context"
	"crypto"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/app"
)

// localIssuer is the tokens' iss, built like cognito-local's from its
// listen address; the JWKS is served elsewhere (an httptest server), as in
// the local stack where the gateway reaches cognito by its service name.
const localIssuer = "http://0.0.0.0:9229/local_pool"

// keys are generated once per test binary: RSA generation is slow.
var (
	keysOnce                sync.Once
	signingKey, strangerKey *rsa.PrivateKey
)

func testKeys(t testing.TB) (good, other *rsa.PrivateKey) {
	t.Helper()
	keysOnce.Do(func() {
		signingKey, _ = rsa.GenerateKey(rand.Reader, 2048)
		strangerKey, _ = rsa.GenerateKey(rand.Reader, 2048)
	})
	if signingKey == nil || strangerKey == nil {
		t.Fatal("RSA key generation failed")
	}
	return signingKey, strangerKey
}

// issuerFixture is a localidp user pool whose JWKS is served over HTTP.
type issuerFixture struct {
	idp     *localidp.Provider
	key     *rsa.PrivateKey
	jwksURL string
}

func newIssuer(t testing.TB) *issuerFixture {
	t.Helper()
	key, _ := testKeys(t)
	idp, err := localidp.New(localidp.Options{Issuer: localIssuer, Key: key, BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/local_pool/", idp.Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &issuerFixture{idp: idp, key: key, jwksURL: srv.URL + "/local_pool/.well-known/jwks.json"}
}

// verifier returns a verifier configured as the gateway's would be, with
// the given clock (nil: time.Now).
func (f *issuerFixture) verifier(t testing.TB, now func() time.Time) *jwtauth.Verifier {
	t.Helper()
	v, err := jwtauth.New(jwtauth.Config{Issuer: localIssuer, Audience: []string{f.idp.ClientID()}, JWKSURL: f.jwksURL, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// signIn creates a confirmed user in groups and returns its tokens.
func (f *issuerFixture) signIn(t testing.TB, email string, groups ...string) app.Tokens {
	t.Helper()
	ctx := context.Background()
	const password = "Corr3ct-horse-battery"
	if _, err := f.idp.SignUp(ctx, email, password); err != nil {
		t.Fatal(err)
	}
	if err := f.idp.AdminConfirm(ctx, email); err != nil {
		t.Fatal(err)
	}
	for _, g := range groups {
		if err := f.idp.AddToGroup(ctx, email, g); err != nil {
			t.Fatal(err)
		}
	}
	tokens, err := f.idp.SignIn(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	return tokens
}

// accessClaims are the claims of a valid access token issued at now.
func (f *issuerFixture) accessClaims(now time.Time) map[string]any {
	return map[string]any{
		"sub": "5f1c3a2e-0000-4000-8000-000000000001", "iss": localIssuer, "client_id": f.idp.ClientID(),
		"token_use": "access", "scope": "aws.cognito.signin.user.admin", "auth_time": now.Unix(),
		"iat": now.Unix(), "exp": now.Add(time.Hour).Unix(), "jti": "jti-1",
		"username": "5f1c3a2e-0000-4000-8000-000000000001", "cognito:groups": []string{app.AdminGroup},
	}
}

// signRS256 signs claims with key under the header kid.
func signRS256(t testing.TB, key *rsa.PrivateKey, kid string, claims map[string]any) string {
	t.Helper()
	signingInput := segment(t, map[string]any{"alg": "RS256", "kid": kid, "typ": "JWT"}) + "." + segment(t, claims)
	digest := sha256.Sum256([]byte(signingInput))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, digest[:])
	if err != nil {
		t.Fatal(err)
	}
	return signingInput + "." + base64.RawURLEncoding.EncodeToString(sig)
}

// signHS256WithPublicKey is the algorithm-confusion attack: an HMAC keyed
// with the issuer's public key, which a naive verifier would accept.
func signHS256WithPublicKey(t testing.TB, pub *rsa.PublicKey, kid string, claims map[string]any) string {
	t.Helper()
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	signingInput := segment(t, map[string]any{"alg": "HS256", "kid": kid, "typ": "JWT"}) + "." + segment(t, claims)
	mac := hmac.New(sha256.New, der)
	mac.Write([]byte(signingInput))
	return signingInput + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// unsigned returns an "alg": "none" token.
func unsigned(t testing.TB, kid string, claims map[string]any) string {
	t.Helper()
	return segment(t, map[string]any{"alg": "none", "kid": kid, "typ": "JWT"}) + "." + segment(t, claims) + "."
}

func segment(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// with returns a copy of claims with changes applied; a nil value deletes.
func with(claims map[string]any, changes map[string]any) map[string]any {
	out := make(map[string]any, len(claims))
	for k, v := range claims {
		out[k] = v
	}
	for k, v := range changes {
		if v == nil {
			delete(out, k)
			continue
		}
		out[k] = v
	}
	return out
}
