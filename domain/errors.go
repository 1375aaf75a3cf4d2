package domain

import (
	"errors"
	"fmt"
	"strings"
)

// Error categories. Every error the domain and the application report joins
// exactly one of these through errors.Is, and inbound adapters map the
// categories (never the concrete types) to protocol status codes.
var (
	// ErrNotFound reports that the addressed entity does not exist.
	ErrNotFound = errors.New("not found")
	// ErrInvalid reports input that breaks an invariant; see ValidationError.
	ErrInvalid = errors.New("invalid input")
	// ErrConflict reports a request that clashes with the current state, such
	// as creating an entity whose id is taken.
	ErrConflict = errors.New("conflict")
	// ErrVersionConflict reports an optimistic-locking failure: the caller's
	// expected version is no longer the current one.
	ErrVersionConflict = errors.New("version conflict")
	// ErrPreconditionRequired reports a write that must name the version it
	// expects to replace but did not.
	ErrPreconditionRequired = errors.New("precondition required")
	// ErrUnauthenticated reports a request that needs a signed-in principal.
	ErrUnauthenticated = errors.New("unauthenticated")
	// ErrForbidden reports a principal that may not perform the operation.
	ErrForbidden = errors.New("forbidden")
)

// FieldError describes one invalid field. Field uses the JSON name the API
// exposes (for example "priceCents").
type FieldError struct {
	Field   string
	Message string
}

// ValidationError carries every field error found at once. It joins the
// ErrInvalid category.
type ValidationError struct {
	Fields []FieldError
}

// Error lists the invalid fields.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Message
	}
	return "invalid input: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// fieldErrors accumulates field errors; its err method returns nil when
// nothing was added.
type fieldErrors []FieldError

func (f *fieldErrors) add(field, format string, args ...any) {
	*f = append(*f, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	return &ValidationError{Fields: f}
}

// NotFoundError names the missing entity. It joins ErrNotFound.
type NotFoundError struct {
	Entity string
	ID     string
}

func (e *NotFoundError) Error() string { return fmt.Sprintf("%s %q not found", e.Entity, e.ID) }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// VersionConflictError reports the version a writer expected and the one it
// found. It joins ErrVersionConflict.
type VersionConflictError struct {
	Entity   string
	ID       string
	Expected int64
	Actual   int64
}

func (e *VersionConflictError) Error() string {
	return fmt.Sprintf("%s %q is at version %d, not %d", e.Entity, e.ID, e.Actual, e.Expected)
}

// Is makes errors.Is(err, ErrVersionConflict) true.
func (e *VersionConflictError) Is(target error) bool { return target == ErrVersionConflict }
