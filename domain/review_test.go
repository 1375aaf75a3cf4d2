package domain_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/domain"
)

var reviewed = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

func TestNewReviewReportsEveryInvalidField(t *testing.T) {
	_, err := domain.NewReview("", "", "", domain.ReviewDraft{Rating: 6, Text: strings.Repeat("é", domain.MaxReviewTextLen+1)}, reviewed)
	var ve *domain.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("NewReview = %v, want a *domain.ValidationError", err)
	}
	var got []string
	for _, f := range ve.Fields {
		got = append(got, f.Field)
	}
	if want := "rating text bookId userId author"; strings.Join(got, " ") != want {
		t.Fatalf("fields = %v, want %s", got, want)
	}
}

func TestNewReviewTrimsTextAndAcceptsLineBreaks(t *testing.T) {
	r, err := domain.NewReview("b1", "u1", "ada", domain.ReviewDraft{Rating: 5, Text: "  Loved it.\nTruly.  "}, reviewed)
	if err != nil {
		t.Fatal(err)
	}
	if r.Text() != "Loved it.\nTruly." || r.Version() != 1 || !r.CreatedAt().Equal(reviewed) {
		t.Fatalf("review = %+v", r.Snapshot())
	}
	if _, err := domain.NewReview("b1", "u1", "ada", domain.ReviewDraft{Rating: 3, Text: "bell\a"}, reviewed); err == nil {
		t.Fatal("control character accepted")
	}
}

func TestReviseBumpsVersionAndKeepsReviewOnError(t *testing.T) {
	r, err := domain.NewReview("b1", "u1", "ada", domain.ReviewDraft{Rating: 2}, reviewed)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Revise(domain.ReviewDraft{Rating: 0}, reviewed.Add(time.Hour)); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("Revise(0 stars) = %v", err)
	}
	if r.Rating() != 2 || r.Version() != 1 {
		t.Fatalf("failed Revise changed the review: %+v", r.Snapshot())
	}
	if err := r.Revise(domain.ReviewDraft{Rating: 4, Text: "Better."}, reviewed.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if r.Rating() != 4 || r.Version() != 2 || !r.UpdatedAt().Equal(reviewed.Add(time.Hour)) {
		t.Fatalf("revised review = %+v", r.Snapshot())
	}
	var vc *domain.VersionConflictError
	if err := r.CheckVersion(1); !errors.As(err, &vc) || vc.Actual != 2 || vc.Entity != "review" {
		t.Fatalf("CheckVersion(1) = %v", err)
	}
}

func TestRestoreReviewRoundTripsAndRejectsCorruptRecords(t *testing.T) {
	r, err := domain.NewReview("b1", "u1", "ada", domain.ReviewDraft{Rating: 3, Text: "Fine."}, reviewed)
	if err != nil {
		t.Fatal(err)
	}
	back, err := domain.RestoreReview(r.Snapshot())
	if err != nil || back != r {
		t.Fatalf("RestoreReview = %+v, %v; want %+v", back, err, r)
	}
	bad := r.Snapshot()
	bad.Rating, bad.Version = 9, 0
	if _, err := domain.RestoreReview(bad); err == nil {
		t.Fatal("corrupt review restored")
	}
}

func TestAuthorName(t *testing.T) {
	tests := []struct{ email, want string }{
		{"ada@example.com", "ada"},
		{"  grace.hopper@navy.mil", "grace.hopper"},
		{"", "reader"},
		{"@example.com", "reader"},
		{"no-at-sign", "no-at-sign"},
		{strings.Repeat("a", 100) + "@x.org", strings.Repeat("a", domain.MaxReviewAuthorLen)},
		{"tab\tbed@x.org", "tabbed"},
	}
	for _, tt := range tests {
		if got := domain.AuthorName(tt.email); got != tt.want {
			t.Errorf("AuthorName(%q) = %q, want %q", tt.email, got, tt.want)
		}
	}
}

func TestRatingChangesDoNotBumpTheBookVersion(t *testing.T) {
	b, err := domain.NewBook("b1", domain.BookDetails{Title: "T", Author: "A", Category: "c", PriceCents: 1, Stock: 1}, reviewed)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []domain.RatingChange{domain.RatingAdded(5), domain.RatingAdded(2), domain.RatingRevised(2, 4)} {
		if err := b.ApplyRating(c); err != nil {
			t.Fatal(err)
		}
	}
	if r := b.Rating(); r.Sum() != 9 || r.Count() != 2 || r.Average() != 4.5 {
		t.Fatalf("rating = %d/%d avg %v, want 9/2 avg 4.5", r.Sum(), r.Count(), r.Average())
	}
	if b.Version() != 1 || !b.UpdatedAt().Equal(reviewed) {
		t.Fatalf("rating changes bumped the book to version %d, updated %v", b.Version(), b.UpdatedAt())
	}
	// Removing more than there is is refused and changes nothing.
	if err := b.ApplyRating(domain.RatingRemoved(5)); err != nil {
		t.Fatal(err)
	}
	if err := b.ApplyRating(domain.RatingRemoved(5)); err == nil || b.Rating().Count() != 1 {
		t.Fatalf("impossible removal = %v, rating %+v", err, b.Rating())
	}
	s := b.Snapshot()
	back, err := domain.RestoreBook(s)
	if err != nil || back.Rating() != b.Rating() {
		t.Fatalf("RestoreBook rating = %+v, %v", back.Rating(), err)
	}
	s.RatingSum = 99
	if _, err := domain.RestoreBook(s); err == nil {
		t.Fatal("impossible stored rating restored")
	}
}

func TestNewRating(t *testing.T) {
	if r, err := domain.NewRating(0, 0); err != nil || r.Average() != 0 {
		t.Fatalf("NewRating(0, 0) = %+v, %v", r, err)
	}
	for _, bad := range [][2]int64{{-1, 0}, {1, 0}, {0, 1}, {6, 1}, {3, -1}} {
		if _, err := domain.NewRating(bad[0], bad[1]); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("NewRating(%d, %d) = %v, want ErrInvalid", bad[0], bad[1], err)
		}
	}
}
