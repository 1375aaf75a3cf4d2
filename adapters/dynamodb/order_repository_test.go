package dynamodb_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestOrderRepositoryContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.OrderRepository(t, newOrderStores)
	})
}

// newOrderStores returns an order and a book repository over one fresh
// table of the shared DynamoDB Local.
func newOrderStores(t *testing.T) porttest.OrderStores {
	t.Helper()
	srv := dynamotest.Start(t)
	name := dynamotest.NewTable(t, srv.DB)
	books, err := dynamodb.NewBookRepository(srv.DB, name)
	if err != nil {
		t.Fatal(err)
	}
	orders, err := dynamodb.NewOrderRepository(srv.DB, name)
	if err != nil {
		t.Fatal(err)
	}
	return porttest.OrderStores{Orders: orders, Books: books}
}
