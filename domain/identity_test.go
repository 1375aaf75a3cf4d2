package domain_test

import (
	"errors"
	"testing"

	"github.com/bookshop/bookshop/domain"
)

func TestCheckPassword(t *testing.T) {
	tests := []struct {
		name, password string
		ok             bool
	}{
		{"meets the policy", "Abcdefg1", true},
		{"unicode letters count", "Ünïcödé9", true},
		{"seven characters", "Abcdef1", false},
		{"no upper case", "abcdefg1", false},
		{"no lower case", "ABCDEFG1", false},
		{"no digit", "Abcdefgh", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := domain.CheckPassword(tt.password)
			if (err == nil) != tt.ok {
				t.Fatalf("CheckPassword(%q) = %v, want ok=%t", tt.password, err, tt.ok)
			}
			if err == nil {
				return
			}
			var ve *domain.ValidationError
			if !errors.Is(err, domain.ErrWeakPassword) || !errors.Is(err, domain.ErrInvalid) || !errors.As(err, &ve) ||
				ve.Fields[0] != (domain.FieldError{Field: "password", Message: domain.PasswordPolicy}) {
				t.Fatalf("error %v: want ErrWeakPassword with the policy as field error", err)
			}
		})
	}
}

func TestNormalizeEmail(t *testing.T) {
	tests := []struct{ in, want string }{
		{" Reader@Example.COM ", "reader@example.com"},
		{"a.b+c@mail.example.org", "a.b+c@mail.example.org"},
		{"reader@localhost", ""},
		{"reader", ""},
		{"@example.com", ""},
		{"Reader <reader@example.com>", ""},
		{"reader@example.com, other@example.com", ""},
		{"reader@.example.com", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := domain.NormalizeEmail(tt.in)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("NormalizeEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		if err != nil && !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("NormalizeEmail(%q) error %v is not ErrInvalid", tt.in, err)
		}
	}
}

func TestIdentityErrorsJoinTheirCategories(t *testing.T) {
	tests := []struct{ err, category error }{
		{domain.ErrUserExists, domain.ErrConflict},
		{domain.ErrInvalidCredentials, domain.ErrUnauthenticated},
		{domain.ErrInvalidRefreshToken, domain.ErrUnauthenticated},
		{domain.ErrUserNotConfirmed, domain.ErrForbidden},
		{domain.ErrTooManyAttempts, domain.ErrTooManyRequests},
		{domain.InvalidCodeError(), domain.ErrInvalid},
		{domain.InvalidCodeError(), domain.ErrInvalidCode},
	}
	for _, tt := range tests {
		if !errors.Is(tt.err, tt.category) {
			t.Errorf("%v does not join %v", tt.err, tt.category)
		}
	}
	if errors.Is(domain.ErrInvalidCredentials, domain.ErrUserNotConfirmed) || errors.Is(domain.ErrUserExists, domain.ErrInvalid) {
		t.Error("identity errors match each other")
	}
}
