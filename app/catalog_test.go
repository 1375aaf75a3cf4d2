package app_test

import (
	"context"
	"errors"
	"fmt"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

type fixture struct {
	catalog *app.Catalog
	books   *memory.BookRepository
	objects *memory.ObjectStore
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	srv := httptest.NewServer(nil)
	t.Cleanup(srv.Close)
	objects, err := memory.NewObjectStore(srv.URL+"/o", []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	srv.Config.Handler = objects
	books := memory.NewBookRepository()
	clock := apptest.NewClock(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	return fixture{app.NewCatalog(books, objects, clock, apptest.NewIDs("ID", 6), newCursors(t)), books, objects}
}

// newCursors returns a cursor codec for the use cases under test.
func newCursors(t *testing.T) *app.CursorCodec {
	t.Helper()
	cursors, err := app.NewCursorCodec([]byte("cursor-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	return cursors
}

func details(title, category string) domain.BookDetails {
	return domain.BookDetails{Title: title, Author: "A", Category: category, PriceCents: 100, Stock: 1}
}

func fieldNames(t *testing.T, err error) []string {
	t.Helper()
	var ve *domain.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error = %v, want a *domain.ValidationError", err)
	}
	var names []string
	for _, f := range ve.Fields {
		names = append(names, f.Field)
	}
	return names
}

func TestListBooksFollowsSignedCursors(t *testing.T) {
	f := newFixture(t)
	ctx := adminContext()
	for i := range 5 {
		if _, err := f.catalog.CreateBook(ctx, details(fmt.Sprintf("T%d", i), []string{"a", "b"}[i%2])); err != nil {
			t.Fatal(err)
		}
	}
	first, err := f.catalog.ListBooks(ctx, app.ListBooksRequest{Limit: 2})
	if err != nil || len(first.Books) != 2 || first.NextCursor == "" {
		t.Fatalf("first page = %d books, cursor %q, err %v", len(first.Books), first.NextCursor, err)
	}
	second, err := f.catalog.ListBooks(ctx, app.ListBooksRequest{Limit: 2, Cursor: first.NextCursor})
	if err != nil || len(second.Books) != 2 || second.Books[0].ID() == first.Books[0].ID() {
		t.Fatalf("second page = %v, err %v", second.Books, err)
	}

	tests := []struct {
		name string
		req  app.ListBooksRequest
		want []string
	}{
		{"cursor used with another category", app.ListBooksRequest{Category: "a", Cursor: first.NextCursor}, []string{"cursor"}},
		{"cursor used with another order", app.ListBooksRequest{Sort: "title", Cursor: first.NextCursor}, []string{"cursor"}},
		{"tampered cursor", app.ListBooksRequest{Cursor: first.NextCursor[:len(first.NextCursor)-2] + "AA"}, []string{"cursor"}},
		{"garbage cursor", app.ListBooksRequest{Cursor: "not-a-cursor"}, []string{"cursor"}},
		{"limit too large", app.ListBooksRequest{Limit: 101}, []string{"limit"}},
		{"negative limit", app.ListBooksRequest{Limit: -1}, []string{"limit"}},
		{"unknown sort", app.ListBooksRequest{Sort: "price"}, []string{"sort"}},
		{"all at once", app.ListBooksRequest{Category: "$$", Sort: "x", Limit: 1000, Cursor: "x"}, []string{"category", "sort", "limit", "cursor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := f.catalog.ListBooks(ctx, tt.req)
			if got := fieldNames(t, err); !slices.Equal(got, tt.want) {
				t.Fatalf("invalid fields = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCursorFromAnotherKeyIsRejected(t *testing.T) {
	a, _ := app.NewCursorCodec([]byte("key-a-0123456789"))
	b, _ := app.NewCursorCodec([]byte("key-b-0123456789"))
	if _, err := b.Decode("|newest", a.Encode("|newest", "pos")); err == nil {
		t.Fatal("a cursor signed with another key was accepted")
	}
	if got, err := a.Decode("|newest", a.Encode("|newest", "pos")); err != nil || got != "pos" {
		t.Fatalf("round trip = %q, %v", got, err)
	}
	if _, err := app.NewCursorCodec([]byte("short")); err == nil {
		t.Fatal("short key accepted")
	}
}

func TestUpdateBookNeedsTheCurrentVersion(t *testing.T) {
	f := newFixture(t)
	ctx := adminContext()
	b, _ := f.catalog.CreateBook(ctx, details("Old", "x"))
	if _, err := f.catalog.UpdateBook(ctx, b.ID(), 0, details("New", "x")); !errors.Is(err, domain.ErrPreconditionRequired) {
		t.Fatalf("no version: %v, want ErrPreconditionRequired", err)
	}
	if _, err := f.catalog.UpdateBook(ctx, b.ID(), 2, details("New", "x")); !errors.Is(err, domain.ErrVersionConflict) {
		t.Fatalf("stale version: %v, want ErrVersionConflict", err)
	}
	got, err := f.catalog.UpdateBook(ctx, b.ID(), 1, details("New", "x"))
	if err != nil || got.Title() != "New" || got.Version() != 2 {
		t.Fatalf("UpdateBook = %v, %v", got.Snapshot(), err)
	}
}

func TestDeleteBookRemovesItsCoverObjects(t *testing.T) {
	f := newFixture(t)
	ctx := adminContext()
	b, _ := f.catalog.CreateBook(ctx, details("Covered", "x"))
	other, _ := f.catalog.CreateBook(ctx, details("Other", "x"))
	f.objects.Put(app.CoverPrefix(b.ID())+"a.jpg", "image/jpeg", []byte("a"))
	f.objects.Put(app.ThumbnailPrefix(b.ID())+"t.jpg", "image/jpeg", []byte("t"))
	f.objects.Put(app.CoverPrefix(other.ID())+"a.jpg", "image/jpeg", []byte("o"))
	if err := f.catalog.DeleteBook(ctx, b.ID(), 0); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{app.CoverPrefix(b.ID()) + "a.jpg", app.ThumbnailPrefix(b.ID()) + "t.jpg"} {
		if _, _, ok := f.objects.Object(k); ok {
			t.Errorf("%s survived the delete", k)
		}
	}
	if _, _, ok := f.objects.Object(app.CoverPrefix(other.ID()) + "a.jpg"); !ok {
		t.Error("another book's cover was deleted")
	}
	if err := f.catalog.DeleteBook(ctx, b.ID(), 0); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("repeat delete = %v, want ErrNotFound", err)
	}
}

// downObjects is an ObjectStore that fails like S3 while it is unreachable
// (DeletePrefix and CheckAvailable wrap app.ErrUnavailable) as long as down
// is set; the presigning it does not touch, as S3's is local.
type downObjects struct {
	app.ObjectStore
	down atomic.Bool
}

func (d *downObjects) DeletePrefix(ctx context.Context, prefix string) error {
	if d.down.Load() {
		return fmt.Errorf("delete prefix %q: %w", prefix, &app.UnavailableError{Dependency: "S3", Err: errors.New("no answer")})
	}
	return d.ObjectStore.DeletePrefix(ctx, prefix)
}

func (d *downObjects) CheckAvailable(ctx context.Context) error {
	if d.down.Load() {
		return &app.UnavailableError{Dependency: "S3", Err: errors.New("no answer")}
	}
	return d.ObjectStore.CheckAvailable(ctx)
}

// newDownFixture is newFixture with a catalog whose object store fails
// while down.down is set.
func newDownFixture(t *testing.T) (fixture, *downObjects, *app.Catalog) {
	t.Helper()
	f := newFixture(t)
	down := &downObjects{ObjectStore: f.objects}
	clock := apptest.NewClock(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	return f, down, app.NewCatalog(f.books, down, clock, apptest.NewIDs("ID", 6), newCursors(t))
}

// The book is gone even when its objects cannot be removed: the answer does
// not depend on the store, whose leftovers CoverCleanup removes (see
// TestCoverCleanupRemovesADeletedBooksObjectsOnceTheStoreAnswers).
func TestDeleteBookSucceedsWhileTheStoreIsDown(t *testing.T) {
	f, down, catalog := newDownFixture(t)
	ctx := adminContext()
	b, _ := catalog.CreateBook(ctx, details("Orphaned", "x"))
	f.objects.Put(app.CoverPrefix(b.ID())+"a.jpg", "image/jpeg", []byte("x"))

	down.down.Store(true)
	if err := catalog.DeleteBook(ctx, b.ID(), 0); err != nil {
		t.Fatalf("DeleteBook with the store down = %v, want nil: the book is deleted", err)
	}
	if _, err := catalog.GetBook(ctx, b.ID()); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("GetBook after delete = %v, want ErrNotFound", err)
	}
	if _, _, ok := f.objects.Object(app.CoverPrefix(b.ID()) + "a.jpg"); !ok {
		t.Fatal("the cover is gone although the store was down; the test proves nothing")
	}
	if err := catalog.DeleteBook(ctx, b.ID(), 0); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("repeat delete = %v, want ErrNotFound", err)
	}
}

// deadlineObjects records the deadline of each DeletePrefix call.
type deadlineObjects struct {
	app.ObjectStore
	mu        sync.Mutex
	deadlines []time.Time
}

func (d *deadlineObjects) DeletePrefix(ctx context.Context, prefix string) error {
	deadline, ok := ctx.Deadline()
	if !ok {
		return fmt.Errorf("delete prefix %q without a deadline", prefix)
	}
	d.mu.Lock()
	d.deadlines = append(d.deadlines, deadline)
	d.mu.Unlock()
	return d.ObjectStore.DeletePrefix(ctx, prefix)
}

// A store that hangs cannot hold up a delete for longer than
// DeleteCleanupTimeout: the removal's calls carry that deadline (or the
// request's, when it is sooner), and the objects still go when the store
// answers.
func TestDeleteBookBoundsTheRemovalOfItsObjects(t *testing.T) {
	f := newFixture(t)
	objects := &deadlineObjects{ObjectStore: f.objects}
	catalog := app.NewCatalog(f.books, objects, apptest.NewClock(time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)), apptest.NewIDs("ID", 6), newCursors(t))
	ctx := adminContext()
	b, _ := catalog.CreateBook(ctx, details("Bounded", "x"))
	f.objects.Put(app.CoverPrefix(b.ID())+"a.jpg", "image/jpeg", []byte("x"))

	before := time.Now()
	if err := catalog.DeleteBook(ctx, b.ID(), 0); err != nil {
		t.Fatal(err)
	}
	if len(objects.deadlines) != 2 {
		t.Fatalf("DeletePrefix calls with a deadline = %d, want 2 (covers and thumbnails)", len(objects.deadlines))
	}
	for _, d := range objects.deadlines {
		if d.After(time.Now().Add(app.DeleteCleanupTimeout)) || d.Before(before) {
			t.Errorf("DeletePrefix deadline %v, want within %v of the delete", d.Sub(before), app.DeleteCleanupTimeout)
		}
	}
	if _, _, ok := f.objects.Object(app.CoverPrefix(b.ID()) + "a.jpg"); ok {
		t.Error("the cover stayed although the store answered")
	}
}

// Presigning is local, so only the probe can tell that the upload would
// fail: the request is refused as unavailable, and answered once the store
// is back.
func TestRequestCoverUploadIsUnavailableWhileTheStoreIsDown(t *testing.T) {
	_, down, catalog := newDownFixture(t)
	ctx := adminContext()
	b, _ := catalog.CreateBook(ctx, details("Covered", "x"))
	req := app.CoverUploadRequest{ContentType: "image/png", ContentLength: 1234}

	down.down.Store(true)
	up, err := catalog.RequestCoverUpload(ctx, b.ID(), req)
	if !errors.Is(err, app.ErrUnavailable) || up.URL != "" {
		t.Fatalf("RequestCoverUpload with the store down = %+v, %v; want no upload and ErrUnavailable", up, err)
	}
	// Validation and existence come first: they do not depend on the store.
	if _, err := catalog.RequestCoverUpload(ctx, b.ID(), app.CoverUploadRequest{ContentType: "image/gif", ContentLength: 1}); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("an invalid request with the store down = %v, want ErrInvalid", err)
	}
	if _, err := catalog.RequestCoverUpload(ctx, "missing", req); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a missing book with the store down = %v, want ErrNotFound", err)
	}

	down.down.Store(false)
	if up, err := catalog.RequestCoverUpload(ctx, b.ID(), req); err != nil || up.URL == "" {
		t.Fatalf("RequestCoverUpload once the store is back = %+v, %v", up, err)
	}
}

func TestRequestCoverUpload(t *testing.T) {
	f := newFixture(t)
	ctx := adminContext()
	b, _ := f.catalog.CreateBook(ctx, details("Covered", "x"))
	up, err := f.catalog.RequestCoverUpload(ctx, b.ID(), app.CoverUploadRequest{ContentType: "image/png", ContentLength: 1234})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(up.Key, app.CoverPrefix(b.ID())) || !strings.HasSuffix(up.Key, ".png") || up.Method != "PUT" {
		t.Fatalf("upload = %+v", up)
	}
	if up.Headers["Content-Type"] != "image/png" || up.ExpiresAt.After(time.Now().Add(app.CoverUploadTTL+time.Second)) {
		t.Fatalf("upload headers %v expires %v", up.Headers, up.ExpiresAt)
	}

	_, err = f.catalog.RequestCoverUpload(ctx, b.ID(), app.CoverUploadRequest{ContentType: "image/gif", ContentLength: app.MaxCoverBytes + 1})
	if got := fieldNames(t, err); !slices.Equal(got, []string{"contentType", "contentLength"}) {
		t.Fatalf("invalid fields = %v", got)
	}
	if _, err := f.catalog.RequestCoverUpload(ctx, "missing", app.CoverUploadRequest{ContentType: "image/png", ContentLength: 1}); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("cover for a missing book = %v, want ErrNotFound", err)
	}
}

func TestUploadCoverStoresTheImageUnderTheBooksPrefix(t *testing.T) {
	f := newFixture(t)
	ctx := adminContext()
	b, _ := f.catalog.CreateBook(ctx, details("Covered", "x"))
	key, err := f.catalog.UploadCover(ctx, b.ID(), "image/jpeg", []byte("jpeg bytes"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(key, app.CoverPrefix(b.ID())) || !strings.HasSuffix(key, ".jpg") {
		t.Fatalf("key = %q", key)
	}
	if data, ct, ok := f.objects.Object(key); !ok || ct != "image/jpeg" || string(data) != "jpeg bytes" {
		t.Fatalf("stored %q %q %v", data, ct, ok)
	}

	_, err = f.catalog.UploadCover(ctx, b.ID(), "image/gif", nil)
	if got := fieldNames(t, err); !slices.Equal(got, []string{"contentType", "contentLength"}) {
		t.Fatalf("invalid fields = %v", got)
	}
	if _, err := f.catalog.UploadCover(ctx, "missing", "image/png", []byte("x")); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("cover for a missing book = %v, want ErrNotFound", err)
	}
	if _, err := f.catalog.UploadCover(context.Background(), b.ID(), "image/png", []byte("x")); !errors.Is(err, domain.ErrUnauthenticated) {
		t.Fatalf("anonymous upload = %v, want ErrUnauthenticated", err)
	}
}

func TestRecordCoverConfinesKeysToTheBook(t *testing.T) {
	f := newFixture(t)
	ctx := adminContext()
	b, _ := f.catalog.CreateBook(ctx, details("Covered", "x"))
	if _, err := f.catalog.RecordCover(ctx, b.ID(), domain.Cover{OriginalKey: "covers/other/a.jpg"}); !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("foreign key = %v, want ErrInvalid", err)
	}
	cover := domain.Cover{OriginalKey: app.CoverPrefix(b.ID()) + "a.jpg", ThumbnailKey: app.ThumbnailPrefix(b.ID()) + "t.jpg"}
	got, err := f.catalog.RecordCover(ctx, b.ID(), cover)
	if err != nil || got.Cover() != cover || got.Version() != 2 {
		t.Fatalf("RecordCover = %+v, %v", got.Cover(), err)
	}
}

// adminContext is the context of a signed-in administrator.
func adminContext() context.Context {
	return app.WithPrincipal(context.Background(), app.Principal{UserID: "admin-1", Email: "admin@example.com", Groups: []string{app.AdminGroup}})
}
