package dynamodb

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// position is the content of a listing's position token: the index sort key
// of the last book of a page (its id, or its title_key). The next page is a
// Query for the keys strictly after it, so books created or deleted during a
// walk never shift the following pages, and the token stays valid when that
// last book is deleted.
type position struct {
	After string `json:"a"`
}

// encodePosition returns the token for sort key after: base64url of a small
// JSON object, opaque to callers.
func encodePosition(after string) string {
	raw, _ := json.Marshal(position{After: after}) // cannot fail for a string field
	return base64.RawURLEncoding.EncodeToString(raw)
}

// decodePosition returns the sort key carried by token, or "" for the first
// page. A token that this package cannot have issued for sort wraps
// domain.ErrInvalid. The app layer signs cursors, so this is defence in
// depth against tokens that reach the repository by another path.
func decodePosition(token string, sort app.BookSort) (string, error) {
	if token == "" {
		return "", nil
	}
	raw, err := base64.RawURLEncoding.DecodeString(token)
	if err != nil {
		return "", fmt.Errorf("malformed position token: %w", domain.ErrInvalid)
	}
	var p position
	if err := json.Unmarshal(raw, &p); err != nil || p.After == "" {
		return "", fmt.Errorf("malformed position token: %w", domain.ErrInvalid)
	}
	if hasSeparator := strings.Contains(p.After, titleKeySeparator); hasSeparator != (sort == app.SortTitle) ||
		strings.HasSuffix(p.After, titleKeySeparator) {
		return "", fmt.Errorf("position token does not belong to a %q listing: %w", sort, domain.ErrInvalid)
	}
	return p.After, nil
}
