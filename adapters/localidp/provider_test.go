package localidp_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/app/porttest"
	"github.com/bookshop/bookshop/domain"
)

// newProvider returns a provider whose Handler is served at its issuer URL.
func newProvider(t *testing.T, opts localidp.Options) (*localidp.Provider, *jwtauth.Verifier) {
	t.Helper()
	srv := httptest.NewUnstartedServer(nil)
	srv.Start()
	t.Cleanup(srv.Close)
	opts.Issuer = srv.URL + "/idp"
	if opts.BcryptCost == 0 {
		opts.BcryptCost = bcrypt.MinCost
	}
	p, err := localidp.New(opts)
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = p.Handler()
	v, err := jwtauth.New(jwtauth.Config{Issuer: p.Issuer(), Audience: []string{p.ClientID()}})
	if err != nil {
		t.Fatal(err)
	}
	return p, v
}

func TestIdentityProviderContract(t *testing.T) {
	t.Run("embedded", func(t *testing.T) {
		porttest.IdentityProvider(t, func(t *testing.T) porttest.IdentityProviderFixture {
			return contractFixture(newProvider(t, localidp.Options{}))
		})
	})
	t.Run("embedded-bolt", func(t *testing.T) {
		porttest.IdentityProvider(t, func(t *testing.T) porttest.IdentityProviderFixture {
			db := openBolt(t, filepath.Join(t.TempDir(), "idp.db"))
			t.Cleanup(func() { _ = db.Close() })
			return contractFixture(newProvider(t, localidp.Options{Store: newBoltStore(t, db)}))
		})
	})
}

// contractFixture is the porttest fixture of a provider and its verifier.
func contractFixture(p *localidp.Provider, v *jwtauth.Verifier) porttest.IdentityProviderFixture {
	return porttest.IdentityProviderFixture{
		Provider: p,
		ConfirmationCode: func(tb testing.TB, email string) string {
			code, ok := p.ConfirmationCode(email)
			if !ok {
				tb.Fatalf("no confirmation code for %s", email)
			}
			return code
		},
		ResetCode: func(tb testing.TB, email string) string {
			code, ok := p.ResetCode(email)
			if !ok {
				tb.Fatalf("no reset code for %s", email)
			}
			return code
		},
		VerifyAccessToken: func(ctx context.Context, token string) (map[string]string, error) {
			return v.Verify(ctx, token)
		},
	}
}

func TestIDTokenHasCognitoShape(t *testing.T) {
	p, _ := newProvider(t, localidp.Options{})
	ctx := context.Background()
	if _, err := p.SignUp(ctx, "id@example.com", "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	if err := p.AdminConfirm(ctx, "id@example.com"); err != nil {
		t.Fatal(err)
	}
	tok, err := p.SignIn(ctx, "id@example.com", "Passw0rd!")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jwtauth.New(jwtauth.Config{Issuer: p.Issuer(), Audience: []string{p.ClientID()}, TokenUse: jwtauth.TokenUseID})
	if err != nil {
		t.Fatal(err)
	}
	c, err := v.Verify(ctx, tok.IDToken)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"sub", "iss", "aud", "token_use", "auth_time", "exp", "iat", "jti", "email", "cognito:username", "email_verified"} {
		if c[k] == "" {
			t.Errorf("id token lacks %q: %v", k, c)
		}
	}
	if c["email"] != "id@example.com" || c["aud"] != p.ClientID() || c["email_verified"] != "true" {
		t.Errorf("id token claims = %v", c)
	}
}

// TestWrongPasswordsNeverLockTheAccount: the provider locks nobody out
// (app.Auth throttles without a lock the owner cannot pass): after many
// wrong passwords the right one still signs in.
func TestWrongPasswordsNeverLockTheAccount(t *testing.T) {
	p, _ := newProvider(t, localidp.Options{})
	ctx := context.Background()
	if _, err := p.SignUp(ctx, "lock@example.com", "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	if err := p.AdminConfirm(ctx, "lock@example.com"); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		if _, err := p.SignIn(ctx, "lock@example.com", "Wrong-pass1"); !errors.Is(err, domain.ErrInvalidCredentials) {
			t.Fatalf("wrong password: %v", err)
		}
	}
	if _, err := p.SignIn(ctx, "lock@example.com", "Passw0rd!"); err != nil {
		t.Fatalf("the right password after 20 wrong ones: %v", err)
	}
}

// TestRefreshRotatesAndLogoutRevokes: a refresh returns a new refresh token
// and voids the old one; a revoked token refreshes nothing.
func TestRefreshRotatesAndLogoutRevokes(t *testing.T) {
	p, _ := newProvider(t, localidp.Options{})
	ctx := context.Background()
	if _, err := p.SignUp(ctx, "rot@example.com", "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	if err := p.AdminConfirm(ctx, "rot@example.com"); err != nil {
		t.Fatal(err)
	}
	first, err := p.SignIn(ctx, "rot@example.com", "Passw0rd!")
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.Refresh(ctx, first.RefreshToken)
	if err != nil || second.RefreshToken == "" || second.RefreshToken == first.RefreshToken {
		t.Fatalf("refresh: %v, rotated %t", err, second.RefreshToken != first.RefreshToken)
	}
	if _, err := p.Refresh(ctx, first.RefreshToken); !errors.Is(err, domain.ErrInvalidRefreshToken) {
		t.Fatalf("the rotated-away token: %v, want ErrInvalidRefreshToken", err)
	}
	if err := p.RevokeRefreshToken(ctx, second.RefreshToken); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Refresh(ctx, second.RefreshToken); !errors.Is(err, domain.ErrInvalidRefreshToken) {
		t.Fatalf("a revoked token: %v, want ErrInvalidRefreshToken", err)
	}
}

// TestConfirmingAConfirmedAccountIsAWrongCode: a confirmed account answers
// a code like an unknown one (before: 204, which told that it exists).
func TestConfirmingAConfirmedAccountIsAWrongCode(t *testing.T) {
	p, _ := newProvider(t, localidp.Options{})
	ctx := context.Background()
	if _, err := p.SignUp(ctx, "done@example.com", "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	if err := p.AdminConfirm(ctx, "done@example.com"); err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{"done@example.com", "nobody@example.com"} {
		if err := p.ConfirmSignUp(ctx, email, "123456"); !errors.Is(err, domain.ErrInvalidCode) {
			t.Errorf("%s: %v, want ErrInvalidCode", email, err)
		}
	}
}

func TestExpiredCodeIsRefused(t *testing.T) {
	clock := apptest.NewClock(time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC))
	p, _ := newProvider(t, localidp.Options{CodeTTL: time.Hour, Now: clock.Now})
	ctx := context.Background()
	if _, err := p.SignUp(ctx, "late@example.com", "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	code, _ := p.ConfirmationCode("late@example.com")
	clock.Advance(time.Hour)
	if err := p.ConfirmSignUp(ctx, "late@example.com", code); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("expired code: err = %v, want ErrInvalidCode", err)
	}
}

func TestSignUpLogsTheCode(t *testing.T) {
	var buf apptest.LogBuffer
	p, _ := newProvider(t, localidp.Options{Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	if _, err := p.SignUp(context.Background(), "log@example.com", "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	code, _ := p.ConfirmationCode("log@example.com")
	if !buf.Contains("code=" + code) {
		t.Fatalf("log %q does not show the code %s", buf.String(), code)
	}
}

// TestResetCodeIsReplacedLoggedAndExpires: a second ForgotPassword logs a
// new code that replaces the first; the code stops working after CodeTTL.
func TestResetCodeIsReplacedLoggedAndExpires(t *testing.T) {
	var buf apptest.LogBuffer
	clock := apptest.NewClock(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	p, _ := newProvider(t, localidp.Options{CodeTTL: time.Hour, Now: clock.Now, Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	ctx := context.Background()
	const email = "reset@example.com"
	if _, err := p.SignUp(ctx, email, "Passw0rd!"); err != nil {
		t.Fatal(err)
	}
	if err := p.AdminConfirm(ctx, email); err != nil {
		t.Fatal(err)
	}
	codes := make([]string, 2)
	for i := range codes {
		if err := p.ForgotPassword(ctx, email); err != nil {
			t.Fatal(err)
		}
		codes[i], _ = p.ResetCode(email)
		if !buf.Contains("code=" + codes[i]) {
			t.Fatalf("reset code %s not logged: %s", codes[i], buf.String())
		}
	}
	if codes[0] != codes[1] {
		if err := p.ConfirmForgotPassword(ctx, email, codes[0], "New-passw0rd"); !errors.Is(err, domain.ErrInvalidCode) {
			t.Fatalf("the replaced code: %v, want ErrInvalidCode", err)
		}
	}
	clock.Advance(time.Hour)
	if err := p.ConfirmForgotPassword(ctx, email, codes[1], "New-passw0rd"); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("an expired code: %v, want ErrInvalidCode", err)
	}
}
