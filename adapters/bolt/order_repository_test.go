package bolt_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestOrderRepositoryContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.OrderRepository(t, func(t *testing.T) porttest.OrderStores {
			db := openDB(t)
			books, err := bolt.NewBookRepository(db)
			must(t, err)
			orders, err := bolt.NewOrderRepository(db)
			must(t, err)
			return porttest.OrderStores{Orders: orders, Books: books}
		})
	})
}
