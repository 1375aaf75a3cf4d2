package domain

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of a review.
const (
	MinRating          = 1
	MaxRating          = 5
	MaxReviewTextLen   = 2000
	MaxReviewAuthorLen = 64
)

// UserID identifies a signed-in user: the identity provider's stable
// subject.
type UserID string

// ReviewDraft is the client-editable part of a review, unvalidated.
type ReviewDraft struct {
	// Rating is the number of stars, MinRating to MaxRating.
	Rating int
	// Text is optional, at most MaxReviewTextLen characters; line breaks are
	// allowed.
	Text string
}

// Review is one user's review of one book; a user reviews a book at most
// once, so the pair (book, user) identifies it. Its version counts its own
// writes and guards edits.
type Review struct {
	bookID    BookID
	userID    UserID
	author    string
	rating    int
	text      string
	createdAt time.Time
	updatedAt time.Time
	version   int64
}

// validate checks every field of the draft and reports all problems.
func (d ReviewDraft) validate(errs *fieldErrors) (rating int, text string) {
	if d.Rating < MinRating || d.Rating > MaxRating {
		errs.add("rating", "must be an integer from %d to %d", MinRating, MaxRating)
	}
	text = strings.TrimSpace(d.Text)
	checkText(errs, "text", text, 0, MaxReviewTextLen, true)
	return d.Rating, text
}

// Validate reports every invalid field of the draft as a *ValidationError.
func (d ReviewDraft) Validate() error {
	var errs fieldErrors
	d.validate(&errs)
	return errs.err()
}

// AuthorName derives the public display name of a reviewer from their email
// address: its local part ("ada" for "ada@example.com"), without control
// characters and cut to MaxReviewAuthorLen characters. It never exposes the
// domain, and falls back to "reader" when nothing usable is left.
func AuthorName(email string) string {
	local, _, _ := strings.Cut(email, "@")
	local = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, local)
	local = strings.TrimSpace(local)
	if utf8.RuneCountInString(local) > MaxReviewAuthorLen {
		local = string([]rune(local)[:MaxReviewAuthorLen])
	}
	if local == "" {
		return "reader"
	}
	return local
}

// NewReview creates version 1 of userID's review of bookID, shown under the
// display name author. Every invalid field is reported at once.
func NewReview(bookID BookID, userID UserID, author string, d ReviewDraft, now time.Time) (Review, error) {
	var errs fieldErrors
	rating, text := d.validate(&errs)
	checkReviewKeys(&errs, bookID, userID, author)
	if err := errs.err(); err != nil {
		return Review{}, err
	}
	now = now.UTC()
	return Review{
		bookID: bookID, userID: userID, author: author, rating: rating, text: text,
		createdAt: now, updatedAt: now, version: 1,
	}, nil
}

func checkReviewKeys(errs *fieldErrors, bookID BookID, userID UserID, author string) {
	if bookID == "" {
		errs.add("bookId", "is required")
	}
	if userID == "" {
		errs.add("userId", "is required")
	}
	checkText(errs, "author", author, 1, MaxReviewAuthorLen, false)
}

// Revise replaces the rating and text and bumps the version. On error the
// review is unchanged. The rating change for the book is
// RatingRevised(old, new) of the ratings before and after.
func (r *Review) Revise(d ReviewDraft, now time.Time) error {
	var errs fieldErrors
	rating, text := d.validate(&errs)
	if err := errs.err(); err != nil {
		return err
	}
	r.rating, r.text = rating, text
	r.updatedAt = now.UTC()
	r.version++
	return nil
}

// CheckVersion returns a *VersionConflictError when the review is not at
// the expected version.
func (r *Review) CheckVersion(expected int64) error {
	if r.version != expected {
		return &VersionConflictError{Entity: "review", ID: r.key(), Expected: expected, Actual: r.version}
	}
	return nil
}

// key names the review in errors: "<bookId>/<userId>".
func (r Review) key() string { return string(r.bookID) + "/" + string(r.userID) }

// Accessors.

func (r Review) BookID() BookID       { return r.bookID }
func (r Review) UserID() UserID       { return r.userID }
func (r Review) Author() string       { return r.author }
func (r Review) Rating() int          { return r.rating }
func (r Review) Text() string         { return r.text }
func (r Review) CreatedAt() time.Time { return r.createdAt }
func (r Review) UpdatedAt() time.Time { return r.updatedAt }
func (r Review) Version() int64       { return r.version }

// ReviewSnapshot is the full state of a review as stored by a repository;
// RestoreReview is the only way back into a Review.
type ReviewSnapshot struct {
	BookID    BookID
	UserID    UserID
	Author    string
	Rating    int
	Text      string
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int64
}

// Snapshot returns the review's state for storage.
func (r Review) Snapshot() ReviewSnapshot {
	return ReviewSnapshot{
		BookID: r.bookID, UserID: r.userID, Author: r.author, Rating: r.rating, Text: r.text,
		CreatedAt: r.createdAt, UpdatedAt: r.updatedAt, Version: r.version,
	}
}

// RestoreReview rebuilds a review from storage, validating it like
// NewReview so that a corrupt record cannot enter the domain.
func RestoreReview(s ReviewSnapshot) (Review, error) {
	var errs fieldErrors
	rating, text := ReviewDraft{Rating: s.Rating, Text: s.Text}.validate(&errs)
	checkReviewKeys(&errs, s.BookID, s.UserID, s.Author)
	if s.Version < 1 {
		errs.add("version", "stored review has no version")
	}
	if err := errs.err(); err != nil {
		return Review{}, fmt.Errorf("restore review: %w", err)
	}
	return Review{
		bookID: s.BookID, userID: s.UserID, author: s.Author, rating: rating, text: text,
		createdAt: s.CreatedAt.UTC(), updatedAt: s.UpdatedAt.UTC(), version: s.Version,
	}, nil
}
