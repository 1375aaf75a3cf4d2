package porttest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ReviewRepository runs the app.ReviewRepository contract: every case below
// as a subtest, each with its own repositories. newRepos must return an
// empty pair of repositories, the reviews rating the books of the book
// repository, that no other test uses.
func ReviewRepository(t *testing.T, newRepos func(t *testing.T) (app.BookRepository, app.ReviewRepository)) {
	newFixture := func(t *testing.T) reviewRepos {
		books, reviews := newRepos(t)
		return reviewRepos{books: books, reviews: reviews}
	}
	runCases(t, newFixture, []suiteCase[reviewRepos]{
		{name: "add and get round-trip every field and rate the book", run: testReviewAddAndGet},
		{name: "a second review by the same user is a conflict and changes nothing", run: testReviewSecondBySameUser},
		{name: "a review of a missing book is not found and stores nothing", run: testReviewOfMissingBook},
		{name: "get missing is not found", run: testReviewGetMissing},
		{name: "update stores the result and moves the book's sum by the difference", run: testReviewUpdate},
		{name: "update at a stale version is a version conflict and changes nothing", run: testReviewUpdateStaleVersion},
		{name: "update missing is not found", run: testReviewUpdateMissing},
		{name: "delete takes the stars off, a repeat is not found, a stale version conflicts", run: testReviewDelete},
		{name: "list walks pages newest first without gaps or duplicates", run: testReviewListNewest},
		{name: "list ending on a page boundary has no trailing page", run: testReviewListPageBoundary},
		{name: "50 users reviewing one book concurrently leave the exact count and sum", run: testReviewConcurrentUsers},
		{name: "concurrent reviews by one user: exactly one wins", run: testReviewConcurrentSameUser},
		{name: "book edits racing reviews lose no rating and keep the edit", run: testReviewRacingBookEdits},
	})
}

// reviewRepos is the fixture of the ReviewRepository suite: the reviews
// rate the books.
type reviewRepos struct {
	books   app.BookRepository
	reviews app.ReviewRepository
}

func testReviewAddAndGet(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	ctx := context.Background()
	want := newReview(t, b.ID(), "u-ada", 4, epoch)
	must(t, s.reviews.Add(ctx, want))
	got, err := s.reviews.Get(ctx, b.ID(), "u-ada")
	must(t, err)
	assertSameReview(t, got, want)
	assertRating(t, s.books, b.ID(), 4, 1)
	stored, err := s.books.Get(ctx, b.ID())
	must(t, err)
	if stored.Version() != b.Version() || !stored.UpdatedAt().Equal(b.UpdatedAt()) {
		t.Fatalf("book version/updatedAt = %d/%v, want unchanged %d/%v", stored.Version(), stored.UpdatedAt(), b.Version(), b.UpdatedAt())
	}
}

func testReviewSecondBySameUser(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	ctx := context.Background()
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-bo", 2, epoch)))
	if err := s.reviews.Add(ctx, newReview(t, b.ID(), "u-bo", 5, later)); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second Add = %v, want domain.ErrConflict", err)
	}
	got, err := s.reviews.Get(ctx, b.ID(), "u-bo")
	must(t, err)
	if got.Rating() != 2 {
		t.Fatalf("rating = %d, want the first review's 2", got.Rating())
	}
	assertRating(t, s.books, b.ID(), 2, 1)
}

func testReviewOfMissingBook(t *testing.T, s reviewRepos) {
	ctx := context.Background()
	id := newID()
	err := s.reviews.Add(ctx, newReview(t, id, "u-cy", 3, epoch))
	var nf *domain.NotFoundError
	if !errors.As(err, &nf) || nf.Entity != "book" {
		t.Fatalf("Add for a missing book = %v, want a book *domain.NotFoundError", err)
	}
	if _, err := s.reviews.Get(ctx, id, "u-cy"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Get after the failed Add = %v, want domain.ErrNotFound", err)
	}
	page, err := s.reviews.List(ctx, app.ReviewListQuery{BookID: id, Limit: 10})
	must(t, err)
	if len(page.Reviews) != 0 {
		t.Fatalf("List = %d reviews, want none", len(page.Reviews))
	}
}

func testReviewGetMissing(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	if _, err := s.reviews.Get(context.Background(), b.ID(), "nobody"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Get missing = %v, want domain.ErrNotFound", err)
	}
}

func testReviewUpdate(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	ctx := context.Background()
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-1", 2, epoch)))
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-2", 3, epoch)))
	got, err := s.reviews.Update(ctx, b.ID(), "u-1", func(r *domain.Review) error {
		return r.Revise(domain.ReviewDraft{Rating: 5, Text: "Grew on me."}, later)
	})
	must(t, err)
	if got.Version() != 2 || got.Rating() != 5 || got.Text() != "Grew on me." {
		t.Fatalf("Update returned version %d rating %d text %q", got.Version(), got.Rating(), got.Text())
	}
	stored, err := s.reviews.Get(ctx, b.ID(), "u-1")
	must(t, err)
	assertSameReview(t, stored, got)
	assertRating(t, s.books, b.ID(), 8, 2)
}

func testReviewUpdateStaleVersion(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	ctx := context.Background()
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-1", 4, epoch)))
	_, err := s.reviews.Update(ctx, b.ID(), "u-1", func(r *domain.Review) error {
		if err := r.CheckVersion(7); err != nil {
			return err
		}
		return r.Revise(domain.ReviewDraft{Rating: 1}, later)
	})
	if !errors.Is(err, domain.ErrVersionConflict) {
		t.Fatalf("Update at a stale version = %v, want domain.ErrVersionConflict", err)
	}
	got, err := s.reviews.Get(ctx, b.ID(), "u-1")
	must(t, err)
	if got.Version() != 1 || got.Rating() != 4 {
		t.Fatalf("review is at version %d rating %d, want 1 and 4", got.Version(), got.Rating())
	}
	assertRating(t, s.books, b.ID(), 4, 1)
}

func testReviewUpdateMissing(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	_, err := s.reviews.Update(context.Background(), b.ID(), "nobody", func(*domain.Review) error {
		t.Error("callback ran for a missing review")
		return nil
	})
	if !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Update missing = %v, want domain.ErrNotFound", err)
	}
}

func testReviewDelete(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	ctx := context.Background()
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-1", 4, epoch)))
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-2", 1, epoch)))
	if _, err := s.reviews.Delete(ctx, b.ID(), "u-1", 3); !errors.Is(err, domain.ErrVersionConflict) {
		t.Fatalf("Delete at a stale version = %v, want domain.ErrVersionConflict", err)
	}
	assertRating(t, s.books, b.ID(), 5, 2)
	old, err := s.reviews.Delete(ctx, b.ID(), "u-1", 1)
	must(t, err)
	if old.Rating() != 4 {
		t.Fatalf("Delete returned rating %d, want 4", old.Rating())
	}
	assertRating(t, s.books, b.ID(), 1, 1)
	if _, err := s.reviews.Delete(ctx, b.ID(), "u-1", 0); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("repeated Delete = %v, want domain.ErrNotFound", err)
	}
	// The user may review the book again.
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-1", 3, later)))
	assertRating(t, s.books, b.ID(), 4, 2)
}

func testReviewListNewest(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	ctx := context.Background()
	var want []domain.UserID
	for i := range 8 {
		user := domain.UserID(fmt.Sprintf("u-%02d", i))
		must(t, s.reviews.Add(ctx, newReview(t, b.ID(), user, 1+i%5, epoch.Add(time.Duration(i)*time.Minute))))
		want = append([]domain.UserID{user}, want...)
	}
	// Two reviews in the same instant are ordered too (by user id).
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-tie-a", 5, epoch)))
	must(t, s.reviews.Add(ctx, newReview(t, b.ID(), "u-tie-b", 5, epoch)))
	want = append(want[:len(want)-1], "u-tie-b", "u-tie-a", "u-00")
	got := walkReviews(t, s.reviews, b.ID(), 3, 4)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("walk = %v, want %v", got, want)
	}
}

func testReviewListPageBoundary(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	for i := range 4 {
		must(t, s.reviews.Add(context.Background(), newReview(t, b.ID(), domain.UserID(fmt.Sprint("u-", i)), 3, epoch.Add(time.Duration(i)*time.Second))))
	}
	if got := walkReviews(t, s.reviews, b.ID(), 2, 2); len(got) != 4 {
		t.Fatalf("walk = %v, want 4 reviews", got)
	}
}

func testReviewConcurrentUsers(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	const n = 50
	var wg sync.WaitGroup
	var wantSum atomic.Int64
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			stars := 1 + i%5
			wantSum.Add(int64(stars))
			errs <- s.reviews.Add(context.Background(), newReview(t, b.ID(), domain.UserID(fmt.Sprintf("racer-%02d", i)), stars, epoch.Add(time.Duration(i)*time.Millisecond)))
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		must(t, err)
	}
	assertRating(t, s.books, b.ID(), wantSum.Load(), n)
	if got := walkReviews(t, s.reviews, b.ID(), 20, 3); len(got) != n {
		t.Fatalf("listed %d reviews, want %d", len(got), n)
	}
}

func testReviewConcurrentSameUser(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	const n = 10
	var wg sync.WaitGroup
	var wins, conflicts atomic.Int32
	for i := range n {
		wg.Go(func() {
			err := s.reviews.Add(context.Background(), newReview(t, b.ID(), "twin", 1+i%5, epoch))
			switch {
			case err == nil:
				wins.Add(1)
			case errors.Is(err, domain.ErrConflict):
				conflicts.Add(1)
			default:
				t.Errorf("Add = %v, want nil or domain.ErrConflict", err)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 || conflicts.Load() != n-1 {
		t.Fatalf("%d wins and %d conflicts, want 1 and %d", wins.Load(), conflicts.Load(), n-1)
	}
	winner, err := s.reviews.Get(context.Background(), b.ID(), "twin")
	must(t, err)
	assertRating(t, s.books, b.ID(), int64(winner.Rating()), 1)
}

func testReviewRacingBookEdits(t *testing.T, s reviewRepos) {
	b := bookToReview(t, s)
	const n = 20
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			err := s.reviews.Add(context.Background(), newReview(t, b.ID(), domain.UserID(fmt.Sprint("mix-", i)), 5, epoch))
			if err != nil {
				t.Errorf("Add = %v", err)
			}
		})
	}
	var edits atomic.Int32
	for i := range 3 {
		wg.Go(func() {
			_, err := s.books.Update(context.Background(), b.ID(), func(b *domain.Book) error {
				return b.Revise(details(fmt.Sprint("Middlemarch ", i), "George Eliot", "classics"), later)
			})
			switch {
			case err == nil:
				edits.Add(1)
			case !errors.As(err, new(*app.ContentionError)): // bounded retries may give up under contention
				t.Errorf("book Update = %v", err)
			}
		})
	}
	wg.Wait()
	assertRating(t, s.books, b.ID(), 5*n, n)
	got, err := s.books.Get(context.Background(), b.ID())
	must(t, err)
	if got.Version() != 1+int64(edits.Load()) {
		t.Fatalf("book version = %d after %d edits, want %d", got.Version(), edits.Load(), 1+edits.Load())
	}
}

// Helpers of the ReviewRepository suite.

// bookToReview stores a book in s.books and returns it.
func bookToReview(t *testing.T, s reviewRepos) domain.Book {
	t.Helper()
	b := newBook(t, details("Middlemarch", "George Eliot", "classics"))
	must(t, s.books.Create(context.Background(), b))
	return b
}

func newReview(t *testing.T, book domain.BookID, user domain.UserID, stars int, at time.Time) domain.Review {
	t.Helper()
	r, err := domain.NewReview(book, user, "reader "+string(user), domain.ReviewDraft{Rating: stars, Text: "Stars: " + fmt.Sprint(stars) + ".\nRecommended."}, at)
	must(t, err)
	return r
}

// walkReviews lists every review of book with the given page size and
// checks the number of pages.
func walkReviews(t *testing.T, repo app.ReviewRepository, book domain.BookID, limit, wantPages int) []domain.UserID {
	t.Helper()
	var users []domain.UserID
	seen := make(map[domain.UserID]bool)
	q := app.ReviewListQuery{BookID: book, Limit: limit}
	for pages := 1; ; pages++ {
		if pages > wantPages+1 {
			t.Fatalf("more than %d pages", wantPages)
		}
		page, err := repo.List(context.Background(), q)
		must(t, err)
		if len(page.Reviews) > limit {
			t.Fatalf("page of %d reviews, limit %d", len(page.Reviews), limit)
		}
		for _, r := range page.Reviews {
			if seen[r.UserID()] {
				t.Fatalf("review of %s listed twice", r.UserID())
			}
			seen[r.UserID()] = true
			users = append(users, r.UserID())
		}
		if page.Next == "" {
			if pages != wantPages {
				t.Fatalf("%d pages, want %d", pages, wantPages)
			}
			return users
		}
		q.After = page.Next
	}
}

func assertRating(t *testing.T, books app.BookRepository, id domain.BookID, sum, count int64) {
	t.Helper()
	b, err := books.Get(context.Background(), id)
	must(t, err)
	if got := b.Rating(); got.Sum() != sum || got.Count() != count {
		t.Fatalf("book rating = sum %d count %d, want sum %d count %d", got.Sum(), got.Count(), sum, count)
	}
}

func assertSameReview(t *testing.T, got, want domain.Review) {
	t.Helper()
	g, w := got.Snapshot(), want.Snapshot()
	if g.BookID != w.BookID || g.UserID != w.UserID || g.Author != w.Author || g.Rating != w.Rating || g.Text != w.Text ||
		!g.CreatedAt.Equal(w.CreatedAt) || !g.UpdatedAt.Equal(w.UpdatedAt) || g.Version != w.Version {
		t.Fatalf("review = %+v, want %+v", g, w)
	}
}
