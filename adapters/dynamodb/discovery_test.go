package dynamodb_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestSearchIndexContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.SearchIndex(t, func(t *testing.T) app.SearchIndex { return newSearchIndex(t) })
	})
}

func TestSalesLedgerContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.SalesLedger(t, func(t *testing.T) app.SalesLedger {
			srv := dynamotest.Start(t)
			l, err := dynamodb.NewSalesLedger(srv.DB, dynamotest.NewTable(t, srv.DB))
			if err != nil {
				t.Fatal(err)
			}
			return l
		})
	})
}

// newSearchIndex returns an index over a fresh table of the shared
// DynamoDB Local.
func newSearchIndex(t testing.TB) *dynamodb.SearchIndex {
	t.Helper()
	srv := dynamotest.Start(t)
	x, err := dynamodb.NewSearchIndex(srv.DB, dynamotest.NewTable(t, srv.DB))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

func TestBookBatchReaderContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.BookBatchReader(t, func(t *testing.T) porttest.BatchBookRepository {
			srv := dynamotest.Start(t)
			books, err := dynamodb.NewBookRepository(srv.DB, dynamotest.NewTable(t, srv.DB))
			if err != nil {
				t.Fatal(err)
			}
			return books
		})
	})
}
