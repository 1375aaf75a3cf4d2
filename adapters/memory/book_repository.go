package memory

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bookshop/bookshop/adapters/internal/changehooks"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BookRepository keeps books in a map guarded by a mutex. Update holds the
// lock for the whole callback, so concurrent updates are serialized.
type BookRepository struct {
	mu    sync.RWMutex
	books map[domain.BookID]domain.Book

	hooks changehooks.Hooks[app.BookChange]
}

// OnBookChanged registers fn to run after every committed Create, Update
// and Delete, with the book before and after, as the table's stream
// reports them on AWS. Stock and rating changes made by orders and reviews
// (withBooksLocked) are not reported. fn runs synchronously in the
// writer's goroutine after the lock is released, so it may read the
// repository; its outcome does not affect the write, which has happened.
func (r *BookRepository) OnBookChanged(fn func(context.Context, app.BookChange)) { r.hooks.Add(fn) }

var (
	_ app.BookRepository  = (*BookRepository)(nil)
	_ app.BookBatchReader = (*BookRepository)(nil)
)

// NewBookRepository returns an empty repository.
func NewBookRepository() *BookRepository {
	return &BookRepository{books: make(map[domain.BookID]domain.Book)}
}

// Create implements app.BookRepository.
func (r *BookRepository) Create(ctx context.Context, book domain.Book) error {
	if err := r.create(book); err != nil {
		return err
	}
	r.hooks.Run(ctx, app.BookChange{New: &book})
	return nil
}

func (r *BookRepository) create(book domain.Book) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.books[book.ID()]; ok {
		return fmt.Errorf("book %s exists: %w", book.ID(), domain.ErrConflict)
	}
	r.books[book.ID()] = book
	return nil
}

// GetBooks implements app.BookBatchReader.
func (r *BookRepository) GetBooks(_ context.Context, ids []domain.BookID) ([]domain.Book, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make([]domain.Book, 0, len(ids))
	for _, id := range ids {
		if b, ok := r.books[id]; ok && !slices.ContainsFunc(out, func(o domain.Book) bool { return o.ID() == id }) {
			out = append(out, b)
		}
	}
	return out, nil
}

// Get implements app.BookRepository.
func (r *BookRepository) Get(_ context.Context, id domain.BookID) (domain.Book, error) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	book, ok := r.books[id]
	if !ok {
		return domain.Book{}, &domain.NotFoundError{Entity: "book", ID: string(id)}
	}
	return book, nil
}

// Update implements app.BookRepository.
func (r *BookRepository) Update(ctx context.Context, id domain.BookID, fn func(*domain.Book) error) (domain.Book, error) {
	old, book, err := r.update(id, fn)
	if err != nil {
		return domain.Book{}, err
	}
	r.hooks.Run(ctx, app.BookChange{Old: &old, New: &book})
	return book, nil
}

func (r *BookRepository) update(id domain.BookID, fn func(*domain.Book) error) (old, book domain.Book, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	old, ok := r.books[id]
	if !ok {
		return domain.Book{}, domain.Book{}, &domain.NotFoundError{Entity: "book", ID: string(id)}
	}
	book = old
	if err := fn(&book); err != nil {
		return domain.Book{}, domain.Book{}, err
	}
	r.books[id] = book
	return old, book, nil
}

// Delete implements app.BookRepository.
func (r *BookRepository) Delete(ctx context.Context, id domain.BookID, expectedVersion int64) (domain.Book, error) {
	book, err := r.delete(id, expectedVersion)
	if err != nil {
		return domain.Book{}, err
	}
	r.hooks.Run(ctx, app.BookChange{Old: &book})
	return book, nil
}

func (r *BookRepository) delete(id domain.BookID, expectedVersion int64) (domain.Book, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	book, ok := r.books[id]
	if !ok {
		return domain.Book{}, &domain.NotFoundError{Entity: "book", ID: string(id)}
	}
	if expectedVersion != 0 {
		if err := book.CheckVersion(expectedVersion); err != nil {
			return domain.Book{}, err
		}
	}
	delete(r.books, id)
	return book, nil
}

// sortKey orders books within a listing. Keys are unique because they end
// with the id.
func sortKey(b domain.Book, sort app.BookSort) string {
	if sort == app.SortTitle {
		return strings.ToLower(b.Title()) + "\x01" + string(b.ID())
	}
	return string(b.ID())
}

// List implements app.BookRepository. Its position token is the sort key of
// the last book returned, so books created or deleted during a walk neither
// shift nor repeat the pages that follow.
func (r *BookRepository) List(_ context.Context, q app.BookListQuery) (app.BookListPage, error) {
	var after string
	if q.After != "" {
		raw, err := base64.RawURLEncoding.DecodeString(q.After)
		if err != nil {
			return app.BookListPage{}, fmt.Errorf("list books: malformed position: %w", domain.ErrInvalid)
		}
		after = string(raw)
	}
	type keyed struct {
		key  string
		book domain.Book
	}
	r.mu.RLock()
	matches := make([]keyed, 0, len(r.books))
	for _, b := range r.books {
		if !q.Category.IsZero() && b.Category() != q.Category {
			continue
		}
		matches = append(matches, keyed{sortKey(b, q.Sort), b})
	}
	r.mu.RUnlock()

	descending := q.Sort != app.SortTitle
	slices.SortFunc(matches, func(a, b keyed) int {
		if descending {
			return cmp.Compare(b.key, a.key)
		}
		return cmp.Compare(a.key, b.key)
	})
	start := 0
	if after != "" {
		start, _ = slices.BinarySearchFunc(matches, after, func(k keyed, target string) int {
			if descending {
				return cmp.Compare(target, k.key)
			}
			return cmp.Compare(k.key, target)
		})
		if start < len(matches) && matches[start].key == after {
			start++
		}
	}
	end := min(start+q.Limit, len(matches))
	page := app.BookListPage{Books: make([]domain.Book, 0, end-start)}
	for _, m := range matches[start:end] {
		page.Books = append(page.Books, m.book)
	}
	if end < len(matches) && end > start {
		page.Next = base64.RawURLEncoding.EncodeToString([]byte(matches[end-1].key))
	}
	return page, nil
}

// withBooksLocked runs fn with the write lock held, so that another memory
// repository (reviews, orders) can change books and its own records in one
// atomic step, as a DynamoDB transaction does. fn may replace entries of
// books; it must not keep the map.
func (r *BookRepository) withBooksLocked(fn func(books map[domain.BookID]domain.Book) error) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return fn(r.books)
}
