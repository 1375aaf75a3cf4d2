package app_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

const newPassword = "Fresh-start-2"

// confirmedShopper registers and confirms email with abusePassword.
func confirmedShopper(t *testing.T, h *authHarness, email string) {
	t.Helper()
	ctx := context.Background()
	if _, err := h.auth.Register(ctx, email, abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	code, _ := h.p.ConfirmationCode(email)
	if err := h.auth.Confirm(ctx, email, code); err != nil {
		t.Fatal(err)
	}
}

// resetCode requests a reset for email, as the shopper typed it, and
// returns the code sent to addr.
func resetCode(t *testing.T, h *authHarness, email, addr string) string {
	t.Helper()
	if err := h.auth.RequestPasswordReset(context.Background(), email); err != nil {
		t.Fatal(err)
	}
	code, ok := h.p.ResetCode(addr)
	if !ok {
		t.Fatalf("no reset code was sent to %s", addr)
	}
	return code
}

// TestPasswordResetFlow: the emailed code sets a new password; the old
// password no longer signs in, the new one does, and refresh tokens issued
// before the reset refresh nothing.
func TestPasswordResetFlow(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	confirmedShopper(t, h, "forgetful@example.com")
	before, err := h.auth.Login(ctx, "forgetful@example.com", abusePassword)
	if err != nil {
		t.Fatal(err)
	}
	code := resetCode(t, h, " Forgetful@Example.com", "forgetful@example.com")
	if err := h.auth.ResetPassword(ctx, "FORGETFUL@example.com", " "+code+" ", newPassword); err != nil {
		t.Fatalf("ResetPassword: %v", err)
	}
	if _, err := h.auth.Login(ctx, "forgetful@example.com", abusePassword); !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Fatalf("the old password: %v, want ErrInvalidCredentials", err)
	}
	if _, err := h.auth.Login(ctx, "forgetful@example.com", newPassword); err != nil {
		t.Fatalf("the new password: %v", err)
	}
	if _, err := h.auth.Refresh(ctx, before.RefreshToken); !errors.Is(err, domain.ErrInvalidRefreshToken) {
		t.Fatalf("a refresh token from before the reset: %v, want ErrInvalidRefreshToken", err)
	}
	if err := h.auth.ResetPassword(ctx, "forgetful@example.com", code, abusePassword); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("the used code again: %v, want ErrInvalidCode", err)
	}
}

// TestPasswordResetTellsNothingAboutAccounts: requesting a reset for an
// unknown or unconfirmed account answers as for a confirmed one and sends
// nothing; resetting an unknown account answers as a wrong code does.
func TestPasswordResetTellsNothingAboutAccounts(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	confirmedShopper(t, h, "known@example.com")
	if _, err := h.auth.Register(ctx, "pending@example.com", abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{"known@example.com", "nobody@example.com", "pending@example.com"} {
		if err := h.auth.RequestPasswordReset(ctx, email); err != nil {
			t.Errorf("RequestPasswordReset(%s) = %v, want nil", email, err)
		}
	}
	for _, email := range []string{"nobody@example.com", "pending@example.com"} {
		if _, ok := h.p.ResetCode(email); ok {
			t.Errorf("a reset code was sent to %s", email)
		}
	}
	code, _ := h.p.ResetCode("known@example.com")
	wrong := h.auth.ResetPassword(ctx, "known@example.com", wrongCode(code, 1), newPassword)
	unknown := h.auth.ResetPassword(ctx, "nobody@example.com", code, newPassword)
	for name, err := range map[string]error{"wrong code": wrong, "unknown account": unknown} {
		var ve *domain.ValidationError
		if !errors.Is(err, domain.ErrInvalidCode) || !errors.As(err, &ve) || ve.Fields[0].Field != "code" {
			t.Errorf("%s: %v, want ErrInvalidCode naming the code", name, err)
		}
		if errors.Is(err, domain.ErrNotFound) {
			t.Errorf("%s: %v tells that the account does not exist", name, err)
		}
	}
}

// TestParallelResetGuessesCannotPassTheLimit: 64 wrong codes sent at once
// reach the provider at most AuthLimits.CodeGuesses times, and the right
// code is refused after them until a new one is requested.
func TestParallelResetGuessesCannotPassTheLimit(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	confirmedShopper(t, h, "target@example.com")
	code := resetCode(t, h, "target@example.com", "target@example.com")
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() { _ = h.auth.ResetPassword(ctx, "target@example.com", wrongCode(code, i), newPassword) })
	}
	wg.Wait()
	if n := h.idp.resets.Load(); n > int32(app.DefaultAuthLimits.CodeGuesses) {
		t.Fatalf("%d of 64 parallel guesses reached the provider, want at most %d", n, app.DefaultAuthLimits.CodeGuesses)
	}
	if err := h.auth.ResetPassword(ctx, "target@example.com", code, newPassword); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("the right code after 64 wrong ones: %v, want ErrInvalidCode (voided)", err)
	}
	if _, err := h.auth.Login(ctx, "target@example.com", abusePassword); err != nil {
		t.Fatalf("the password changed: %v", err)
	}
	fresh := resetCode(t, h, "target@example.com", "target@example.com")
	if err := h.auth.ResetPassword(ctx, "target@example.com", fresh, newPassword); err != nil {
		t.Fatalf("a new code: %v", err)
	}
}

// TestPasswordResetRequestsAreLimited: an account is sent at most
// AuthLimits.Resends codes per CodeWindow, silently; a client address gets
// ErrTooManyAttempts after SignUpsPerClient requests, whatever the email,
// and other addresses do not.
func TestPasswordResetRequestsAreLimited(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	confirmedShopper(t, h, "spammed@example.com")
	limits := app.DefaultAuthLimits
	for i := range limits.Resends + 3 {
		if err := h.auth.RequestPasswordReset(ctx, "spammed@example.com"); err != nil {
			t.Fatalf("request %d: %v, want nil", i+1, err)
		}
	}
	if n := h.idp.forgots.Load(); n != int32(limits.Resends) {
		t.Fatalf("%d codes were sent, want %d", n, limits.Resends)
	}

	client := app.WithClient(ctx, "203.0.113.9")
	for i := range limits.SignUpsPerClient {
		if err := h.auth.RequestPasswordReset(client, "other@example.com"); err != nil {
			t.Fatalf("request %d from one address: %v", i+1, err)
		}
	}
	if err := h.auth.RequestPasswordReset(client, "another@example.com"); !errors.Is(err, domain.ErrTooManyAttempts) {
		t.Fatalf("request %d from one address: %v, want ErrTooManyAttempts", limits.SignUpsPerClient+1, err)
	}
	if err := h.auth.RequestPasswordReset(app.WithClient(ctx, "198.51.100.7"), "another@example.com"); err != nil {
		t.Fatalf("another address: %v", err)
	}
	h.clock.Advance(limits.ThrottleWindow)
	if err := h.auth.RequestPasswordReset(client, "another@example.com"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

// TestResetRefusesAWeakPasswordBeforeTheProvider: a new password that
// breaks the policy is a validation error naming "password", and neither
// the code nor the provider is spent on it.
func TestResetRefusesAWeakPasswordBeforeTheProvider(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	confirmedShopper(t, h, "weak@example.com")
	code := resetCode(t, h, "weak@example.com", "weak@example.com")
	err := h.auth.ResetPassword(ctx, "weak@example.com", code, "short")
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "password" {
		t.Fatalf("weak password: %v, want a validation error naming password", err)
	}
	if n := h.idp.resets.Load(); n != 0 {
		t.Fatalf("the provider was called %d times", n)
	}
	if err := h.auth.ResetPassword(ctx, "weak@example.com", code, newPassword); err != nil {
		t.Fatalf("the code after a refused password: %v", err)
	}
}
