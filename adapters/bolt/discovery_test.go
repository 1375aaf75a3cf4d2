package bolt_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/app/porttest"
)

// The durable embedded mode reads search hits and rankings from bolt in one
// transaction, and feeds its in-memory projections from OnBookChanged.

func TestBookBatchReaderContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.BookBatchReader(t, func(t *testing.T) porttest.BatchBookRepository {
			books, err := bolt.NewBookRepository(openDB(t))
			must(t, err)
			return books
		})
	})
}

func TestBookChangesContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.BookChanges(t, func(t *testing.T) porttest.ChangeReportingBookRepository {
			books, err := bolt.NewBookRepository(openDB(t))
			must(t, err)
			return books
		})
	})
}
