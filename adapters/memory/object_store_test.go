package memory_test

import (
	"net/http/httptest"
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestObjectStoreContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.ObjectStore(t, func(t *testing.T) app.ObjectStore {
			srv := httptest.NewServer(nil)
			t.Cleanup(srv.Close)
			store, err := memory.NewObjectStore(srv.URL+"/objects", []byte("0123456789abcdef"))
			if err != nil {
				t.Fatal(err)
			}
			srv.Config.Handler = store
			return store
		})
	})
}
