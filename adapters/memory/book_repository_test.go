package memory_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestBookRepositoryContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.BookRepository(t, func(*testing.T) app.BookRepository { return memory.NewBookRepository() })
	})
}
