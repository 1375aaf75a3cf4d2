package dynamodb_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestAttemptStoreContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.AttemptStore(t, func(t *testing.T) app.AttemptStore {
			srv := dynamotest.Start(t)
			s, err := dynamodb.NewAttemptStore(srv.DB, dynamotest.NewTable(t, srv.DB))
			if err != nil {
				t.Fatal(err)
			}
			return s
		})
	})
}

func TestProfileRepositoryContract(t *testing.T) {
	t.Run("dynamodb", func(t *testing.T) {
		porttest.ProfileRepository(t, func(t *testing.T) app.ProfileRepository {
			srv := dynamotest.Start(t)
			r, err := dynamodb.NewProfileRepository(srv.DB, dynamotest.NewTable(t, srv.DB))
			if err != nil {
				t.Fatal(err)
			}
			return r
		})
	})
}
