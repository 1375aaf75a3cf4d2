package domain

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"
)

// ErrTooManyRequests is the category of requests refused because the caller
// sent too many of them (too many sign-in attempts, codes, sign-ups).
var ErrTooManyRequests = errors.New("too many requests")

// identityError is an identity failure of a known kind that joins one of the
// error categories. Compare with errors.Is against the exported values.
type identityError struct {
	msg      string
	category error
}

func (e *identityError) Error() string { return e.msg }

// Is joins the error's category.
func (e *identityError) Is(target error) bool { return target == e.category }

// Identity errors. Identity providers and the Auth use case report them, so
// inbound adapters can tell the client precisely what went wrong without
// exposing provider messages.
var (
	// ErrUserExists reports a sign-up for an email that has an account. It
	// joins ErrConflict.
	ErrUserExists error = &identityError{"an account with this email exists", ErrConflict}
	// ErrInvalidCredentials reports a sign-in with a wrong password or an
	// unknown email: the two are deliberately indistinguishable. It joins
	// ErrUnauthenticated.
	ErrInvalidCredentials error = &identityError{"wrong email or password", ErrUnauthenticated}
	// ErrInvalidRefreshToken reports a refresh token that is unknown, revoked
	// or expired. It joins ErrUnauthenticated.
	ErrInvalidRefreshToken error = &identityError{"invalid or expired refresh token", ErrUnauthenticated}
	// ErrUserNotConfirmed reports a sign-in before the email was confirmed.
	// It joins ErrForbidden: the credentials are right, but the account may
	// not sign in yet.
	ErrUserNotConfirmed error = &identityError{"account not confirmed", ErrForbidden}
	// ErrTooManyAttempts reports too many failed or rapid attempts. It joins
	// ErrTooManyRequests.
	ErrTooManyAttempts error = &identityError{"too many attempts", ErrTooManyRequests}
	// ErrWeakPassword reports a password that breaks PasswordPolicy. It joins
	// ErrInvalid; WeakPasswordError adds the field error.
	ErrWeakPassword error = &identityError{"password too weak", ErrInvalid}
	// ErrInvalidCode reports a confirmation code that is wrong or has
	// expired. It joins ErrInvalid; InvalidCodeError adds the field error.
	ErrInvalidCode error = &identityError{"wrong or expired confirmation code", ErrInvalid}
)

// PasswordPolicy describes the passwords accounts may have; it matches the
// user pool's policy in deploy/template.yaml.
const PasswordPolicy = "must be at least 8 characters with an upper-case letter, a lower-case letter and a digit"

// MinPasswordLength is the shortest password PasswordPolicy allows.
const MinPasswordLength = 8

// maxPasswordLength is Cognito's limit.
const maxPasswordLength = 256

// maxEmailLength is the longest address RFC 5321 allows.
const maxEmailLength = 254

// WeakPasswordError returns an error that joins ErrWeakPassword and carries
// the field error naming the policy (a *ValidationError for field "password").
func WeakPasswordError() error {
	return fmt.Errorf("%w: %w", ErrWeakPassword, &ValidationError{Fields: []FieldError{{Field: "password", Message: PasswordPolicy}}})
}

// InvalidCodeError returns an error that joins ErrInvalidCode and carries the
// field error for field "code".
func InvalidCodeError() error {
	return fmt.Errorf("%w: %w", ErrInvalidCode, &ValidationError{Fields: []FieldError{{Field: "code",
		Message: "is wrong or has expired"}}})
}

// CheckPassword reports whether password satisfies PasswordPolicy: nil, or
// an error from WeakPasswordError.
func CheckPassword(password string) error {
	var upper, lower, digit bool
	for _, r := range password {
		switch {
		case unicode.IsUpper(r):
			upper = true
		case unicode.IsLower(r):
			lower = true
		case unicode.IsDigit(r):
			digit = true
		}
	}
	n := len([]rune(password))
	if n < MinPasswordLength || n > maxPasswordLength || !upper || !lower || !digit {
		return WeakPasswordError()
	}
	return nil
}

// NormalizeEmail returns the canonical form of an email address used as a
// user name: trimmed and lower-cased. It fails with a *ValidationError for
// field "email" when the address is not a plain addr-spec (no display name,
// no angle brackets) with a dotted domain.
func NormalizeEmail(email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	invalid := &ValidationError{Fields: []FieldError{{Field: "email", Message: "must be an email address such as reader@example.com"}}}
	if email == "" || len(email) > maxEmailLength {
		return "", invalid
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || addr.Name != "" {
		return "", invalid
	}
	_, domainPart, _ := strings.Cut(email, "@")
	if !strings.Contains(domainPart, ".") || strings.HasPrefix(domainPart, ".") || strings.HasSuffix(domainPart, ".") {
		return "", invalid
	}
	return email, nil
}
