package porttest

import (
	"cmp"
	"context"
	"slices"
	"testing"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BatchBookRepository is a BookRepository with the optional
// app.BookBatchReader extension.
type BatchBookRepository interface {
	app.BookRepository
	app.BookBatchReader
}

// BookBatchReader runs the app.BookBatchReader contract: every case below
// as a subtest, each with its own repository. newRepo must return an empty
// repository that no other test uses.
func BookBatchReader(t *testing.T, newRepo func(t *testing.T) BatchBookRepository) {
	runCases(t, newRepo, []suiteCase[BatchBookRepository]{
		{name: "get books returns those that exist, each once", run: testGetBooks},
	})
}

func testGetBooks(t *testing.T, repo BatchBookRepository) {
	ctx := context.Background()
	a := newBook(t, details("Emma", "Jane Austen", "classics"))
	b := newBook(t, details("Dune", "Frank Herbert", "science-fiction"))
	must(t, repo.Create(ctx, a))
	must(t, repo.Create(ctx, b))
	got, err := repo.GetBooks(ctx, []domain.BookID{b.ID(), newID(), a.ID(), b.ID()})
	must(t, err)
	slices.SortFunc(got, func(x, y domain.Book) int { return cmp.Compare(x.ID(), y.ID()) })
	if len(got) != 2 {
		t.Fatalf("GetBooks returned %d books, want 2", len(got))
	}
	assertSameBook(t, got[0], a)
	assertSameBook(t, got[1], b)
	none, err := repo.GetBooks(ctx, nil)
	must(t, err)
	if len(none) != 0 {
		t.Fatalf("GetBooks(nil) = %v", none)
	}
}
