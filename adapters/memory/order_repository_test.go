package memory_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestOrderRepositoryContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.OrderRepository(t, func(t *testing.T) porttest.OrderStores {
			books := memory.NewBookRepository()
			orders, err := memory.NewOrderRepository(books)
			if err != nil {
				t.Fatal(err)
			}
			return porttest.OrderStores{Orders: orders, Books: books}
		})
	})
}
