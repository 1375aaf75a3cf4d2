package localidp

import (
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// tokenSigner signs JWTs with RS256 and the KeyID header.
type tokenSigner struct {
	signer jose.Signer
	public jose.JSONWebKey
}

func newTokenSigner(key *rsa.PrivateKey) (*tokenSigner, error) {
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: key, KeyID: KeyID}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return nil, fmt.Errorf("signer: %w", err)
	}
	pub := jose.JSONWebKey{Key: &key.PublicKey, KeyID: KeyID, Algorithm: string(jose.RS256), Use: "sig"}
	return &tokenSigner{signer: s, public: pub}, nil
}

func (s *tokenSigner) sign(claims map[string]any) (string, error) {
	tok, err := jwt.Signed(s.signer).Claims(claims).Serialize()
	if err != nil {
		return "", fmt.Errorf("localidp: sign token: %w", err)
	}
	return tok, nil
}

// JWKS returns the public signing keys.
func (p *Provider) JWKS() jose.JSONWebKeySet {
	return jose.JSONWebKeySet{Keys: []jose.JSONWebKey{p.signer.public}}
}

// Handler serves, under any prefix, the paths a Cognito user pool serves
// under its issuer URL: /.well-known/jwks.json (the public keys) and
// /.well-known/openid-configuration. Mount it at the issuer's path.
func (p *Provider) Handler() http.Handler {
	jwks, _ := json.Marshal(p.JWKS()) // an RSA public key always marshals
	oidc, _ := json.Marshal(map[string]any{
		"issuer":                                p.opts.Issuer,
		"jwks_uri":                              p.opts.Issuer + "/.well-known/jwks.json",
		"id_token_signing_alg_values_supported": []string{string(jose.RS256)},
		"subject_types_supported":               []string{"public"},
		"response_types_supported":              []string{"code", "token"},
		"scopes_supported":                      []string{"openid", "email", "aws.cognito.signin.user.admin"},
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body []byte
		switch {
		case strings.HasSuffix(r.URL.Path, "/.well-known/jwks.json"):
			body = jwks
		case strings.HasSuffix(r.URL.Path, "/.well-known/openid-configuration"):
			body = oidc
		default:
			http.NotFound(w, r)
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "public, max-age=3600")
		_, _ = w.Write(body)
	})
}
