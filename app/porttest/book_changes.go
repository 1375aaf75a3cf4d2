package porttest

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ChangeReportingBookRepository is a BookRepository of the embedded mode
// that reports its committed changes in process (adapters/memory,
// adapters/bolt), as the table's stream reports them on AWS.
type ChangeReportingBookRepository interface {
	app.BookRepository
	OnBookChanged(fn func(context.Context, app.BookChange))
}

// BookChanges runs the contract of OnBookChanged: every case below as a
// subtest, each with its own repository. newRepo must return an empty
// repository that no other test uses.
func BookChanges(t *testing.T, newRepo func(t *testing.T) ChangeReportingBookRepository) {
	runCases(t, newRepo, []suiteCase[ChangeReportingBookRepository]{
		{name: "create, update and delete are reported with the book before and after", run: testBookChangesReported},
		{name: "refused writes report nothing", run: testBookChangesRefused},
	})
}

// changeLog records the changes a repository reports.
type changeLog struct {
	mu      sync.Mutex
	changes []app.BookChange
}

func (l *changeLog) record(_ context.Context, c app.BookChange) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.changes = append(l.changes, c)
}

// take returns the changes recorded so far and forgets them.
func (l *changeLog) take() []app.BookChange {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.changes
	l.changes = nil
	return out
}

func testBookChangesReported(t *testing.T, repo ChangeReportingBookRepository) {
	ctx := context.Background()
	var log changeLog
	repo.OnBookChanged(log.record)
	// The hook runs after the write has committed, outside the
	// repository's locks: it may read the repository.
	repo.OnBookChanged(func(ctx context.Context, c app.BookChange) {
		if c.New == nil {
			return
		}
		if _, err := repo.Get(ctx, c.New.ID()); err != nil {
			t.Errorf("Get inside the hook: %v", err)
		}
	})

	book := newBook(t, details("Emma", "Jane Austen", "classics"))
	must(t, repo.Create(ctx, book))
	got := log.take()
	if len(got) != 1 || got[0].Old != nil || got[0].New == nil {
		t.Fatalf("create reported %+v, want one change with New only", got)
	}
	assertSameBook(t, *got[0].New, book)

	updated, err := repo.Update(ctx, book.ID(), func(b *domain.Book) error {
		d := b.Snapshot().Details
		d.Title = "Persuasion"
		return b.Revise(d, later)
	})
	must(t, err)
	got = log.take()
	if len(got) != 1 || got[0].Old == nil || got[0].New == nil {
		t.Fatalf("update reported %+v, want one change with Old and New", got)
	}
	assertSameBook(t, *got[0].Old, book)
	assertSameBook(t, *got[0].New, updated)

	_, err = repo.Delete(ctx, book.ID(), updated.Version())
	must(t, err)
	got = log.take()
	if len(got) != 1 || got[0].Old == nil || got[0].New != nil {
		t.Fatalf("delete reported %+v, want one change with Old only", got)
	}
	assertSameBook(t, *got[0].Old, updated)
}

func testBookChangesRefused(t *testing.T, repo ChangeReportingBookRepository) {
	ctx := context.Background()
	book := newBook(t, details("Dune", "Frank Herbert", "science-fiction"))
	must(t, repo.Create(ctx, book))
	var log changeLog
	repo.OnBookChanged(log.record)

	if err := repo.Create(ctx, book); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("a second Create = %v, want a conflict", err)
	}
	refused := errors.New("refused")
	if _, err := repo.Update(ctx, book.ID(), func(*domain.Book) error { return refused }); !errors.Is(err, refused) {
		t.Fatalf("Update with a refusing callback = %v", err)
	}
	if _, err := repo.Update(ctx, newID(), func(*domain.Book) error { return nil }); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Update of a missing book = %v", err)
	}
	if _, err := repo.Delete(ctx, book.ID(), book.Version()+1); err == nil {
		t.Fatal("Delete at a stale version succeeded")
	}
	if got := log.take(); len(got) != 0 {
		t.Fatalf("refused writes reported %+v", got)
	}
}
