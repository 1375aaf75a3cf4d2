package seed

import (
	"bytes"
	"image/jpeg"
	"testing"
	"time"

	"github.com/bookshop/bookshop/domain"
)

func TestCoverJPEGDecodes(t *testing.T) {
	b := CoverJPEG("Dune", 1)
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 400 || got.Y != 600 {
		t.Errorf("size %v, want 400×600", got)
	}
	if !bytes.Equal(b, CoverJPEG("Dune", 1)) {
		t.Error("the same title gives different bytes")
	}
}

func TestBooksAreValidAndDistinct(t *testing.T) {
	titles := map[string]bool{}
	for i, b := range Books {
		if _, err := domain.NewBook(domain.BookID("seed"), b.Details(), time.Now()); err != nil {
			t.Errorf("Books[%d] %q: %v", i, b.Title, err)
		}
		if titles[b.Title] {
			t.Errorf("Books[%d]: title %q twice (localinit finds seed books by title)", i, b.Title)
		}
		titles[b.Title] = true
	}
}
