package app

import (
	"context"

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
	// again, a bounded number of times, then returns a *ContentionError
	// (ErrUnavailable). A version check of fn that fails (a stale If-Match)
	// is fn's error, not contention.
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
