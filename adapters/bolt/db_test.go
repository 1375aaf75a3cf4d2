package bolt_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/domain"
)

func newBook(t *testing.T, id, title string) domain.Book {
	t.Helper()
	b, err := domain.NewBook(domain.BookID(id), domain.BookDetails{
		Title: title, Author: "Author", Category: "fiction", PriceCents: 999, Currency: "EUR", Stock: 3,
	}, time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
	must(t, err)
	return b
}

// TestDataSurvivesReopening: what one Open stored, the next Open of the
// same file reads, and only the first Open reports a created store.
func TestDataSurvivesReopening(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bookshop.db")
	db, err := bolt.Open(path, time.Second)
	must(t, err)
	if !db.Created() {
		t.Error("first Open: Created() = false")
	}
	books, err := bolt.NewBookRepository(db)
	must(t, err)
	must(t, books.Create(ctx, newBook(t, "01KBOOK00000000000000000001", "Kept")))
	secret, err := db.Secret(ctx, "cursor", 32)
	must(t, err)
	must(t, db.Close())

	db, err = bolt.Open(path, time.Second)
	must(t, err)
	defer db.Close()
	if db.Created() {
		t.Error("second Open: Created() = true")
	}
	books, err = bolt.NewBookRepository(db)
	must(t, err)
	got, err := books.Get(ctx, "01KBOOK00000000000000000001")
	must(t, err)
	if got.Title() != "Kept" {
		t.Fatalf("title after reopening = %q", got.Title())
	}
	again, err := db.Secret(ctx, "cursor", 32)
	must(t, err)
	if !bytes.Equal(secret, again) {
		t.Fatal("the secret changed when the file was reopened")
	}
}

// TestSecondOpenIsRefused: the file lock keeps a second opener out, with an
// error naming the file, instead of letting two writers corrupt it.
func TestSecondOpenIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bookshop.db")
	db, err := bolt.Open(path, time.Second)
	must(t, err)
	defer db.Close()
	_, err = bolt.Open(path, 50*time.Millisecond)
	if !errors.Is(err, bolt.ErrLocked) || !strings.Contains(err.Error(), path) {
		t.Fatalf("second Open = %v, want ErrLocked naming %s", err, path)
	}
}

// TestWriteToIsAConsistentCopy: the copy WriteTo streams while the store
// serves opens as a database of its own with the data.
func TestWriteToIsAConsistentCopy(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	books, err := bolt.NewBookRepository(db)
	must(t, err)
	must(t, books.Create(ctx, newBook(t, "01KBOOK00000000000000000002", "Backed up")))

	path := filepath.Join(t.TempDir(), "backup.db")
	f, err := os.Create(path)
	must(t, err)
	n, err := db.WriteTo(f)
	must(t, err)
	must(t, f.Close())
	if n == 0 {
		t.Fatal("WriteTo wrote nothing")
	}
	must(t, books.Create(ctx, newBook(t, "01KBOOK00000000000000000003", "After the backup")))

	backup, err := bolt.Open(path, time.Second)
	must(t, err)
	defer backup.Close()
	restored, err := bolt.NewBookRepository(backup)
	must(t, err)
	if _, err := restored.Get(ctx, "01KBOOK00000000000000000002"); err != nil {
		t.Fatalf("book in the backup: %v", err)
	}
	if _, err := restored.Get(ctx, "01KBOOK00000000000000000003"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("book created after the backup: Get = %v, want not found", err)
	}
}
