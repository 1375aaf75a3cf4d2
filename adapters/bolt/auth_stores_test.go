package bolt_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestAttemptStoreContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.AttemptStore(t, func(t *testing.T) app.AttemptStore {
			s, err := bolt.NewAttemptStore(openDB(t))
			must(t, err)
			return s
		})
	})
}

func TestProfileRepositoryContract(t *testing.T) {
	t.Run("bolt", func(t *testing.T) {
		porttest.ProfileRepository(t, func(t *testing.T) app.ProfileRepository {
			r, err := bolt.NewProfileRepository(openDB(t))
			must(t, err)
			return r
		})
	})
}
