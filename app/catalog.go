package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// Page sizes of listings.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// Cover upload rules.
const (
	// MaxCoverBytes is the largest cover image a client may upload (5 MiB).
	MaxCoverBytes = 5 << 20
	// CoverUploadTTL is how long a presigned cover upload stays valid.
	CoverUploadTTL = 15 * time.Minute
)

// coverExtensions maps the accepted cover content types to file extensions.
var coverExtensions = map[string]string{"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}

// CoverPrefix is the key prefix under which every uploaded original cover of
// the book is stored. Upload keys are confined to it.
func CoverPrefix(id domain.BookID) string { return "covers/" + string(id) + "/" }

// ThumbnailPrefix is the key prefix of the book's generated thumbnails.
func ThumbnailPrefix(id domain.BookID) string { return "thumbnails/" + string(id) + "/" }

// Catalog runs the catalog use cases: books, their listing and their covers.
type Catalog struct {
	books   BookRepository
	objects ObjectStore
	clock   Clock
	ids     IDGenerator
	cursors *CursorCodec
}

// NewCatalog returns the catalog use cases over the given ports.
func NewCatalog(books BookRepository, objects ObjectStore, clock Clock, ids IDGenerator, cursors *CursorCodec) *Catalog {
	return &Catalog{books: books, objects: objects, clock: clock, ids: ids, cursors: cursors}
}

// AuthorizeManagement reports whether the caller may change the catalog
// (see authorizeAdmin). The mutations check it themselves; inbound adapters
// call it before reading a request body, so that an unauthorized caller
// learns nothing about validation, as behind API Gateway's authorizer.
func (c *Catalog) AuthorizeManagement(ctx context.Context) error {
	return authorizeAdmin(ctx, "manage the catalog")
}

// CreateBook validates d and stores a new book with a fresh id. Only
// administrators may (see authorizeAdmin).
func (c *Catalog) CreateBook(ctx context.Context, d domain.BookDetails) (domain.Book, error) {
	if err := authorizeAdmin(ctx, "create book"); err != nil {
		return domain.Book{}, err
	}
	book, err := domain.NewBook(domain.BookID(c.ids.NewID()), d, c.clock.Now())
	if err != nil {
		return domain.Book{}, err
	}
	if err := c.books.Create(ctx, book); err != nil {
		return domain.Book{}, fmt.Errorf("create book: %w", err)
	}
	return book, nil
}

// GetBook returns one book; it wraps domain.ErrNotFound when there is none.
func (c *Catalog) GetBook(ctx context.Context, id domain.BookID) (domain.Book, error) {
	book, err := c.books.Get(ctx, id)
	if err != nil {
		return domain.Book{}, fmt.Errorf("get book: %w", err)
	}
	return book, nil
}

// ListBooksRequest is a client's listing request, unvalidated.
type ListBooksRequest struct {
	// Category is free text normalized like a book's category; "" lists all.
	Category string
	// Sort is "newest" (default) or "title".
	Sort string
	// Limit is the page size; 0 means DefaultPageSize.
	Limit int
	// Cursor is a previous page's NextCursor, or "".
	Cursor string
}

// BookPage is one page of a listing for a client.
type BookPage struct {
	Books []domain.Book
	// NextCursor continues the same listing; "" on the last page.
	NextCursor string
}

// ListBooks returns one page of books. Invalid parameters, including a cursor
// that was tampered with or issued for another listing, are reported together
// as a *domain.ValidationError.
func (c *Catalog) ListBooks(ctx context.Context, r ListBooksRequest) (BookPage, error) {
	var fields requestFields
	q := BookListQuery{Sort: SortNewest, Category: fields.category(r.Category)}
	switch BookSort(r.Sort) {
	case "", SortNewest:
	case SortTitle:
		q.Sort = SortTitle
	default:
		fields.add("sort", `must be "newest" or "title"`)
	}
	q.Limit = fields.limit(r.Limit, DefaultPageSize, MaxPageSize)
	scope := q.Category.String() + "|" + string(q.Sort)
	if r.Cursor != "" {
		after, err := c.cursors.Decode(scope, r.Cursor)
		if err != nil {
			fields.add("cursor", "is not a cursor issued for this listing")
		}
		q.After = after
	}
	if err := fields.err(); err != nil {
		return BookPage{}, err
	}
	page, err := c.books.List(ctx, q)
	if err != nil {
		return BookPage{}, fmt.Errorf("list books: %w", err)
	}
	out := BookPage{Books: page.Books}
	if page.Next != "" {
		out.NextCursor = c.cursors.Encode(scope, page.Next)
	}
	return out, nil
}

// UpdateBook replaces a book's details if it is still at expectedVersion. An
// expectedVersion of 0 means the caller named none: domain.ErrPreconditionRequired.
// Only administrators may (see authorizeAdmin).
func (c *Catalog) UpdateBook(ctx context.Context, id domain.BookID, expectedVersion int64, d domain.BookDetails) (domain.Book, error) {
	if err := authorizeAdmin(ctx, "update book"); err != nil {
		return domain.Book{}, err
	}
	if expectedVersion == 0 {
		return domain.Book{}, fmt.Errorf("update book %s: %w", id, domain.ErrPreconditionRequired)
	}
	now := c.clock.Now()
	book, err := c.books.Update(ctx, id, func(b *domain.Book) error {
		if err := b.CheckVersion(expectedVersion); err != nil {
			return err
		}
		return b.Revise(d, now)
	})
	if err != nil {
		return domain.Book{}, fmt.Errorf("update book: %w", err)
	}
	return book, nil
}

// DeleteCleanupTimeout bounds DeleteBook's removal of the deleted book's
// objects. That removal is only the fast path (CoverCleanup, on the change
// feed, is the durable one), so an object store that does not answer must
// not hold up the answer: the book is gone either way.
const DeleteCleanupTimeout = 2 * time.Second

// DeleteBook removes a book (only while at expectedVersion, unless that is 0)
// and then, at once, every cover object and thumbnail stored for it. It
// wraps domain.ErrNotFound when the book does not exist, so repeating a
// delete reports not found. Only administrators may (see authorizeAdmin).
//
// Once the book's item is deleted the call succeeds: the book is gone.
// Removing its objects here is only the fast path; if the store fails,
// CoverCleanup removes them when the change feed reports the deletion (a
// failure there makes the feed deliver the deletion again).
func (c *Catalog) DeleteBook(ctx context.Context, id domain.BookID, expectedVersion int64) error {
	if err := authorizeAdmin(ctx, "delete book"); err != nil {
		return err
	}
	if _, err := c.books.Delete(ctx, id, expectedVersion); err != nil {
		return fmt.Errorf("delete book: %w", err)
	}
	// Best effort, bounded: a failure leaves the objects to CoverCleanup.
	cleanupCtx, cancel := context.WithTimeout(ctx, DeleteCleanupTimeout)
	defer cancel()
	_ = c.objects.DeletePrefix(cleanupCtx, CoverPrefix(id))
	_ = c.objects.DeletePrefix(cleanupCtx, ThumbnailPrefix(id))
	return nil
}

// CoverUploadRequest asks for a presigned cover upload.
type CoverUploadRequest struct {
	ContentType   string
	ContentLength int64
}

// CoverUpload is a presigned upload and the key it will write.
type CoverUpload struct {
	PresignedRequest
	Key string
}

// RequestCoverUpload returns a presigned PUT for a new cover image of an
// existing book. The request is bound to the content type (JPEG, PNG or WebP)
// and the exact length (at most MaxCoverBytes), expires after CoverUploadTTL,
// and writes a fresh key under CoverPrefix. Only administrators may (see
// authorizeAdmin); they are checked before the request is validated. When
// the object store does not answer (ObjectStore.CheckAvailable) it wraps
// ErrUnavailable and presigns nothing.
func (c *Catalog) RequestCoverUpload(ctx context.Context, id domain.BookID, r CoverUploadRequest) (CoverUpload, error) {
	if err := authorizeAdmin(ctx, "request cover upload"); err != nil {
		return CoverUpload{}, err
	}
	key, err := c.newCoverKey(ctx, id, r.ContentType, r.ContentLength)
	if err != nil {
		return CoverUpload{}, fmt.Errorf("request cover upload: %w", err)
	}
	// Presigning needs no store: without this probe a store that is down
	// would hand out an upload that cannot succeed.
	if err := c.objects.CheckAvailable(ctx); err != nil {
		return CoverUpload{}, fmt.Errorf("request cover upload: %w", err)
	}
	req, err := c.objects.PresignPut(ctx, key, r.ContentType, r.ContentLength, CoverUploadTTL)
	if err != nil {
		return CoverUpload{}, fmt.Errorf("presign cover upload: %w", err)
	}
	return CoverUpload{PresignedRequest: req, Key: key}, nil
}

// UploadCover stores image as a new cover of an existing book from the
// server side, under the same rules as RequestCoverUpload (administrators
// only; JPEG, PNG or WebP; at most MaxCoverBytes). Storing it counts as an
// upload: the thumbnailer reacts to it as to a browser's. It returns the
// new object's key.
func (c *Catalog) UploadCover(ctx context.Context, id domain.BookID, contentType string, image []byte) (string, error) {
	if err := authorizeAdmin(ctx, "upload cover"); err != nil {
		return "", err
	}
	key, err := c.newCoverKey(ctx, id, contentType, int64(len(image)))
	if err != nil {
		return "", fmt.Errorf("upload cover: %w", err)
	}
	if err := c.objects.PutObject(ctx, key, contentType, image); err != nil {
		return "", fmt.Errorf("upload cover: %w", err)
	}
	return key, nil
}

// newCoverKey validates a cover's content type and length, checks that the
// book exists and returns a fresh key for the cover under CoverPrefix.
func (c *Catalog) newCoverKey(ctx context.Context, id domain.BookID, contentType string, contentLength int64) (string, error) {
	var fields []domain.FieldError
	ext, ok := coverExtensions[contentType]
	if !ok {
		fields = append(fields, domain.FieldError{Field: "contentType", Message: "must be image/jpeg, image/png or image/webp"})
	}
	if contentLength < 1 || contentLength > MaxCoverBytes {
		fields = append(fields, domain.FieldError{Field: "contentLength", Message: fmt.Sprintf("must be between 1 and %d bytes", MaxCoverBytes)})
	}
	if len(fields) > 0 {
		return "", &domain.ValidationError{Fields: fields}
	}
	if _, err := c.books.Get(ctx, id); err != nil {
		return "", err
	}
	return CoverPrefix(id) + c.ids.NewID() + "." + ext, nil
}

// RecordCover attaches stored cover objects to a book. Keys outside the
// book's prefixes are rejected. It checks no caller on purpose: no route
// exposes it, and its callers are the shop's own processes (the thumbnailer,
// reacting to uploads an administrator was allowed to make).
func (c *Catalog) RecordCover(ctx context.Context, id domain.BookID, cover domain.Cover) (domain.Book, error) {
	if !strings.HasPrefix(cover.OriginalKey, CoverPrefix(id)) ||
		(cover.ThumbnailKey != "" && !strings.HasPrefix(cover.ThumbnailKey, ThumbnailPrefix(id))) ||
		(cover.Thumbnail2xKey != "" && !strings.HasPrefix(cover.Thumbnail2xKey, ThumbnailPrefix(id))) {
		return domain.Book{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "cover", Message: "keys must lie under the book's cover prefixes"}}}
	}
	now := c.clock.Now()
	book, err := c.books.Update(ctx, id, func(b *domain.Book) error { return b.SetCover(cover, now) })
	if err != nil {
		return domain.Book{}, fmt.Errorf("record cover: %w", err)
	}
	return book, nil
}
