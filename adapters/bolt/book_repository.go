package bolt

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/adapters/internal/changehooks"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BookRepository keeps books in the books bucket and its three index
// buckets. Every write is one read-write transaction, so Update's callback
// runs with the book locked against every other writer: updates never race
// and never need a retry.
type BookRepository struct {
	db *DB

	hooks changehooks.Hooks[app.BookChange]
}

var (
	_ app.BookRepository  = (*BookRepository)(nil)
	_ app.BookBatchReader = (*BookRepository)(nil)
)

// OnBookChanged registers fn to run after every committed Create, Update
// and Delete, with the book before and after, as the table's stream
// reports them on AWS. Stock and rating changes written by the order and
// review repositories are not reported. fn runs synchronously in the
// writer's goroutine after the commit, so it may read the repository; its
// outcome does not affect the write, which has happened. A process that
// stops between the commit and fn loses that call: whoever keeps a
// projection of the books rebuilds it from the repository at start-up.
func (r *BookRepository) OnBookChanged(fn func(context.Context, app.BookChange)) {
	r.hooks.Add(fn)
}

// NewBookRepository returns the repository of db's books.
func NewBookRepository(db *DB) (*BookRepository, error) {
	if db == nil {
		return nil, errors.New("bolt.NewBookRepository: nil DB")
	}
	return &BookRepository{db: db}, nil
}

func bookNotFound(id domain.BookID) error {
	return &domain.NotFoundError{Entity: "book", ID: string(id)}
}

// Create implements app.BookRepository.
func (r *BookRepository) Create(ctx context.Context, book domain.Book) error {
	err := update(ctx, r.db, func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketBooks).Get([]byte(book.ID())) != nil {
			return fmt.Errorf("book %s exists: %w", book.ID(), domain.ErrConflict)
		}
		return putBook(tx, nil, book)
	})
	if err != nil {
		return err
	}
	r.hooks.Run(ctx, app.BookChange{New: &book})
	return nil
}

// GetBooks implements app.BookBatchReader: one read transaction for all
// the ids.
func (r *BookRepository) GetBooks(ctx context.Context, ids []domain.BookID) ([]domain.Book, error) {
	out := make([]domain.Book, 0, len(ids))
	err := view(ctx, r.db, func(tx *bbolt.Tx) error {
		seen := make(map[domain.BookID]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			book, err := getBook(tx, id)
			switch {
			case errors.Is(err, domain.ErrNotFound):
				continue
			case err != nil:
				return err
			}
			out = append(out, book)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("get books: %w", err)
	}
	return out, nil
}

// Get implements app.BookRepository.
func (r *BookRepository) Get(ctx context.Context, id domain.BookID) (domain.Book, error) {
	var book domain.Book
	err := view(ctx, r.db, func(tx *bbolt.Tx) error {
		var err error
		book, err = getBook(tx, id)
		return err
	})
	return book, err
}

// Update implements app.BookRepository.
func (r *BookRepository) Update(ctx context.Context, id domain.BookID, fn func(*domain.Book) error) (domain.Book, error) {
	var before, out domain.Book
	err := update(ctx, r.db, func(tx *bbolt.Tx) error {
		old, err := getBook(tx, id)
		if err != nil {
			return err
		}
		book := old
		if err := fn(&book); err != nil {
			return err
		}
		if book.ID() != id {
			return fmt.Errorf("update book %s: callback changed the id to %s", id, book.ID())
		}
		before, out = old, book
		return putBook(tx, &old, book)
	})
	if err != nil {
		return domain.Book{}, err
	}
	r.hooks.Run(ctx, app.BookChange{Old: &before, New: &out})
	return out, nil
}

// Delete implements app.BookRepository.
func (r *BookRepository) Delete(ctx context.Context, id domain.BookID, expectedVersion int64) (domain.Book, error) {
	var out domain.Book
	err := update(ctx, r.db, func(tx *bbolt.Tx) error {
		book, err := getBook(tx, id)
		if err != nil {
			return err
		}
		if expectedVersion != 0 {
			if err := book.CheckVersion(expectedVersion); err != nil {
				return err
			}
		}
		out = book
		if err := deleteIndexes(tx, book); err != nil {
			return err
		}
		return tx.Bucket(bucketBooks).Delete([]byte(id))
	})
	if err != nil {
		return domain.Book{}, err
	}
	r.hooks.Run(ctx, app.BookChange{Old: &out})
	return out, nil
}

// List implements app.BookRepository. It walks the index of the query's
// order (doc.go) from the position token, which is the index key of the
// last book returned without its category prefix: the memory adapter's
// token, so books created or deleted during a walk neither shift nor repeat
// the pages that follow.
func (r *BookRepository) List(ctx context.Context, q app.BookListQuery) (app.BookListPage, error) {
	if q.Limit < 1 || q.Limit > app.MaxPageSize {
		return app.BookListPage{}, fmt.Errorf("list books: limit %d not in 1..%d: %w", q.Limit, app.MaxPageSize, domain.ErrInvalid)
	}
	after, err := decodePosition(q.After, "books")
	if err != nil {
		return app.BookListPage{}, err
	}
	bucket, prefix := bucketBooks, []byte(nil)
	switch {
	case q.Sort == app.SortTitle && q.Category.IsZero():
		bucket = bucketBooksByTitle
	case q.Sort == app.SortTitle:
		bucket, prefix = bucketBooksByCategoryTitle, []byte(q.Category.String()+prefixEnd)
	case !q.Category.IsZero():
		bucket, prefix = bucketBooksByCategory, []byte(q.Category.String()+prefixEnd)
	}
	var page app.BookListPage
	err = view(ctx, r.db, func(tx *bbolt.Tx) error {
		books := tx.Bucket(bucketBooks)
		decode := decodeBook
		if !bytes.Equal(bucket, bucketBooks) {
			decode = func(id []byte) (domain.Book, error) { return decodeBook(books.Get(id)) }
		}
		var err error
		page.Books, page.Next, err = listPage(tx.Bucket(bucket), prefix, after, q.Sort != app.SortTitle, q.Limit, decode)
		return err
	})
	if err != nil {
		return app.BookListPage{}, fmt.Errorf("list books: %w", err)
	}
	return page, nil
}

// getBook reads and decodes a book inside tx.
func getBook(tx *bbolt.Tx, id domain.BookID) (domain.Book, error) {
	raw := tx.Bucket(bucketBooks).Get([]byte(id))
	if raw == nil {
		return domain.Book{}, bookNotFound(id)
	}
	return decodeBook(raw)
}

// titleKey is the book's key in the title indexes.
func titleKey(b domain.Book) string { return strings.ToLower(b.Title()) + titleEnd + string(b.ID()) }

// indexEntry is one key of a book in an index bucket.
type indexEntry struct {
	bucket []byte
	key    string
}

// bookIndexes returns the book's keys in the index buckets.
func bookIndexes(b domain.Book) []indexEntry {
	cat := b.Category().String() + prefixEnd
	return []indexEntry{
		{bucketBooksByTitle, titleKey(b)},
		{bucketBooksByCategory, cat + string(b.ID())},
		{bucketBooksByCategoryTitle, cat + titleKey(b)},
	}
}

// putBook stores book and its index keys inside tx; old is the stored
// version it replaces (nil for a new book), whose index keys are removed.
func putBook(tx *bbolt.Tx, old *domain.Book, book domain.Book) error {
	raw, err := encodeBook(book)
	if err != nil {
		return err
	}
	if old != nil {
		if err := deleteIndexes(tx, *old); err != nil {
			return err
		}
	}
	for _, e := range bookIndexes(book) {
		if err := tx.Bucket(e.bucket).Put([]byte(e.key), []byte(book.ID())); err != nil {
			return err
		}
	}
	return tx.Bucket(bucketBooks).Put([]byte(book.ID()), raw)
}

// deleteIndexes removes the book's index keys inside tx.
func deleteIndexes(tx *bbolt.Tx, book domain.Book) error {
	for _, e := range bookIndexes(book) {
		if err := tx.Bucket(e.bucket).Delete([]byte(e.key)); err != nil {
			return err
		}
	}
	return nil
}
