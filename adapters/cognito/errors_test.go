package cognito

import (
	"errors"
	"fmt"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/bookshop/bookshop/domain"
)

// TestTranslate covers the Cognito codes cognito-local does not produce
// (throttling, lockout, expired codes) as well as those it does.
func TestTranslate(t *testing.T) {
	tests := []struct {
		name, code, message string
		call                call
		want                error
	}{
		{"throttled", "TooManyRequestsException", "", call{op: opSignIn}, domain.ErrTooManyAttempts},
		{"too many failed codes", "TooManyFailedAttemptsException", "", call{op: opConfirm}, domain.ErrTooManyAttempts},
		{"limit exceeded", "LimitExceededException", "", call{op: opSignUp}, domain.ErrTooManyAttempts},
		{"locked account", "NotAuthorizedException", "Password attempts exceeded", call{op: opSignIn}, domain.ErrTooManyAttempts},
		{"user exists", "UsernameExistsException", "", call{op: opSignUp}, domain.ErrUserExists},
		{"weak password", "InvalidPasswordException", "Password did not conform with policy", call{op: opSignUp}, domain.ErrWeakPassword},
		{"wrong code", "CodeMismatchException", "", call{op: opConfirm}, domain.ErrInvalidCode},
		{"expired code", "ExpiredCodeException", "", call{op: opConfirm}, domain.ErrInvalidCode},
		{"not confirmed", "UserNotConfirmedException", "", call{op: opSignIn}, domain.ErrUserNotConfirmed},
		{"wrong password", "NotAuthorizedException", "Incorrect username or password.", call{op: opSignIn}, domain.ErrInvalidCredentials},
		{"unknown user signs in", "UserNotFoundException", "", call{op: opSignIn}, domain.ErrInvalidCredentials},
		{"bad refresh token", "NotAuthorizedException", "Invalid Refresh Token", call{op: opRefresh}, domain.ErrInvalidRefreshToken},
		{"unknown user in admin call", "UserNotFoundException", "", call{op: opAdmin, user: "a@example.com"}, domain.ErrNotFound},
		{"unknown group", "ResourceNotFoundException", "", call{op: opAdmin, group: "x"}, domain.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &smithy.GenericAPIError{Code: tt.code, Message: tt.message}
			err := translate("op", fmt.Errorf("operation error: %w", src), tt.call)
			if !errors.Is(err, tt.want) {
				t.Fatalf("translate(%s) = %v, want %v", tt.code, err, tt.want)
			}
			var api smithy.APIError
			if !errors.As(err, &api) || api.ErrorCode() != tt.code {
				t.Errorf("the Cognito error is not kept in the chain: %v", err)
			}
		})
	}
	if err := translate("op", &smithy.GenericAPIError{Code: "InternalErrorException"}, call{op: opSignIn}); errors.Is(err, domain.ErrInvalidCredentials) ||
		errors.Is(err, domain.ErrUnauthenticated) {
		t.Errorf("a server error became a client error: %v", err)
	}
}
