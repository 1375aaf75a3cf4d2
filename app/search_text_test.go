package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestNormalizeSearchText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Brontë", "bronte"},
		{"CAFÉ", "cafe"},
		{"Straße", "strasse"},
		{"Søren Kierkegaard", "soren kierkegaard"},
		{"O'Brien’s", "obriens"},
		{"Łódź", "lodz"},
		{"Ἀριστοτέλης", "αριστοτελησ"},
	}
	for _, tt := range tests {
		if got := app.NormalizeSearchText(tt.in); got != tt.want {
			t.Errorf("NormalizeSearchText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseSearchQuery(t *testing.T) {
	tests := []struct {
		q    string
		want app.SearchTerms
	}{
		{"pragm", app.SearchTerms{Words: []string{"pragm"}, LastIsPrefix: true}},
		{"  The Pragmatic PROG ", app.SearchTerms{Words: []string{"the", "pragmatic", "prog"}, LastIsPrefix: true}},
		{"tolkien j", app.SearchTerms{Words: []string{"tolkien", "j"}}},
		{"dune dune", app.SearchTerms{Words: []string{"dune"}}},
		{"one two three four five six seven eight nine", app.SearchTerms{Words: []string{"one", "two", "three", "four", "five", "six", "seven", "eight"}}},
	}
	for _, tt := range tests {
		got, err := app.ParseSearchQuery(tt.q)
		if err != nil {
			t.Errorf("ParseSearchQuery(%q) = %v", tt.q, err)
			continue
		}
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("ParseSearchQuery(%q) (-want +got):\n%s", tt.q, d)
		}
	}
	for _, bad := range []string{"", " x ", "é", strings.Repeat("a", 101), "a.", "!!!", "x y", "a b c d e f g h i jj"} {
		_, err := app.ParseSearchQuery(bad)
		var verr *domain.ValidationError
		if !errors.As(err, &verr) || verr.Fields[0].Field != "q" {
			t.Errorf("ParseSearchQuery(%q) = %v, want a validation error on q", bad, err)
		}
	}
}

func TestSearchDocumentKeysAreBounded(t *testing.T) {
	words := strings.Fields("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango")
	b, err := domain.NewBook("B1", domain.BookDetails{Title: strings.Join(words, " "), Author: "Zed Zulu",
		Category: "x", PriceCents: 1, Stock: 1}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	doc := app.NewSearchDocument(b)
	keys := doc.Keys()
	if len(keys) != app.MaxSearchKeysPerBook {
		t.Fatalf("%d keys, want the bound %d", len(keys), app.MaxSearchKeysPerBook)
	}
	if keys[0] != "al" || keys[1] != "alp" || keys[2] != "alph" {
		t.Errorf("keys start %v, want the title's first word's prefixes", keys[:3])
	}
	d := app.NewSearchDocument(mustBook(t, "The Pragmatic Programmer", "David Thomas", "computing"))
	want := []string{"th", "the", "pr", "pra", "prag", "pro", "prog", "da", "dav", "davi", "tho", "thom", "co", "com", "comp"}
	if diff := cmp.Diff(want, d.Keys()); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	if r := d.SearchRank("thom"); !strings.HasPrefix(r, "2the pragmatic programmer\x01") {
		t.Errorf("rank under an author key = %q", r)
	}
	if r := d.SearchRank("prog"); !strings.HasPrefix(r, "1") {
		t.Errorf("rank under a title key = %q", r)
	}
}

func mustBook(t *testing.T, title, author, category string) domain.Book {
	t.Helper()
	b, err := domain.NewBook(domain.BookID("B-"+title), domain.BookDetails{Title: title, Author: author, Category: category,
		PriceCents: 100, Stock: 3}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return b
}
