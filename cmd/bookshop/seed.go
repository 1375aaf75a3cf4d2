package main

import (
	"context"
	"fmt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// seedBooks is the catalog the embedded mode starts with.
var seedBooks = []domain.BookDetails{
	{Title: "The Left Hand of Darkness", Author: "Ursula K. Le Guin", Category: "science-fiction", PriceCents: 1599, Stock: 12,
		Description: "An envoy visits Gethen, a world whose people have no fixed sex."},
	{Title: "Dune", Author: "Frank Herbert", Category: "science-fiction", PriceCents: 1899, Stock: 20,
		Description: "Politics, ecology and prophecy on the desert planet Arrakis."},
	{Title: "Pride and Prejudice", Author: "Jane Austen", Category: "classics", PriceCents: 999, Stock: 8,
		Description: "Elizabeth Bennet and Mr Darcy misjudge each other."},
	{Title: "Middlemarch", Author: "George Eliot", Category: "classics", PriceCents: 1299, Stock: 5,
		Description: "A study of provincial life."},
	{Title: "The Pragmatic Programmer", Author: "David Thomas, Andrew Hunt", Category: "computing", PriceCents: 4499, Stock: 3,
		Description: "From journeyman to master."},
	{Title: "Structure and Interpretation of Computer Programs", Author: "Harold Abelson, Gerald Jay Sussman", Category: "computing",
		PriceCents: 5500, Stock: 2, Description: "The wizard book."},
}

// seed creates the seed books through the catalog use cases, so they obey
// every rule a client's books do, acting as the shop itself (app.AsSystem):
// no administrator has signed in yet.
func seed(ctx context.Context, catalog *app.Catalog) error {
	ctx = app.AsSystem(ctx)
	for _, d := range seedBooks {
		if _, err := catalog.CreateBook(ctx, d); err != nil {
			return fmt.Errorf("seed %q: %w", d.Title, err)
		}
	}
	return nil
}
