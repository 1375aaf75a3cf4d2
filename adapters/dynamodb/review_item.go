package dynamodb

import (
	"fmt"
	"strings"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// reviewKeyTimeLayout is the fixed-width UTC time at the start of
// review_key: string order is time order (see table.go).
const reviewKeyTimeLayout = "20060102T150405.000000000Z"

// reviewItem is a review as stored in the table (see table.go). Its
// attribute names avoid the book indexes' ones.
type reviewItem struct {
	PK        string `dynamo:"pk"`
	SK        string `dynamo:"sk"`
	ReviewKey string `dynamo:"review_key"`

	BookID    string `dynamo:"book_id"`
	UserID    string `dynamo:"user_id"`
	Reviewer  string `dynamo:"reviewer"`
	Stars     int    `dynamo:"stars"`
	Text      string `dynamo:"text,omitempty"`
	CreatedAt string `dynamo:"created_at"`
	UpdatedAt string `dynamo:"updated_at"`
	Version   int64  `dynamo:"version"`
}

// reviewSK returns the sort key of the user's review.
func reviewSK(user domain.UserID) string { return reviewSKPrefix + string(user) }

// reviewKey returns the review_key of a review created at created by user.
func reviewKey(created time.Time, user domain.UserID) string {
	return created.UTC().Format(reviewKeyTimeLayout) + "#" + string(user)
}

// validReviewKey reports whether s has the shape reviewKey produces, so a
// position token cannot smuggle in an arbitrary key.
func validReviewKey(s string) bool {
	ts, user, ok := strings.Cut(s, "#")
	if !ok || user == "" {
		return false
	}
	_, err := time.Parse(reviewKeyTimeLayout, ts)
	return err == nil && len(ts) == len(reviewKeyTimeLayout)
}

func newReviewItem(r domain.Review) reviewItem {
	s := r.Snapshot()
	return reviewItem{
		PK:        bookPK(s.BookID),
		SK:        reviewSK(s.UserID),
		ReviewKey: reviewKey(s.CreatedAt, s.UserID),
		BookID:    string(s.BookID),
		UserID:    string(s.UserID),
		Reviewer:  s.Author,
		Stars:     s.Rating,
		Text:      s.Text,
		CreatedAt: s.CreatedAt.UTC().Format(time.RFC3339Nano),
		UpdatedAt: s.UpdatedAt.UTC().Format(time.RFC3339Nano),
		Version:   s.Version,
	}
}

// review rebuilds the domain review through domain.RestoreReview. Like
// bookItem.book, a corrupt record is a storage failure, not ErrInvalid.
func (it reviewItem) review() (domain.Review, error) {
	created, err1 := time.Parse(time.RFC3339Nano, it.CreatedAt)
	updated, err2 := time.Parse(time.RFC3339Nano, it.UpdatedAt)
	if err1 != nil || err2 != nil {
		return domain.Review{}, fmt.Errorf("stored review %q/%q has malformed timestamps", it.BookID, it.UserID)
	}
	r, err := domain.RestoreReview(domain.ReviewSnapshot{
		BookID: domain.BookID(it.BookID), UserID: domain.UserID(it.UserID), Author: it.Reviewer,
		Rating: it.Stars, Text: it.Text, CreatedAt: created, UpdatedAt: updated, Version: it.Version,
	})
	if err != nil {
		return domain.Review{}, fmt.Errorf("stored review %q/%q is corrupt: %v", it.BookID, it.UserID, err)
	}
	return r, nil
}
