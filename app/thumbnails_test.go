package app_test

import (
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// Upload keys as RequestCoverUpload makes them: ULIDs sort by time.
const (
	olderUpload = "01JD0000000000000000000001"
	newerUpload = "01JD0000000000000000000002"
)

type thumbFixture struct {
	thumbs  *app.Thumbnails
	books   *memory.BookRepository
	objects *memory.ObjectStore
	book    domain.Book
}

func newThumbFixture(t *testing.T) thumbFixture {
	t.Helper()
	objects, err := memory.NewObjectStore("http://objects.test/o", []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	books := memory.NewBookRepository()
	clock := apptest.NewClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
	book, err := domain.NewBook("01JBOOK0000000000000000001", details("Dune", "sf"), clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), book); err != nil {
		t.Fatal(err)
	}
	return thumbFixture{app.NewThumbnails(books, objects, imaging.New(), clock), books, objects, book}
}

func (f thumbFixture) coverKey(name, ext string) string {
	return app.CoverPrefix(f.book.ID()) + name + "." + ext
}

func (f thumbFixture) put(t *testing.T, key, contentType string, data []byte) {
	t.Helper()
	if err := f.objects.PutObject(context.Background(), key, contentType, data); err != nil {
		t.Fatal(err)
	}
}

func (f thumbFixture) current(t *testing.T) domain.Book {
	t.Helper()
	b, err := f.books.Get(context.Background(), f.book.ID())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// has reports whether the store holds key.
func (f thumbFixture) has(key string) bool {
	_, _, ok := f.objects.Object(key)
	return ok
}

func coverPNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 90, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func coverJPEG(t testing.TB, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func assertJPEGOf(t *testing.T, f thumbFixture, key string, size app.ThumbnailSize) {
	t.Helper()
	obj, err := f.objects.GetObject(context.Background(), key, app.MaxCoverBytes)
	if err != nil {
		t.Fatalf("thumbnail %s: %v", key, err)
	}
	defer obj.Body.Close()
	cfg, format, err := image.DecodeConfig(obj.Body)
	if err != nil || format != "jpeg" || obj.ContentType != "image/jpeg" || cfg.Width != size.Width || cfg.Height != size.Height {
		t.Fatalf("thumbnail %s: %s %dx%d (%q, %v), want a %s JPEG", key, format, cfg.Width, cfg.Height, obj.ContentType, err, size)
	}
}

func TestMakeThumbnailsRecordsTheCover(t *testing.T) {
	f := newThumbFixture(t)
	key := f.coverKey(olderUpload, "png")
	f.put(t, key, "image/png", coverPNG(t, 500, 700))

	res, err := f.thumbs.MakeThumbnails(context.Background(), key)
	if err != nil {
		t.Fatal(err)
	}
	id := f.book.ID()
	want := domain.Cover{
		OriginalKey:    key,
		ThumbnailKey:   "thumbnails/" + string(id) + "/" + olderUpload + "-200x280.jpg",
		Thumbnail2xKey: "thumbnails/" + string(id) + "/" + olderUpload + "-400x560.jpg",
	}
	if res.Outcome != app.ThumbnailsRecorded || res.Cover != want || res.BookID != id {
		t.Fatalf("result = %+v, want recorded %+v", res, want)
	}
	book := f.current(t)
	if book.Cover() != want || book.Version() != f.book.Version()+1 {
		t.Fatalf("book cover = %+v at version %d, want %+v at version %d", book.Cover(), book.Version(), want, f.book.Version()+1)
	}
	assertJPEGOf(t, f, want.ThumbnailKey, app.CoverThumbnail)
	assertJPEGOf(t, f, want.Thumbnail2xKey, app.CoverThumbnail2x)
}

func TestMakeThumbnailsTwiceIsHarmless(t *testing.T) {
	f := newThumbFixture(t)
	key := f.coverKey(olderUpload, "jpg")
	f.put(t, key, "image/jpeg", coverJPEG(t, 800, 1000))
	ctx := context.Background()
	if _, err := f.thumbs.MakeThumbnails(ctx, key); err != nil {
		t.Fatal(err)
	}
	before := f.current(t)

	res, err := f.thumbs.MakeThumbnails(ctx, key)

	if err != nil || res.Outcome != app.ThumbnailsAlreadyRecorded || res.Cover != before.Cover() {
		t.Fatalf("redelivery = %+v, %v; want already recorded with no error", res, err)
	}
	if after := f.current(t); after.Version() != before.Version() || after.Cover() != before.Cover() {
		t.Fatalf("redelivery changed the book: version %d → %d", before.Version(), after.Version())
	}
}

func TestMakeThumbnailsKeepsTheNewestUpload(t *testing.T) {
	f := newThumbFixture(t)
	ctx := context.Background()
	older, newer := f.coverKey(olderUpload, "png"), f.coverKey(newerUpload, "jpg")
	f.put(t, older, "image/png", coverPNG(t, 300, 420))
	f.put(t, newer, "image/jpeg", coverJPEG(t, 300, 420))

	// The newer upload's event arrives first.
	if res, err := f.thumbs.MakeThumbnails(ctx, newer); err != nil || res.Outcome != app.ThumbnailsRecorded {
		t.Fatalf("newer upload = %+v, %v", res, err)
	}
	res, err := f.thumbs.MakeThumbnails(ctx, older)

	if err != nil || res.Outcome != app.ThumbnailsSuperseded {
		t.Fatalf("older upload after the newer = %+v, %v; want superseded", res, err)
	}
	if got := f.current(t).Cover().OriginalKey; got != newer {
		t.Fatalf("recorded cover = %q, want the newer %q", got, newer)
	}
	_, thumb, thumb2x, _ := app.ThumbnailKeys(older)
	if f.has(thumb) || f.has(thumb2x) {
		t.Error("thumbnails of the superseded upload were written")
	}
}

func TestMakeThumbnailsIgnoresKeysThatAreNotCovers(t *testing.T) {
	f := newThumbFixture(t)
	id := string(f.book.ID())
	for _, key := range []string{
		"thumbnails/" + id + "/" + olderUpload + "-200x280.jpg",
		"covers/" + olderUpload + ".jpg",
		"covers//x.jpg",
		"covers/" + id + "/nested/x.jpg",
		"covers/" + id + "/noextension",
		"web/index.html",
		"",
	} {
		res, err := f.thumbs.MakeThumbnails(context.Background(), key)
		if err != nil || res.Outcome != app.ThumbnailsNotACover {
			t.Errorf("MakeThumbnails(%q) = %+v, %v; want not a cover", key, res, err)
		}
	}
	if f.current(t).Version() != f.book.Version() {
		t.Error("a key that is not a cover changed the book")
	}
}

func TestMakeThumbnailsOfAMissingBookWritesNothing(t *testing.T) {
	f := newThumbFixture(t)
	key := "covers/01JNOBOOK00000000000000000/" + olderUpload + ".png"
	f.put(t, key, "image/png", coverPNG(t, 100, 140))

	res, err := f.thumbs.MakeThumbnails(context.Background(), key)

	if err != nil || res.Outcome != app.ThumbnailsBookGone {
		t.Fatalf("MakeThumbnails for a missing book = %+v, %v; want book gone, no error", res, err)
	}
	_, thumb, thumb2x, _ := app.ThumbnailKeys(key)
	if f.has(thumb) || f.has(thumb2x) {
		t.Error("thumbnails were written for a missing book")
	}
}

func TestMakeThumbnailsOfAMissingObject(t *testing.T) {
	f := newThumbFixture(t)
	res, err := f.thumbs.MakeThumbnails(context.Background(), f.coverKey(olderUpload, "png"))
	if err != nil || res.Outcome != app.ThumbnailsObjectGone {
		t.Fatalf("MakeThumbnails of a removed object = %+v, %v; want object gone, no error", res, err)
	}
}

func TestMakeThumbnailsRefusesUnusableImages(t *testing.T) {
	jpg := coverJPEG(t, 400, 560)
	bomb := coverPNG(t, 1, 1)
	// Claim 100000x100000 pixels in the IHDR chunk and fix its CRC.
	copy(bomb[16:24], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	crc := crc32.ChecksumIEEE(bomb[12:29])
	copy(bomb[29:33], []byte{byte(crc >> 24), byte(crc >> 16), byte(crc >> 8), byte(crc)})
	for _, tc := range []struct {
		name string
		data []byte
		want app.ImageProblem
	}{
		{"not an image", []byte("<html>not a cover</html>"), app.ImageNotAnImage},
		{"truncated jpeg", jpg[:len(jpg)*2/3], app.ImageCorrupt},
		{"png claiming 100000x100000", bomb, app.ImageTooManyPixels},
		{"more than 5 MiB", append(bytes.Clone(jpg), make([]byte, app.MaxCoverBytes)...), app.ImageTooManyBytes},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newThumbFixture(t)
			key := f.coverKey(olderUpload, "jpg")
			f.put(t, key, "image/jpeg", tc.data)

			res, err := f.thumbs.MakeThumbnails(context.Background(), key)

			var imgErr *app.CoverImageError
			if !errors.As(err, &imgErr) || imgErr.Problem != tc.want || !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("MakeThumbnails = %+v, %v; want a *app.CoverImageError %q joining domain.ErrInvalid", res, err, tc.want)
			}
			_, thumb, thumb2x, _ := app.ThumbnailKeys(key)
			if f.has(thumb) || f.has(thumb2x) || f.current(t).Version() != f.book.Version() {
				t.Error("a refused image wrote thumbnails or changed the book")
			}
		})
	}
}

// racingRepository runs before each Update, to simulate a writer that gets
// in between MakeThumbnails reading the book and recording the cover.
type racingRepository struct {
	*memory.BookRepository
	before func()
}

func (r racingRepository) Update(ctx context.Context, id domain.BookID, fn func(*domain.Book) error) (domain.Book, error) {
	r.before()
	return r.BookRepository.Update(ctx, id, fn)
}

func TestMakeThumbnailsForABookDeletedMeanwhileRemovesThem(t *testing.T) {
	f := newThumbFixture(t)
	key := f.coverKey(olderUpload, "png")
	f.put(t, key, "image/png", coverPNG(t, 200, 280))
	repo := racingRepository{f.books, func() {
		if _, err := f.books.Delete(context.Background(), f.book.ID(), 0); err != nil {
			t.Error(err)
		}
	}}
	thumbs := app.NewThumbnails(repo, f.objects, imaging.New(), apptest.NewClock(time.Now()))

	res, err := thumbs.MakeThumbnails(context.Background(), key)

	if err != nil || res.Outcome != app.ThumbnailsBookGone {
		t.Fatalf("MakeThumbnails = %+v, %v; want book gone, no error", res, err)
	}
	_, thumb, thumb2x, _ := app.ThumbnailKeys(key)
	if f.has(thumb) || f.has(thumb2x) {
		t.Error("thumbnails of a deleted book were left behind")
	}
}

func TestMakeThumbnailsSupersededMeanwhileRemovesItsThumbnails(t *testing.T) {
	f := newThumbFixture(t)
	older, newer := f.coverKey(olderUpload, "png"), f.coverKey(newerUpload, "png")
	f.put(t, older, "image/png", coverPNG(t, 200, 280))
	newerCover := domain.Cover{OriginalKey: newer}
	repo := racingRepository{f.books, func() {
		if _, err := f.books.Update(context.Background(), f.book.ID(), func(b *domain.Book) error {
			return b.SetCover(newerCover, time.Now())
		}); err != nil {
			t.Error(err)
		}
	}}
	thumbs := app.NewThumbnails(repo, f.objects, imaging.New(), apptest.NewClock(time.Now()))

	res, err := thumbs.MakeThumbnails(context.Background(), older)

	if err != nil || res.Outcome != app.ThumbnailsSuperseded {
		t.Fatalf("MakeThumbnails = %+v, %v; want superseded, no error", res, err)
	}
	if got := f.current(t).Cover(); got != newerCover {
		t.Errorf("cover = %+v, want the newer %+v", got, newerCover)
	}
	_, thumb, thumb2x, _ := app.ThumbnailKeys(older)
	if f.has(thumb) || f.has(thumb2x) {
		t.Error("thumbnails of the superseded upload were left behind")
	}
}

func TestMakeThumbnailsConcurrentDeliveriesRecordOnce(t *testing.T) {
	f := newThumbFixture(t)
	key := f.coverKey(olderUpload, "png")
	f.put(t, key, "image/png", coverPNG(t, 300, 420))
	const n = 8
	outcomes := make(chan app.ThumbnailOutcome, n)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			res, err := f.thumbs.MakeThumbnails(context.Background(), key)
			if err != nil {
				t.Error(err)
			}
			outcomes <- res.Outcome
		})
	}
	wg.Wait()
	close(outcomes)
	counts := map[app.ThumbnailOutcome]int{}
	for o := range outcomes {
		counts[o]++
	}
	if counts[app.ThumbnailsRecorded] != 1 || counts[app.ThumbnailsAlreadyRecorded] != n-1 {
		t.Fatalf("outcomes = %v, want 1 recorded and %d already recorded", counts, n-1)
	}
	if v := f.current(t).Version(); v != f.book.Version()+1 {
		t.Fatalf("version = %d after %d concurrent deliveries, want one write (%d)", v, n, f.book.Version()+1)
	}
}

func TestMakeThumbnailsConcurrentUploadsKeepTheNewest(t *testing.T) {
	f := newThumbFixture(t)
	keys := []string{f.coverKey(olderUpload, "png"), f.coverKey(newerUpload, "png"), f.coverKey("01JD0000000000000000000003", "png")}
	for _, k := range keys {
		f.put(t, k, "image/png", coverPNG(t, 100, 140))
	}
	var wg sync.WaitGroup
	for _, k := range keys {
		wg.Go(func() {
			if _, err := f.thumbs.MakeThumbnails(context.Background(), k); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := f.current(t).Cover().OriginalKey; got != keys[2] {
		t.Fatalf("recorded cover = %q, want the newest upload %q", got, keys[2])
	}
}

// failingRepository fails every read, as an unreachable table would.
type failingRepository struct{ *memory.BookRepository }

var errUnreachable = errors.New("connection refused")

func (failingRepository) Get(context.Context, domain.BookID) (domain.Book, error) {
	return domain.Book{}, errUnreachable
}

func TestMakeThumbnailsReportsInfrastructureFailures(t *testing.T) {
	f := newThumbFixture(t)
	thumbs := app.NewThumbnails(failingRepository{f.books}, f.objects, imaging.New(), apptest.NewClock(time.Now()))
	_, err := thumbs.MakeThumbnails(context.Background(), f.coverKey(olderUpload, "png"))
	if !errors.Is(err, errUnreachable) || errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("MakeThumbnails with a failing repository = %v, want the repository's error, not ErrInvalid", err)
	}
}
