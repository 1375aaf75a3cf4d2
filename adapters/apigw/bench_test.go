package apigw_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/domain"
)

// BenchmarkGetBookHandlerMemory measures GET /api/books/{id} through the
// whole handler (routing, use case, encoding, CORS, a JSON log line to
// io.Discard) over memory adapters. Compare its allocations with
// BenchmarkGetBookBaselineMemory, the bare repository read and
// json.Marshal it is built on.
func BenchmarkGetBookHandlerMemory(b *testing.B) {
	f := newFixtureWith(b, memory.NewBookRepository(), testConfig)
	f.seed(b, dune)
	h, err := apigw.NewHandler(apigw.Services{Catalog: f.catalog}, testConfig, slog.New(slog.NewJSONHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	ev := newEvent(b, "GET", "/api/books/book-0001", header("Origin", "https://shop.example"))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		resp, err := h.Handle(ctx, ev)
		if err != nil || resp.StatusCode != 200 {
			b.Fatal(resp.StatusCode, err)
		}
	}
}

// BenchmarkGetBookBaselineMemory is the floor the handler is measured
// against: read the book from the repository and json.Marshal a plain struct.
func BenchmarkGetBookBaselineMemory(b *testing.B) {
	books := memory.NewBookRepository()
	book, err := domain.NewBook("book-0001", dune, epoch)
	if err != nil {
		b.Fatal(err)
	}
	if err := books.Create(context.Background(), book); err != nil {
		b.Fatal(err)
	}
	type plain struct {
		ID, Title, Author, Category, Description string
		PriceCents                               int64
		Currency                                 string
		Stock                                    int
		CreatedAt, UpdatedAt                     time.Time
		Version                                  int64
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		got, err := books.Get(ctx, "book-0001")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := json.Marshal(&plain{
			ID: string(got.ID()), Title: got.Title(), Author: got.Author(), Category: got.Category().String(),
			Description: got.Description(), PriceCents: got.Price().Cents(), Currency: got.Price().Currency().String(),
			Stock: got.Stock(), CreatedAt: got.CreatedAt(), UpdatedAt: got.UpdatedAt(), Version: got.Version(),
		}); err != nil {
			b.Fatal(err)
		}
	}
}
