package jwtauth

import (
	"bytes"
	"cmp"
	"context"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/bookshop/bookshop/domain"
)

// Defaults of Config.
const (
	// DefaultLeeway is the clock skew tolerated on exp, nbf and iat.
	DefaultLeeway = 30 * time.Second
	// DefaultRefetchInterval is the least time between two JWKS fetches
	// caused by unknown key ids.
	DefaultRefetchInterval = time.Minute
	// TokenUseAccess and TokenUseID are the token_use values Cognito sets.
	TokenUseAccess = "access"
	TokenUseID     = "id"
	// maxJWKSBytes bounds a JWKS response.
	maxJWKSBytes = 1 << 20
	// maxTokenBytes bounds a token; larger ones are refused unparsed.
	maxTokenBytes = 16 << 10
)

// Config is what API Gateway's JWT authorizer is configured with.
type Config struct {
	// Issuer must equal the tokens' "iss" exactly, e.g.
	// https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC.
	Issuer string
	// Audience lists the accepted app client ids.
	Audience []string
	// JWKSURL is where the signing keys are; default Issuer +
	// "/.well-known/jwks.json".
	JWKSURL string
	// TokenUse is the required token_use: TokenUseAccess (default) or
	// TokenUseID; "*" accepts both.
	TokenUse string
	// Leeway tolerates clock skew; default DefaultLeeway.
	Leeway time.Duration
	// RefetchInterval bounds JWKS fetches on unknown key ids; default
	// DefaultRefetchInterval.
	RefetchInterval time.Duration
	// HTTPClient fetches the JWKS; default a client with a 10 s timeout.
	HTTPClient *http.Client
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// Claims are a verified token's claims as API Gateway passes them in
// requestContext.authorizer.jwt.claims: strings as they are, numbers and
// booleans in their JSON form, lists as "[a b]", objects as JSON.
type Claims map[string]string

// Verifier checks bearer tokens. It is safe for concurrent use.
type Verifier struct {
	cfg Config

	mu        sync.Mutex
	keys      map[string]*rsa.PublicKey
	fetchedAt time.Time // zero: never fetched
}

// New returns a verifier for cfg. It does not fetch the keys yet.
func New(cfg Config) (*Verifier, error) {
	if cfg.Issuer == "" {
		return nil, errors.New("jwtauth.New: Issuer is required")
	}
	if len(cfg.Audience) == 0 {
		return nil, errors.New("jwtauth.New: Audience needs at least one app client id")
	}
	cfg.JWKSURL = cmp.Or(cfg.JWKSURL, strings.TrimSuffix(cfg.Issuer, "/")+"/.well-known/jwks.json")
	if u, err := url.Parse(cfg.JWKSURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, fmt.Errorf("jwtauth.New: JWKSURL %q is not an http(s) URL", cfg.JWKSURL)
	}
	switch cfg.TokenUse {
	case "":
		cfg.TokenUse = TokenUseAccess
	case TokenUseAccess, TokenUseID, "*":
	default:
		return nil, fmt.Errorf("jwtauth.New: TokenUse %q: want %q, %q or \"*\"", cfg.TokenUse, TokenUseAccess, TokenUseID)
	}
	if cfg.Leeway <= 0 {
		cfg.Leeway = DefaultLeeway
	}
	if cfg.RefetchInterval <= 0 {
		cfg.RefetchInterval = DefaultRefetchInterval
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.Audience = slices.Clone(cfg.Audience)
	return &Verifier{cfg: cfg}, nil
}

// InvalidTokenError explains why a token was refused. It joins
// domain.ErrUnauthenticated; Reason is for logs, not for clients.
type InvalidTokenError struct {
	Reason string
}

func (e *InvalidTokenError) Error() string { return "invalid token: " + e.Reason }

// Is makes errors.Is(err, domain.ErrUnauthenticated) true.
func (e *InvalidTokenError) Is(target error) bool { return target == domain.ErrUnauthenticated }

func invalid(format string, args ...any) error {
	return &InvalidTokenError{Reason: fmt.Sprintf(format, args...)}
}

// VerifyBearer verifies the token of an Authorization header value
// ("Bearer <token>"; API Gateway also accepts a bare token).
func (v *Verifier) VerifyBearer(ctx context.Context, authorization string) (Claims, error) {
	tok := strings.TrimSpace(authorization)
	if scheme, rest, ok := strings.Cut(tok, " "); ok && strings.EqualFold(scheme, "Bearer") {
		tok = strings.TrimSpace(rest)
	}
	return v.Verify(ctx, tok)
}

// Verify checks token and returns its claims. A refused token is an
// *InvalidTokenError; a JWKS that cannot be fetched is another error that
// does not join domain.ErrUnauthenticated (it is the server's problem).
func (v *Verifier) Verify(ctx context.Context, token string) (Claims, error) {
	if token == "" {
		return nil, invalid("no token")
	}
	if len(token) > maxTokenBytes {
		return nil, invalid("token longer than %d bytes", maxTokenBytes)
	}
	jws, err := jose.ParseSignedCompact(token, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, invalid("not an RS256 compact JWS: %v", err)
	}
	if len(jws.Signatures) != 1 {
		return nil, invalid("want one signature, have %d", len(jws.Signatures))
	}
	h := jws.Signatures[0].Header
	if h.Algorithm != string(jose.RS256) {
		return nil, invalid("alg %q is not RS256", h.Algorithm)
	}
	if h.KeyID == "" {
		return nil, invalid("no kid")
	}
	key, err := v.key(ctx, h.KeyID)
	if err != nil {
		return nil, err
	}
	payload, err := jws.Verify(key)
	if err != nil {
		return nil, invalid("signature: %v", err)
	}
	return v.checkClaims(payload)
}

// checkClaims validates the verified payload and flattens it.
func (v *Verifier) checkClaims(payload []byte) (Claims, error) {
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.UseNumber()
	var raw map[string]any
	if err := dec.Decode(&raw); err != nil {
		return nil, invalid("claims are not a JSON object")
	}
	if iss, _ := raw["iss"].(string); iss != v.cfg.Issuer {
		return nil, invalid("iss %q is not %q", iss, v.cfg.Issuer)
	}
	now := v.cfg.Now()
	exp, ok := numericDate(raw["exp"])
	if !ok {
		return nil, invalid("no valid exp")
	}
	if !now.Before(exp.Add(v.cfg.Leeway)) {
		return nil, invalid("expired at %s", exp.UTC().Format(time.RFC3339))
	}
	if nbf, present := raw["nbf"]; present {
		t, ok := numericDate(nbf)
		if !ok || now.Add(v.cfg.Leeway).Before(t) {
			return nil, invalid("not valid before %v", nbf)
		}
	}
	if iat, present := raw["iat"]; present {
		t, ok := numericDate(iat)
		if !ok || now.Add(v.cfg.Leeway).Before(t) {
			return nil, invalid("issued in the future (iat %v)", iat)
		}
	}
	use, _ := raw["token_use"].(string)
	if v.cfg.TokenUse != "*" && use != v.cfg.TokenUse {
		return nil, invalid("token_use %q, want %q", use, v.cfg.TokenUse)
	}
	switch use {
	case TokenUseAccess:
		if cid, _ := raw["client_id"].(string); !slices.Contains(v.cfg.Audience, cid) {
			return nil, invalid("client_id %q is not an accepted audience", cid)
		}
	case TokenUseID:
		if !v.audienceMatches(raw["aud"]) {
			return nil, invalid("aud %v is not an accepted audience", raw["aud"])
		}
	default:
		return nil, invalid("token_use %q is neither access nor id", use)
	}
	claims := make(Claims, len(raw))
	for k, val := range raw {
		claims[k] = flatten(val)
	}
	return claims, nil
}

// audienceMatches reports whether aud (a string or a list) names an accepted
// client id.
func (v *Verifier) audienceMatches(aud any) bool {
	switch a := aud.(type) {
	case string:
		return slices.Contains(v.cfg.Audience, a)
	case []any:
		for _, x := range a {
			if s, ok := x.(string); ok && slices.Contains(v.cfg.Audience, s) {
				return true
			}
		}
	}
	return false
}

// numericDate reads a JWT NumericDate (seconds since the epoch).
func numericDate(v any) (time.Time, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return time.Time{}, false
	}
	f, err := n.Float64()
	if err != nil {
		return time.Time{}, false
	}
	sec := int64(f)
	return time.Unix(sec, int64((f-float64(sec))*1e9)), true
}

// flatten renders a claim value as API Gateway does.
func flatten(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "true"
		}
		return "false"
	case nil:
		return ""
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = flatten(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	default:
		b, _ := json.Marshal(x) // decoded JSON always re-encodes
		return string(b)
	}
}

// key returns the public key named kid, fetching the JWKS on first use and
// again on an unknown kid, but at most once per RefetchInterval.
func (v *Verifier) key(ctx context.Context, kid string) (*rsa.PublicKey, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if k, ok := v.keys[kid]; ok {
		return k, nil
	}
	now := v.cfg.Now()
	if !v.fetchedAt.IsZero() && now.Sub(v.fetchedAt) < v.cfg.RefetchInterval {
		return nil, invalid("unknown kid %q", kid)
	}
	// Holding the lock while fetching makes concurrent verifiers of an
	// unknown kid wait for one fetch instead of each sending one.
	keys, err := v.fetch(ctx)
	v.fetchedAt = now
	if err != nil {
		if v.keys == nil {
			v.fetchedAt = time.Time{} // nothing cached yet: retry on the next call
		}
		return nil, err
	}
	v.keys = keys
	if k, ok := v.keys[kid]; ok {
		return k, nil
	}
	return nil, invalid("unknown kid %q", kid)
}

// fetch downloads the JWKS and keeps its RSA signing keys.
func (v *Verifier) fetch(ctx context.Context) (map[string]*rsa.PublicKey, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, v.cfg.JWKSURL, nil)
	if err != nil {
		return nil, fmt.Errorf("jwtauth: JWKS request: %w", err)
	}
	resp, err := v.cfg.HTTPClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("jwtauth: fetch JWKS: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("jwtauth: fetch JWKS %s: status %d", v.cfg.JWKSURL, resp.StatusCode)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxJWKSBytes))
	if err != nil {
		return nil, fmt.Errorf("jwtauth: read JWKS: %w", err)
	}
	var set jose.JSONWebKeySet
	if err := json.Unmarshal(body, &set); err != nil {
		return nil, fmt.Errorf("jwtauth: parse JWKS: %w", err)
	}
	keys := make(map[string]*rsa.PublicKey, len(set.Keys))
	for _, k := range set.Keys {
		pub, ok := k.Key.(*rsa.PublicKey)
		if !ok || k.KeyID == "" || (k.Use != "" && k.Use != "sig") ||
			(k.Algorithm != "" && k.Algorithm != string(jose.RS256)) {
			continue
		}
		keys[k.KeyID] = pub
	}
	return keys, nil
}
