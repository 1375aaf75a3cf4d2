package bolt_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestBookRepositoryContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.BookRepository(t, func(t *testing.T) app.BookRepository {
			books, err := bolt.NewBookRepository(openDB(t))
			must(t, err)
			return books
		})
	})
}
