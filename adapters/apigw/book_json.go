package apigw

import (
	"time"

	"github.com/bookshop/bookshop/domain"
)

// bookJSON is the API representation of a book. It is encoded with
// encoding/json from plain fields, which keeps the read path cheap.
type bookJSON struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Author      string `json:"author"`
	Category    string `json:"category"`
	Description string `json:"description"`
	PriceCents  int64  `json:"priceCents"`
	Currency    string `json:"currency"`
	Stock       int    `json:"stock"`
	// Cover is absent while the book has no cover.
	Cover *coverJSON `json:"cover,omitempty"`
	// CreatedAt and UpdatedAt are RFC 3339 with nanoseconds, as
	// time.Time encodes itself (see bookTimes).
	CreatedAt string `json:"createdAt"`
	UpdatedAt string `json:"updatedAt"`
	Version   int64  `json:"version"`
	// Rating summarizes the book's reviews; it changes without a new
	// version (see domain.Book).
	Rating ratingJSON `json:"rating"`
}

// coverJSON holds the public URLs of a book's cover. Thumbnail URLs are
// absent until the thumbnails have been made.
type coverJSON struct {
	URL            string `json:"url"`
	ThumbnailURL   string `json:"thumbnailUrl,omitempty"`
	Thumbnail2xURL string `json:"thumbnail2xUrl,omitempty"`
}

// bookPageJSON is one page of a listing. NextCursor is null on the last page.
type bookPageJSON struct {
	Items      []bookJSON `json:"items"`
	NextCursor *string    `json:"nextCursor"`
}

// bookRequest is the body of POST /api/books and PUT /api/books/{id}. PUT
// replaces every field: an omitted description or currency is reset to
// empty and the default currency.
type bookRequest struct {
	Title       string `json:"title" apigw:"required"`
	Author      string `json:"author" apigw:"required"`
	Category    string `json:"category" apigw:"required"`
	Description string `json:"description"`
	PriceCents  int64  `json:"priceCents" apigw:"required"`
	Currency    string `json:"currency"`
	Stock       int    `json:"stock" apigw:"required"`
}

var bookRequestSchema = schemaOf[bookRequest]()

func (r bookRequest) details() domain.BookDetails {
	return domain.BookDetails{
		Title: r.Title, Author: r.Author, Category: r.Category, Description: r.Description,
		PriceCents: r.PriceCents, Currency: r.Currency, Stock: r.Stock,
	}
}

// bookJSON converts a book. Cover URLs are the stable public addresses of
// the cover objects (see Config.AssetBaseURL); thumbnails are absent until
// they have been made.
func (h *Handler) bookJSON(b domain.Book) bookJSON {
	out := bookJSON{
		ID: string(b.ID()), Title: b.Title(), Author: b.Author(), Category: b.Category().String(),
		Description: b.Description(), PriceCents: b.Price().Cents(), Currency: b.Price().Currency().String(),
		Stock: b.Stock(), Version: b.Version(), Rating: newRatingJSON(b.Rating()),
	}
	out.CreatedAt, out.UpdatedAt = bookTimes(b.CreatedAt(), b.UpdatedAt())
	if c := b.Cover(); !c.IsZero() {
		out.Cover = &coverJSON{URL: h.assetURL(c.OriginalKey), ThumbnailURL: h.assetURL(c.ThumbnailKey), Thumbnail2xURL: h.assetURL(c.Thumbnail2xKey)}
	}
	return out
}

// assetURL is the public URL of the object at key, or "" for no key.
func (h *Handler) assetURL(key string) string {
	if key == "" {
		return ""
	}
	return h.assetBaseURL + "/" + key
}

// bookTimes formats a book's two times as time.Time's MarshalJSON does
// (RFC 3339 with nanoseconds; a book's times lie within years 0–9999), in
// one allocation for both: every book read encodes them.
func bookTimes(created, updated time.Time) (string, string) {
	var buf [2 * len(time.RFC3339Nano)]byte
	b := created.AppendFormat(buf[:0], time.RFC3339Nano)
	n := len(b)
	s := string(updated.AppendFormat(b, time.RFC3339Nano))
	return s[:n], s[n:]
}
