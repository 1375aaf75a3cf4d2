package memory_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestReviewRepositoryContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.ReviewRepository(t, func(t *testing.T) (app.BookRepository, app.ReviewRepository) {
			books := memory.NewBookRepository()
			reviews, err := memory.NewReviewRepository(books)
			if err != nil {
				t.Fatal(err)
			}
			return books, reviews
		})
	})
}
