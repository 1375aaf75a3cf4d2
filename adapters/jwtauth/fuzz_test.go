package jwtauth_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/domain"
)

// staticJWKS answers every request with body, without a network.
type staticJWKS []byte

func (b staticJWKS) RoundTrip(*http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(string(b)))}, nil
}

func fuzzVerifier(tb testing.TB, jwks []byte) *jwtauth.Verifier {
	tb.Helper()
	v, err := jwtauth.New(jwtauth.Config{Issuer: issuer, Audience: []string{clientID}, JWKSURL: "https://keys.test/jwks.json",
		Now: func() time.Time { return now }, HTTPClient: &http.Client{Transport: staticJWKS(jwks)}})
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

func goodJWKS(tb testing.TB) []byte {
	good, _ := testKeys(tb)
	body, err := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{{Key: &good.PublicKey, KeyID: kid, Algorithm: "RS256", Use: "sig"}}})
	if err != nil {
		tb.Fatal(err)
	}
	return body
}

// checkRefusal fails unless err is a refusal of the token: an
// *InvalidTokenError that joins domain.ErrUnauthenticated.
func checkRefusal(t *testing.T, err error) {
	t.Helper()
	var invalid *jwtauth.InvalidTokenError
	if !errors.As(err, &invalid) || !errors.Is(err, domain.ErrUnauthenticated) {
		t.Fatalf("err = %T %v, want an *InvalidTokenError", err, err)
	}
}

// FuzzVerify sends arbitrary tokens (the bytes after "Bearer "): Verify
// never panics and refuses all but a well-signed valid token with an
// *InvalidTokenError. go test ./adapters/jwtauth -run '^$' -fuzz FuzzVerify$
func FuzzVerify(f *testing.F) {
	good, other := testKeys(f)
	valid := sign(f, good, jose.RS256, kid, accessClaims())
	f.Add(valid)
	f.Add(sign(f, other, jose.RS256, kid, accessClaims()))
	f.Add(sign(f, good, jose.RS256, "", accessClaims()))
	f.Add(sign(f, good, jose.RS256, kid, with(accessClaims(), "exp", "soon")))
	f.Add(b64(map[string]any{"alg": "none", "kid": kid}) + "." + b64(accessClaims()) + ".")
	f.Add(b64(map[string]any{"alg": "HS256", "kid": kid}) + "." + b64(accessClaims()) + ".c2ln")
	f.Add("a.b.c")
	f.Add("....")
	f.Add("")
	v := fuzzVerifier(f, goodJWKS(f))
	f.Fuzz(func(t *testing.T, token string) {
		claims, err := v.Verify(context.Background(), token)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		if claims["iss"] != issuer || claims["token_use"] != "access" || claims["client_id"] != clientID {
			t.Fatalf("accepted claims %v", claims)
		}
	})
}

// FuzzVerifyClaims signs arbitrary payloads with the trusted key, so the
// claim checks see every shape of JSON: they never panic, and accept only
// payloads with this issuer, an unexpired exp and this app client.
// go test ./adapters/jwtauth -run '^$' -fuzz FuzzVerifyClaims
func FuzzVerifyClaims(f *testing.F) {
	for _, c := range []map[string]any{accessClaims(), idClaims(), with(accessClaims(), "exp", 1e300),
		with(accessClaims(), "nbf", "x"), with(accessClaims(), "aud", []any{1, clientID}), with(accessClaims(), "cognito:groups", map[string]any{"a": nil})} {
		b, _ := json.Marshal(c)
		f.Add(b)
	}
	f.Add([]byte(`null`))
	f.Add([]byte(`{"exp":-9223372036854775809,"iss":"` + issuer + `"}`))
	good, _ := testKeys(f)
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: good}, (&jose.SignerOptions{}).WithHeader("kid", kid))
	if err != nil {
		f.Fatal(err)
	}
	v := fuzzVerifier(f, goodJWKS(f))
	f.Fuzz(func(t *testing.T, payload []byte) {
		jws, err := signer.Sign(payload)
		if err != nil {
			t.Fatal(err)
		}
		token, err := jws.CompactSerialize()
		if err != nil {
			t.Fatal(err)
		}
		claims, err := v.Verify(context.Background(), token)
		if err != nil {
			checkRefusal(t, err)
			return
		}
		if claims["iss"] != issuer || (claims["client_id"] != clientID && claims["token_use"] != "id") {
			t.Fatalf("accepted claims %v from %q", claims, payload)
		}
	})
}

// FuzzJWKS serves arbitrary key sets: fetching and parsing them never
// panics, and a token signed by the trusted key is either verified (the set
// holds its public key) or refused with an error.
// go test ./adapters/jwtauth -run '^$' -fuzz FuzzJWKS
func FuzzJWKS(f *testing.F) {
	f.Add(goodJWKS(f))
	f.Add([]byte(`{"keys":[]}`))
	f.Add([]byte(`{"keys":[{"kty":"RSA","kid":"key-1","n":"AQAB","e":"AQAB"}]}`))
	f.Add([]byte(`{"keys":[{"kty":"EC","kid":"key-1","crv":"P-256","x":"","y":""}]}`))
	f.Add([]byte(`{"keys":[{"kty":"oct","kid":"key-1","k":"c2VjcmV0"}]}`))
	f.Add([]byte(`[]`))
	good, _ := testKeys(f)
	token := sign(f, good, jose.RS256, kid, accessClaims())
	f.Fuzz(func(t *testing.T, jwks []byte) {
		_, _ = fuzzVerifier(t, jwks).Verify(context.Background(), token)
	})
}
