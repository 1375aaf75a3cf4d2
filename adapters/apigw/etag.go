package apigw

import (
	"strconv"
	"strings"

	"github.com/bookshop/bookshop/domain"
)

// etag returns the strong entity tag of a version: "3" with the quotes.
func etag(version int64) string {
	var buf [24]byte
	b := append(buf[:0], '"')
	b = strconv.AppendInt(b, version, 10)
	return string(append(b, '"'))
}

// ifMatchField names the header in field errors.
const ifMatchField = "If-Match"

// parseIfMatch reads an If-Match header under the strong comparison of RFC
// 9110, section 8.8.3.2. It returns the version the client expects, or 0 when
// the header is absent or `*` (which callers treat as "no version named").
// A weak or non-version entity tag can never match: *requestError joining
// domain.ErrVersionConflict (412). Anything but `*` or one entity tag is a
// *domain.ValidationError on field If-Match (400). See doc.go.
func parseIfMatch(v string) (int64, error) {
	v = strings.TrimSpace(v)
	if v == "" || v == "*" {
		return 0, nil
	}
	weak := false
	if rest, ok := strings.CutPrefix(v, "W/"); ok {
		weak, v = true, rest
	}
	if len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' || !isETagChars(v[1:len(v)-1]) {
		return 0, &domain.ValidationError{Fields: []domain.FieldError{{
			Field: ifMatchField, Message: `must be one entity tag from the book's ETag, such as "3"`,
		}}}
	}
	if weak {
		return 0, &requestError{kind: domain.ErrVersionConflict,
			detail: `Weak entity tags never match If-Match; send the book's strong ETag, such as "3".`}
	}
	opaque := v[1 : len(v)-1]
	version, err := strconv.ParseInt(opaque, 10, 64)
	if err != nil || version < 1 || strconv.FormatInt(version, 10) != opaque {
		return 0, &requestError{kind: domain.ErrVersionConflict,
			detail: "If-Match does not name a version of this book; fetch it again and use its ETag."}
	}
	return version, nil
}

// isETagChars reports whether s holds only etagc characters (RFC 9110):
// '!', '#' to '~', and obs-text. Commas are etagc, so a list of tags such as
// "1", "2" fails on its inner quotes.
func isETagChars(s string) bool {
	for i := range len(s) {
		c := s[i]
		if c != '!' && (c < '#' || c == 0x7f) {
			return false
		}
	}
	return true
}
