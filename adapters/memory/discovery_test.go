package memory_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestSearchIndexContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.SearchIndex(t, func(*testing.T) app.SearchIndex { return memory.NewSearchIndex() })
	})
}

func TestSalesLedgerContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.SalesLedger(t, func(*testing.T) app.SalesLedger { return memory.NewSalesLedger() })
	})
}

func TestBookBatchReaderContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.BookBatchReader(t, func(*testing.T) porttest.BatchBookRepository { return memory.NewBookRepository() })
	})
}

func TestBookChangesContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.BookChanges(t, func(*testing.T) porttest.ChangeReportingBookRepository { return memory.NewBookRepository() })
	})
}
