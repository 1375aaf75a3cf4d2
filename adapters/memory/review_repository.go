package memory

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"sync"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ReviewRepository keeps reviews in memory beside a BookRepository. Every
// write runs under the books' lock (BookRepository.withBooksLocked), so the
// review and its book's rating change together, atomically, as the
// DynamoDB adapter's transactions do.
type ReviewRepository struct {
	books *BookRepository
	// mu guards reviews. Writers take it inside the books' lock, never the
	// other way round.
	mu      sync.RWMutex
	reviews map[domain.BookID]map[domain.UserID]domain.Review
}

var _ app.ReviewRepository = (*ReviewRepository)(nil)

// NewReviewRepository returns an empty repository whose reviews rate the
// books of books.
func NewReviewRepository(books *BookRepository) (*ReviewRepository, error) {
	if books == nil {
		return nil, fmt.Errorf("memory: NewReviewRepository: nil *BookRepository")
	}
	return &ReviewRepository{books: books, reviews: make(map[domain.BookID]map[domain.UserID]domain.Review)}, nil
}

func reviewNotFound(book domain.BookID, user domain.UserID) error {
	return &domain.NotFoundError{Entity: "review", ID: string(book) + "/" + string(user)}
}

// write runs fn with both locks held and then applies the rating change fn
// returns to the book. fn must not change r.reviews before it knows the
// change applies; the book is checked first.
func (r *ReviewRepository) write(id domain.BookID, fn func(reviews map[domain.UserID]domain.Review) (domain.RatingChange, error)) error {
	return r.books.withBooksLocked(func(books map[domain.BookID]domain.Book) error {
		book, ok := books[id]
		if !ok {
			return &domain.NotFoundError{Entity: "book", ID: string(id)}
		}
		r.mu.Lock()
		defer r.mu.Unlock()
		reviews := r.reviews[id]
		if reviews == nil {
			reviews = make(map[domain.UserID]domain.Review)
		}
		// fn works on a copy so that a failed rating change stores nothing.
		next := make(map[domain.UserID]domain.Review, len(reviews)+1)
		for k, v := range reviews {
			next[k] = v
		}
		change, err := fn(next)
		if err != nil {
			return err
		}
		if err := book.ApplyRating(change); err != nil {
			return fmt.Errorf("book %s: rating out of step with its reviews: %v", id, err)
		}
		books[id] = book
		r.reviews[id] = next
		return nil
	})
}

// Add implements app.ReviewRepository.
func (r *ReviewRepository) Add(_ context.Context, review domain.Review) error {
	return r.write(review.BookID(), func(reviews map[domain.UserID]domain.Review) (domain.RatingChange, error) {
		if _, ok := reviews[review.UserID()]; ok {
			return domain.RatingChange{}, fmt.Errorf("user %s has reviewed book %s already: %w", review.UserID(), review.BookID(), domain.ErrConflict)
		}
		reviews[review.UserID()] = review
		return domain.RatingAdded(review.Rating()), nil
	})
}

// Get implements app.ReviewRepository.
func (r *ReviewRepository) Get(_ context.Context, book domain.BookID, user domain.UserID) (domain.Review, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	review, ok := r.reviews[book][user]
	if !ok {
		return domain.Review{}, reviewNotFound(book, user)
	}
	return review, nil
}

// Update implements app.ReviewRepository. The lock is held for the whole
// callback, so updates never race.
func (r *ReviewRepository) Update(_ context.Context, book domain.BookID, user domain.UserID, fn func(*domain.Review) error) (domain.Review, error) {
	var out domain.Review
	err := r.write(book, func(reviews map[domain.UserID]domain.Review) (domain.RatingChange, error) {
		review, ok := reviews[user]
		if !ok {
			return domain.RatingChange{}, reviewNotFound(book, user)
		}
		old := review.Rating()
		if err := fn(&review); err != nil {
			return domain.RatingChange{}, err
		}
		if review.BookID() != book || review.UserID() != user {
			return domain.RatingChange{}, fmt.Errorf("update review %s/%s: callback changed its key", book, user)
		}
		reviews[user] = review
		out = review
		return domain.RatingRevised(old, review.Rating()), nil
	})
	if err != nil {
		return domain.Review{}, err
	}
	return out, nil
}

// Delete implements app.ReviewRepository.
func (r *ReviewRepository) Delete(_ context.Context, book domain.BookID, user domain.UserID, expectedVersion int64) (domain.Review, error) {
	var out domain.Review
	err := r.write(book, func(reviews map[domain.UserID]domain.Review) (domain.RatingChange, error) {
		review, ok := reviews[user]
		if !ok {
			return domain.RatingChange{}, reviewNotFound(book, user)
		}
		if expectedVersion != 0 {
			if err := review.CheckVersion(expectedVersion); err != nil {
				return domain.RatingChange{}, err
			}
		}
		delete(reviews, user)
		out = review
		return domain.RatingRemoved(review.Rating()), nil
	})
	if err != nil {
		return domain.Review{}, err
	}
	return out, nil
}

// reviewSortKey orders a book's reviews by creation time, then user id. The
// fixed-width time makes string order time order.
func reviewSortKey(r domain.Review) string {
	return r.CreatedAt().UTC().Format("20060102T150405.000000000Z") + "#" + string(r.UserID())
}

// List implements app.ReviewRepository. Its position token is the sort key
// of the last review returned.
func (r *ReviewRepository) List(_ context.Context, q app.ReviewListQuery) (app.ReviewListPage, error) {
	if q.Limit < 1 || q.Limit > app.MaxPageSize {
		return app.ReviewListPage{}, fmt.Errorf("list reviews: limit %d not in 1..%d: %w", q.Limit, app.MaxPageSize, domain.ErrInvalid)
	}
	var after string
	if q.After != "" {
		raw, err := base64.RawURLEncoding.DecodeString(q.After)
		if err != nil || len(raw) == 0 {
			return app.ReviewListPage{}, fmt.Errorf("list reviews: malformed position: %w", domain.ErrInvalid)
		}
		after = string(raw)
	}
	type keyed struct {
		key    string
		review domain.Review
	}
	r.mu.RLock()
	matches := make([]keyed, 0, len(r.reviews[q.BookID]))
	for _, rv := range r.reviews[q.BookID] {
		if k := reviewSortKey(rv); after == "" || k < after {
			matches = append(matches, keyed{k, rv})
		}
	}
	r.mu.RUnlock()
	slices.SortFunc(matches, func(a, b keyed) int { return cmp.Compare(b.key, a.key) })
	end := min(q.Limit, len(matches))
	page := app.ReviewListPage{Reviews: make([]domain.Review, 0, end)}
	for _, m := range matches[:end] {
		page.Reviews = append(page.Reviews, m.review)
	}
	if end < len(matches) {
		page.Next = base64.RawURLEncoding.EncodeToString([]byte(matches[end-1].key))
	}
	return page, nil
}
