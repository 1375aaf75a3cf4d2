// Package bolt keeps the embedded mode's data on disk, in one bbolt file
// (go.etcd.io/bbolt), so that `go run ./cmd/bookshop` keeps its books,
// reviews, orders and idempotency records across restarts. It implements
// app.BookRepository, app.ReviewRepository and app.OrderRepository and
// passes the same contract suites (app/porttest) as the memory and DynamoDB
// adapters.
//
// # Why bbolt
//
// bbolt was chosen over pure-Go SQLite (modernc.org/sqlite) because what the
// ports need is exactly what it offers, and nothing more:
//
//   - Serializable read-write transactions: one writer at a time, readers on
//     consistent snapshots. Each repository write (an update callback, a
//     checkout taking stock from several books, a review changing its book's
//     rating) is ONE bbolt transaction, so the all-or-nothing steps that
//     DynamoDB does with TransactWriteItems need neither retries nor
//     optimistic version checks here, and no SQL schema or mapping layer.
//   - Durability: a commit returns after fsync; a process killed at any
//     moment reopens at its last commit (copy-on-write B+tree with two meta
//     pages).
//   - A file lock (flock) taken by Open, so a second process on the same
//     file is refused instead of corrupting it (Open's ErrLocked).
//   - Hot backups: Tx.WriteTo streams a consistent copy from a read
//     transaction while writers go on (DB.WriteTo).
//   - Pure Go, one small dependency, no cgo: `go run` keeps working
//     everywhere.
//
// What it costs: one fsync per write transaction (writes are serialized and
// bounded by the disk's sync latency, a few milliseconds on common disks),
// and listings are ordered scans of index buckets rather than queries.
//
// # Layout
//
// Values are JSON records (records.go), the only types with storage tags;
// the domain is rebuilt through domain.Restore… so a corrupt record never
// enters it. Buckets (names in db.go):
//
//	meta                 schema version, creation time, named secrets
//	books                book id → book record
//	books_by_title       lower(title) 0x01 id → id
//	books_by_category    category 0x00 id → id
//	books_by_category_title  category 0x00 lower(title) 0x01 id → id
//	reviews              book id 0x00 user id → review record
//	reviews_by_time      book id 0x00 created (fixed width) # user id → user id
//	orders               order id → order record
//	orders_by_user       user id 0x00 order id → order id
//	orders_by_status     status 0x00 order id → order id
//	idempotency          user id 0x00 key → idempotency record
//
// Ids are ULIDs, so the books and orders buckets in key order are creation
// order. Position tokens of listings are the base64 of the last index key
// returned (without its prefix), exactly as adapters/memory issues them.
// Other packages may keep buckets of their own in the same file (the
// embedded identity provider does, see DB.Bolt).
package bolt
