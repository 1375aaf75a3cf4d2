package jwtauth_test

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

const (
	issuer   = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Test"
	clientID = "client-123"
	kid      = "key-1"
)

var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// keys are generated once: RSA generation is slow.
var (
	keysOnce          sync.Once
	goodKey, otherKey *rsa.PrivateKey
)

func testKeys(t testing.TB) (*rsa.PrivateKey, *rsa.PrivateKey) {
	t.Helper()
	keysOnce.Do(func() {
		goodKey, _ = rsa.GenerateKey(rand.Reader, 2048)
		otherKey, _ = rsa.GenerateKey(rand.Reader, 2048)
	})
	return goodKey, otherKey
}

// jwksServer serves the public key of good under kid and counts fetches.
func jwksServer(t testing.TB, good *rsa.PrivateKey) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	var fetches atomic.Int32
	set := jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &good.PublicKey, KeyID: kid, Algorithm: "RS256", Use: "sig"}}}
	body, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, &fetches
}

func newVerifier(t testing.TB, jwksURL string, clock func() time.Time) *jwtauth.Verifier {
	t.Helper()
	v, err := jwtauth.New(jwtauth.Config{Issuer: issuer, Audience: []string{clientID}, JWKSURL: jwksURL, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// accessClaims are a Cognito access token's claims, valid at now.
func accessClaims() map[string]any {
	return map[string]any{
		"sub": "5f0c-user", "iss": issuer, "client_id": clientID, "token_use": "access",
		"scope": "aws.cognito.signin.user.admin", "auth_time": now.Unix() - 60, "iat": now.Unix() - 60,
		"exp": now.Unix() + 3600, "jti": "jti-1", "username": "5f0c-user", "cognito:groups": []string{"admin", "editors"},
	}
}

func idClaims() map[string]any {
	c := accessClaims()
	delete(c, "client_id")
	delete(c, "scope")
	c["token_use"], c["aud"], c["email"], c["email_verified"] = "id", clientID, "reader@example.com", true
	return c
}

func sign(t testing.TB, key any, alg jose.SignatureAlgorithm, keyID string, claims map[string]any) string {
	t.Helper()
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if keyID != "" {
		opts = opts.WithHeader("kid", keyID)
	}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts)
	if err != nil {
		t.Fatal(err)
	}
	tok, err := jwt.Signed(s).Claims(claims).Serialize()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func with(c map[string]any, k string, v any) map[string]any {
	c[k] = v
	return c
}

func b64(v any) string {
	b, _ := json.Marshal(v)
	return base64.RawURLEncoding.EncodeToString(b)
}

func TestVerifyRejectsTamperedTokens(t *testing.T) {
	good, other := testKeys(t)
	srv, _ := jwksServer(t, good)
	valid := sign(t, good, jose.RS256, kid, accessClaims())
	parts := strings.Split(valid, ".")
	pubDER, err := x509.MarshalPKIXPublicKey(&good.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	hsWithPublicKey := func() string {
		s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.HS256, Key: pubDER},
			(&jose.SignerOptions{}).WithHeader("kid", kid))
		if err != nil {
			t.Fatal(err)
		}
		tok, err := jwt.Signed(s).Claims(accessClaims()).Serialize()
		if err != nil {
			t.Fatal(err)
		}
		return tok
	}

	tests := []struct {
		name  string
		token string
	}{
		{"alg none", b64(map[string]string{"alg": "none", "kid": kid, "typ": "JWT"}) + "." + b64(accessClaims()) + "."},
		{"alg none with signature kept", b64(map[string]string{"alg": "none", "kid": kid}) + "." + parts[1] + "." + parts[2]},
		{"HS256 signed with the public key", hsWithPublicKey()},
		{"header alg switched to HS256", b64(map[string]string{"alg": "HS256", "kid": kid}) + "." + parts[1] + "." + parts[2]},
		{"unknown kid", sign(t, good, jose.RS256, "key-2", accessClaims())},
		{"no kid", sign(t, good, jose.RS256, "", accessClaims())},
		{"signed with another key", sign(t, other, jose.RS256, kid, accessClaims())},
		{"expired", sign(t, good, jose.RS256, kid, with(accessClaims(), "exp", now.Unix()-120))},
		{"no exp", func() string { c := accessClaims(); delete(c, "exp"); return sign(t, good, jose.RS256, kid, c) }()},
		{"nbf in the future", sign(t, good, jose.RS256, kid, with(accessClaims(), "nbf", now.Unix()+600))},
		{"iat in the future", sign(t, good, jose.RS256, kid, with(accessClaims(), "iat", now.Unix()+600))},
		{"wrong issuer", sign(t, good, jose.RS256, kid, with(accessClaims(), "iss", issuer+"x"))},
		{"issuer with trailing slash", sign(t, good, jose.RS256, kid, with(accessClaims(), "iss", issuer+"/"))},
		{"wrong client id", sign(t, good, jose.RS256, kid, with(accessClaims(), "client_id", "someone-else"))},
		{"access token with aud but wrong client id", sign(t, good, jose.RS256, kid,
			with(with(accessClaims(), "client_id", "other"), "aud", clientID))},
		{"id token where access required", sign(t, good, jose.RS256, kid, idClaims())},
		{"no token_use", func() string { c := accessClaims(); delete(c, "token_use"); return sign(t, good, jose.RS256, kid, c) }()},
		{"stripped signature", parts[0] + "." + parts[1] + "."},
		{"edited claims, signature kept", parts[0] + "." + b64(with(accessClaims(), "cognito:groups", []string{"admin", "root"})) + "." + parts[2]},
		{"edited header, signature kept", b64(map[string]string{"alg": "RS256", "kid": kid, "typ": "at+jwt"}) + "." + parts[1] + "." + parts[2]},
		{"malformed: two segments", parts[0] + "." + parts[1]},
		{"malformed: garbage", "not-a-token"},
		{"malformed: bad base64", parts[0] + ".!!!." + parts[2]},
		{"empty", ""},
		{"JSON serialization", `{"payload":"` + parts[1] + `","protected":"` + parts[0] + `","signature":"` + parts[2] + `"}`},
	}
	v := newVerifier(t, srv.URL, func() time.Time { return now })
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, err := v.Verify(context.Background(), tt.token)
			if err == nil {
				t.Fatalf("Verify accepted the token: claims %v", claims)
			}
			if !errors.Is(err, domain.ErrUnauthenticated) {
				t.Errorf("error %v does not join domain.ErrUnauthenticated", err)
			}
			var ite *jwtauth.InvalidTokenError
			if !errors.As(err, &ite) {
				t.Errorf("error %T is not an *InvalidTokenError", err)
			}
		})
	}
}

func TestVerifyAcceptsValidTokens(t *testing.T) {
	good, _ := testKeys(t)
	srv, _ := jwksServer(t, good)
	clock := func() time.Time { return now }

	t.Run("access token", func(t *testing.T) {
		v := newVerifier(t, srv.URL, clock)
		claims, err := v.VerifyBearer(context.Background(), "Bearer "+sign(t, good, jose.RS256, kid, accessClaims()))
		if err != nil {
			t.Fatal(err)
		}
		want := jwtauth.Claims{
			"sub": "5f0c-user", "iss": issuer, "client_id": clientID, "token_use": "access",
			"scope": "aws.cognito.signin.user.admin", "auth_time": strconv.FormatInt(now.Unix()-60, 10), "iat": strconv.FormatInt(now.Unix()-60, 10),
			"exp": strconv.FormatInt(now.Unix()+3600, 10), "jti": "jti-1", "username": "5f0c-user", "cognito:groups": "[admin editors]",
		}
		if diff := cmp.Diff(want, claims); diff != "" {
			t.Errorf("claims (-want +got):\n%s", diff)
		}
	})
	t.Run("expired within leeway", func(t *testing.T) {
		v := newVerifier(t, srv.URL, clock)
		if _, err := v.Verify(context.Background(), sign(t, good, jose.RS256, kid, with(accessClaims(), "exp", now.Unix()-5))); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("id token when configured", func(t *testing.T) {
		v, err := jwtauth.New(jwtauth.Config{Issuer: issuer, Audience: []string{"other", clientID}, JWKSURL: srv.URL,
			TokenUse: jwtauth.TokenUseID, Now: clock})
		if err != nil {
			t.Fatal(err)
		}
		claims, err := v.Verify(context.Background(), sign(t, good, jose.RS256, kid, idClaims()))
		if err != nil {
			t.Fatal(err)
		}
		if claims["email"] != "reader@example.com" || claims["email_verified"] != "true" || claims["aud"] != clientID {
			t.Errorf("claims = %v", claims)
		}
	})
}

func TestUnknownKidRefetchesAtMostOncePerInterval(t *testing.T) {
	good, _ := testKeys(t)
	srv, fetches := jwksServer(t, good)
	clock := apptest.NewClock(now)
	v := newVerifier(t, srv.URL, clock.Now)
	unknown := sign(t, good, jose.RS256, "rotated-key", accessClaims())

	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := v.Verify(context.Background(), unknown); err == nil {
				t.Error("unknown kid accepted")
			}
		})
	}
	wg.Wait()
	if n := fetches.Load(); n != 1 {
		t.Fatalf("20 concurrent unknown-kid tokens caused %d JWKS fetches, want 1", n)
	}
	if _, err := v.Verify(context.Background(), sign(t, good, jose.RS256, kid, accessClaims())); err != nil {
		t.Fatalf("known kid after refetch: %v", err)
	}
	if n := fetches.Load(); n != 1 {
		t.Fatalf("a known kid caused a fetch: %d fetches", n)
	}
	clock.Set(now.Add(jwtauth.DefaultRefetchInterval + time.Second))
	_, _ = v.Verify(context.Background(), unknown)
	if n := fetches.Load(); n != 2 {
		t.Fatalf("after the interval: %d fetches, want 2", n)
	}
}

func TestJWKSUnavailableIsNotAnAuthenticationFailure(t *testing.T) {
	good, _ := testKeys(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	v := newVerifier(t, srv.URL, func() time.Time { return now })
	_, err := v.Verify(context.Background(), sign(t, good, jose.RS256, kid, accessClaims()))
	if err == nil || errors.Is(err, domain.ErrUnauthenticated) {
		t.Fatalf("err = %v; want a server-side error that is not ErrUnauthenticated", err)
	}
}

func TestNewRejectsIncompleteConfig(t *testing.T) {
	for name, cfg := range map[string]jwtauth.Config{
		"no issuer":     {Audience: []string{clientID}},
		"no audience":   {Issuer: issuer},
		"bad token_use": {Issuer: issuer, Audience: []string{clientID}, TokenUse: "refresh"},
		"bad JWKS URL":  {Issuer: issuer, Audience: []string{clientID}, JWKSURL: "file:///etc/passwd"},
	} {
		if _, err := jwtauth.New(cfg); err == nil {
			t.Errorf("%s: New accepted %+v", name, cfg)
		}
	}
}
