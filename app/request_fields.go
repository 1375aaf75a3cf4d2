package app

import (
	"fmt"
	"strings"

	"github.com/bookshop/bookshop/domain"
)

// requestFields collects the field errors of a client's request, so that a
// use case reports them all at once.
type requestFields []domain.FieldError

// add records a field error.
func (f *requestFields) add(field, message string) {
	*f = append(*f, domain.FieldError{Field: field, Message: message})
}

// category parses an optional category given as free text; "" (or spaces)
// is the zero category.
func (f *requestFields) category(raw string) domain.Category {
	if strings.TrimSpace(raw) == "" {
		return domain.Category{}
	}
	cat, ok := domain.ParseCategory(raw)
	if !ok {
		f.add("category", "is not a valid category")
	}
	return cat
}

// limit returns requested, or def when it is 0, and records an error when
// it is outside 1 to max.
func (f *requestFields) limit(requested, def, max int) int {
	if requested == 0 {
		return def
	}
	if requested < 1 || requested > max {
		f.add("limit", fmt.Sprintf("must be between 1 and %d", max))
	}
	return requested
}

// err returns the *domain.ValidationError of the recorded fields, or nil.
func (f requestFields) err() error {
	if len(f) == 0 {
		return nil
	}
	return &domain.ValidationError{Fields: f}
}
