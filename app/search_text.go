package app

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"github.com/bookshop/bookshop/domain"
)

// Search text rules. Every adapter of SearchIndex indexes and matches
// through these functions, so they all find the same books in the same
// order.
//
// Text is normalized (NormalizeSearchText): case folded, accents removed,
// apostrophes dropped, so "Brontë", "BRONTE" and "bronte" are one word and
// "O'Brien" is "obrien". A word is a maximal run of letters and digits.
//
// A book is found by the words of its title, its author and its category
// name (SearchDocument). A query (ParseSearchQuery) is 1 to MaxSearchWords
// words that must all match: every word but the last must equal a word of
// the book, the last must start one (it is a prefix, unless it has a single
// character).
//
// The index is keyed by prefixes (SearchDocument.Keys): each word of at
// least two characters gives its first 2, 3 and 4 characters, at most
// MaxSearchKeysPerBook keys per book. A query is answered by reading the
// books of ONE key, the DrivingKey of the query (its most selective word's
// first four characters), and checking every word against each of them.
// Books are ranked by their SearchRank under that key: title matches first,
// then author or category matches, each by title, then by id.
const (
	// MinSearchQueryLen and MaxSearchQueryLen bound a query's length in
	// characters, after trimming spaces.
	MinSearchQueryLen = 2
	MaxSearchQueryLen = 100
	// MaxSearchWords is how many words of a query are used; the rest are
	// ignored.
	MaxSearchWords = 8
	// SearchKeyMinLen and SearchKeyMaxLen bound the length, in characters,
	// of the word prefixes a book is indexed under.
	SearchKeyMinLen = 2
	SearchKeyMaxLen = 4
	// MaxSearchKeysPerBook bounds the index keys of one book: title words
	// come first, so a long title's last words, and then author and
	// category words, are the ones left out. Words left out still match
	// (every index entry holds all the book's words); they only cannot be
	// the word a query is driven by.
	MaxSearchKeysPerBook = 48
	// searchTitleSortLen bounds the title part of a rank, in characters.
	searchTitleSortLen = 48
)

// searchFolds maps letters that have no decomposition to the letters people
// type for them.
var searchFolds = strings.NewReplacer(
	"ø", "o", "Ø", "o", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe", "ł", "l", "Ł", "l",
	"đ", "d", "Đ", "d", "ð", "d", "Ð", "d", "þ", "th", "Þ", "th", "ı", "i",
	"'", "", "’", "", "ʼ", "",
)

// NormalizeSearchText folds s for search: letters without a decomposition
// are spelled out (ø → o, æ → ae), apostrophes dropped, marks removed after
// canonical decomposition (é → e) and the case folded (ß → ss).
func NormalizeSearchText(s string) string {
	s = searchFolds.Replace(s)
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), cases.Fold(), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return strings.ToLower(s) // transform.String fails only on invalid chains
	}
	return out
}

// SearchWords returns the distinct words of s after normalization, in order
// of first appearance.
func SearchWords(s string) []string {
	words := strings.FieldsFunc(NormalizeSearchText(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := words[:0]
	for _, w := range words {
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// prefixRunes returns the first n runes of s (s itself when shorter).
func prefixRunes(s string, n int) string {
	i := 0
	for range n {
		if i >= len(s) {
			return s
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// SearchDocument is what the search index keeps of a book: its words, its
// category and its title for ranking. Build it with NewSearchDocument.
type SearchDocument struct {
	BookID domain.BookID
	// Version is the book's version: an index never replaces a document by
	// an older one.
	Version  int64
	Category domain.Category
	// TitleWords are the title's words; OtherWords those of the author and
	// the category name that the title lacks.
	TitleWords []string
	OtherWords []string
	// TitleSort is the normalized title, at most searchTitleSortLen
	// characters: the order of books within a rank.
	TitleSort string
}

// NewSearchDocument returns the document of b.
func NewSearchDocument(b domain.Book) SearchDocument {
	d := SearchDocument{BookID: b.ID(), Version: b.Version(), Category: b.Category(), TitleWords: SearchWords(b.Title())}
	for _, w := range SearchWords(b.Author() + " " + strings.ReplaceAll(b.Category().String(), "-", " ")) {
		if !slices.Contains(d.TitleWords, w) {
			d.OtherWords = append(d.OtherWords, w)
		}
	}
	d.TitleSort = prefixRunes(strings.Join(d.TitleWords, " "), searchTitleSortLen)
	return d
}

// Words returns every word of the document, title words first.
func (d SearchDocument) Words() []string {
	return slices.Concat(d.TitleWords, d.OtherWords)
}

// Keys returns the index keys of the document, at most
// MaxSearchKeysPerBook: the first 2 to SearchKeyMaxLen characters of each
// word of at least SearchKeyMinLen characters, title words first, each key
// once.
func (d SearchDocument) Keys() []string {
	var keys []string
	for _, w := range d.Words() {
		n := utf8.RuneCountInString(w)
		for l := SearchKeyMinLen; l <= min(n, SearchKeyMaxLen); l++ {
			k := prefixRunes(w, l)
			if slices.Contains(keys, k) {
				continue
			}
			if len(keys) == MaxSearchKeysPerBook {
				return keys
			}
			keys = append(keys, k)
		}
	}
	return keys
}

// SearchRank returns the position of the document among the books of key:
// "1" when a title word starts with key, else "2", then TitleSort, U+0001
// and the book id. Ranks sort as strings and are unique per key; the
// U+0001 separator sorts below every title character, so a title comes
// before its continuations.
func (d SearchDocument) SearchRank(key string) string {
	tier := "2"
	if slices.ContainsFunc(d.TitleWords, func(w string) bool { return strings.HasPrefix(w, key) }) {
		tier = "1"
	}
	return tier + d.TitleSort + "\x01" + string(d.BookID)
}

// Fingerprint identifies what the index stores of the document besides
// its version: two documents with one fingerprint are indexed alike, so a
// change that keeps it (price, stock, cover) costs the index no write.
func (d SearchDocument) Fingerprint() string {
	h := sha256.New()
	for _, part := range []string{d.Category.String(), strings.Join(d.TitleWords, " "), strings.Join(d.OtherWords, " "), d.TitleSort} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// SearchTerms are the words of a query, normalized: all must match.
type SearchTerms struct {
	// Words holds 1 to MaxSearchWords distinct words.
	Words []string
	// LastIsPrefix: the last word matches the start of a word (set when the
	// query's last word has at least SearchKeyMinLen characters and does
	// not repeat an earlier one).
	LastIsPrefix bool
}

// ParseSearchQuery validates and splits a client's query: q must have
// MinSearchQueryLen to MaxSearchQueryLen characters once trimmed, and a word
// of at least SearchKeyMinLen letters or digits. Only the first
// MaxSearchWords words are used. Errors are *domain.ValidationError naming
// field "q".
func ParseSearchQuery(q string) (SearchTerms, error) {
	q = strings.TrimSpace(q)
	if n := utf8.RuneCountInString(q); n < MinSearchQueryLen || n > MaxSearchQueryLen {
		return SearchTerms{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "q",
			Message: "must be between 2 and 100 characters"}}}
	}
	all := strings.FieldsFunc(NormalizeSearchText(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var t SearchTerms
	for i, w := range all {
		if len(t.Words) == MaxSearchWords {
			break
		}
		if slices.Contains(t.Words, w) {
			continue
		}
		t.Words = append(t.Words, w)
		t.LastIsPrefix = i == len(all)-1 && utf8.RuneCountInString(w) >= SearchKeyMinLen
	}
	if !slices.ContainsFunc(t.Words, func(w string) bool { return utf8.RuneCountInString(w) >= SearchKeyMinLen }) {
		return SearchTerms{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "q",
			Message: "must contain a word of at least 2 letters or digits"}}}
	}
	return t, nil
}

// DrivingKey returns the index key a query reads: the first
// SearchKeyMaxLen characters of its longest word (the first of the longest
// when several tie), which is likely the rarest.
func (t SearchTerms) DrivingKey() string {
	best := ""
	for _, w := range t.Words {
		if k := prefixRunes(w, SearchKeyMaxLen); utf8.RuneCountInString(k) > utf8.RuneCountInString(best) {
			best = k
		}
	}
	return best
}

// Matches reports whether every word of the query matches a word of words
// (a document's Words).
func (t SearchTerms) Matches(words []string) bool {
	for i, w := range t.Words {
		prefix := t.LastIsPrefix && i == len(t.Words)-1
		if !slices.ContainsFunc(words, func(dw string) bool {
			return dw == w || prefix && strings.HasPrefix(dw, w)
		}) {
			return false
		}
	}
	return true
}

// String is the canonical form of the terms (words joined by spaces, "*"
// after a prefix): equal terms have equal strings.
func (t SearchTerms) String() string {
	s := strings.Join(t.Words, " ")
	if t.LastIsPrefix {
		s += "*"
	}
	return s
}
