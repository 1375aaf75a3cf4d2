package cognito

import (
	"errors"
	"fmt"
	"strings"

	"github.com/aws/smithy-go"

	"github.com/bookshop/bookshop/domain"
)

// op is the kind of call whose error is translated: the same Cognito code
// means different things for different calls.
type op int

const (
	opSignUp op = iota + 1
	opConfirm
	opSignIn
	opRefresh
	opAdmin
	// opResend: a user who is unknown or needs no code is not found.
	opResend
	// opForgot: a user who is unknown or cannot reset (unconfirmed) is not
	// found.
	opForgot
)

// call describes the call whose error is translated: its kind and, for
// admin calls, the user and group it named.
type call struct {
	op    op
	user  string
	group string
}

// translate turns a Cognito error into the port's errors, keeping the
// original in the chain for logs. nil stays nil.
func translate(what string, err error, c call) error {
	if err == nil {
		return nil
	}
	var api smithy.APIError
	if !errors.As(err, &api) {
		return fmt.Errorf("cognito %s: %w", what, err)
	}
	if mapped := mapCode(api.ErrorCode(), api.ErrorMessage(), c); mapped != nil {
		return fmt.Errorf("cognito %s: %w (%w)", what, mapped, err)
	}
	return fmt.Errorf("cognito %s: %w", what, err)
}

// mapCode maps a Cognito error code to a domain error, or nil when the
// error is not one a client caused.
func mapCode(code, message string, c call) error {
	o := c.op
	if code == "Unsupported" { // cognito-local's answer for an API it lacks
		return fmt.Errorf("%s: %w", message, errors.ErrUnsupported)
	}
	if o == opResend && (code == "UserNotFoundException" || code == "InvalidParameterException") {
		return &domain.NotFoundError{Entity: "unconfirmed user", ID: c.user}
	}
	if o == opForgot && (code == "UserNotFoundException" || code == "InvalidParameterException" || code == "NotAuthorizedException") {
		return &domain.NotFoundError{Entity: "confirmed user", ID: c.user}
	}
	switch code {
	case "TooManyRequestsException", "TooManyFailedAttemptsException", "LimitExceededException":
		return domain.ErrTooManyAttempts
	case "UsernameExistsException", "AliasExistsException":
		return domain.ErrUserExists
	case "InvalidPasswordException":
		if o == opSignIn { // cognito-local answers a wrong password this way
			return domain.ErrInvalidCredentials
		}
		return domain.WeakPasswordError()
	case "CodeMismatchException", "ExpiredCodeException":
		return domain.InvalidCodeError()
	case "UserNotConfirmedException":
		return domain.ErrUserNotConfirmed
	case "UserNotFoundException":
		switch o {
		case opSignIn:
			return domain.ErrInvalidCredentials
		case opConfirm:
			return domain.InvalidCodeError()
		case opRefresh:
			return domain.ErrInvalidRefreshToken
		}
		return &domain.NotFoundError{Entity: "user", ID: c.user}
	case "ResourceNotFoundException":
		if o == opAdmin {
			return &domain.NotFoundError{Entity: "group", ID: c.group}
		}
	case "NotAuthorizedException":
		// Cognito says "Password attempts exceeded" when it locks an account.
		if strings.Contains(strings.ToLower(message), "attempts exceeded") {
			return domain.ErrTooManyAttempts
		}
		switch o {
		case opSignIn:
			return domain.ErrInvalidCredentials
		case opRefresh:
			return domain.ErrInvalidRefreshToken
		case opConfirm:
			// Confirming an unknown user, or one already confirmed.
			return domain.InvalidCodeError()
		}
	}
	return nil
}
