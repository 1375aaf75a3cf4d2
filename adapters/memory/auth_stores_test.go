package memory_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestAttemptStoreContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.AttemptStore(t, func(t *testing.T) app.AttemptStore { return memory.NewAttemptStore() })
	})
}

func TestProfileRepositoryContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.ProfileRepository(t, func(t *testing.T) app.ProfileRepository { return memory.NewProfileRepository() })
	})
}
