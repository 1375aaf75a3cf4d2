package app

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
)

// CursorCodec turns a repository position token into an opaque page cursor
// for clients, and back. A cursor is bound to the query it continues and
// authenticated with HMAC-SHA256, so a client can neither forge a position
// nor reuse a cursor with another category or order.
type CursorCodec struct {
	key []byte
}

// MinCursorKeyLen is the shortest accepted signing key, in bytes.
const MinCursorKeyLen = 16

// NewCursorCodec returns a codec signing with key. Every instance serving the
// same API must use the same key.
func NewCursorCodec(key []byte) (*CursorCodec, error) {
	if len(key) < MinCursorKeyLen {
		return nil, errors.New("cursor key must be at least 16 bytes")
	}
	return &CursorCodec{key: append([]byte(nil), key...)}, nil
}

type cursorPayload struct {
	Query string `json:"q"`
	After string `json:"a"`
}

// Encode returns the cursor for position after within query scope. Both
// are text (valid UTF-8), as every repository's position tokens are: the
// payload is JSON, which cannot carry other bytes (FuzzCursorDecode found
// that they come back as U+FFFD).
func (c *CursorCodec) Encode(scope, after string) string {
	payload, _ := json.Marshal(cursorPayload{Query: scope, After: after}) // cannot fail for two strings
	return base64.RawURLEncoding.EncodeToString(payload) + "." + base64.RawURLEncoding.EncodeToString(c.sign(payload))
}

// errBadCursor is reported for every malformed, tampered or misapplied cursor.
var errBadCursor = errors.New("bad cursor")

// Decode returns the position carried by cursor, which must have been issued
// for scope.
func (c *CursorCodec) Decode(scope, cursor string) (string, error) {
	body, sig, ok := strings.Cut(cursor, ".")
	if !ok {
		return "", errBadCursor
	}
	payload, err := base64.RawURLEncoding.DecodeString(body)
	if err != nil {
		return "", errBadCursor
	}
	mac, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil || !hmac.Equal(mac, c.sign(payload)) {
		return "", errBadCursor
	}
	var p cursorPayload
	if err := json.Unmarshal(payload, &p); err != nil || p.Query != scope || p.After == "" {
		return "", errBadCursor
	}
	return p.After, nil
}

func (c *CursorCodec) sign(payload []byte) []byte {
	m := hmac.New(sha256.New, c.key)
	m.Write(payload)
	return m.Sum(nil)
}
