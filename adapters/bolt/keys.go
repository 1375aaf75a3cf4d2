package bolt

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/domain"
)

// Separators inside index keys: 0x00 ends a key's prefix (a category, a
// book id, a user id, a status), 0x01 ends a lower-cased title before its
// book id, as adapters/memory sorts titles.
const (
	prefixEnd = "\x00"
	titleEnd  = "\x01"
)

// prefixed returns prefix + 0x00 + rest. The prefix must not hold a 0x00,
// or the key would be ambiguous; it is refused as invalid input.
func prefixed(prefix, rest string) ([]byte, error) {
	if strings.Contains(prefix, prefixEnd) {
		return nil, fmt.Errorf("key part %q holds a NUL byte: %w", prefix, domain.ErrInvalid)
	}
	return []byte(prefix + prefixEnd + rest), nil
}

// decodePosition reads a listing's position token ("" for the first page).
func decodePosition(after, what string) ([]byte, error) {
	if after == "" {
		return nil, nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(after)
	if err != nil || len(raw) == 0 {
		return nil, fmt.Errorf("list %s: malformed position: %w", what, domain.ErrInvalid)
	}
	return raw, nil
}

func encodePosition(key []byte) string { return base64.RawURLEncoding.EncodeToString(key) }

// scan walks the keys of b that start with prefix, ascending or descending,
// strictly after the position after (a key without the prefix; nil starts
// at the first key), and calls fn with each key without its prefix and its
// value until fn returns false. The slices are valid during the
// transaction only.
func scan(b *bbolt.Bucket, prefix, after []byte, descending bool, fn func(rest, value []byte) bool) {
	c := b.Cursor()
	var k, v []byte
	switch {
	case !descending:
		start := append(bytes.Clone(prefix), after...)
		k, v = c.Seek(start)
		if after != nil && bytes.Equal(k, start) {
			k, v = c.Next()
		}
	default:
		// Every key with the prefix sorts below prefix+0xff (no UTF-8 text,
		// id or time stamp holds that byte): start from the key before the
		// position, or before the end of the prefix's range.
		start := append(bytes.Clone(prefix), after...)
		if after == nil {
			start = append(start, 0xff)
		}
		if k, _ = c.Seek(start); k == nil {
			k, v = c.Last()
		} else {
			k, v = c.Prev()
		}
	}
	for k != nil && bytes.HasPrefix(k, prefix) {
		if !fn(k[len(prefix):], v) {
			return
		}
		if descending {
			k, v = c.Prev()
		} else {
			k, v = c.Next()
		}
	}
}

// listPage reads one page of a listing: it scans b like scan, decodes up to
// limit values with decode and returns them with the position token of the
// following page, "" exactly when no key follows.
func listPage[T any](b *bbolt.Bucket, prefix, after []byte, descending bool, limit int, decode func(value []byte) (T, error)) ([]T, string, error) {
	items := make([]T, 0, limit)
	var last []byte
	var err error
	more := false
	scan(b, prefix, after, descending, func(rest, value []byte) bool {
		if len(items) == limit {
			more = true
			return false
		}
		var item T
		if item, err = decode(value); err != nil {
			return false
		}
		items = append(items, item)
		last = append(last[:0], rest...)
		return true
	})
	if err != nil {
		return nil, "", err
	}
	if !more {
		return items, "", nil
	}
	return items, encodePosition(last), nil
}
