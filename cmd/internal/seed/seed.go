// Package seed holds the catalog a new shop starts with and the covers drawn
// for it. It is the one source of seed data for the embedded mode
// (cmd/bookshop, through the use cases) and the local stack (cmd/localinit,
// through the API), so both shops look the same.
package seed

import "github.com/bookshop/bookshop/domain"

// Book is a seed book as the API's POST /api/books accepts it. Category is a
// display name ("Science Fiction"); the catalog stores its slug.
type Book struct {
	Title       string `json:"title"`
	Author      string `json:"author"`
	Category    string `json:"category"`
	Description string `json:"description"`
	PriceCents  int64  `json:"priceCents"`
	Stock       int    `json:"stock"`
}

// Details returns the book as the catalog use cases take it.
func (b Book) Details() domain.BookDetails {
	return domain.BookDetails{
		Title: b.Title, Author: b.Author, Category: b.Category, Description: b.Description,
		PriceCents: b.PriceCents, Stock: b.Stock,
	}
}

// Books is the seed catalog, in creation order. It holds more books than
// the storefront's first page, so "Load more" has something to load.
var Books = []Book{
	{Title: "The Left Hand of Darkness", Author: "Ursula K. Le Guin", Category: "Science Fiction", PriceCents: 1599, Stock: 12,
		Description: "An envoy visits Gethen, a world whose people have no fixed sex."},
	{Title: "Dune", Author: "Frank Herbert", Category: "Science Fiction", PriceCents: 1899, Stock: 20,
		Description: "Politics, ecology and prophecy on the desert planet Arrakis."},
	{Title: "Kindred", Author: "Octavia E. Butler", Category: "Science Fiction", PriceCents: 1499, Stock: 4,
		Description: "A writer in 1976 Los Angeles is pulled back in time to an antebellum plantation."},
	{Title: "Pride and Prejudice", Author: "Jane Austen", Category: "Classics", PriceCents: 999, Stock: 8,
		Description: "Elizabeth Bennet and Mr Darcy misjudge each other."},
	{Title: "Middlemarch", Author: "George Eliot", Category: "Classics", PriceCents: 1299, Stock: 5,
		Description: "A study of provincial life."},
	{Title: "Wuthering Heights", Author: "Emily Brontë", Category: "Classics", PriceCents: 899, Stock: 7,
		Description: "Love and revenge on the Yorkshire moors."},
	{Title: "Things Fall Apart", Author: "Chinua Achebe", Category: "Classics", PriceCents: 1099, Stock: 6,
		Description: "Okonkwo's Igbo village meets colonial rule and missionaries."},
	{Title: "The Pragmatic Programmer", Author: "David Thomas, Andrew Hunt", Category: "Computing", PriceCents: 4499, Stock: 3,
		Description: "From journeyman to master."},
	{Title: "Structure and Interpretation of Computer Programs", Author: "Harold Abelson, Gerald Jay Sussman", Category: "Computing",
		PriceCents: 5500, Stock: 2, Description: "The wizard book."},
	{Title: "The Go Programming Language", Author: "Alan A. A. Donovan, Brian W. Kernighan", Category: "Computing", PriceCents: 3999, Stock: 9,
		Description: "The language from its syntax to its concurrency model, by example."},
	{Title: "Designing Data-Intensive Applications", Author: "Martin Kleppmann", Category: "Computing", PriceCents: 4799, Stock: 1,
		Description: "Reliable, scalable and maintainable systems, from storage engines to stream processing."},
	{Title: "A Brief History of Time", Author: "Stephen Hawking", Category: "Science", PriceCents: 1299, Stock: 10,
		Description: "From the Big Bang to black holes, for readers without equations."},
	{Title: "The Selfish Gene", Author: "Richard Dawkins", Category: "Science", PriceCents: 1199, Stock: 0,
		Description: "Evolution seen from the gene's point of view."},
	{Title: "Cien años de soledad", Author: "Gabriel García Márquez", Category: "Fiction", PriceCents: 1399, Stock: 11,
		Description: "Seven generations of the Buendía family in Macondo."},
}
