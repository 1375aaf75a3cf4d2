package app_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bookshop/bookshop/app"
)

// FuzzCursorDecode feeds arbitrary cursors and scopes to the codec: Decode
// never panics, accepts only what Encode issued for the same scope (a
// cursor is authenticated, so no mutation of a valid one is accepted unless
// it decodes to the same payload), and every position it encodes decodes
// back. go test ./app -run '^$' -fuzz FuzzCursorDecode
func FuzzCursorDecode(f *testing.F) {
	codec, err := app.NewCursorCodec([]byte("cursor-key-0123456789"))
	if err != nil {
		f.Fatal(err)
	}
	valid := codec.Encode("newest|science-fiction", "BOOK#01JD0000000000000000000001")
	f.Add("newest|science-fiction", valid, "BOOK#01JD0000000000000000000001")
	f.Add("title|", codec.Encode("title|", "x"), "x")
	f.Add("newest|", valid, "")
	f.Add("", "", "")
	f.Add("", ".", "a")
	f.Add("q", "e30.", "a")                        // {} unsigned
	f.Add("q", "eyJxIjoicSIsImEiOiJ4In0.AAAA", "") // {"q":"q","a":"x"} with a bad MAC
	f.Add("q", strings.Repeat("A", 1000)+"."+strings.Repeat("_", 43), "\x00")
	f.Fuzz(func(t *testing.T, scope, cursor, after string) {
		if got, err := codec.Decode(scope, cursor); err == nil {
			if got == "" {
				t.Fatalf("Decode(%q, %q) accepted an empty position", scope, cursor)
			}
		}
		if after == "" || !utf8.ValidString(scope) || !utf8.ValidString(after) {
			return // positions and scopes are text: Encode's contract
		}
		enc := codec.Encode(scope, after)
		got, err := codec.Decode(scope, enc)
		if err != nil || got != after {
			t.Fatalf("Decode(Encode(%q, %q)) = %q, %v", scope, after, got, err)
		}
		if _, err := codec.Decode(scope+"x", enc); err == nil {
			t.Fatalf("a cursor of scope %q was accepted for scope %q", scope, scope+"x")
		}
	})
}
