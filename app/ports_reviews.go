package app

import (
	"context"

	"github.com/bookshop/bookshop/domain"
)

// ReviewListQuery asks a ReviewRepository for one page of a book's reviews,
// newest first.
type ReviewListQuery struct {
	BookID domain.BookID
	// Limit is the page size, 1 to MaxPageSize.
	Limit int
	// After is the position token of a previous page's Next, or "" for the
	// first page. Tokens only go back to the repository that issued them,
	// for the same book.
	After string
}

// ReviewListPage is one page of reviews.
type ReviewListPage struct {
	Reviews []domain.Review
	// Next is the position token of the following page; "" exactly when no
	// review follows.
	Next string
}

// ReviewRepository stores reviews together with the rating totals of their
// books.
//
// Atomicity guarantee: every write of a review and the matching change of
// its book's rating (domain.RatingChange) happen as ONE atomic operation:
// either both are stored or neither is, and concurrent writers never lose an
// increment. The book's version is not changed by it.
//
// Implementations must be safe for concurrent use. Errors wrap
// domain.ErrNotFound for a missing book or review. A write that concurrent
// writers keep beating (their transactions hold the book item) is a
// *ContentionError once the implementation's bounded retries run out; other
// failures are infrastructure errors.
type ReviewRepository interface {
	// Add stores a new review and adds its stars to the book's rating. It
	// wraps domain.ErrConflict when the user has reviewed the book already
	// and domain.ErrNotFound when the book does not exist.
	Add(ctx context.Context, review domain.Review) error
	// Get returns the user's review of the book.
	Get(ctx context.Context, book domain.BookID, user domain.UserID) (domain.Review, error)
	// Update loads the review, passes it to fn and stores the result, and
	// changes the book's rating by the difference of stars, only if nobody
	// wrote the review in between (its version is the guard). When another
	// writer wins, Update reloads and calls fn again, a bounded number of
	// times, then returns a *ContentionError. If fn fails nothing is
	// stored and its error is returned. fn must not do I/O.
	Update(ctx context.Context, book domain.BookID, user domain.UserID, fn func(*domain.Review) error) (domain.Review, error)
	// Delete removes the review and takes its stars off the book's rating.
	// If expectedVersion is not 0 the review is only removed while at that
	// version (otherwise a *domain.VersionConflictError). It returns the
	// deleted review.
	Delete(ctx context.Context, book domain.BookID, user domain.UserID, expectedVersion int64) (domain.Review, error)
	// List returns one page of the book's reviews, newest first (by creation
	// time, ties broken by user id). Pages never overlap nor skip reviews
	// that existed during the whole walk. It does not check that the book
	// exists.
	List(ctx context.Context, q ReviewListQuery) (ReviewListPage, error)
}
