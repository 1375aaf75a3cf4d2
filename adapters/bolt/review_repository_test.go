package bolt_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestReviewRepositoryContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.ReviewRepository(t, func(t *testing.T) (app.BookRepository, app.ReviewRepository) {
			db := openDB(t)
			books, err := bolt.NewBookRepository(db)
			must(t, err)
			reviews, err := bolt.NewReviewRepository(db)
			must(t, err)
			return books, reviews
		})
	})
}
