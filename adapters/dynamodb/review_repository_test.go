package dynamodb_test

import (
	"context"
	"testing"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
	"github.com/bookshop/bookshop/domain"
)

func TestReviewRepositoryContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.ReviewRepository(t, func(t *testing.T) (app.BookRepository, app.ReviewRepository) {
			books, reviews, _ := newReviewRepos(t)
			return books, reviews
		})
	})
}

// newReviewRepos returns both repositories over one fresh table.
func newReviewRepos(t *testing.T) (*dynamodb.BookRepository, *dynamodb.ReviewRepository, dynamodb.TableName) {
	t.Helper()
	srv := dynamotest.Start(t)
	name := dynamotest.NewTable(t, srv.DB)
	books, err := dynamodb.NewBookRepository(srv.DB, name)
	if err != nil {
		t.Fatal(err)
	}
	reviews, err := dynamodb.NewReviewRepository(srv.DB, name)
	if err != nil {
		t.Fatal(err)
	}
	return books, reviews, name
}

func TestReviewItemsStayOutOfTheBookIndexes(t *testing.T) {
	t.Parallel()
	books, reviews, _ := newReviewRepos(t)
	ctx := context.Background()
	b := newBook(t, "01REVIEWEDBOOK0000000000AA", "Reviewed", "essays")
	if err := books.Create(ctx, b); err != nil {
		t.Fatal(err)
	}
	r, err := domain.NewReview(b.ID(), "u-1", "ada", domain.ReviewDraft{Rating: 5}, created)
	if err != nil {
		t.Fatal(err)
	}
	if err := reviews.Add(ctx, r); err != nil {
		t.Fatal(err)
	}
	page, err := books.List(ctx, app.BookListQuery{Sort: app.SortNewest, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Books) != 1 || page.Books[0].Rating().Count() != 1 {
		t.Fatalf("listing = %d books (rating count %v), want the one book with one rating", len(page.Books), page.Books)
	}
}

func TestNewReviewRepositoryRejectsBadArguments(t *testing.T) {
	if _, err := dynamodb.NewReviewRepository(nil, "x"); err == nil {
		t.Fatal("NewReviewRepository(nil, \"x\") succeeded")
	}
}
