package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxCategoryLen bounds the length of a category slug.
const MaxCategoryLen = 64

// Category is a normalized slug such as "science-fiction". The zero value is
// not a valid category; obtain one from ParseCategory.
type Category struct{ slug string }

// ParseCategory normalizes free text into a slug: letters are lower-cased,
// runs of spaces, underscores and punctuation become one hyphen, and leading
// or trailing hyphens are dropped. Letters (of any script) and digits survive. It
// reports false when nothing is left or the slug is longer than
// MaxCategoryLen.
func ParseCategory(s string) (Category, bool) {
	if isSlug(s) {
		return Category{s}, true // what buildSlug would build, without building it
	}
	return buildSlug(s)
}

// buildSlug is ParseCategory for any text.
func buildSlug(s string) (Category, bool) {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pendingHyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			pendingHyphen = false
			b.WriteRune(r)
		default:
			pendingHyphen = true
		}
	}
	slug := b.String()
	if slug == "" || utf8.RuneCountInString(slug) > MaxCategoryLen {
		return Category{}, false
	}
	return Category{slug}, true
}

// String returns the slug.
func (c Category) String() string { return c.slug }

// IsZero reports whether c is the zero (invalid) category.
func (c Category) IsZero() bool { return c.slug == "" }

// isSlug reports whether s is already a category slug: ASCII lower-case
// letters and digits in runs joined by single hyphens, at most
// MaxCategoryLen long. Stored categories are, so reading a book parses its
// category without allocating.
func isSlug(s string) bool {
	if s == "" || len(s) > MaxCategoryLen || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := range len(s) {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}
