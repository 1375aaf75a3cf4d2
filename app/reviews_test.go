package app_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// newReviews returns the review use cases over memory adapters and one
// stored book.
func newReviews(t *testing.T) (*app.Reviews, *memory.BookRepository, domain.Book) {
	t.Helper()
	books := memory.NewBookRepository()
	repo, err := memory.NewReviewRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	clock := apptest.NewClock(time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC))
	b, err := domain.NewBook("B1", domain.BookDetails{Title: "Beloved", Author: "Toni Morrison", Category: "fiction", PriceCents: 1, Stock: 1}, clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), b); err != nil {
		t.Fatal(err)
	}
	return app.NewReviews(repo, books, memory.NewProfileRepository(), clock, newCursors(t)), books, b
}

func as(userID, email string, groups ...string) context.Context {
	return app.WithPrincipal(context.Background(), app.Principal{UserID: userID, Email: email, Groups: groups})
}

func TestAddReviewRules(t *testing.T) {
	t.Parallel()
	s, books, b := newReviews(t)
	if _, err := s.AddReview(context.Background(), b.ID(), domain.ReviewDraft{Rating: 5}); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Fatalf("anonymous AddReview = %v, want ErrUnauthenticated", err)
	}
	r, err := s.AddReview(as("u1", "ada@example.com"), b.ID(), domain.ReviewDraft{Rating: 5, Text: "Haunting."})
	if err != nil {
		t.Fatal(err)
	}
	if r.Author() != "ada" || r.UserID() != "u1" {
		t.Fatalf("review author %q user %q, want ada and u1", r.Author(), r.UserID())
	}
	if _, err := s.AddReview(as("u1", "ada@example.com"), b.ID(), domain.ReviewDraft{Rating: 1}); !errors.Is(err, domain.ErrConflict) {
		t.Fatalf("second AddReview = %v, want ErrConflict", err)
	}
	if _, err := s.AddReview(as("u2", "bo@example.com"), "missing", domain.ReviewDraft{Rating: 1}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("AddReview of a missing book = %v, want ErrNotFound", err)
	}
	if _, err := s.AddReview(as("u2", "bo@example.com"), b.ID(), domain.ReviewDraft{Rating: 9}); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("AddReview with 9 stars = %v, want ErrInvalid", err)
	}
	got, err := books.Get(context.Background(), b.ID())
	if err != nil {
		t.Fatal(err)
	}
	if got.Rating().Count() != 1 || got.Rating().Sum() != 5 {
		t.Fatalf("book rating %+v, want one review of 5 stars", got.Rating())
	}
}

func TestEditAndDeleteReviewRules(t *testing.T) {
	t.Parallel()
	s, _, b := newReviews(t)
	ada := as("u1", "ada@example.com")
	if _, err := s.AddReview(ada, b.ID(), domain.ReviewDraft{Rating: 3}); err != nil {
		t.Fatal(err)
	}
	edit := domain.ReviewDraft{Rating: 4}
	tests := []struct {
		name    string
		ctx     context.Context
		version int64
		draft   domain.ReviewDraft
		want    error
	}{
		{"anonymous", context.Background(), 1, edit, domain.ErrUnauthenticated},
		{"another user", as("u2", "eve@example.com"), 1, edit, domain.ErrForbidden},
		{"an admin", as("u3", "root@example.com", app.AdminGroup), 1, edit, domain.ErrForbidden},
		{"no version", ada, 0, edit, domain.ErrPreconditionRequired},
		{"stale version", ada, 2, edit, domain.ErrVersionConflict},
		{"bad input", ada, 1, domain.ReviewDraft{Rating: 0}, domain.ErrInvalid},
	}
	for _, tt := range tests {
		if _, err := s.EditReview(tt.ctx, b.ID(), "u1", tt.version, tt.draft); !errors.Is(err, tt.want) {
			t.Errorf("%s: EditReview = %v, want %v", tt.name, err, tt.want)
		}
	}
	r, err := s.EditReview(ada, b.ID(), "u1", 1, edit)
	if err != nil || r.Version() != 2 || r.Rating() != 4 {
		t.Fatalf("EditReview = %+v, %v", r.Snapshot(), err)
	}
	if err := s.DeleteReview(as("u2", "eve@example.com"), b.ID(), "u1", 0); !errors.Is(err, domain.ErrForbidden) {
		t.Fatalf("DeleteReview by another user = %v, want ErrForbidden", err)
	}
	if err := s.DeleteReview(context.Background(), b.ID(), "u1", 0); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Fatalf("anonymous DeleteReview = %v, want ErrUnauthenticated", err)
	}
	if err := s.DeleteReview(as("u3", "root@example.com", app.AdminGroup), b.ID(), "u1", 2); err != nil {
		t.Fatalf("DeleteReview by an admin = %v", err)
	}
}

func TestListReviewsCursorIsBoundToTheBook(t *testing.T) {
	t.Parallel()
	s, books, b := newReviews(t)
	for i := range 3 {
		if _, err := s.AddReview(as(fmt.Sprint("u", i), "x@example.com"), b.ID(), domain.ReviewDraft{Rating: 2}); err != nil {
			t.Fatal(err)
		}
	}
	page, err := s.ListReviews(context.Background(), app.ListReviewsRequest{Book: b.ID(), Limit: 2})
	if err != nil || len(page.Reviews) != 2 || page.NextCursor == "" {
		t.Fatalf("first page = %d reviews, cursor %q, %v", len(page.Reviews), page.NextCursor, err)
	}
	other, err := domain.NewBook("B2", domain.BookDetails{Title: "Sula", Author: "Toni Morrison", Category: "fiction", PriceCents: 1, Stock: 1}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	_, err = s.ListReviews(context.Background(), app.ListReviewsRequest{Book: other.ID(), Cursor: page.NextCursor})
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || ve.Fields[0].Field != "cursor" {
		t.Fatalf("cursor of another book = %v, want a cursor field error", err)
	}
	if _, err := s.ListReviews(context.Background(), app.ListReviewsRequest{Book: b.ID(), Limit: 101}); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("limit 101 = %v, want ErrInvalid", err)
	}
	if _, err := s.ListReviews(context.Background(), app.ListReviewsRequest{Book: "missing"}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("reviews of a missing book = %v, want ErrNotFound", err)
	}
	last, err := s.ListReviews(context.Background(), app.ListReviewsRequest{Book: b.ID(), Limit: 2, Cursor: page.NextCursor})
	if err != nil || len(last.Reviews) != 1 || last.NextCursor != "" {
		t.Fatalf("last page = %d reviews, cursor %q, %v", len(last.Reviews), last.NextCursor, err)
	}
}
