package s3event_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"image/png"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/adapters/s3event"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// The golden event's key is URL-encoded as S3 sends it: "+" is a space and
// "%C3%A9" is "é".
const (
	goldenBucket = "bookshop-covers"
	goldenBook   = domain.BookID("book 1é")
	goldenKey    = "covers/book 1é/01JD0000000000000000000001.png"
)

// clock stands still at the golden event's time.
var clock = apptest.NewClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))

type fixture struct {
	handler *s3event.Handler
	books   app.BookRepository
	objects *memory.ObjectStore
	logs    *apptest.LogBuffer
}

func newFixture(t testing.TB, books app.BookRepository) fixture {
	t.Helper()
	objects, err := memory.NewObjectStore("http://objects.test/o", []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := domain.NewBook(goldenBook, domain.BookDetails{Title: "Dune", Author: "F", Category: "sf", Stock: 1}, clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := books.Create(context.Background(), book); err != nil {
		t.Fatal(err)
	}
	logs := &apptest.LogBuffer{}
	logger := slog.New(slog.NewJSONHandler(logs, nil))
	h, err := s3event.NewHandler(app.NewThumbnails(books, objects, imaging.New(), clock), goldenBucket, logger)
	if err != nil {
		t.Fatal(err)
	}
	return fixture{h, books, objects, logs}
}

func goldenEvent(t *testing.T) events.S3Event {
	t.Helper()
	b, err := os.ReadFile("testdata/s3-put-event.json")
	if err != nil {
		t.Fatal(err)
	}
	var ev events.S3Event
	if err := json.Unmarshal(b, &ev); err != nil {
		t.Fatal(err)
	}
	return ev
}

func pngOf(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func (f fixture) put(t *testing.T, key string, data []byte) {
	t.Helper()
	f.objects.Put(key, "image/png", data)
}

func (f fixture) book(t *testing.T) domain.Book {
	t.Helper()
	b, err := f.books.Get(context.Background(), goldenBook)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHandleGoldenEventMakesThumbnails(t *testing.T) {
	f := newFixture(t, memory.NewBookRepository())
	f.put(t, goldenKey, pngOf(t, 500, 700))

	if err := f.handler.Handle(context.Background(), goldenEvent(t)); err != nil {
		t.Fatal(err)
	}

	cover := f.book(t).Cover()
	_, thumb, thumb2x, _ := app.ThumbnailKeys(goldenKey)
	if cover.OriginalKey != goldenKey || cover.ThumbnailKey != thumb || cover.Thumbnail2xKey != thumb2x {
		t.Fatalf("cover = %+v, want the decoded key %q and its thumbnails", cover, goldenKey)
	}
	for _, k := range []string{thumb, thumb2x} {
		if _, ct, ok := f.objects.Object(k); !ok || ct != "image/jpeg" {
			t.Errorf("thumbnail %s: stored %v as %q", k, ok, ct)
		}
	}
	if !strings.Contains(f.logs.String(), `"outcome":"recorded"`) {
		t.Errorf("logs do not report the outcome:\n%s", f.logs)
	}
}

func TestHandleRedeliveryIsHarmless(t *testing.T) {
	f := newFixture(t, memory.NewBookRepository())
	f.put(t, goldenKey, pngOf(t, 200, 280))
	ev := goldenEvent(t)
	if err := f.handler.Handle(context.Background(), ev); err != nil {
		t.Fatal(err)
	}
	before := f.book(t)
	if err := f.handler.Handle(context.Background(), ev); err != nil {
		t.Fatalf("redelivery = %v, want nil", err)
	}
	if after := f.book(t); after.Version() != before.Version() || after.Cover() != before.Cover() {
		t.Fatalf("redelivery changed the book from %+v v%d to %+v v%d", before.Cover(), before.Version(), after.Cover(), after.Version())
	}
}

func TestHandleDropsPermanentlyBadInput(t *testing.T) {
	for _, tc := range []struct {
		name   string
		edit   func(*events.S3EventRecord)
		object []byte
		logged string
	}{
		{"not an image", nil, []byte("GIF89a? no, plain text"), "cover dropped: unusable image"},
		{"key that is not URL-encoded", func(r *events.S3EventRecord) { r.S3.Object.Key = "covers/%zz/x.png" }, nil, "key is not URL-encoded"},
		{"another bucket", func(r *events.S3EventRecord) { r.S3.Bucket.Name = "someone-else" }, nil, "another bucket"},
		{"not a creation", func(r *events.S3EventRecord) { r.EventName = "ObjectRemoved:Delete" }, nil, "not an object creation"},
		{"key outside covers/", func(r *events.S3EventRecord) { r.S3.Object.Key = "thumbnails/x/y-200x280.jpg" }, nil, `"outcome":"not-a-cover"`},
		{"book that does not exist", func(r *events.S3EventRecord) { r.S3.Object.Key = "covers/nobody/01JD0000000000000000000001.png" }, nil, `"outcome":"book-gone"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFixture(t, memory.NewBookRepository())
			if tc.object != nil {
				f.put(t, goldenKey, tc.object)
			}
			ev := goldenEvent(t)
			if tc.edit != nil {
				tc.edit(&ev.Records[0])
			}
			if err := f.handler.Handle(context.Background(), ev); err != nil {
				t.Fatalf("Handle = %v, want nil: retrying cannot help", err)
			}
			if !strings.Contains(f.logs.String(), tc.logged) {
				t.Errorf("logs do not mention %q:\n%s", tc.logged, f.logs)
			}
			if f.book(t).Version() != 1 {
				t.Error("the book was written")
			}
		})
	}
}

func TestHandleMinIOEventNames(t *testing.T) {
	f := newFixture(t, memory.NewBookRepository())
	f.put(t, goldenKey, pngOf(t, 100, 140))
	ev := goldenEvent(t)
	ev.Records[0].EventName = "s3:ObjectCreated:Put"
	if err := f.handler.Handle(context.Background(), ev); err != nil {
		t.Fatal(err)
	}
	if f.book(t).Cover().OriginalKey != goldenKey {
		t.Fatal("a MinIO-named ObjectCreated event was not processed")
	}
}

// flakyRepository fails reads of one book, as an unreachable table would.
type flakyRepository struct {
	*memory.BookRepository
	failing domain.BookID
}

var errUnreachable = errors.New("dial tcp: connection refused")

func (r flakyRepository) Get(ctx context.Context, id domain.BookID) (domain.Book, error) {
	if id == r.failing {
		return domain.Book{}, errUnreachable
	}
	return r.BookRepository.Get(ctx, id)
}

func TestHandleReturnsRetryableFailuresAfterTryingEveryRecord(t *testing.T) {
	repo := flakyRepository{BookRepository: memory.NewBookRepository(), failing: "unreachable"}
	f := newFixture(t, repo)
	f.put(t, goldenKey, pngOf(t, 100, 140))
	ev := goldenEvent(t)
	failing := ev.Records[0]
	failing.S3.Object.Key = "covers/unreachable/01JD0000000000000000000001.png"
	ev.Records = append([]events.S3EventRecord{failing}, ev.Records...)

	err := f.handler.Handle(context.Background(), ev)

	if !errors.Is(err, errUnreachable) {
		t.Fatalf("Handle = %v, want the retryable repository error", err)
	}
	if f.book(t).Cover().OriginalKey != goldenKey {
		t.Error("the record after the failing one was not processed")
	}
	if !strings.Contains(f.logs.String(), `"level":"ERROR"`) {
		t.Errorf("the failure was not logged as an error:\n%s", f.logs)
	}
}
