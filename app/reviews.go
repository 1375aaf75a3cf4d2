package app

import (
	"context"
	"errors"
	"fmt"

	"github.com/bookshop/bookshop/domain"
)

// Reviews runs the review use cases: readers rate and review books.
type Reviews struct {
	reviews  ReviewRepository
	books    BookRepository
	profiles ProfileRepository
	clock    Clock
	cursors  *CursorCodec
}

// NewReviews returns the review use cases over the given ports.
func NewReviews(reviews ReviewRepository, books BookRepository, profiles ProfileRepository, clock Clock, cursors *CursorCodec) *Reviews {
	return &Reviews{reviews: reviews, books: books, profiles: profiles, clock: clock, cursors: cursors}
}

// authorName is the name the caller's reviews are signed with: their
// profile's display name (set at sign-up or first sign-in, on every identity
// provider; access tokens carry no email), else the local part of an email
// claim, else "user " and the start of their id.
func (s *Reviews) authorName(ctx context.Context, p Principal) (string, error) {
	prof, err := s.profiles.Get(ctx, p.UserID)
	switch {
	case err == nil && prof.DisplayName != "":
		return prof.DisplayName, nil
	case err != nil && !errors.Is(err, domain.ErrNotFound):
		return "", fmt.Errorf("read the profile: %w", err)
	case p.Email != "":
		return domain.AuthorName(p.Email), nil
	}
	id := []rune(p.UserID)
	return "user " + string(id[:min(8, len(id))]), nil
}

// AddReview stores the signed-in caller's review of a book, shown under the
// display name of their profile, and adds its stars to the book's
// rating. A user reviews a book once: a second review wraps
// domain.ErrConflict (edit the first instead). A missing book wraps
// domain.ErrNotFound; an anonymous caller domain.ErrUnauthenticated.
func (s *Reviews) AddReview(ctx context.Context, book domain.BookID, d domain.ReviewDraft) (domain.Review, error) {
	p, err := signedIn(ctx, "add review")
	if err != nil {
		return domain.Review{}, err
	}
	author, err := s.authorName(ctx, p)
	if err != nil {
		return domain.Review{}, fmt.Errorf("add review: %w", err)
	}
	review, err := domain.NewReview(book, domain.UserID(p.UserID), author, d, s.clock.Now())
	if err != nil {
		return domain.Review{}, err
	}
	if err := s.reviews.Add(ctx, review); err != nil {
		return domain.Review{}, fmt.Errorf("add review: %w", err)
	}
	return review, nil
}

// GetReview returns one user's review of a book. Anyone may read reviews.
func (s *Reviews) GetReview(ctx context.Context, book domain.BookID, user domain.UserID) (domain.Review, error) {
	r, err := s.reviews.Get(ctx, book, user)
	if err != nil {
		return domain.Review{}, fmt.Errorf("get review: %w", err)
	}
	return r, nil
}

// EditReview replaces the rating and text of the caller's own review if it
// is still at expectedVersion, adjusting the book's rating by the
// difference. Anonymous callers get domain.ErrUnauthenticated, other users'
// reviews domain.ErrForbidden (admins included: a review speaks for its
// author), and an expectedVersion of 0 domain.ErrPreconditionRequired.
func (s *Reviews) EditReview(ctx context.Context, book domain.BookID, user domain.UserID, expectedVersion int64, d domain.ReviewDraft) (domain.Review, error) {
	p, err := signedIn(ctx, "edit review")
	if err != nil {
		return domain.Review{}, err
	}
	if domain.UserID(p.UserID) != user {
		return domain.Review{}, fmt.Errorf("edit review: only its author may edit it: %w", domain.ErrForbidden)
	}
	if expectedVersion == 0 {
		return domain.Review{}, fmt.Errorf("edit review: %w", domain.ErrPreconditionRequired)
	}
	// Check the input before reading, so bad input is reported even when
	// the review has changed meanwhile.
	if err := d.Validate(); err != nil {
		return domain.Review{}, err
	}
	now := s.clock.Now()
	r, err := s.reviews.Update(ctx, book, user, func(r *domain.Review) error {
		if err := r.CheckVersion(expectedVersion); err != nil {
			return err
		}
		return r.Revise(d, now)
	})
	if err != nil {
		return domain.Review{}, fmt.Errorf("edit review: %w", err)
	}
	return r, nil
}

// DeleteReview removes a review and takes its stars off the book's rating.
// Its author and admins may delete it; others get domain.ErrForbidden,
// anonymous callers domain.ErrUnauthenticated. If expectedVersion is not 0
// the review must still be at that version.
func (s *Reviews) DeleteReview(ctx context.Context, book domain.BookID, user domain.UserID, expectedVersion int64) error {
	p, err := signedIn(ctx, "delete review")
	if err != nil {
		return err
	}
	if domain.UserID(p.UserID) != user && !p.IsAdmin() {
		return fmt.Errorf("delete review: only its author or an admin may delete it: %w", domain.ErrForbidden)
	}
	if _, err := s.reviews.Delete(ctx, book, user, expectedVersion); err != nil {
		return fmt.Errorf("delete review: %w", err)
	}
	return nil
}

// ListReviewsRequest is a client's request for a page of a book's reviews,
// unvalidated.
type ListReviewsRequest struct {
	Book domain.BookID
	// Limit is the page size; 0 means DefaultPageSize.
	Limit int
	// Cursor is a previous page's NextCursor, or "".
	Cursor string
}

// ReviewPage is one page of reviews for a client.
type ReviewPage struct {
	Reviews []domain.Review
	// NextCursor continues the listing; "" on the last page.
	NextCursor string
}

// ListReviews returns a page of the book's reviews, newest first. Invalid
// parameters, including a cursor issued for another book or tampered with,
// are reported together as a *domain.ValidationError; a missing book wraps
// domain.ErrNotFound.
func (s *Reviews) ListReviews(ctx context.Context, r ListReviewsRequest) (ReviewPage, error) {
	q := ReviewListQuery{BookID: r.Book, Limit: DefaultPageSize}
	var fields []domain.FieldError
	if r.Limit != 0 {
		if r.Limit < 1 || r.Limit > MaxPageSize {
			fields = append(fields, domain.FieldError{Field: "limit", Message: fmt.Sprintf("must be between 1 and %d", MaxPageSize)})
		}
		q.Limit = r.Limit
	}
	scope := "reviews|" + string(r.Book)
	if r.Cursor != "" {
		after, err := s.cursors.Decode(scope, r.Cursor)
		if err != nil {
			fields = append(fields, domain.FieldError{Field: "cursor", Message: "is not a cursor issued for this listing"})
		}
		q.After = after
	}
	if len(fields) > 0 {
		return ReviewPage{}, &domain.ValidationError{Fields: fields}
	}
	if _, err := s.books.Get(ctx, r.Book); err != nil {
		return ReviewPage{}, fmt.Errorf("list reviews: %w", err)
	}
	page, err := s.reviews.List(ctx, q)
	if err != nil {
		return ReviewPage{}, fmt.Errorf("list reviews: %w", err)
	}
	out := ReviewPage{Reviews: page.Reviews}
	if page.Next != "" {
		out.NextCursor = s.cursors.Encode(scope, page.Next)
	}
	return out, nil
}
