package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/bookshop/bookshop/domain"
)

// Cover thumbnail sizes: the cover aspect ratio (5:7) at 1x and 2x density.
var (
	CoverThumbnail   = ThumbnailSize{Width: 200, Height: 280}
	CoverThumbnail2x = ThumbnailSize{Width: 400, Height: 560}
)

// ThumbnailOutcome says what MakeThumbnails did with an object.
type ThumbnailOutcome int

// Outcomes of MakeThumbnails. All of them are final: processing the same
// object again does not change the outcome's effect.
const (
	// ThumbnailsRecorded: thumbnails were written and recorded on the book.
	ThumbnailsRecorded ThumbnailOutcome = iota + 1
	// ThumbnailsAlreadyRecorded: the book already records this cover and its
	// thumbnails (a redelivered event); nothing was written.
	ThumbnailsAlreadyRecorded
	// ThumbnailsNotACover: the key is not an uploaded cover; ignored.
	ThumbnailsNotACover
	// ThumbnailsBookGone: the book does not exist (or was deleted while the
	// thumbnails were made, which were then removed).
	ThumbnailsBookGone
	// ThumbnailsObjectGone: the object no longer exists.
	ThumbnailsObjectGone
	// ThumbnailsSuperseded: the book records a newer cover upload.
	ThumbnailsSuperseded
)

var thumbnailOutcomes = map[ThumbnailOutcome]string{
	ThumbnailsRecorded:        "recorded",
	ThumbnailsAlreadyRecorded: "already-recorded",
	ThumbnailsNotACover:       "not-a-cover",
	ThumbnailsBookGone:        "book-gone",
	ThumbnailsObjectGone:      "object-gone",
	ThumbnailsSuperseded:      "superseded",
}

// String returns a short name for logs.
func (o ThumbnailOutcome) String() string {
	if s, ok := thumbnailOutcomes[o]; ok {
		return s
	}
	return fmt.Sprintf("ThumbnailOutcome(%d)", int(o))
}

// ThumbnailResult reports what MakeThumbnails did.
type ThumbnailResult struct {
	Outcome ThumbnailOutcome
	BookID  domain.BookID
	// Cover is the cover recorded on the book by this call, when Outcome is
	// ThumbnailsRecorded or ThumbnailsAlreadyRecorded.
	Cover domain.Cover
}

// Thumbnails makes the thumbnails of uploaded cover images and records the
// cover on its book. It is driven by object-created notifications (S3
// events on AWS, the memory store's hook in the embedded mode).
type Thumbnails struct {
	books    BookRepository
	objects  ObjectStore
	renderer ThumbnailRenderer
	clock    Clock
}

// NewThumbnails returns the thumbnail use case over the given ports.
func NewThumbnails(books BookRepository, objects ObjectStore, renderer ThumbnailRenderer, clock Clock) *Thumbnails {
	return &Thumbnails{books: books, objects: objects, renderer: renderer, clock: clock}
}

// Errors that stop recording inside the update callback; never returned.
var (
	errCoverSuperseded = errors.New("a newer cover is recorded")
	errCoverUnchanged  = errors.New("the cover is already recorded")
)

// ThumbnailKeys returns the keys of the thumbnails of the cover uploaded at
// originalKey, or ok false when originalKey is not an uploaded cover key
// (covers/<bookId>/<name>.<ext>).
func ThumbnailKeys(originalKey string) (id domain.BookID, thumb, thumb2x string, ok bool) {
	id, name, ok := parseCoverKey(originalKey)
	if !ok {
		return "", "", "", false
	}
	base := ThumbnailPrefix(id) + name + "-"
	return id, base + CoverThumbnail.String() + ".jpg", base + CoverThumbnail2x.String() + ".jpg", true
}

// parseCoverKey splits covers/<bookId>/<name>.<ext>.
func parseCoverKey(key string) (domain.BookID, string, bool) {
	rest, ok := strings.CutPrefix(key, "covers/")
	if !ok {
		return "", "", false
	}
	id, file, ok := strings.Cut(rest, "/")
	if !ok || id == "" || id == "." || id == ".." || strings.Contains(file, "/") {
		return "", "", false
	}
	ext := path.Ext(file)
	name := strings.TrimSuffix(file, ext)
	if name == "" || ext == "" || strings.Contains(name, "..") {
		return "", "", false
	}
	return domain.BookID(id), name, true
}

// newerUpload reports whether the upload at key a is newer than the one at
// key b. Upload names are ULIDs, which sort by time.
func newerUpload(a, b string) bool {
	_, nameA, _ := parseCoverKey(a)
	_, nameB, okB := parseCoverKey(b)
	return !okB || nameA > nameB
}

// MakeThumbnails processes the object at key: when it is an uploaded cover
// (covers/<bookId>/<name>.<ext>) of an existing book and at least as new as
// the cover the book records, it reads it (at most MaxCoverBytes), writes a
// CoverThumbnail and a CoverThumbnail2x JPEG under ThumbnailPrefix and
// records the three keys as the book's cover with a conditional write.
//
// It is idempotent and tolerates out-of-order delivery: thumbnail keys are
// derived from the upload's key, a redelivered event finds its cover
// recorded and writes nothing, and an older upload than the recorded one is
// skipped. Keys that are not covers, books that do not exist and objects
// that were removed are skipped with a nil error (see ThumbnailOutcome); if
// the book is deleted while its thumbnails are made, they are removed.
//
// An object that is not a usable image yields a *CoverImageError (which
// joins domain.ErrInvalid) and nothing is written. Any other error is an
// infrastructure failure worth retrying.
func (t *Thumbnails) MakeThumbnails(ctx context.Context, key string) (ThumbnailResult, error) {
	id, thumb, thumb2x, ok := ThumbnailKeys(key)
	if !ok {
		return ThumbnailResult{Outcome: ThumbnailsNotACover}, nil
	}
	result := ThumbnailResult{BookID: id}
	want := domain.Cover{OriginalKey: key, ThumbnailKey: thumb, Thumbnail2xKey: thumb2x}

	book, err := t.books.Get(ctx, id)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		result.Outcome = ThumbnailsBookGone
		return result, nil
	case err != nil:
		return result, fmt.Errorf("make thumbnails of %q: %w", key, err)
	case book.Cover() == want:
		result.Outcome, result.Cover = ThumbnailsAlreadyRecorded, want
		return result, nil
	case !book.Cover().IsZero() && newerUpload(book.Cover().OriginalKey, key):
		result.Outcome = ThumbnailsSuperseded
		return result, nil
	}

	images, err := t.render(ctx, key)
	if errors.Is(err, domain.ErrNotFound) {
		result.Outcome = ThumbnailsObjectGone
		return result, nil
	}
	if err != nil {
		return result, fmt.Errorf("make thumbnails of %q: %w", key, err)
	}
	for i, k := range []string{thumb, thumb2x} {
		if err := t.objects.PutObject(ctx, k, ThumbnailContentType, images[i]); err != nil {
			return result, fmt.Errorf("make thumbnails of %q: write: %w", key, err)
		}
	}

	now := t.clock.Now()
	_, err = t.books.Update(ctx, id, func(b *domain.Book) error {
		switch current := b.Cover(); {
		case current == want:
			return errCoverUnchanged
		case !current.IsZero() && newerUpload(current.OriginalKey, key):
			return errCoverSuperseded
		}
		return b.SetCover(want, now)
	})
	switch {
	case err == nil:
		result.Outcome, result.Cover = ThumbnailsRecorded, want
		return result, nil
	case errors.Is(err, errCoverUnchanged):
		result.Outcome, result.Cover = ThumbnailsAlreadyRecorded, want
		return result, nil
	case errors.Is(err, errCoverSuperseded):
		result.Outcome = ThumbnailsSuperseded
		_, name, _ := parseCoverKey(key)
		return result, t.removeThumbnails(ctx, ThumbnailPrefix(id)+name+"-")
	case errors.Is(err, domain.ErrNotFound):
		result.Outcome = ThumbnailsBookGone
		return result, t.removeThumbnails(ctx, ThumbnailPrefix(id))
	default:
		return result, fmt.Errorf("make thumbnails of %q: record cover: %w", key, err)
	}
}

// render reads the object at key and renders both thumbnails.
func (t *Thumbnails) render(ctx context.Context, key string) ([][]byte, error) {
	obj, err := t.objects.GetObject(ctx, key, MaxCoverBytes)
	var tooLarge *ObjectTooLargeError
	if errors.As(err, &tooLarge) {
		return nil, &CoverImageError{Problem: ImageTooManyBytes, Err: err}
	}
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	defer obj.Body.Close()
	var buf bytes.Buffer
	buf.Grow(int(obj.Size))
	if _, err := io.Copy(&buf, obj.Body); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	images, err := t.renderer.Render(ctx, buf.Bytes(), []ThumbnailSize{CoverThumbnail, CoverThumbnail2x})
	if err != nil {
		return nil, err
	}
	if len(images) != 2 {
		return nil, fmt.Errorf("renderer returned %d images for 2 sizes", len(images))
	}
	return images, nil
}

// removeThumbnails deletes thumbnails that no book records.
func (t *Thumbnails) removeThumbnails(ctx context.Context, prefix string) error {
	if err := t.objects.DeletePrefix(ctx, prefix); err != nil {
		return fmt.Errorf("remove unrecorded thumbnails %q: %w", prefix, err)
	}
	return nil
}
