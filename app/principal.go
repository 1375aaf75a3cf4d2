package app

import (
	"context"
	"slices"
)

// AdminGroup is the identity-provider group whose members administer the shop.
const AdminGroup = "admin"

// Principal is the caller of a use case, as established by an inbound adapter
// from verified credentials (for example API Gateway's JWT authorizer claims).
// The zero Principal is an anonymous caller.
type Principal struct {
	// UserID is the identity provider's stable subject ("sub").
	UserID string
	Email  string
	Groups []string
}

// Anonymous reports whether no user is signed in.
func (p Principal) Anonymous() bool { return p.UserID == "" }

// IsAdmin reports whether the principal belongs to AdminGroup.
func (p Principal) IsAdmin() bool { return slices.Contains(p.Groups, AdminGroup) }

type principalKey struct{}

// WithPrincipal returns a context that carries p.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the principal carried by ctx, or the anonymous one.
func PrincipalFrom(ctx context.Context) Principal {
	p, _ := ctx.Value(principalKey{}).(Principal)
	return p
}
