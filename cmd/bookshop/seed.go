package main

import (
	"context"
	"fmt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/internal/seed"
)

// seedCatalog creates the seed books (cmd/internal/seed, the same as the
// local stack's) through the catalog use cases, so they obey every rule a
// client's books do, and uploads each one's generated cover, which makes its
// thumbnails as any upload does. It acts as the shop itself (app.AsSystem):
// no administrator has signed in yet.
func seedCatalog(ctx context.Context, catalog *app.Catalog) error {
	ctx = app.AsSystem(ctx)
	for i, b := range seed.Books {
		book, err := catalog.CreateBook(ctx, b.Details())
		if err != nil {
			return fmt.Errorf("seed %q: %w", b.Title, err)
		}
		if _, err := catalog.UploadCover(ctx, book.ID(), "image/jpeg", b.CoverJPEG(i)); err != nil {
			return fmt.Errorf("seed cover of %q: %w", b.Title, err)
		}
	}
	return nil
}
