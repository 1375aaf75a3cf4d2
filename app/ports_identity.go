package app

import (
	"context"
	"time"
)

// Tokens are what a successful sign-in or refresh returns, as an identity
// provider issues them: JWTs shaped like Amazon Cognito's.
type Tokens struct {
	// AccessToken authorizes API calls (token_use "access", client_id).
	AccessToken string
	// IDToken describes the user (token_use "id", aud, email).
	IDToken string
	// RefreshToken obtains new access and id tokens through Refresh.
	RefreshToken string
	// ExpiresIn is how long AccessToken and IDToken are valid.
	ExpiresIn time.Duration
	// UserID is the subject ("sub") the tokens were issued to.
	UserID string
}

// SignUpResult describes a new account.
type SignUpResult struct {
	// UserID is the provider's stable subject ("sub") of the new user.
	UserID string
	// Confirmed reports whether the account may sign in already; when false,
	// a confirmation code was sent to the email address.
	Confirmed bool
}

// IdentityProvider manages user accounts and issues tokens (Amazon Cognito
// user pools, or an embedded stand-in). Users are named by their email
// address, which callers pass normalized (domain.NormalizeEmail). Errors:
//
//   - SignUp: domain.ErrUserExists; a password the provider's own policy
//     refuses joins domain.ErrWeakPassword.
//   - ConfirmSignUp: domain.ErrInvalidCode for a wrong or expired code or an
//     unknown user.
//   - SignIn: domain.ErrInvalidCredentials for a wrong password AND for an
//     unknown user (the same error, so accounts cannot be probed);
//     domain.ErrUserNotConfirmed when the password is right but the account
//     is not confirmed.
//   - Refresh: domain.ErrInvalidRefreshToken.
//   - ResendCode, DeleteUnconfirmed: a *domain.NotFoundError for an unknown
//     user or, for ResendCode, one that needs no confirmation.
//   - ForgotPassword: a *domain.NotFoundError (domain.ErrNotFound) for an
//     unknown user or one that is not confirmed (the use case hides it).
//   - ConfirmForgotPassword: domain.ErrInvalidCode for a wrong or expired
//     code, an unknown user or one with no reset pending; a password the
//     provider's own policy refuses joins domain.ErrWeakPassword.
//   - AddToGroup, AdminConfirm: a *domain.NotFoundError (domain.ErrNotFound)
//     for an unknown user or group.
//   - any call: domain.ErrTooManyAttempts when the provider throttles.
//
// Implementations are safe for concurrent use.
type IdentityProvider interface {
	// SignUp creates an unconfirmed account and sends it a confirmation code.
	SignUp(ctx context.Context, email, password string) (SignUpResult, error)
	// ConfirmSignUp confirms the account with the code that was sent.
	ConfirmSignUp(ctx context.Context, email, code string) error
	// SignIn checks the password (USER_PASSWORD_AUTH) and issues tokens.
	SignIn(ctx context.Context, email, password string) (Tokens, error)
	// Refresh issues new access and id tokens. The returned RefreshToken is
	// empty unless the provider rotated it; a rotated token replaces the one
	// passed, which no longer works.
	Refresh(ctx context.Context, refreshToken string) (Tokens, error)
	// RevokeRefreshToken makes the refresh token (and the tokens it
	// issued, where the provider can) useless. An unknown or already revoked
	// token is no error.
	RevokeRefreshToken(ctx context.Context, refreshToken string) error
	// ResendCode sends a new confirmation code to an unconfirmed account;
	// earlier codes stop working where the provider allows it.
	ResendCode(ctx context.Context, email string) error
	// ForgotPassword sends a password reset code to a confirmed account.
	// A new code replaces an earlier one where the provider allows it.
	ForgotPassword(ctx context.Context, email string) error
	// ConfirmForgotPassword sets a new password with the reset code that
	// was sent. Refresh tokens issued before stop working: the embedded
	// provider (adapters/localidp) revokes them, the Cognito adapter signs
	// the user out everywhere (AdminUserGlobalSignOut; cognito-local lacks
	// it and keeps them).
	ConfirmForgotPassword(ctx context.Context, email, code, newPassword string) error
	// DeleteUnconfirmed deletes the account if it is still unconfirmed and
	// was created before createdBefore, so that its email can sign up
	// again. It reports whether it deleted it.
	DeleteUnconfirmed(ctx context.Context, email string, createdBefore time.Time) (bool, error)
	// AddToGroup adds the user to an existing group; tokens issued
	// afterwards list it in cognito:groups. Adding a member again is no
	// error.
	AddToGroup(ctx context.Context, email, group string) error
	// AdminConfirm confirms an account without a code (bootstrap, tests).
	AdminConfirm(ctx context.Context, email string) error
}
