package seed

import (
	"bytes"
	"image/jpeg"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font"

	"github.com/bookshop/bookshop/domain"
)

func TestCoverJPEGDecodes(t *testing.T) {
	dune := Book{Title: "Dune", Author: "Frank Herbert"}
	b := dune.CoverJPEG(1)
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got := img.Bounds().Size(); got.X != 400 || got.Y != 600 {
		t.Errorf("size %v, want 400×600", got)
	}
	if !bytes.Equal(b, dune.CoverJPEG(1)) {
		t.Error("the same title gives different bytes")
	}
}

// TestCoversAreLettered: every seed cover carries its title, so the
// panel differs from a plain cover's (guards against the fonts failing to
// load, which would leave covers blank).
func TestCoversAreLettered(t *testing.T) {
	f, err := newFaces()
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range Books {
		for i, text := range []string{b.Title, b.Author} {
			for _, line := range wrap(f[i], text, coverWidth-56) {
				if w := font.MeasureString(f[i], line).Ceil(); line == "" || w > coverWidth {
					t.Errorf("%q: line %q is %d px wide", b.Title, line, w)
				}
			}
		}
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

// TestCoversDrawConcurrently: servers in one process seed at the same time
// (the browser journeys of cmd/bookshop run in parallel), so drawing covers
// must share nothing unsafe; run with -race. The covers stay the same bytes.
func TestCoversDrawConcurrently(t *testing.T) {
	want := make([][]byte, len(Books))
	for i, b := range Books {
		want[i] = b.CoverJPEG(i)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, b := range Books {
				if !bytes.Equal(b.CoverJPEG(i), want[i]) {
					t.Errorf("%q: drawn concurrently, the cover differs", b.Title)
				}
			}
		})
	}
	wg.Wait()
}
