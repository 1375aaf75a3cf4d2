package app

import (
	"context"
	"fmt"

	"github.com/bookshop/bookshop/domain"
)

// systemKey marks a context whose caller is the shop itself.
type systemKey struct{}

// AsSystem returns a context in which use cases act for the shop itself
// (start-up seeding, local initialisation, background jobs) and pass every
// authorization rule without a user. Only code can call it: no inbound
// adapter derives it from a request, and no token or claim can produce it.
func AsSystem(ctx context.Context) context.Context {
	return context.WithValue(ctx, systemKey{}, true)
}

// IsSystem reports whether ctx was made by AsSystem.
func IsSystem(ctx context.Context) bool {
	v, _ := ctx.Value(systemKey{}).(bool)
	return v
}

// authorizeAdmin is the shop's administration rule: the caller must be the
// system (AsSystem) or a principal in AdminGroup. An anonymous caller wraps
// domain.ErrUnauthenticated (401), a signed-in non-admin domain.ErrForbidden
// (403). action names the refused operation in the error.
func authorizeAdmin(ctx context.Context, action string) error {
	if IsSystem(ctx) {
		return nil
	}
	p := PrincipalFrom(ctx)
	switch {
	case p.Anonymous():
		return fmt.Errorf("%s: sign in as an administrator: %w", action, domain.ErrUnauthenticated)
	case !p.IsAdmin():
		return fmt.Errorf("%s: administrators only: %w", action, domain.ErrForbidden)
	}
	return nil
}

// signedIn is the rule for customers' operations: it returns the signed-in
// caller, or an error wrapping domain.ErrUnauthenticated (401).
func signedIn(ctx context.Context, action string) (Principal, error) {
	p := PrincipalFrom(ctx)
	if p.Anonymous() {
		return Principal{}, fmt.Errorf("%s: sign in first: %w", action, domain.ErrUnauthenticated)
	}
	return p, nil
}

// RequireSignIn lets inbound adapters refuse an anonymous caller of a
// customer operation before reading the request body, as API Gateway's
// authorizer does; the use cases check the same rule (signedIn) themselves.
func RequireSignIn(ctx context.Context, action string) error {
	_, err := signedIn(ctx, action)
	return err
}
