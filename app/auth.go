package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bookshop/bookshop/domain"
)

// Auth is the use case behind registration and sign-in: it validates input
// and delegates to the IdentityProvider. It is safe for concurrent use.
type Auth struct {
	idp IdentityProvider
}

// NewAuth returns the use case over idp.
func NewAuth(idp IdentityProvider) (*Auth, error) {
	if idp == nil {
		return nil, errors.New("app.NewAuth: nil IdentityProvider")
	}
	return &Auth{idp: idp}, nil
}

// Registration is the outcome of Register.
type Registration struct {
	// UserID is the new user's subject.
	UserID string
	// Email is the normalized address the account is named by.
	Email string
	// ConfirmationRequired reports that a code was sent to Email and must
	// be passed to Confirm before the user can sign in.
	ConfirmationRequired bool
}

// Register creates an account. A malformed email or a password that breaks
// domain.PasswordPolicy is a *domain.ValidationError listing both, and the
// provider is not called; an existing account is domain.ErrUserExists.
func (a *Auth) Register(ctx context.Context, email, password string) (Registration, error) {
	addr, err := checkCredentials(email, password)
	if err != nil {
		return Registration{}, err
	}
	res, err := a.idp.SignUp(ctx, addr, password)
	if err != nil {
		return Registration{}, fmt.Errorf("register: %w", err)
	}
	return Registration{UserID: res.UserID, Email: addr, ConfirmationRequired: !res.Confirmed}, nil
}

// Confirm confirms a new account with the code sent to it. A wrong or
// expired code is domain.ErrInvalidCode.
func (a *Auth) Confirm(ctx context.Context, email, code string) error {
	addr, emailErr := domain.NormalizeEmail(email)
	var fields []domain.FieldError
	fields = appendFields(fields, emailErr)
	code = strings.TrimSpace(code)
	if code == "" || len(code) > 16 {
		fields = append(fields, domain.FieldError{Field: "code", Message: "must be the code from the confirmation email"})
	}
	if len(fields) > 0 {
		return &domain.ValidationError{Fields: fields}
	}
	if err := a.idp.ConfirmSignUp(ctx, addr, code); err != nil {
		return fmt.Errorf("confirm: %w", err)
	}
	return nil
}

// Login signs a user in. A wrong password and an unknown email are the same
// error, domain.ErrInvalidCredentials; so is a password that could never
// have been set (it breaks the policy): the policy is not checked here, so
// accounts made under an older policy still sign in.
func (a *Auth) Login(ctx context.Context, email, password string) (Tokens, error) {
	addr, err := domain.NormalizeEmail(email)
	if err != nil || password == "" {
		return Tokens{}, domain.ErrInvalidCredentials
	}
	t, err := a.idp.SignIn(ctx, addr, password)
	if err != nil {
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	return t, nil
}

// Refresh exchanges a refresh token for new access and id tokens. The
// returned Tokens carry the refresh token to use next: the provider's new one
// if it rotated it, else the one passed in.
func (a *Auth) Refresh(ctx context.Context, refreshToken string) (Tokens, error) {
	refreshToken = strings.TrimSpace(refreshToken)
	if refreshToken == "" {
		return Tokens{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "refreshToken", Message: "is required"}}}
	}
	t, err := a.idp.Refresh(ctx, refreshToken)
	if err != nil {
		return Tokens{}, fmt.Errorf("refresh: %w", err)
	}
	t.RefreshToken = cmp.Or(t.RefreshToken, refreshToken)
	return t, nil
}

// checkCredentials validates a new account's email and password, reporting
// both problems at once, and returns the normalized email.
func checkCredentials(email, password string) (string, error) {
	addr, emailErr := domain.NormalizeEmail(email)
	fields := appendFields(nil, emailErr)
	fields = appendFields(fields, domain.CheckPassword(password))
	if len(fields) > 0 {
		return "", &domain.ValidationError{Fields: fields}
	}
	return addr, nil
}

// appendFields adds the field errors of a *domain.ValidationError in err.
func appendFields(fields []domain.FieldError, err error) []domain.FieldError {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		fields = append(fields, ve.Fields...)
	}
	return fields
}
