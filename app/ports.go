package app

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// BookSort is the order of a book listing. The zero value is not valid.
type BookSort string

// Book listing orders.
const (
	// SortNewest lists the most recently created books first.
	SortNewest BookSort = "newest"
	// SortTitle lists books by title, case-insensitively, A to Z.
	SortTitle BookSort = "title"
)

// BookListQuery asks a BookRepository for one page of books.
type BookListQuery struct {
	// Category restricts the listing to one category; the zero value lists
	// every category.
	Category domain.Category
	Sort     BookSort
	// Limit is the page size, 1 to MaxPageSize.
	Limit int
	// After is the repository's position token from a previous page's Next,
	// or "" for the first page. Tokens are only ever passed back to the
	// repository that issued them, for the same Category and Sort.
	After string
}

// BookListPage is one page of a listing.
type BookListPage struct {
	Books []domain.Book
	// Next is the position token of the following page, or "" when this page
	// is the last one.
	Next string
}

// BookRepository stores books.
//
// Implementations must be safe for concurrent use. Errors wrap
// domain.ErrNotFound for a missing book; every other failure is an
// infrastructure error.
type BookRepository interface {
	// Create stores a new book. It wraps domain.ErrConflict when a book with
	// the same id exists.
	Create(ctx context.Context, book domain.Book) error
	// Get returns the book with the given id.
	Get(ctx context.Context, id domain.BookID) (domain.Book, error)
	// Update loads the book, passes it to fn and stores the result only if
	// nobody else wrote the book in between (the book's version is the
	// guard). When another writer wins the race, Update reloads and calls fn
	// again, a bounded number of times, then wraps domain.ErrVersionConflict.
	// If fn returns an error nothing is stored and Update returns that error.
	// fn must not do I/O: it may run several times.
	Update(ctx context.Context, id domain.BookID, fn func(*domain.Book) error) (domain.Book, error)
	// Delete removes the book. If expectedVersion is not 0 the book is only
	// removed while at that version (otherwise a *domain.VersionConflictError).
	// It returns the deleted book.
	Delete(ctx context.Context, id domain.BookID, expectedVersion int64) (domain.Book, error)
	// List returns one page of books in the query's order. Pages never
	// overlap nor skip books that existed during the whole walk. Next is ""
	// exactly when no book follows.
	List(ctx context.Context, q BookListQuery) (BookListPage, error)
}

// PresignedRequest is an HTTP request a client may send without credentials
// until ExpiresAt. The client must send Headers exactly as given.
type PresignedRequest struct {
	URL       string
	Method    string
	Headers   map[string]string
	ExpiresAt time.Time
}

// ObjectStore keeps binary objects (cover images) addressed by key.
// Implementations must be safe for concurrent use.
type ObjectStore interface {
	// PresignPut returns a PUT request that uploads exactly contentLength
	// bytes of contentType to key; the store rejects any other content type
	// or length.
	PresignPut(ctx context.Context, key, contentType string, contentLength int64, ttl time.Duration) (PresignedRequest, error)
	// PresignGet returns a URL that downloads key until the TTL passes.
	PresignGet(ctx context.Context, key string, ttl time.Duration) (string, error)
	// DeletePrefix removes every object whose key starts with prefix. Deleting
	// nothing is not an error. prefix must not be empty.
	DeletePrefix(ctx context.Context, prefix string) error
	// GetObject opens the object at key for a server-side read of at most
	// maxBytes. It wraps domain.ErrNotFound when there is no such object and
	// returns an *ObjectTooLargeError (domain.ErrInvalid) when the object is
	// larger than maxBytes, before reading its content. The caller closes
	// Body.
	GetObject(ctx context.Context, key string, maxBytes int64) (Object, error)
	// PutObject stores data at key with the given content type, replacing
	// any object there. Like an upload, it counts as the object's creation.
	PutObject(ctx context.Context, key, contentType string, data []byte) error
}

// Object is an object opened for reading by ObjectStore.GetObject.
type Object struct {
	// Body yields the object's bytes; it never yields more than Size.
	Body        io.ReadCloser
	Size        int64
	ContentType string
}

// ObjectTooLargeError reports an object larger than a read allows. It joins
// domain.ErrInvalid.
type ObjectTooLargeError struct {
	Key         string
	Size, Limit int64
}

// Error names the object, its size and the limit.
func (e *ObjectTooLargeError) Error() string {
	return fmt.Sprintf("object %q has %d bytes, more than the %d allowed", e.Key, e.Size, e.Limit)
}

// Is makes errors.Is(err, domain.ErrInvalid) true.
func (e *ObjectTooLargeError) Is(target error) bool { return target == domain.ErrInvalid }

// Clock tells the time.
type Clock interface {
	Now() time.Time
}

// IDGenerator makes new, unique, time-sortable ids.
type IDGenerator interface {
	NewID() string
}
