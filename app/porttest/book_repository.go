package porttest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BookRepository runs the app.BookRepository contract: every case below as
// a subtest, each with its own repository. newRepo must return an empty
// repository that no other test uses.
func BookRepository(t *testing.T, newRepo func(t *testing.T) app.BookRepository) {
	runCases(t, newRepo, []suiteCase[app.BookRepository]{
		{name: "create and get round-trip every field", run: testBookCreateAndGet},
		{name: "create with a taken id is a conflict", run: testBookCreateTakenID},
		{name: "get missing is not found", run: testBookGetMissing},
		{name: "update stores the callback's result and bumps the version", run: testBookUpdate},
		{name: "update missing is not found", run: testBookUpdateMissing},
		{name: "update whose callback fails persists nothing", run: testBookUpdateCallbackFails},
		{name: "concurrent updates expecting the same version: exactly one wins", run: testBookConcurrentUpdatesOneWins},
		{name: "concurrent read-modify-write loses no update", run: testBookConcurrentReadModifyWrite},
		{name: "delete returns the book and a repeat is not found", run: testBookDelete},
		{name: "delete at a stale version is a version conflict and keeps the book", run: testBookDeleteStaleVersion},
		{name: "list walks pages newest first without gaps or duplicates", run: testBookListNewest},
		{name: "list by title is case-insensitive A to Z", run: testBookListByTitle},
		{name: "list by category returns only that category, in both orders", run: testBookListByCategory},
		{name: "list ending exactly on a page boundary has no trailing page", run: testBookListPageBoundary},
		{name: "list of nothing is one empty last page", run: testBookListEmpty},
		{name: "list skips deleted books and sees updated ones", run: testBookListAfterChanges},
	})
}

func testBookCreateAndGet(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	want := newBook(t, details("Dune", "Frank Herbert", "science-fiction"))
	want, err := withCover(want)
	must(t, err)
	must(t, repo.Create(ctx, want))
	got, err := repo.Get(ctx, want.ID())
	must(t, err)
	assertSameBook(t, got, want)
}

func testBookCreateTakenID(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Emma", "Jane Austen", "classics"))
	must(t, repo.Create(ctx, b))
	if err := repo.Create(ctx, b); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second Create = %v, want domain.ErrConflict", err)
	}
}

func testBookGetMissing(t *testing.T, repo app.BookRepository) {
	_, err := repo.Get(context.Background(), newID())
	var nf *domain.NotFoundError
	if !errors.Is(err, domain.ErrNotFound) || !errors.As(err, &nf) {
		t.Fatalf("Get missing = %v, want a *domain.NotFoundError", err)
	}
}

func testBookUpdate(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Persuasion", "Jane Austen", "classics"))
	must(t, repo.Create(ctx, b))
	changed := details("Persuasion (annotated)", "Jane Austen", "romance")
	got, err := repo.Update(ctx, b.ID(), func(b *domain.Book) error { return b.Revise(changed, later) })
	must(t, err)
	if got.Version() != 2 || got.Title() != "Persuasion (annotated)" {
		t.Fatalf("Update returned version %d title %q", got.Version(), got.Title())
	}
	stored, err := repo.Get(ctx, b.ID())
	must(t, err)
	assertSameBook(t, stored, got)
	if stored.Category().String() != "romance" {
		t.Fatalf("category = %q, want romance", stored.Category())
	}
}

func testBookUpdateMissing(t *testing.T, repo app.BookRepository) {
	_, err := repo.Update(context.Background(), newID(), func(*domain.Book) error {
		t.Error("callback ran for a missing book")
		return nil
	})
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Update missing = %v, want domain.ErrNotFound", err)
	}
}

func testBookUpdateCallbackFails(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Ulysses", "James Joyce", "classics"))
	must(t, repo.Create(ctx, b))
	boom := errors.New("boom")
	_, err := repo.Update(ctx, b.ID(), func(b *domain.Book) error {
		must(t, b.Revise(details("Changed", "Someone", "other"), later))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update = %v, want the callback's error", err)
	}
	got, err := repo.Get(ctx, b.ID())
	must(t, err)
	assertSameBook(t, got, b)
}

func testBookConcurrentUpdatesOneWins(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Middlemarch", "George Eliot", "classics"))
	must(t, repo.Create(ctx, b))
	const writers = 10
	var wins, conflicts atomic.Int32
	var wg sync.WaitGroup
	for i := range writers {
		wg.Go(func() {
			_, err := repo.Update(ctx, b.ID(), func(b *domain.Book) error {
				if err := b.CheckVersion(1); err != nil {
					return err
				}
				return b.Revise(details(fmt.Sprintf("Middlemarch %d", i), "George Eliot", "classics"), later)
			})
			switch {
			case err == nil:
				wins.Add(1)
			case errors.Is(err, domain.ErrVersionConflict):
				conflicts.Add(1)
			default:
				t.Errorf("Update = %v, want nil or domain.ErrVersionConflict", err)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 || conflicts.Load() != writers-1 {
		t.Fatalf("wins = %d, conflicts = %d; want 1 and %d", wins.Load(), conflicts.Load(), writers-1)
	}
	got, err := repo.Get(ctx, b.ID())
	must(t, err)
	if got.Version() != 2 {
		t.Fatalf("version = %d, want 2", got.Version())
	}
}

func testBookConcurrentReadModifyWrite(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Beloved", "Toni Morrison", "fiction"))
	must(t, repo.Create(ctx, b))
	const writers = 8
	var applied atomic.Int32
	var wg sync.WaitGroup
	for range writers {
		wg.Go(func() {
			_, err := repo.Update(ctx, b.ID(), func(b *domain.Book) error {
				d := b.Snapshot().Details
				d.Stock++
				return b.Revise(d, later)
			})
			switch {
			case err == nil:
				applied.Add(1)
			case errors.As(err, new(*app.ContentionError)): // retries exhausted: allowed, but must not apply
			default:
				t.Errorf("Update = %v", err)
			}
		})
	}
	wg.Wait()
	got, err := repo.Get(ctx, b.ID())
	must(t, err)
	if got.Stock() != b.Stock()+int(applied.Load()) || got.Version() != 1+int64(applied.Load()) {
		t.Fatalf("stock %d version %d after %d applied updates from stock %d", got.Stock(), got.Version(), applied.Load(), b.Stock())
	}
	if applied.Load() == 0 {
		t.Fatal("no update applied")
	}
}

func testBookDelete(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Walden", "Henry David Thoreau", "essays"))
	must(t, repo.Create(ctx, b))
	got, err := repo.Delete(ctx, b.ID(), 0)
	must(t, err)
	assertSameBook(t, got, b)
	if _, err := repo.Get(ctx, b.ID()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Get after Delete = %v, want domain.ErrNotFound", err)
	}
	if _, err := repo.Delete(ctx, b.ID(), 0); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("second Delete = %v, want domain.ErrNotFound", err)
	}
}

func testBookDeleteStaleVersion(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	b := newBook(t, details("Candide", "Voltaire", "classics"))
	must(t, repo.Create(ctx, b))
	_, err := repo.Delete(ctx, b.ID(), 7)
	var vc *domain.VersionConflictError
	if !errors.As(err, &vc) || vc.Expected != 7 || vc.Actual != 1 {
		t.Fatalf("Delete at stale version = %v, want *domain.VersionConflictError{Expected: 7, Actual: 1}", err)
	}
	if _, err := repo.Get(ctx, b.ID()); err != nil {
		t.Fatalf("book gone after refused delete: %v", err)
	}
	if _, err := repo.Delete(ctx, b.ID(), 1); err != nil {
		t.Fatalf("Delete at current version = %v", err)
	}
}

func testBookListNewest(t *testing.T, repo app.BookRepository) {
	all := createBooks(t, repo, 23, func(i int) domain.BookDetails {
		return details(fmt.Sprintf("Book %02d", i), "Author", []string{"poetry", "drama"}[i%2])
	})
	want := ids(all)
	slices.Reverse(want)
	got := walk(t, repo, app.BookListQuery{Sort: app.SortNewest, Limit: 7}, 4)
	assertIDs(t, got, want)
}

func testBookListByTitle(t *testing.T, repo app.BookRepository) {
	titles := []string{"beta", "Alpha", "alpha", "Gamma", "abc d", "abc", "Zeta", "delta", "Épée", "12 Rules"}
	books := createBooks(t, repo, len(titles), func(i int) domain.BookDetails { return details(titles[i], "A", "mixed") })
	want := slices.Clone(books)
	slices.SortStableFunc(want, func(a, b domain.Book) int {
		if c := strings.Compare(strings.ToLower(a.Title()), strings.ToLower(b.Title())); c != 0 {
			return c
		}
		return strings.Compare(string(a.ID()), string(b.ID()))
	})
	got := walk(t, repo, app.BookListQuery{Sort: app.SortTitle, Limit: 3}, 4)
	assertIDs(t, got, ids(want))
}

func testBookListByCategory(t *testing.T, repo app.BookRepository) {
	all := createBooks(t, repo, 12, func(i int) domain.BookDetails {
		return details(fmt.Sprintf("T%02d", 11-i), "A", []string{"history", "travel", "history-of-art"}[i%3])
	})
	var history []domain.Book
	for _, b := range all {
		if b.Category().String() == "history" {
			history = append(history, b)
		}
	}
	newest := ids(history)
	slices.Reverse(newest)
	cat, _ := domain.ParseCategory("history")
	assertIDs(t, walk(t, repo, app.BookListQuery{Category: cat, Sort: app.SortNewest, Limit: 3}, 2), newest)
	assertIDs(t, walk(t, repo, app.BookListQuery{Category: cat, Sort: app.SortTitle, Limit: 3}, 2), newest) // titles descend with age
}

func testBookListPageBoundary(t *testing.T, repo app.BookRepository) {
	createBooks(t, repo, 6, func(i int) domain.BookDetails { return details(fmt.Sprintf("B%d", i), "A", "x") })
	walk(t, repo, app.BookListQuery{Sort: app.SortNewest, Limit: 3}, 2)
	walk(t, repo, app.BookListQuery{Sort: app.SortTitle, Limit: 6}, 1)
}

func testBookListEmpty(t *testing.T, repo app.BookRepository) {
	page, err := repo.List(context.Background(), app.BookListQuery{Sort: app.SortNewest, Limit: 5})
	must(t, err)
	if len(page.Books) != 0 || page.Next != "" {
		t.Fatalf("empty listing = %d books, next %q", len(page.Books), page.Next)
	}
}

func testBookListAfterChanges(t *testing.T, repo app.BookRepository) {
	ctx := context.Background()
	books := createBooks(t, repo, 5, func(i int) domain.BookDetails { return details(fmt.Sprintf("C%d", i), "A", "x") })
	_, err := repo.Delete(ctx, books[2].ID(), 0)
	must(t, err)
	_, err = repo.Update(ctx, books[0].ID(), func(b *domain.Book) error { return b.Revise(details("Z last", "A", "x"), later) })
	must(t, err)
	got := walk(t, repo, app.BookListQuery{Sort: app.SortTitle, Limit: 10}, 1)
	assertIDs(t, got, []domain.BookID{books[1].ID(), books[3].ID(), books[4].ID(), books[0].ID()})
}

// Helpers of the BookRepository suite.

func withCover(b domain.Book) (domain.Book, error) {
	err := b.SetCover(domain.Cover{
		OriginalKey:    "covers/" + string(b.ID()) + "/o.jpg",
		ThumbnailKey:   "thumbnails/" + string(b.ID()) + "/200x280.jpg",
		Thumbnail2xKey: "thumbnails/" + string(b.ID()) + "/400x560.jpg",
	}, epoch.Add(time.Minute))
	return b, err
}

// createBooks stores n books made by mk, in order of creation.
func createBooks(t *testing.T, repo app.BookRepository, n int, mk func(i int) domain.BookDetails) []domain.Book {
	t.Helper()
	books := make([]domain.Book, n)
	for i := range n {
		books[i] = newBook(t, mk(i))
		must(t, repo.Create(context.Background(), books[i]))
	}
	return books
}

// walk follows Next until the last page and checks the page count and that
// no page but the last is short.
func walk(t *testing.T, repo app.BookRepository, q app.BookListQuery, wantPages int) []domain.BookID {
	t.Helper()
	var got []domain.BookID
	for pages := 1; ; pages++ {
		page, err := repo.List(context.Background(), q)
		must(t, err)
		got = append(got, ids(page.Books)...)
		if page.Next == "" {
			if pages != wantPages {
				t.Fatalf("walk took %d pages, want %d", pages, wantPages)
			}
			return got
		}
		if len(page.Books) != q.Limit {
			t.Fatalf("page %d has %d books but is not the last; limit %d", pages, len(page.Books), q.Limit)
		}
		if pages > wantPages {
			t.Fatalf("walk goes past %d pages", wantPages)
		}
		q.After = page.Next
	}
}

func ids(books []domain.Book) []domain.BookID {
	out := make([]domain.BookID, len(books))
	for i, b := range books {
		out[i] = b.ID()
	}
	return out
}

func assertIDs(t *testing.T, got, want []domain.BookID) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Fatalf("listed ids\n got %v\nwant %v", got, want)
	}
}

// assertSameBook compares every field, times by instant.
func assertSameBook(t *testing.T, got, want domain.Book) {
	t.Helper()
	g, w := got.Snapshot(), want.Snapshot()
	if !g.CreatedAt.Equal(w.CreatedAt) || !g.UpdatedAt.Equal(w.UpdatedAt) {
		t.Errorf("times: got created %v updated %v, want %v %v", g.CreatedAt, g.UpdatedAt, w.CreatedAt, w.UpdatedAt)
	}
	g.CreatedAt, g.UpdatedAt, w.CreatedAt, w.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if g != w {
		t.Errorf("book differs:\n got %+v\nwant %+v", g, w)
	}
}
