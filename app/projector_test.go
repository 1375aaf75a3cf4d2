package app_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// newObjectStore returns an empty memory object store whose presigned URLs
// no test sends.
func newObjectStore(t *testing.T) *memory.ObjectStore {
	t.Helper()
	objects, err := memory.NewObjectStore("http://objects.test/o", []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	return objects
}

// The change feed is what guarantees that a deleted book leaves no objects
// behind: while the store is down the removal fails, so the change is
// delivered again; once the store answers the book's covers and thumbnails
// go, and a redelivery changes nothing. Other books' objects, and the
// objects of a book that was created or only changed, stay.
func TestCoverCleanupRemovesADeletedBooksObjectsOnceTheStoreAnswers(t *testing.T) {
	ctx := context.Background()
	objects := newObjectStore(t)
	down := &downObjects{ObjectStore: objects}
	cleanup, err := app.NewCoverCleanup(down)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	newBook := func(id domain.BookID) domain.Book {
		b, err := domain.NewBook(id, details(string(id), "fiction"), now)
		if err != nil {
			t.Fatal(err)
		}
		if err := cleanup.BookChanged(ctx, app.BookChange{New: &b}); err != nil {
			t.Fatal(err)
		}
		return b
	}
	gone, kept := newBook("01JBOOKGONE"), newBook("01JBOOKKEPT")
	goneKeys := []string{app.CoverPrefix(gone.ID()) + "a.jpg", app.ThumbnailPrefix(gone.ID()) + "a-200x280.jpg"}
	keptKeys := []string{app.CoverPrefix(kept.ID()) + "a.jpg", app.ThumbnailPrefix(kept.ID()) + "a-200x280.jpg"}
	for _, k := range append(goneKeys, keptKeys...) {
		objects.Put(k, "image/jpeg", []byte("jpeg"))
	}
	stored := func(keys []string, want bool, when string) {
		t.Helper()
		for _, k := range keys {
			if _, _, ok := objects.Object(k); ok != want {
				t.Errorf("%s: %s stored = %v, want %v", when, k, ok, want)
			}
		}
	}
	removal := app.BookChange{Old: &gone}

	down.down.Store(true)
	if err := cleanup.BookChanged(ctx, removal); !errors.Is(err, app.ErrUnavailable) {
		t.Fatalf("BookChanged(removal) with the store down = %v, want ErrUnavailable so that it is delivered again", err)
	}
	stored(goneKeys, true, "store down")

	down.down.Store(false)
	for _, delivery := range []string{"delivery once the store is back", "redelivery"} {
		if err := cleanup.BookChanged(ctx, removal); err != nil {
			t.Fatalf("BookChanged(removal), %s = %v", delivery, err)
		}
		stored(goneKeys, false, delivery)
		stored(keptKeys, true, delivery)
	}
	if err := cleanup.BookChanged(ctx, app.BookChange{Old: &kept, New: &kept}); err != nil {
		t.Fatal(err)
	}
	stored(keptKeys, true, "after a change of the kept book")
}
