package bolt

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// bookRecord is a book as stored in the books bucket. It and its siblings
// are the only types with storage tags; the domain's have none.
type bookRecord struct {
	ID             string    `json:"id"`
	Title          string    `json:"title"`
	Author         string    `json:"author"`
	Category       string    `json:"category"`
	Description    string    `json:"description,omitempty"`
	PriceCents     int64     `json:"price_cents"`
	Currency       string    `json:"currency"`
	Stock          int       `json:"stock"`
	CoverKey       string    `json:"cover_key,omitempty"`
	ThumbnailKey   string    `json:"thumbnail_key,omitempty"`
	Thumbnail2xKey string    `json:"thumbnail_2x_key,omitempty"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
	Version        int64     `json:"version"`
	RatingSum      int64     `json:"rating_sum,omitempty"`
	RatingCount    int64     `json:"rating_count,omitempty"`
}

func encodeBook(b domain.Book) ([]byte, error) {
	s := b.Snapshot()
	return json.Marshal(bookRecord{
		ID: string(s.ID), Title: s.Details.Title, Author: s.Details.Author, Category: s.Details.Category,
		Description: s.Details.Description, PriceCents: s.Details.PriceCents, Currency: s.Details.Currency,
		Stock: s.Details.Stock, CoverKey: s.Cover.OriginalKey, ThumbnailKey: s.Cover.ThumbnailKey,
		Thumbnail2xKey: s.Cover.Thumbnail2xKey, CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(),
		Version: s.Version, RatingSum: s.RatingSum, RatingCount: s.RatingCount,
	})
}

// decodeBook rebuilds a stored book through domain.RestoreBook. A record
// that does not parse or validate is a storage failure: its validation error
// is kept in the message but not in the chain, because a corrupt record is
// not the caller's invalid input (as in adapters/dynamodb).
func decodeBook(raw []byte) (domain.Book, error) {
	var r bookRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return domain.Book{}, fmt.Errorf("stored book is not JSON: %v", err)
	}
	b, err := domain.RestoreBook(domain.BookSnapshot{
		ID: domain.BookID(r.ID),
		Details: domain.BookDetails{
			Title: r.Title, Author: r.Author, Category: r.Category, Description: r.Description,
			PriceCents: r.PriceCents, Currency: r.Currency, Stock: r.Stock,
		},
		Cover:     domain.Cover{OriginalKey: r.CoverKey, ThumbnailKey: r.ThumbnailKey, Thumbnail2xKey: r.Thumbnail2xKey},
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version,
		RatingSum: r.RatingSum, RatingCount: r.RatingCount,
	})
	if err != nil {
		return domain.Book{}, fmt.Errorf("stored book %q is corrupt: %v", r.ID, err)
	}
	return b, nil
}

// reviewRecord is a review as stored in the reviews bucket.
type reviewRecord struct {
	BookID    string    `json:"book_id"`
	UserID    string    `json:"user_id"`
	Reviewer  string    `json:"reviewer"`
	Stars     int       `json:"stars"`
	Text      string    `json:"text,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int64     `json:"version"`
}

func encodeReview(r domain.Review) ([]byte, error) {
	s := r.Snapshot()
	return json.Marshal(reviewRecord{
		BookID: string(s.BookID), UserID: string(s.UserID), Reviewer: s.Author, Stars: s.Rating, Text: s.Text,
		CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(), Version: s.Version,
	})
}

// decodeReview rebuilds a stored review through domain.RestoreReview; like
// decodeBook, a corrupt record is a storage failure.
func decodeReview(raw []byte) (domain.Review, error) {
	var r reviewRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return domain.Review{}, fmt.Errorf("stored review is not JSON: %v", err)
	}
	rv, err := domain.RestoreReview(domain.ReviewSnapshot{
		BookID: domain.BookID(r.BookID), UserID: domain.UserID(r.UserID), Author: r.Reviewer,
		Rating: r.Stars, Text: r.Text, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version,
	})
	if err != nil {
		return domain.Review{}, fmt.Errorf("stored review %q/%q is corrupt: %v", r.BookID, r.UserID, err)
	}
	return rv, nil
}

// orderRecord is an order as stored in the orders bucket.
type orderRecord struct {
	ID            string            `json:"id"`
	UserID        string            `json:"user_id"`
	Status        string            `json:"status"`
	Lines         []orderLineRecord `json:"lines"`
	Currency      string            `json:"currency"`
	SubtotalCents int64             `json:"subtotal_cents"`
	ShippingCents int64             `json:"shipping_cents"`
	TotalCents    int64             `json:"total_cents"`
	CreatedAt     time.Time         `json:"created_at"`
	UpdatedAt     time.Time         `json:"updated_at"`
	Version       int64             `json:"version"`
}

// orderLineRecord is one line of an orderRecord; the currency is the
// order's.
type orderLineRecord struct {
	BookID         string `json:"book_id"`
	Title          string `json:"title"`
	UnitPriceCents int64  `json:"unit_price_cents"`
	Qty            int    `json:"qty"`
}

func encodeOrder(o domain.Order) ([]byte, error) {
	s := o.Snapshot()
	lines := make([]orderLineRecord, len(s.Lines))
	for i, l := range s.Lines {
		lines[i] = orderLineRecord{BookID: string(l.BookID), Title: l.Title, UnitPriceCents: l.UnitPrice.Cents(), Qty: l.Qty}
	}
	return json.Marshal(orderRecord{
		ID: string(s.ID), UserID: s.UserID, Status: s.Status.String(), Lines: lines,
		Currency: s.Total.Currency().String(), SubtotalCents: s.Subtotal.Cents(), ShippingCents: s.Shipping.Cents(),
		TotalCents: s.Total.Cents(), CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC(), Version: s.Version,
	})
}

// decodeOrder rebuilds a stored order through domain.RestoreOrder; like
// decodeBook, a corrupt record is a storage failure.
func decodeOrder(raw []byte) (domain.Order, error) {
	var r orderRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return domain.Order{}, fmt.Errorf("stored order is not JSON: %v", err)
	}
	currency, okCurrency := domain.ParseCurrency(r.Currency)
	status, okStatus := domain.ParseOrderStatus(r.Status)
	if !okCurrency || !okStatus {
		return domain.Order{}, fmt.Errorf("stored order %q has a malformed currency or status", r.ID)
	}
	lines := make([]domain.OrderLine, len(r.Lines))
	for i, l := range r.Lines {
		lines[i] = domain.OrderLine{BookID: domain.BookID(l.BookID), Title: l.Title, UnitPrice: domain.NewMoney(l.UnitPriceCents, currency), Qty: l.Qty}
	}
	o, err := domain.RestoreOrder(domain.OrderSnapshot{
		ID: domain.OrderID(r.ID), UserID: r.UserID, Lines: lines,
		Subtotal: domain.NewMoney(r.SubtotalCents, currency), Shipping: domain.NewMoney(r.ShippingCents, currency),
		Total: domain.NewMoney(r.TotalCents, currency), Status: status,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Version: r.Version,
	})
	if err != nil {
		return domain.Order{}, fmt.Errorf("stored order %q is corrupt: %v", r.ID, err)
	}
	return o, nil
}

// idempotencyRecord remembers a checkout's Idempotency-Key.
type idempotencyRecord struct {
	UserID      string    `json:"user_id"`
	Key         string    `json:"key"`
	RequestHash string    `json:"request_hash"`
	OrderID     string    `json:"order_id"`
	ExpiresAt   time.Time `json:"expires_at"`
}

func encodeIdempotency(r app.IdempotencyRecord) ([]byte, error) {
	return json.Marshal(idempotencyRecord{
		UserID: r.UserID, Key: r.Key, RequestHash: r.RequestHash, OrderID: string(r.OrderID), ExpiresAt: r.ExpiresAt.UTC(),
	})
}

func decodeIdempotency(raw []byte) (app.IdempotencyRecord, error) {
	var r idempotencyRecord
	if err := json.Unmarshal(raw, &r); err != nil {
		return app.IdempotencyRecord{}, fmt.Errorf("stored idempotency record is not JSON: %v", err)
	}
	return app.IdempotencyRecord{
		UserID: r.UserID, Key: r.Key, RequestHash: r.RequestHash, OrderID: domain.OrderID(r.OrderID), ExpiresAt: r.ExpiresAt,
	}, nil
}
