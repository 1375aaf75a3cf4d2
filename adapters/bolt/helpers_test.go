package bolt_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/bolt"
)

// openDB opens a new database file of the test's own, closed when it ends.
func openDB(t testing.TB) *bolt.DB {
	t.Helper()
	db, err := bolt.Open(filepath.Join(t.TempDir(), "bookshop.db"), time.Second)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
