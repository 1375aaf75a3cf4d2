package porttest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// IdentityProviderFixture is one identity provider under test and what the
// suite needs beside the port: the confirmation code a real provider would
// email, and a strict verifier of the access tokens it issues.
type IdentityProviderFixture struct {
	Provider app.IdentityProvider
	// ConfirmationCode returns the code sent to email after SignUp.
	ConfirmationCode func(t testing.TB, email string) string
	// ResetCode returns the password reset code sent to email after
	// ForgotPassword.
	ResetCode func(t testing.TB, email string) string
	// VerifyAccessToken verifies an access token (signature, issuer,
	// client_id, expiry) and returns its claims as API Gateway's JWT
	// authorizer passes them (lists as "[a b]").
	VerifyAccessToken func(ctx context.Context, token string) (map[string]string, error)
	// Lacks names features an emulator does not implement ("resend",
	// "revoke", "reset-revokes": a password reset revokes refresh tokens,
	// "forgot-unconfirmed": ForgotPassword refuses unconfirmed users),
	// with the reason; their cases are skipped.
	Lacks map[string]string
}

// skipIfLacking skips the case when the fixture lacks feature.
func skipIfLacking(t *testing.T, f IdentityProviderFixture, feature string) {
	if why, ok := f.Lacks[feature]; ok {
		t.Skip(why)
	}
}

// identityPassword satisfies domain.PasswordPolicy.
const identityPassword = "Correct-Horse-9"

// IdentityProvider runs the app.IdentityProvider contract: every case below
// as a subtest, each with a fixture of its own. newFixture may return a
// provider shared with other tests: every case uses its own random email
// addresses. The provider must know the group app.AdminGroup.
func IdentityProvider(t *testing.T, newFixture func(t *testing.T) IdentityProviderFixture) {
	runCases(t, newFixture, []suiteCase[IdentityProviderFixture]{
		{name: "sign up, confirm, sign in, refresh", run: testIdentitySignUpConfirmSignInRefresh},
		{name: "duplicate sign-up is ErrUserExists", run: testIdentityDuplicateSignUp},
		{name: "concurrent sign-ups of one email: exactly one wins", run: testIdentityConcurrentSignUps},
		{name: "wrong password and unknown user are the same error", run: testIdentityWrongPasswordLikeUnknownUser},
		{name: "invalid refresh token", run: testIdentityInvalidRefreshToken},
		{name: "add to group: new access tokens carry cognito:groups", run: testIdentityAddToGroup},
		{name: "add to group of an unknown user is not found", run: testIdentityAddToGroupUnknownUser},
		{name: "resend a code: the sent code confirms; unknown and confirmed users are not found", run: testIdentityResendCode},
		{name: "a revoked refresh token refreshes nothing; revoking twice is no error", run: testIdentityRevoke},
		{name: "delete unconfirmed: only an unconfirmed account created before the time", run: testIdentityDeleteUnconfirmed},
		{name: "sign-in tokens name the user", run: testIdentityTokensNameTheUser},
		{name: "forgot password: the sent code sets a new password, once; a wrong code is ErrInvalidCode", run: testIdentityForgotPassword},
		{name: "forgot password: an unknown user is not found", run: testIdentityForgotPasswordUnknownUser},
		{name: "forgot password: an unconfirmed user is not found", run: testIdentityForgotPasswordUnconfirmedUser},
		{name: "confirm forgot password: unknown user and no reset pending are ErrInvalidCode", run: testIdentityConfirmForgotPasswordWithoutReset},
		{name: "a password reset revokes the refresh tokens issued before", run: testIdentityResetRevokesRefreshTokens},
	})
}

func testIdentityResendCode(t *testing.T, f IdentityProviderFixture) {
	skipIfLacking(t, f, "resend")
	ctx := context.Background()
	email := randomEmail()
	if _, err := f.Provider.SignUp(ctx, email, identityPassword); err != nil {
		t.Fatal(err)
	}
	if err := f.Provider.ResendCode(ctx, email); err != nil {
		t.Fatalf("ResendCode: %v", err)
	}
	if err := f.Provider.ConfirmSignUp(ctx, email, f.ConfirmationCode(t, email)); err != nil {
		t.Fatalf("ConfirmSignUp with the resent code: %v", err)
	}
	for _, who := range []string{email, randomEmail()} {
		if err := f.Provider.ResendCode(ctx, who); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("ResendCode for a confirmed or unknown user: %v, want ErrNotFound", err)
		}
	}
}

func testIdentityRevoke(t *testing.T, f IdentityProviderFixture) {
	skipIfLacking(t, f, "revoke")
	ctx := context.Background()
	email := randomEmail()
	if _, err := f.Provider.SignUp(ctx, email, identityPassword); err != nil {
		t.Fatal(err)
	}
	if err := f.Provider.AdminConfirm(ctx, email); err != nil {
		t.Fatal(err)
	}
	tok, err := f.Provider.SignIn(ctx, email, identityPassword)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if err := f.Provider.RevokeRefreshToken(ctx, tok.RefreshToken); err != nil {
			t.Fatalf("RevokeRefreshToken: %v", err)
		}
	}
	if _, err := f.Provider.Refresh(ctx, tok.RefreshToken); !errors.Is(err, domain.ErrInvalidRefreshToken) {
		t.Fatalf("Refresh with a revoked token: %v, want ErrInvalidRefreshToken", err)
	}
}

func testIdentityDeleteUnconfirmed(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	pending, done := randomEmail(), randomEmail()
	for _, e := range []string{pending, done} {
		if _, err := f.Provider.SignUp(ctx, e, identityPassword); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Provider.AdminConfirm(ctx, done); err != nil {
		t.Fatal(err)
	}
	if deleted, err := f.Provider.DeleteUnconfirmed(ctx, pending, time.Now().Add(-time.Hour)); err != nil || deleted {
		t.Fatalf("a new sign-up: deleted %t, %v; want kept", deleted, err)
	}
	if deleted, err := f.Provider.DeleteUnconfirmed(ctx, done, time.Now().Add(time.Hour)); err != nil || deleted {
		t.Fatalf("a confirmed account: deleted %t, %v; want kept", deleted, err)
	}
	if deleted, err := f.Provider.DeleteUnconfirmed(ctx, pending, time.Now().Add(time.Hour)); err != nil || !deleted {
		t.Fatalf("an old unconfirmed sign-up: deleted %t, %v; want deleted", deleted, err)
	}
	if _, err := f.Provider.SignUp(ctx, pending, identityPassword); err != nil {
		t.Fatalf("SignUp after the delete: %v", err)
	}
	if _, err := f.Provider.DeleteUnconfirmed(ctx, randomEmail(), time.Now()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("an unknown user: %v, want ErrNotFound", err)
	}
}

func testIdentityTokensNameTheUser(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := randomEmail()
	res, err := f.Provider.SignUp(ctx, email, identityPassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Provider.AdminConfirm(ctx, email); err != nil {
		t.Fatal(err)
	}
	tok, err := f.Provider.SignIn(ctx, email, identityPassword)
	if err != nil || tok.UserID != res.UserID {
		t.Fatalf("SignIn UserID = %q, %v; want the sign-up's %q", tok.UserID, err, res.UserID)
	}
}

func testIdentitySignUpConfirmSignInRefresh(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := randomEmail()
	res, err := f.Provider.SignUp(ctx, email, identityPassword)
	if err != nil {
		t.Fatalf("SignUp: %v", err)
	}
	if res.UserID == "" || res.Confirmed {
		t.Fatalf("SignUp = %+v, want a user id and an unconfirmed account", res)
	}
	if _, err := f.Provider.SignIn(ctx, email, identityPassword); !errors.Is(err, domain.ErrUserNotConfirmed) {
		t.Fatalf("SignIn before confirmation: err = %v, want ErrUserNotConfirmed", err)
	}
	code := f.ConfirmationCode(t, email)
	if err := f.Provider.ConfirmSignUp(ctx, email, wrongCode(code)); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("ConfirmSignUp with a wrong code: err = %v, want ErrInvalidCode", err)
	}
	if _, err := f.Provider.SignIn(ctx, email, identityPassword); !errors.Is(err, domain.ErrUserNotConfirmed) {
		t.Fatalf("SignIn after a wrong code: err = %v, want ErrUserNotConfirmed", err)
	}
	if err := f.Provider.ConfirmSignUp(ctx, email, code); err != nil {
		t.Fatalf("ConfirmSignUp: %v", err)
	}
	tok, err := f.Provider.SignIn(ctx, email, identityPassword)
	if err != nil {
		t.Fatalf("SignIn: %v", err)
	}
	if tok.AccessToken == "" || tok.IDToken == "" || tok.RefreshToken == "" || tok.ExpiresIn <= 0 {
		t.Fatalf("SignIn tokens incomplete: access %t, id %t, refresh %t, expiresIn %v",
			tok.AccessToken != "", tok.IDToken != "", tok.RefreshToken != "", tok.ExpiresIn)
	}
	claims := verifyAccess(t, f, tok.AccessToken)
	if claims["sub"] != res.UserID || claims["token_use"] != "access" {
		t.Fatalf("access token claims sub=%q token_use=%q, want sub %q and access", claims["sub"], claims["token_use"], res.UserID)
	}
	if g := claims["cognito:groups"]; g != "" {
		t.Fatalf("a new user's access token lists groups %q", g)
	}
	again, err := f.Provider.Refresh(ctx, tok.RefreshToken)
	if err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	if again.AccessToken == "" || again.IDToken == "" {
		t.Fatal("Refresh returned no access or id token")
	}
	if c := verifyAccess(t, f, again.AccessToken); c["sub"] != res.UserID {
		t.Fatalf("refreshed access token sub = %q, want %q", c["sub"], res.UserID)
	}
}

func testIdentityDuplicateSignUp(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := randomEmail()
	if _, err := f.Provider.SignUp(ctx, email, identityPassword); err != nil {
		t.Fatalf("SignUp: %v", err)
	}
	_, err := f.Provider.SignUp(ctx, email, identityPassword+"x")
	if !errors.Is(err, domain.ErrUserExists) || !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second SignUp: err = %v, want ErrUserExists (a conflict)", err)
	}
}

func testIdentityConcurrentSignUps(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := randomEmail()
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { _, errs[i] = f.Provider.SignUp(ctx, email, identityPassword) })
	}
	wg.Wait()
	won := 0
	for _, err := range errs {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, domain.ErrUserExists):
			t.Errorf("SignUp: unexpected error %v", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d of %d concurrent sign-ups succeeded, want exactly 1", won, n)
	}
}

func testIdentityWrongPasswordLikeUnknownUser(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := confirmedUser(t, f)
	_, wrong := f.Provider.SignIn(ctx, email, identityPassword+"-wrong")
	_, unknown := f.Provider.SignIn(ctx, randomEmail(), identityPassword)
	for name, err := range map[string]error{"wrong password": wrong, "unknown user": unknown} {
		if !errors.Is(err, domain.ErrInvalidCredentials) || !errors.Is(err, domain.ErrUnauthenticated) {
			t.Errorf("%s: err = %v, want ErrInvalidCredentials (unauthenticated)", name, err)
		}
		if errors.Is(err, domain.ErrNotFound) || errors.Is(err, domain.ErrUserNotConfirmed) {
			t.Errorf("%s: err = %v reveals whether the account exists", name, err)
		}
	}
}

func testIdentityInvalidRefreshToken(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	_, err := f.Provider.Refresh(ctx, "not-a-refresh-token-"+randomHex(8))
	if !errors.Is(err, domain.ErrInvalidRefreshToken) {
		t.Fatalf("Refresh: err = %v, want ErrInvalidRefreshToken", err)
	}
}

func testIdentityAddToGroup(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := confirmedUser(t, f)
	before, err := f.Provider.SignIn(ctx, email, identityPassword)
	if err != nil {
		t.Fatalf("SignIn: %v", err)
	}
	if err := f.Provider.AddToGroup(ctx, email, app.AdminGroup); err != nil {
		t.Fatalf("AddToGroup: %v", err)
	}
	if err := f.Provider.AddToGroup(ctx, email, app.AdminGroup); err != nil {
		t.Fatalf("AddToGroup again: %v", err)
	}
	after, err := f.Provider.SignIn(ctx, email, identityPassword)
	if err != nil {
		t.Fatalf("SignIn: %v", err)
	}
	refreshed, err := f.Provider.Refresh(ctx, before.RefreshToken)
	if err != nil {
		t.Fatalf("Refresh: %v", err)
	}
	for name, tok := range map[string]string{"sign-in": after.AccessToken, "refresh": refreshed.AccessToken} {
		groups := verifyAccess(t, f, tok)["cognito:groups"]
		if !slices.Contains(strings.Fields(strings.Trim(groups, "[]")), app.AdminGroup) {
			t.Errorf("%s access token cognito:groups = %q, want it to contain %q", name, groups, app.AdminGroup)
		}
	}
}

func testIdentityAddToGroupUnknownUser(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	if err := f.Provider.AddToGroup(ctx, randomEmail(), app.AdminGroup); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("AddToGroup: err = %v, want ErrNotFound", err)
	}
}

// resetPassword is the new password of the reset cases.
const resetPassword = "Battery-Staple-7"

func testIdentityForgotPassword(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	email := confirmedUser(t, f)
	if err := f.Provider.ForgotPassword(ctx, email); err != nil {
		t.Fatalf("ForgotPassword: %v", err)
	}
	code := f.ResetCode(t, email)
	if err := f.Provider.ConfirmForgotPassword(ctx, email, wrongCode(code), resetPassword); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("ConfirmForgotPassword with a wrong code: %v, want ErrInvalidCode", err)
	}
	if _, err := f.Provider.SignIn(ctx, email, identityPassword); err != nil {
		t.Fatalf("SignIn with the old password after a wrong code: %v", err)
	}
	if err := f.Provider.ConfirmForgotPassword(ctx, email, code, resetPassword); err != nil {
		t.Fatalf("ConfirmForgotPassword: %v", err)
	}
	if _, err := f.Provider.SignIn(ctx, email, identityPassword); !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Fatalf("SignIn with the old password: %v, want ErrInvalidCredentials", err)
	}
	if _, err := f.Provider.SignIn(ctx, email, resetPassword); err != nil {
		t.Fatalf("SignIn with the new password: %v", err)
	}
	if err := f.Provider.ConfirmForgotPassword(ctx, email, code, identityPassword); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("ConfirmForgotPassword with a used code: %v, want ErrInvalidCode", err)
	}
}

func testIdentityForgotPasswordUnknownUser(t *testing.T, f IdentityProviderFixture) {
	if err := f.Provider.ForgotPassword(context.Background(), randomEmail()); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("ForgotPassword for an unknown user: %v, want ErrNotFound", err)
	}
}

func testIdentityForgotPasswordUnconfirmedUser(t *testing.T, f IdentityProviderFixture) {
	skipIfLacking(t, f, "forgot-unconfirmed")
	ctx := context.Background()
	email := randomEmail()
	if _, err := f.Provider.SignUp(ctx, email, identityPassword); err != nil {
		t.Fatal(err)
	}
	if err := f.Provider.ForgotPassword(ctx, email); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("ForgotPassword for an unconfirmed user: %v, want ErrNotFound", err)
	}
}

func testIdentityConfirmForgotPasswordWithoutReset(t *testing.T, f IdentityProviderFixture) {
	ctx := context.Background()
	for _, who := range []string{randomEmail(), confirmedUser(t, f)} {
		if err := f.Provider.ConfirmForgotPassword(ctx, who, "123456", resetPassword); !errors.Is(err, domain.ErrInvalidCode) {
			t.Errorf("ConfirmForgotPassword for an unknown user or one without a reset: %v, want ErrInvalidCode", err)
		}
	}
}

func testIdentityResetRevokesRefreshTokens(t *testing.T, f IdentityProviderFixture) {
	skipIfLacking(t, f, "reset-revokes")
	ctx := context.Background()
	email := confirmedUser(t, f)
	tok, err := f.Provider.SignIn(ctx, email, identityPassword)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Provider.ForgotPassword(ctx, email); err != nil {
		t.Fatal(err)
	}
	if err := f.Provider.ConfirmForgotPassword(ctx, email, f.ResetCode(t, email), resetPassword); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Provider.Refresh(ctx, tok.RefreshToken); !errors.Is(err, domain.ErrInvalidRefreshToken) {
		t.Fatalf("Refresh with a token issued before the reset: %v, want ErrInvalidRefreshToken", err)
	}
	after, err := f.Provider.SignIn(ctx, email, resetPassword)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Provider.Refresh(ctx, after.RefreshToken); err != nil {
		t.Fatalf("Refresh with a token issued after the reset: %v", err)
	}
}

// Helpers of the IdentityProvider suite.

// confirmedUser signs up a new user, confirms it without a code and returns
// its email.
func confirmedUser(t *testing.T, f IdentityProviderFixture) string {
	t.Helper()
	email := randomEmail()
	if _, err := f.Provider.SignUp(context.Background(), email, identityPassword); err != nil {
		t.Fatalf("SignUp: %v", err)
	}
	if err := f.Provider.AdminConfirm(context.Background(), email); err != nil {
		t.Fatalf("AdminConfirm: %v", err)
	}
	return email
}

func verifyAccess(t *testing.T, f IdentityProviderFixture, token string) map[string]string {
	t.Helper()
	claims, err := f.VerifyAccessToken(context.Background(), token)
	if err != nil {
		t.Fatalf("access token does not verify: %v", err)
	}
	return claims
}

// wrongCode returns a code of the same shape that differs from code.
func wrongCode(code string) string {
	if code == "000000" {
		return "111111"
	}
	return "000000"
}

func randomEmail() string { return fmt.Sprintf("reader-%s@example.com", randomHex(6)) }

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}
