package app_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// countingIDP counts the calls that reach the provider.
type countingIDP struct {
	app.IdentityProvider
	calls    atomic.Int32
	confirms atomic.Int32
	// forgots and resets count ForgotPassword and ConfirmForgotPassword.
	forgots, resets atomic.Int32
}

func (c *countingIDP) ForgotPassword(ctx context.Context, email string) error {
	c.forgots.Add(1)
	return c.IdentityProvider.ForgotPassword(ctx, email)
}

func (c *countingIDP) ConfirmForgotPassword(ctx context.Context, email, code, password string) error {
	c.resets.Add(1)
	return c.IdentityProvider.ConfirmForgotPassword(ctx, email, code, password)
}

func (c *countingIDP) ConfirmSignUp(ctx context.Context, email, code string) error {
	c.confirms.Add(1)
	return c.IdentityProvider.ConfirmSignUp(ctx, email, code)
}

func (c *countingIDP) SignUp(ctx context.Context, email, password string) (app.SignUpResult, error) {
	c.calls.Add(1)
	return c.IdentityProvider.SignUp(ctx, email, password)
}

func (c *countingIDP) SignIn(ctx context.Context, email, password string) (app.Tokens, error) {
	c.calls.Add(1)
	return c.IdentityProvider.SignIn(ctx, email, password)
}

// authHarness is the use case over the embedded provider and memory stores.
type authHarness struct {
	auth     *app.Auth
	idp      *countingIDP
	p        *localidp.Provider
	clock    *apptest.Clock
	profiles *memory.ProfileRepository
}

func newHarness(t testing.TB, cost int) *authHarness {
	t.Helper()
	clock := apptest.NewClock(time.Date(2026, 11, 29, 9, 0, 0, 0, time.UTC))
	p, err := localidp.New(localidp.Options{Issuer: "http://idp.test", BcryptCost: cost, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	idp := &countingIDP{IdentityProvider: p}
	profiles := memory.NewProfileRepository()
	auth, err := app.NewAuth(idp, memory.NewAttemptStore(), profiles, clock)
	if err != nil {
		t.Fatal(err)
	}
	return &authHarness{auth: auth, idp: idp, p: p, clock: clock, profiles: profiles}
}

func newAuth(t *testing.T) (*app.Auth, *countingIDP, *localidp.Provider) {
	h := newHarness(t, bcrypt.MinCost)
	return h.auth, h.idp, h.p
}

func TestRegisterValidatesBeforeCallingTheProvider(t *testing.T) {
	auth, idp, _ := newAuth(t)
	_, err := auth.Register(context.Background(), "not-an-email", "short", "")
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 2 || ve.Fields[0].Field != "email" || ve.Fields[1].Field != "password" {
		t.Fatalf("err = %v; want field errors for email and password", err)
	}
	if n := idp.calls.Load(); n != 0 {
		t.Fatalf("the provider was called %d times for invalid input", n)
	}
}

func TestRegisterNormalizesTheEmail(t *testing.T) {
	auth, _, p := newAuth(t)
	reg, err := auth.Register(context.Background(), "  Reader@Example.com", "Passw0rd-ok", "")
	if err != nil {
		t.Fatal(err)
	}
	if reg.Email != "reader@example.com" || !reg.ConfirmationRequired || reg.UserID == "" {
		t.Fatalf("registration = %+v", reg)
	}
	code, _ := p.ConfirmationCode("reader@example.com")
	if err := auth.Confirm(context.Background(), "READER@example.com", code); err != nil {
		t.Fatal(err)
	}
	tok, err := auth.Login(context.Background(), "reader@EXAMPLE.com", "Passw0rd-ok")
	if err != nil {
		t.Fatal(err)
	}
	again, err := auth.Refresh(context.Background(), tok.RefreshToken)
	if err != nil || again.RefreshToken == "" || again.RefreshToken == tok.RefreshToken {
		t.Fatalf("Refresh = %v; want a rotated refresh token", err)
	}
}

func TestLoginWithAMalformedEmailIsInvalidCredentials(t *testing.T) {
	auth, idp, _ := newAuth(t)
	_, err := auth.Login(context.Background(), "nobody", "Passw0rd-ok")
	if !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Fatalf("err = %v, want ErrInvalidCredentials", err)
	}
	if n := idp.calls.Load(); n != 0 {
		t.Fatalf("the provider was called %d times", n)
	}
}

func TestNewAuthRejectsNilProvider(t *testing.T) {
	if _, err := app.NewAuth(nil, memory.NewAttemptStore(), memory.NewProfileRepository(), apptest.NewClock(time.Now())); err == nil {
		t.Fatal("NewAuth(nil) succeeded")
	}
}
