package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ReviewRepository keeps reviews beside the books they rate. Every write is
// one transaction that also changes the book's rating, so the review and
// the rating change together, as the DynamoDB adapter's transactions do.
type ReviewRepository struct {
	db *DB
}

var _ app.ReviewRepository = (*ReviewRepository)(nil)

// NewReviewRepository returns the repository of db's reviews.
func NewReviewRepository(db *DB) (*ReviewRepository, error) {
	if db == nil {
		return nil, errors.New("bolt.NewReviewRepository: nil DB")
	}
	return &ReviewRepository{db: db}, nil
}

func reviewNotFound(book domain.BookID, user domain.UserID) error {
	return &domain.NotFoundError{Entity: "review", ID: string(book) + "/" + string(user)}
}

// reviewTimeLayout is the fixed-width UTC time at the start of a review's
// key in reviews_by_time: string order is time order.
const reviewTimeLayout = "20060102T150405.000000000Z"

// reviewSortKey orders a book's reviews by creation time, then user id, as
// adapters/memory does; it is also the listing's position token.
func reviewSortKey(r domain.Review) string {
	return r.CreatedAt().UTC().Format(reviewTimeLayout) + "#" + string(r.UserID())
}

// write runs fn inside one transaction with the review's book loaded, then
// applies the rating change fn returns to the book. fn returns the review to
// store (nil to delete the stored one).
func (r *ReviewRepository) write(ctx context.Context, book domain.BookID, user domain.UserID,
	fn func(stored *domain.Review) (next *domain.Review, change domain.RatingChange, err error)) error {
	key, err := prefixed(string(book), string(user))
	if err != nil {
		return err
	}
	return update(ctx, r.db, func(tx *bbolt.Tx) error {
		b, err := getBook(tx, book)
		if err != nil {
			return err
		}
		var stored *domain.Review
		if raw := tx.Bucket(bucketReviews).Get(key); raw != nil {
			rv, err := decodeReview(raw)
			if err != nil {
				return err
			}
			stored = &rv
		}
		next, change, err := fn(stored)
		if err != nil {
			return err
		}
		updated := b
		if err := updated.ApplyRating(change); err != nil {
			return fmt.Errorf("book %s: rating out of step with its reviews: %v", book, err)
		}
		if stored != nil {
			if err := deleteReview(tx, key, *stored); err != nil {
				return err
			}
		}
		if next != nil {
			if err := putReview(tx, key, *next); err != nil {
				return err
			}
		}
		return putBook(tx, &b, updated)
	})
}

func putReview(tx *bbolt.Tx, key []byte, rv domain.Review) error {
	raw, err := encodeReview(rv)
	if err != nil {
		return err
	}
	byTime, err := prefixed(string(rv.BookID()), reviewSortKey(rv))
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketReviewsByTime).Put(byTime, []byte(rv.UserID())); err != nil {
		return err
	}
	return tx.Bucket(bucketReviews).Put(key, raw)
}

func deleteReview(tx *bbolt.Tx, key []byte, rv domain.Review) error {
	byTime, err := prefixed(string(rv.BookID()), reviewSortKey(rv))
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketReviewsByTime).Delete(byTime); err != nil {
		return err
	}
	return tx.Bucket(bucketReviews).Delete(key)
}

// Add implements app.ReviewRepository.
func (r *ReviewRepository) Add(ctx context.Context, review domain.Review) error {
	return r.write(ctx, review.BookID(), review.UserID(), func(stored *domain.Review) (*domain.Review, domain.RatingChange, error) {
		if stored != nil {
			return nil, domain.RatingChange{}, fmt.Errorf("user %s has reviewed book %s already: %w", review.UserID(), review.BookID(), domain.ErrConflict)
		}
		return &review, domain.RatingAdded(review.Rating()), nil
	})
}

// Get implements app.ReviewRepository.
func (r *ReviewRepository) Get(ctx context.Context, book domain.BookID, user domain.UserID) (domain.Review, error) {
	key, err := prefixed(string(book), string(user))
	if err != nil {
		return domain.Review{}, err
	}
	var out domain.Review
	err = view(ctx, r.db, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketReviews).Get(key)
		if raw == nil {
			return reviewNotFound(book, user)
		}
		out, err = decodeReview(raw)
		return err
	})
	return out, err
}

// Update implements app.ReviewRepository. The transaction holds the write
// lock for the whole callback, so updates never race.
func (r *ReviewRepository) Update(ctx context.Context, book domain.BookID, user domain.UserID, fn func(*domain.Review) error) (domain.Review, error) {
	var out domain.Review
	err := r.write(ctx, book, user, func(stored *domain.Review) (*domain.Review, domain.RatingChange, error) {
		if stored == nil {
			return nil, domain.RatingChange{}, reviewNotFound(book, user)
		}
		review := *stored
		if err := fn(&review); err != nil {
			return nil, domain.RatingChange{}, err
		}
		if review.BookID() != book || review.UserID() != user {
			return nil, domain.RatingChange{}, fmt.Errorf("update review %s/%s: callback changed its key", book, user)
		}
		out = review
		return &review, domain.RatingRevised(stored.Rating(), review.Rating()), nil
	})
	if err != nil {
		return domain.Review{}, err
	}
	return out, nil
}

// Delete implements app.ReviewRepository.
func (r *ReviewRepository) Delete(ctx context.Context, book domain.BookID, user domain.UserID, expectedVersion int64) (domain.Review, error) {
	var out domain.Review
	err := r.write(ctx, book, user, func(stored *domain.Review) (*domain.Review, domain.RatingChange, error) {
		if stored == nil {
			return nil, domain.RatingChange{}, reviewNotFound(book, user)
		}
		if expectedVersion != 0 {
			if err := stored.CheckVersion(expectedVersion); err != nil {
				return nil, domain.RatingChange{}, err
			}
		}
		out = *stored
		return nil, domain.RatingRemoved(stored.Rating()), nil
	})
	if err != nil {
		return domain.Review{}, err
	}
	return out, nil
}

// List implements app.ReviewRepository. Its position token is the sort key
// of the last review returned, as adapters/memory's.
func (r *ReviewRepository) List(ctx context.Context, q app.ReviewListQuery) (app.ReviewListPage, error) {
	if q.Limit < 1 || q.Limit > app.MaxPageSize {
		return app.ReviewListPage{}, fmt.Errorf("list reviews: limit %d not in 1..%d: %w", q.Limit, app.MaxPageSize, domain.ErrInvalid)
	}
	after, err := decodePosition(q.After, "reviews")
	if err != nil {
		return app.ReviewListPage{}, err
	}
	prefix, err := prefixed(string(q.BookID), "")
	if err != nil {
		return app.ReviewListPage{}, err
	}
	var page app.ReviewListPage
	err = view(ctx, r.db, func(tx *bbolt.Tx) error {
		reviews := tx.Bucket(bucketReviews)
		var err error
		page.Reviews, page.Next, err = listPage(tx.Bucket(bucketReviewsByTime), prefix, after, true, q.Limit,
			func(user []byte) (domain.Review, error) {
				return decodeReview(reviews.Get(append(bytes.Clone(prefix), user...)))
			})
		return err
	})
	if err != nil {
		return app.ReviewListPage{}, fmt.Errorf("list reviews: %w", err)
	}
	return page, nil
}
