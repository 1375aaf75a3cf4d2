package dynamodb

import (
	"context"
	"errors"
	"fmt"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
	"github.com/guregu/dynamo/v2/dynamodbiface"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BookRepository stores books in a DynamoDB table laid out as described in
// table.go. It is safe for concurrent use: writes are conditional, so
// concurrent writers (in this process or others) cannot overwrite each
// other unnoticed.
type BookRepository struct {
	table dynamo.Table
	// name and bookSK are the table's name and the book sort key as GetItem
	// takes them, built once (see get).
	client dynamodbiface.DynamoDBAPI
	name   string
	bookSK types.AttributeValueMemberS
}

var _ app.BookRepository = (*BookRepository)(nil)

// NewBookRepository returns a repository over the table named table, which
// must exist with the layout of TableSpec. Nothing is sent to DynamoDB.
func NewBookRepository(db *dynamo.DB, table TableName) (*BookRepository, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &BookRepository{table: t, client: db.Client(), name: t.Name(), bookSK: types.AttributeValueMemberS{Value: bookSK}}, nil
}

// Create implements app.BookRepository with a put conditioned on the key
// being free.
func (r *BookRepository) Create(ctx context.Context, book domain.Book) error {
	err := r.table.Put(newBookItem(book)).If("attribute_not_exists($)", attrPK).Run(ctx)
	switch {
	case dynamo.IsCondCheckFailed(err):
		return fmt.Errorf("create book %s: id taken: %w", book.ID(), domain.ErrConflict)
	case err != nil:
		return fmt.Errorf("create book %s: %w", book.ID(), err)
	}
	return nil
}

// Get implements app.BookRepository. It reads strongly consistently, so a
// caller sees its own writes.
func (r *BookRepository) Get(ctx context.Context, id domain.BookID) (domain.Book, error) {
	it, err := r.get(ctx, id)
	if err != nil {
		return domain.Book{}, err // get names the book already; the use case adds "get book"
	}
	return it.book()
}

// get reads a book's item strongly consistently. A missing item is a
// *domain.NotFoundError.
//
// It calls GetItem on the SDK client itself and decodes with
// decodeBookItem: this is the hot path of every book page.
func (r *BookRepository) get(ctx context.Context, id domain.BookID) (bookItem, error) {
	out, err := r.client.GetItem(ctx, &awsdynamodb.GetItemInput{
		TableName: &r.name,
		Key: map[string]types.AttributeValue{
			attrPK: &types.AttributeValueMemberS{Value: bookPK(id)},
			attrSK: &r.bookSK,
		},
		ConsistentRead: &consistent,
	})
	switch {
	case err != nil:
		return bookItem{}, fmt.Errorf("read book %s: %w", id, err)
	case out.Item == nil:
		return bookItem{}, notFound(id)
	}
	it, err := decodeBookItem(out.Item)
	if err != nil {
		return bookItem{}, fmt.Errorf("read book %s: %w", id, err)
	}
	return it, nil
}

// consistent is the ConsistentRead of every read of a book.
var consistent = true

func notFound(id domain.BookID) error {
	return &domain.NotFoundError{Entity: "book", ID: string(id)}
}

// Update implements app.BookRepository: it reads the book, runs fn and puts
// the result on condition that the stored version is still the one read.
// When the condition fails it starts over under the package's retry policy
// (see untilWon), at most MaxWriteAttempts times in all.
func (r *BookRepository) Update(ctx context.Context, id domain.BookID, fn func(*domain.Book) error) (domain.Book, error) {
	var book domain.Book
	err := untilWon(ctx, "update book "+string(id), func() (err error) {
		book, err = r.tryUpdate(ctx, id, fn)
		return err
	})
	return book, err
}

// tryUpdate is one attempt of Update. Errors of fn are returned unchanged.
func (r *BookRepository) tryUpdate(ctx context.Context, id domain.BookID, fn func(*domain.Book) error) (domain.Book, error) {
	it, err := r.get(ctx, id)
	if err != nil {
		return domain.Book{}, fmt.Errorf("update book: %w", err)
	}
	book, err := it.book()
	if err != nil {
		return domain.Book{}, fmt.Errorf("update book: %w", err)
	}
	if err := fn(&book); err != nil {
		return domain.Book{}, err
	}
	if book.ID() != id {
		return domain.Book{}, fmt.Errorf("update book %s: callback changed the id to %s", id, book.ID())
	}
	ratingCond, ratingArgs := it.ratingUnchanged()
	err = r.table.Put(newBookItem(book)).If("$ = ?", attrVersion, it.Version).If(ratingCond, ratingArgs...).Run(ctx)
	switch {
	case dynamo.IsCondCheckFailed(err):
		return domain.Book{}, errLostRace
	case err != nil:
		return domain.Book{}, fmt.Errorf("update book %s: %w", id, err)
	}
	return book, nil
}

// Delete implements app.BookRepository with a delete conditioned on the
// book existing (and, when expectedVersion is not 0, being at that
// version), returning the deleted item. When the condition fails, a
// consistent read tells a missing book from one at another version.
func (r *BookRepository) Delete(ctx context.Context, id domain.BookID, expectedVersion int64) (domain.Book, error) {
	del := r.table.Delete(attrPK, bookPK(id)).Range(attrSK, bookSK).If("attribute_exists($)", attrPK)
	if expectedVersion != 0 {
		del.If("$ = ?", attrVersion, expectedVersion)
	}
	var old bookItem
	err := del.OldValue(ctx, &old)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return domain.Book{}, fmt.Errorf("delete book: %w", notFound(id))
	case dynamo.IsCondCheckFailed(err):
		return domain.Book{}, fmt.Errorf("delete book: %w", r.whyNotDeleted(ctx, id, expectedVersion))
	case err != nil:
		return domain.Book{}, fmt.Errorf("delete book %s: %w", id, err)
	}
	return old.book()
}

// whyNotDeleted explains a failed delete condition: the book is missing, or
// it is at another version than expected.
func (r *BookRepository) whyNotDeleted(ctx context.Context, id domain.BookID, expected int64) error {
	if expected == 0 {
		return notFound(id)
	}
	it, err := r.get(ctx, id)
	if err != nil {
		return err
	}
	if it.Version == expected {
		// Deleted and re-created at the same version in between: the book
		// the caller meant is gone.
		return fmt.Errorf("book %s changed concurrently: %w", id, domain.ErrVersionConflict)
	}
	return &domain.VersionConflictError{Entity: "book", ID: string(id), Expected: expected, Actual: it.Version}
}

// listing is the index query that serves a BookListQuery.
type listing struct {
	index     string
	hashAttr  string
	hashValue string
	rangeAttr string
	order     dynamo.Order
	// after is the comparison that selects the sort keys following a
	// position.
	after dynamo.Operator
	// sortKey returns an item's sort key in the index.
	sortKey func(bookItem) string
}

// listingFor picks the index and direction for q.
func listingFor(q app.BookListQuery) (listing, error) {
	byCategory := !q.Category.IsZero()
	l := listing{hashAttr: attrEntity, hashValue: bookEntity}
	if byCategory {
		l.hashAttr, l.hashValue = attrCategory, q.Category.String()
	}
	switch q.Sort {
	case app.SortNewest:
		l.index = indexAllNewest
		if byCategory {
			l.index = indexCategoryNewest
		}
		l.rangeAttr, l.order, l.after = attrID, dynamo.Descending, dynamo.Less
		l.sortKey = func(it bookItem) string { return it.ID }
	case app.SortTitle:
		l.index = indexAllTitle
		if byCategory {
			l.index = indexCategoryTitle
		}
		l.rangeAttr, l.order, l.after = attrTitleKey, dynamo.Ascending, dynamo.Greater
		l.sortKey = func(it bookItem) string { return it.TitleKey }
	default:
		return listing{}, fmt.Errorf("unknown sort %q: %w", q.Sort, domain.ErrInvalid)
	}
	return l, nil
}

// List implements app.BookRepository with one Query on a listing index (see
// table.go). It asks for q.Limit+1 items: the extra one only tells whether a
// page follows, so the last page has no Next and there is never an empty
// trailing page. Index reads are eventually consistent: a book written a
// moment ago may be missing from a listing for a short while.
func (r *BookRepository) List(ctx context.Context, q app.BookListQuery) (app.BookListPage, error) {
	if q.Limit < 1 || q.Limit > app.MaxPageSize {
		return app.BookListPage{}, fmt.Errorf("list books: limit %d not in 1..%d: %w", q.Limit, app.MaxPageSize, domain.ErrInvalid)
	}
	l, err := listingFor(q)
	if err != nil {
		return app.BookListPage{}, fmt.Errorf("list books: %w", err)
	}
	after, err := decodePosition(q.After, q.Sort)
	if err != nil {
		return app.BookListPage{}, fmt.Errorf("list books: %w", err)
	}
	query := r.table.Get(l.hashAttr, l.hashValue).Index(l.index).Order(l.order).Limit(q.Limit + 1)
	if after != "" {
		query.Range(l.rangeAttr, l.after, after)
	}
	var items []bookItem
	if err := query.All(ctx, &items); err != nil {
		return app.BookListPage{}, fmt.Errorf("list books on index %s: %w", l.index, err)
	}
	more := len(items) > q.Limit
	items = items[:min(len(items), q.Limit)]
	page := app.BookListPage{Books: make([]domain.Book, 0, len(items))}
	for _, it := range items {
		b, err := it.book()
		if err != nil {
			return app.BookListPage{}, fmt.Errorf("list books: %w", err)
		}
		page.Books = append(page.Books, b)
	}
	if more {
		page.Next = encodePosition(l.sortKey(items[len(items)-1]))
	}
	return page, nil
}

var _ app.BookBatchReader = (*BookRepository)(nil)

// GetBooks implements app.BookBatchReader with BatchGetItem (100 keys per
// request, eventually consistent reads). Missing books are left out.
func (r *BookRepository) GetBooks(ctx context.Context, ids []domain.BookID) ([]domain.Book, error) {
	var keys []dynamo.Keyed
	seen := make(map[domain.BookID]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			keys = append(keys, dynamo.Keys{bookPK(id), bookSK})
		}
	}
	if len(keys) == 0 {
		return []domain.Book{}, nil
	}
	var items []bookItem
	err := r.table.Batch(attrPK, attrSK).Get(keys...).All(ctx, &items)
	if err != nil && !errors.Is(err, dynamo.ErrNotFound) {
		return nil, fmt.Errorf("read %d books: %w", len(keys), err)
	}
	out := make([]domain.Book, 0, len(items))
	for _, it := range items {
		b, err := it.book()
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}
