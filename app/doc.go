// Package app holds Bookshop's use cases. It declares, as interfaces, every
// port it consumes; adapters implement them. It depends only on the domain
// and the standard library.
//
// # Use cases
//
// Catalog (catalog.go), Reviews (reviews.go), Orders (orders.go), Auth
// (auth.go), Thumbnails (thumbnails.go), OrderNotifications
// (notifications.go), Discovery (discovery.go: search, best sellers,
// also-bought; the query language in search_text.go), the Projector
// (projector.go) that keeps discovery's projections current and the
// CoverCleanup beside it that removes deleted books' objects. Inbound
// adapters call them with a Principal in the context (principal.go,
// authorize.go).
//
// # Ports
//
// Each port is declared, with the types and errors of its contract, in a
// file named ports_<area>.go:
//
//   - BookRepository (ports_books.go): books, their listing queries and pages.
//   - ObjectStore (ports_objects.go): cover images, presigned requests,
//     ObjectTooLargeError.
//   - OrderRepository (ports_orders.go): orders and the idempotency records
//     of checkouts, ErrIdempotencyKeyTaken, ErrCatalogChanged.
//   - ReviewRepository (ports_reviews.go): reviews and their books' ratings.
//   - IdentityProvider (ports_identity.go): accounts and tokens.
//   - Notifier (ports_notifications.go): order notifications.
//   - ThumbnailRenderer (ports_thumbnails.go): thumbnail sizes,
//     CoverImageError.
//   - SearchIndex, SalesLedger and the optional BookBatchReader
//     (ports_discovery.go): discovery's projections and batch reads.
//   - Clock and IDGenerator (ports_system.go): time and new ids.
//
// Every port may also fail with ErrUnavailable (ports_errors.go): a
// dependency did not answer, and the request may be retried.
//
// Contract suites for the ports are in package app/porttest; shared test
// doubles for Clock and IDGenerator in package app/apptest.
package app
