package emulator

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/domain"
)

// TokenVerifier checks the identity source value of a JWT authorizer (an
// Authorization header value, "Bearer " prefix optional) and returns the
// token's claims flattened as API Gateway passes them. A refused token is an
// error joining domain.ErrUnauthenticated; any other error is the
// verifier's own failure (such as an unreachable JWKS). *jwtauth.Verifier
// implements it.
type TokenVerifier interface {
	VerifyBearer(ctx context.Context, authorization string) (jwtauth.Claims, error)
}

var _ TokenVerifier = (*jwtauth.Verifier)(nil)

// noAuthorizer is the route Auth.Authorizer value that turns the default
// authorizer off.
const noAuthorizer = "NONE"

// routeAuth is the JWT authorizer guarding a route.
type routeAuth struct {
	name string
	// header or query names the identity source.
	header, query string
	// scopes are the route's AuthorizationScopes; the token needs one.
	scopes []string
	// verifier is nil when the local stack configured no issuer for the
	// authorizer: every request is then refused.
	verifier TokenVerifier
}

// compileAuth attaches its authorizer to every route the template protects.
// It fails when a route names an authorizer the HTTP API does not declare
// as a JWT authorizer, or when verifiers names one; it warns about
// authorizers without a verifier.
func (s *Server) compileAuth(verifiers map[string]TokenVerifier) (warnings []string, err error) {
	tmpl := s.cfg.Template
	var errs []error
	for name := range verifiers {
		if _, ok := tmpl.Authorizers[name]; !ok {
			errs = append(errs, fmt.Errorf("a verifier is configured for %s, which is not a JWT authorizer of the template", name))
		}
	}
	warned := map[string]bool{}
	for i := range s.routes {
		rt := &s.routes[i]
		name := cmp.Or(rt.Authorizer, tmpl.DefaultAuthorizer)
		if name == "" || name == noAuthorizer {
			continue
		}
		a, ok := tmpl.Authorizers[name]
		if !ok {
			errs = append(errs, fmt.Errorf("route %s: authorizer %s is not a JWT authorizer of the HTTP API", rt.Key(), name))
			continue
		}
		ra, err := newRouteAuth(name, a, rt.AuthorizationScopes)
		if err != nil {
			errs = append(errs, fmt.Errorf("route %s: %w", rt.Key(), err))
			continue
		}
		ra.verifier = verifiers[name]
		if ra.verifier == nil && !warned[name] {
			warned[name] = true
			warnings = append(warnings, fmt.Sprintf("authorizer %s has no issuer configured: its routes answer 401", name))
		}
		rt.auth = ra
	}
	return warnings, errors.Join(errs...)
}

// newRouteAuth reads an authorizer's identity source:
// $request.header.<name> or $request.querystring.<name>.
func newRouteAuth(name string, a samtemplate.JWTAuthorizer, scopes []string) (*routeAuth, error) {
	ra := &routeAuth{name: name, scopes: scopes}
	src := cmp.Or(a.IdentitySource, "$request.header.Authorization")
	if h, ok := strings.CutPrefix(src, "$request.header."); ok && h != "" {
		ra.header = http.CanonicalHeaderKey(h)
	} else if q, ok := strings.CutPrefix(src, "$request.querystring."); ok && q != "" {
		ra.query = q
	} else {
		return nil, fmt.Errorf("authorizer %s: identity source %q is not $request.header.<name> or $request.querystring.<name>", name, src)
	}
	return ra, nil
}

// authorize runs the route's JWT authorizer like API Gateway: a missing or
// refused token answers 401 and an insufficient scope 403, both with a
// www-authenticate header, and the function is not invoked (ok false).
// Otherwise it returns what the event's requestContext.authorizer carries:
// the claims, and the token's scopes when the route requires scopes (nil,
// sent as null, otherwise).
func (s *Server) authorize(w http.ResponseWriter, r *http.Request, ra *routeAuth, entry *accessEntry) (_ *events.APIGatewayV2HTTPRequestContextAuthorizerDescription, ok bool) {
	var token string
	if ra.header != "" {
		token = strings.Join(r.Header.Values(ra.header), ",")
	} else {
		token = r.URL.Query().Get(ra.query)
	}
	if strings.TrimSpace(token) == "" {
		entry.err = "authorizer " + ra.name + ": no token"
		w.Header().Set("Www-Authenticate", "Bearer")
		writeMessage(w, http.StatusUnauthorized)
		return nil, false
	}
	if ra.verifier == nil {
		entry.err = "authorizer " + ra.name + ": no issuer configured"
		w.Header().Set("Www-Authenticate", `Bearer scope="" error="invalid_token" error_description="the authorizer is not configured"`)
		writeMessage(w, http.StatusUnauthorized)
		return nil, false
	}
	claims, err := ra.verifier.VerifyBearer(r.Context(), token)
	switch {
	case errors.Is(err, domain.ErrUnauthenticated):
		entry.err = "authorizer " + ra.name + ": " + err.Error()
		w.Header().Set("Www-Authenticate", `Bearer scope="" error="invalid_token" error_description="the token is not valid"`)
		writeMessage(w, http.StatusUnauthorized)
		return nil, false
	case err != nil:
		entry.err = "authorizer " + ra.name + ": " + err.Error()
		writeMessage(w, http.StatusInternalServerError)
		return nil, false
	}
	var scopes []string
	if len(ra.scopes) > 0 {
		scopes = tokenScopes(claims)
		if !slices.ContainsFunc(scopes, func(sc string) bool { return slices.Contains(ra.scopes, sc) }) {
			entry.err = fmt.Sprintf("authorizer %s: token scopes %v include none of %v", ra.name, scopes, ra.scopes)
			w.Header().Set("Www-Authenticate", fmt.Sprintf(`Bearer scope=%q error="insufficient_scope" error_description="the token does not have the required scopes"`, strings.Join(ra.scopes, " ")))
			writeMessage(w, http.StatusForbidden)
			return nil, false
		}
	}
	return &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
		JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: claims, Scopes: scopes},
	}, true
}

// tokenScopes reads the "scope" claim (space-separated) or, failing that,
// "scp" (a list, flattened as "[a b]").
func tokenScopes(claims jwtauth.Claims) []string {
	if sc, ok := claims["scope"]; ok {
		return strings.Fields(sc)
	}
	scp := claims["scp"]
	if inner, ok := strings.CutPrefix(scp, "["); ok {
		scp = strings.TrimSuffix(inner, "]")
	}
	return strings.Fields(scp)
}

// VerifyToken verifies an Authorization header value ("Bearer " prefix
// optional) as a route guarded by one of the configured JWT authorizers
// would, and returns the claims of the first authorizer (by name) that
// accepts it. The gateway's own local-only pages (the mailbox) use it to
// let administrators in.
func (s *Server) VerifyToken(ctx context.Context, authorization string) (map[string]string, error) {
	names := slices.Sorted(maps.Keys(s.cfg.Authorizers))
	err := error(fmt.Errorf("no JWT authorizer is configured: %w", domain.ErrUnauthenticated))
	for _, name := range names {
		claims, verr := s.cfg.Authorizers[name].VerifyBearer(ctx, authorization)
		if verr == nil {
			return claims, nil
		}
		err = verr
	}
	return nil, err
}
