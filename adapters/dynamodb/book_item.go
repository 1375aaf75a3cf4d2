package dynamodb

import (
	"fmt"
	"strings"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// bookItem is a book as stored in the table (see table.go for the layout).
// It is the only type with storage tags; the domain's Book has none.
type bookItem struct {
	PK       string `dynamo:"pk"`
	SK       string `dynamo:"sk"`
	Entity   string `dynamo:"entity"`
	ID       string `dynamo:"id"`
	Category string `dynamo:"category"`
	TitleKey string `dynamo:"title_key"`

	Title          string `dynamo:"title"`
	Author         string `dynamo:"author"`
	Description    string `dynamo:"description,omitempty"`
	PriceCents     int64  `dynamo:"price_cents"`
	Currency       string `dynamo:"currency"`
	Stock          int    `dynamo:"stock"`
	CoverKey       string `dynamo:"cover_key,omitempty"`
	ThumbnailKey   string `dynamo:"thumbnail_key,omitempty"`
	Thumbnail2xKey string `dynamo:"thumbnail_2x_key,omitempty"`
	// CreatedAt and UpdatedAt are RFC 3339 with nanoseconds, in UTC.
	CreatedAt string `dynamo:"created_at"`
	UpdatedAt string `dynamo:"updated_at"`
	Version   int64  `dynamo:"version"`
	// RatingSum and RatingCount are the rating totals, changed by review
	// transactions with ADD (see table.go). Absent means 0, and a book
	// without reviews is stored without them.
	RatingSum   int64 `dynamo:"rating_sum,omitempty"`
	RatingCount int64 `dynamo:"rating_count,omitempty"`
}

// bookPK returns the partition key of the book with the given id.
func bookPK(id domain.BookID) string { return bookPKPrefix + string(id) }

// titleKey returns the title_key of a book: see table.go.
func titleKey(title string, id domain.BookID) string {
	return strings.ToLower(title) + titleKeySeparator + string(id)
}

// newBookItem converts a book for storage.
func newBookItem(b domain.Book) bookItem {
	s := b.Snapshot()
	return bookItem{
		PK:             bookPK(s.ID),
		SK:             bookSK,
		Entity:         bookEntity,
		ID:             string(s.ID),
		Category:       s.Details.Category,
		TitleKey:       titleKey(s.Details.Title, s.ID),
		Title:          s.Details.Title,
		Author:         s.Details.Author,
		Description:    s.Details.Description,
		PriceCents:     s.Details.PriceCents,
		Currency:       s.Details.Currency,
		Stock:          s.Details.Stock,
		CoverKey:       s.Cover.OriginalKey,
		ThumbnailKey:   s.Cover.ThumbnailKey,
		Thumbnail2xKey: s.Cover.Thumbnail2xKey,
		CreatedAt:      s.CreatedAt.UTC().Format(time.RFC3339Nano),
		UpdatedAt:      s.UpdatedAt.UTC().Format(time.RFC3339Nano),
		Version:        s.Version,
		RatingSum:      s.RatingSum,
		RatingCount:    s.RatingCount,
	}
}

// ratingUnchanged is the condition, with its arguments, that the item's
// rating totals are still the ones in it: a full-item put of the book must
// not overwrite a rating change made since the item was read (table.go).
func (it bookItem) ratingUnchanged() (string, []any) {
	return "(attribute_not_exists($) OR $ = ?) AND (attribute_not_exists($) OR $ = ?)",
		[]any{attrRatingSum, attrRatingSum, it.RatingSum, attrRatingCount, attrRatingCount, it.RatingCount}
}

// book rebuilds the domain book through domain.RestoreBook. A record that
// does not parse or validate is reported as a storage failure: its
// validation error is kept in the message but deliberately not in the chain,
// because a corrupt record is not the caller's invalid input
// (domain.ErrInvalid would surface as a client error).
func (it bookItem) book() (domain.Book, error) {
	created, err1 := time.Parse(time.RFC3339Nano, it.CreatedAt)
	updated, err2 := time.Parse(time.RFC3339Nano, it.UpdatedAt)
	if err1 != nil || err2 != nil {
		return domain.Book{}, fmt.Errorf("stored book %q has malformed timestamps %q, %q", it.ID, it.CreatedAt, it.UpdatedAt)
	}
	b, err := domain.RestoreBook(domain.BookSnapshot{
		ID: domain.BookID(it.ID),
		Details: domain.BookDetails{
			Title: it.Title, Author: it.Author, Category: it.Category, Description: it.Description,
			PriceCents: it.PriceCents, Currency: it.Currency, Stock: it.Stock,
		},
		Cover:       domain.Cover{OriginalKey: it.CoverKey, ThumbnailKey: it.ThumbnailKey, Thumbnail2xKey: it.Thumbnail2xKey},
		CreatedAt:   created,
		UpdatedAt:   updated,
		Version:     it.Version,
		RatingSum:   it.RatingSum,
		RatingCount: it.RatingCount,
	})
	if err != nil {
		return domain.Book{}, fmt.Errorf("stored book %q is corrupt: %v", it.ID, err)
	}
	return b, nil
}
