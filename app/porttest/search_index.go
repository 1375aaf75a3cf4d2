package porttest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// SearchIndex runs the app.SearchIndex contract: every case below as a
// subtest, each with its own index. newIndex must return an empty index
// that no other test uses.
func SearchIndex(t *testing.T, newIndex func(t *testing.T) app.SearchIndex) {
	runCases(t, newIndex, []suiteCase[app.SearchIndex]{
		{name: "accents and case do not matter", run: testSearchAccents},
		{name: "the last word matches as a prefix, the others as whole words", run: testSearchPrefix},
		{name: "every word must match", run: testSearchAllWords},
		{name: "title matches rank before author-only matches, then by title", run: testSearchRanking},
		{name: "pages walk every match once in rank order", run: testSearchPagination},
		{name: "a category restricts the search", run: testSearchCategory},
		{name: "a removed book disappears and a late index of it changes nothing", run: testSearchRemoved},
		{name: "an edited title is found by its new words and not its old ones", run: testSearchEdited},
		{name: "a replayed batch of changes changes nothing", run: testSearchReplay},
		{name: "a malformed position is invalid", run: testSearchMalformedPosition},
	})
}

// searchBook returns the document of a new book.
func searchBook(t *testing.T, title, author, category string) app.SearchDocument {
	t.Helper()
	return app.NewSearchDocument(newBook(t, details(title, author, category)))
}

// revised returns the document of b's next version with another title.
func revised(t *testing.T, doc app.SearchDocument, title, author, category string) app.SearchDocument {
	t.Helper()
	b, err := domain.RestoreBook(domain.BookSnapshot{ID: doc.BookID, Details: details(title, author, category),
		CreatedAt: epoch, UpdatedAt: later, Version: doc.Version + 1})
	must(t, err)
	return app.NewSearchDocument(b)
}

func index(t *testing.T, x app.SearchIndex, docs ...app.SearchDocument) {
	t.Helper()
	for _, d := range docs {
		must(t, x.Index(context.Background(), d))
	}
}

// search returns every hit of q, walking all pages of size limit.
func search(t *testing.T, x app.SearchIndex, q string, category string, limit int) []domain.BookID {
	t.Helper()
	terms, err := app.ParseSearchQuery(q)
	must(t, err)
	sq := app.SearchQuery{Terms: terms, Limit: limit}
	if category != "" {
		sq.Category, _ = domain.ParseCategory(category)
	}
	var out []domain.BookID
	for range 100 {
		page, err := x.Search(context.Background(), sq)
		must(t, err)
		if len(page.BookIDs) > limit {
			t.Fatalf("page of %d hits for limit %d", len(page.BookIDs), limit)
		}
		out = append(out, page.BookIDs...)
		if page.Next == "" {
			return out
		}
		sq.After = page.Next
	}
	t.Fatalf("search %q: more than 100 pages", q)
	return nil
}

func wantHits(t *testing.T, x app.SearchIndex, q string, want ...app.SearchDocument) {
	t.Helper()
	ids := make([]domain.BookID, len(want))
	for i, d := range want {
		ids[i] = d.BookID
	}
	if d := cmp.Diff(ids, search(t, x, q, "", 20), cmpEmptyIDs); d != "" {
		t.Errorf("search %q (-want +got):\n%s", q, d)
	}
}

var cmpEmptyIDs = cmp.Transformer("nilIDs", func(ids []domain.BookID) []domain.BookID {
	if ids == nil {
		return []domain.BookID{}
	}
	return ids
})

func testSearchAccents(t *testing.T, x app.SearchIndex) {
	heights := searchBook(t, "Wuthering Heights", "Emily Brontë", "classics")
	cafe := searchBook(t, "The Cafe on the Corner", "Ann Smith", "fiction")
	strasse := searchBook(t, "Die Straße", "Jörg Müller", "fiction")
	index(t, x, heights, cafe, strasse)
	wantHits(t, x, "bronte", heights)
	wantHits(t, x, "BRONTË", heights)
	wantHits(t, x, "CAFÉ", cafe)
	wantHits(t, x, "strasse", strasse)
	wantHits(t, x, "muller jorg", strasse)
}

func testSearchPrefix(t *testing.T, x app.SearchIndex) {
	prag := searchBook(t, "The Pragmatic Programmer", "David Thomas", "computing")
	index(t, x, prag, searchBook(t, "Dune", "Frank Herbert", "science-fiction"))
	wantHits(t, x, "pragm", prag)
	wantHits(t, x, "Pragmatic Prog", prag)
	wantHits(t, x, "pragm programmer") // pragm is not a whole word
	wantHits(t, x, "programmer the pragmatic", prag)
	wantHits(t, x, "pragmaticx")
}

func testSearchAllWords(t *testing.T, x app.SearchIndex) {
	dune := searchBook(t, "Dune", "Frank Herbert", "science-fiction")
	messiah := searchBook(t, "Dune Messiah", "Frank Herbert", "science-fiction")
	frank := searchBook(t, "Frankenstein", "Mary Shelley", "classics")
	index(t, x, dune, messiah, frank)
	wantHits(t, x, "dune messiah", messiah)
	wantHits(t, x, "herbert dune", dune, messiah)
	wantHits(t, x, "dune shelley")
	wantHits(t, x, "frank", frank, dune, messiah) // the title match first
}

func testSearchRanking(t *testing.T, x app.SearchIndex) {
	byHunt := searchBook(t, "Alpha Centauri", "Andrew Hunt", "science-fiction")
	huntB := searchBook(t, "The Hunt", "Someone Else", "thrillers")
	huntA := searchBook(t, "A Hunt in Winter", "Someone Else", "thrillers")
	index(t, x, byHunt, huntB, huntA)
	wantHits(t, x, "hunt", huntA, huntB, byHunt)
}

func testSearchPagination(t *testing.T, x app.SearchIndex) {
	var all []app.SearchDocument
	for _, title := range []string{"Saga One", "Saga Two", "Saga Three", "Saga Four", "Saga Five", "Saga Six", "Saga Seven"} {
		all = append(all, searchBook(t, title, "Writer", "fantasy"))
	}
	index(t, x, all...)
	whole := search(t, x, "saga", "", 50)
	if len(whole) != len(all) {
		t.Fatalf("one page holds %d books, want %d", len(whole), len(all))
	}
	paged := search(t, x, "saga", "", 3)
	if d := cmp.Diff(whole, paged); d != "" {
		t.Errorf("pages of 3 differ from one page (-one +paged):\n%s", d)
	}
	sorted := slices.Clone(whole)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(all) {
		t.Errorf("hits repeat: %v", whole)
	}
}

func testSearchCategory(t *testing.T, x app.SearchIndex) {
	sf := searchBook(t, "Star Maker", "Olaf Stapledon", "science-fiction")
	cl := searchBook(t, "Star of the Sea", "Joseph O'Connor", "classics")
	index(t, x, sf, cl)
	if d := cmp.Diff([]domain.BookID{cl.BookID}, search(t, x, "star", "classics", 10)); d != "" {
		t.Errorf("category classics (-want +got):\n%s", d)
	}
	wantHits(t, x, "oconnor", cl)
	wantHits(t, x, "science star", sf) // the category's name is searchable too
}

func testSearchRemoved(t *testing.T, x app.SearchIndex) {
	ctx := context.Background()
	gone := searchBook(t, "Vanishing Point", "Someone", "thrillers")
	kept := searchBook(t, "Vanishing Act", "Someone", "thrillers")
	index(t, x, gone, kept)
	must(t, x.Remove(ctx, gone.BookID, gone.Version))
	wantHits(t, x, "vanishing", kept)
	index(t, x, gone) // the creation, redelivered after the deletion
	wantHits(t, x, "vanishing", kept)
	must(t, x.Remove(ctx, newID(), 3)) // never indexed
}

func testSearchEdited(t *testing.T, x app.SearchIndex) {
	v1 := searchBook(t, "Old Harbour", "Someone", "fiction")
	v2 := revised(t, v1, "New Lighthouse", "Someone", "fiction")
	index(t, x, v1, v2)
	wantHits(t, x, "lighthouse", v2)
	wantHits(t, x, "harbour")
	index(t, x, v1) // an older version, redelivered
	wantHits(t, x, "lighthouse", v2)
	wantHits(t, x, "harbour")
}

func testSearchReplay(t *testing.T, x app.SearchIndex) {
	ctx := context.Background()
	a1 := searchBook(t, "Amber Road", "Someone", "fiction")
	a2 := revised(t, a1, "Beryl Road", "Someone", "fiction")
	b1 := searchBook(t, "Coral Road", "Someone", "fiction")
	batch := func() {
		index(t, x, a1, b1, a2)
		must(t, x.Remove(ctx, b1.BookID, b1.Version))
	}
	batch()
	before := search(t, x, "road", "", 10)
	batch()
	if d := cmp.Diff(before, search(t, x, "road", "", 10)); d != "" {
		t.Errorf("the replay changed the hits (-before +after):\n%s", d)
	}
	wantHits(t, x, "road", a2)
	wantHits(t, x, "amber")
}

func testSearchMalformedPosition(t *testing.T, x app.SearchIndex) {
	terms, err := app.ParseSearchQuery("road")
	must(t, err)
	_, err = x.Search(context.Background(), app.SearchQuery{Terms: terms, Limit: 5, After: "!!not a token!!"})
	if !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("Search with a malformed position = %v, want domain.ErrInvalid", err)
	}
}
