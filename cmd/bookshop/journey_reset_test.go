package main

import (
	"net/url"
	"testing"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// TestJourneyPasswordReset: a shopper who forgot their password follows
// "Forgot your password?" from the sign-in page, asks for a code (the
// answer tells nothing about accounts), opens the reset page (which
// survives a reload), is told which field is wrong for a weak password and
// for a wrong code, sets a new password with the "emailed" code and lands
// on the sign-in page with a success message: the old password fails
// there, the new one signs in. Each new page passes axe.
func TestJourneyPasswordReset(t *testing.T) {
	t.Parallel()
	e := startShop(t)
	const email, oldPassword, newPassword = "forgetful@example.com", "Forgetful-pass-1", "Remembered-pass-2"
	b := openTab(t, e)
	b.Navigate("/")
	waitCount(b, tid("book-card"), 12)
	registerAndSignIn(t, b, e, email, oldPassword)
	b.Click(tid("sign-out"))
	b.WaitVisible(tid("sign-in"))

	b.Click(tid("sign-in"))
	b.WaitVisible(tid("login-form"))
	b.Click(tid("login-forgot"))
	b.WaitVisible(tid("forgot-form"))
	waitPath(b, "/forgot-password")
	waitText(b, "main h1", "Reset your password")
	b.CheckA11y("forgot password")
	b.SendKeys("#email", email)
	b.Press("\r") // the keyboard submits the form
	b.WaitVisible(tid("forgot-sent"))
	waitTextContains(b, tid("forgot-sent"), "If an account exists for that email, we sent a code.")
	b.CheckA11y("forgot password, sent")
	code, ok := e.srv.idp.ResetCode(email)
	if !ok {
		t.Fatalf("no reset code for %s", email)
	}

	b.Click(tid("forgot-next"))
	b.WaitVisible(tid("reset-form"))
	waitPath(b, "/reset-password?email="+url.QueryEscape(email))
	b.Reload() // a deep link works too
	b.WaitVisible(tid("reset-form"))
	waitText(b, "main h1", "Choose a new password")
	if got := b.Value("#email"); got != email {
		t.Errorf("the reset form's email = %q, want %q", got, email)
	}
	b.CheckA11y("reset password")

	// Provoked: a weak password and a wrong code, each answered 400.
	b.AllowError(`status of 400 .*/api/auth/password/reset\)$`)
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	fillIn(b, map[string]string{"#code": code, "#password": "lowercase-only-1"}, tid("reset-submit"))
	waitTextContains(b, "#password-error", "upper-case")
	b.CheckA11y("reset password, weak password")
	fillIn(b, map[string]string{"#code": wrong, "#password": newPassword}, tid("reset-submit"))
	waitTextContains(b, "#code-error", "is wrong or has expired")
	fillIn(b, map[string]string{"#code": code}, tid("reset-submit"))

	b.WaitVisible(tid("login-reset"))
	waitPath(b, "/login?reset=1&email="+url.QueryEscape(email))
	waitTextContains(b, tid("login-reset"), "Your password is changed")
	b.CheckA11y("login, password reset")
	if got := b.Value("#email"); got != email {
		t.Errorf("the sign-in form's email = %q, want %q", got, email)
	}
	b.AllowError(`status of 401 .*/api/auth/login\)$`) // provoked: the old password
	fillIn(b, map[string]string{"#password": oldPassword}, tid("login-submit"))
	waitTextContains(b, "main [role=alert]", "wrong")
	fillIn(b, map[string]string{"#password": newPassword}, tid("login-submit"))
	waitTextContains(b, tid("account"), email)
}

// fillIn replaces the values of the fields (by CSS selector) and clicks
// submit.
func fillIn(b *browsertest.Browser, values map[string]string, submit string) {
	for selector, value := range values {
		b.Clear(selector)
		b.SendKeys(selector, value)
	}
	b.Click(submit)
}
