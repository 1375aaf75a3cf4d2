package apigw

import (
	"encoding/json"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
)

// principalFrom builds the caller from the claims of API Gateway's JWT
// authorizer, which has verified the token's signature, issuer, audience and
// expiry before the event is sent. It reports false when there are no
// claims (an anonymous request). Claims are never read from request headers.
func principalFrom(req *events.APIGatewayV2HTTPRequest) (app.Principal, bool) {
	a := req.RequestContext.Authorizer
	if a == nil || a.JWT == nil || len(a.JWT.Claims) == 0 {
		return app.Principal{}, false
	}
	return PrincipalFromClaims(a.JWT.Claims), true
}

// PrincipalFromClaims builds the caller from a verified access token's
// claims as API Gateway's JWT authorizer passes them (lists flattened into
// strings). Only for claims that have been verified.
func PrincipalFromClaims(c map[string]string) app.Principal {
	return app.Principal{UserID: c["sub"], Email: c["email"], Groups: parseGroups(c["cognito:groups"])}
}

// parseGroups reads a list claim as API Gateway flattens it into a string:
// "[admin editors]" (space-separated in brackets), a JSON array string such
// as `["admin","editors"]`, or a single name.
func parseGroups(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	var groups []string
	if strings.HasPrefix(s, "[") && json.Unmarshal([]byte(s), &groups) == nil {
		return compact(groups)
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	return compact(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }))
}

// compact drops empty names.
func compact(groups []string) []string {
	out := groups[:0]
	for _, g := range groups {
		if g = strings.TrimSpace(g); g != "" {
			out = append(out, g)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
