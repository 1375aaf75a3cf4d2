package bolt

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"time"

	"go.etcd.io/bbolt"
)

// schemaVersion is the layout of the buckets (doc.go). A file of another
// version is refused rather than misread.
const schemaVersion = "1"

// Bucket names (see doc.go).
var (
	bucketMeta                 = []byte("meta")
	bucketBooks                = []byte("books")
	bucketBooksByTitle         = []byte("books_by_title")
	bucketBooksByCategory      = []byte("books_by_category")
	bucketBooksByCategoryTitle = []byte("books_by_category_title")
	bucketReviews              = []byte("reviews")
	bucketReviewsByTime        = []byte("reviews_by_time")
	bucketOrders               = []byte("orders")
	bucketOrdersByUser         = []byte("orders_by_user")
	bucketOrdersByStatus       = []byte("orders_by_status")
	bucketIdempotency          = []byte("idempotency")
	bucketProfiles             = []byte("profiles")
	bucketAttempts             = []byte("attempts")

	allBuckets = [][]byte{
		bucketMeta, bucketBooks, bucketBooksByTitle, bucketBooksByCategory, bucketBooksByCategoryTitle,
		bucketReviews, bucketReviewsByTime, bucketOrders, bucketOrdersByUser, bucketOrdersByStatus, bucketIdempotency, bucketProfiles, bucketAttempts,
	}
)

// Keys of the meta bucket.
var (
	metaSchema    = []byte("schema")
	metaCreatedAt = []byte("created_at")
	metaSecret    = "secret."
)

// ErrLocked is reported by Open when another process holds the file.
var ErrLocked = errors.New("the database file is in use by another process")

// DB is an open bbolt file holding the shop's data. Its repositories share
// it; close it after them. It is safe for concurrent use.
type DB struct {
	bolt    *bbolt.DB
	path    string
	created bool
}

// Open opens (creating it if needed, mode 0600) the database file at path
// and takes its file lock, waiting at most lockTimeout for another process
// to release it; then it wraps ErrLocked and names the file. A file of
// another schema version is refused.
func Open(path string, lockTimeout time.Duration) (*DB, error) {
	if path == "" {
		return nil, errors.New("bolt.Open: empty path")
	}
	if lockTimeout <= 0 {
		return nil, errors.New("bolt.Open: lock timeout must be positive (0 waits forever)")
	}
	b, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: lockTimeout})
	if errors.Is(err, bbolt.ErrTimeout) {
		return nil, fmt.Errorf("open %s: %w (waited %s for its lock)", path, ErrLocked, lockTimeout)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db := &DB{bolt: b, path: path}
	err = b.Update(func(tx *bbolt.Tx) error {
		db.created = tx.Bucket(bucketMeta) == nil
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if db.created {
			if err := meta.Put(metaSchema, []byte(schemaVersion)); err != nil {
				return err
			}
			return meta.Put(metaCreatedAt, []byte(time.Now().UTC().Format(time.RFC3339)))
		}
		if v := string(meta.Get(metaSchema)); v != schemaVersion {
			return fmt.Errorf("schema version %q, this program reads %q", v, schemaVersion)
		}
		return nil
	})
	if err != nil {
		_ = b.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// Close releases the file and its lock.
func (db *DB) Close() error { return db.bolt.Close() }

// Path is the database file's path.
func (db *DB) Path() string { return db.path }

// Created reports whether Open created the store: the file was new (or
// empty), so nothing has been stored in it before this process.
func (db *DB) Created() bool { return db.created }

// Bolt returns the underlying bbolt handle, for adapters that keep buckets
// of their own in the same file (their names must not clash with doc.go's).
func (db *DB) Bolt() *bbolt.DB { return db.bolt }

// Secret returns the random secret of the given name and size, made and
// stored on first use, so that what it signs (cursors, object URLs) stays
// valid across restarts.
func (db *DB) Secret(ctx context.Context, name string, size int) ([]byte, error) {
	if size < 16 {
		return nil, errors.New("bolt: a secret has at least 16 bytes")
	}
	key := []byte(metaSecret + name)
	var secret []byte
	err := update(ctx, db, func(tx *bbolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(key); len(v) == size {
			secret = append([]byte(nil), v...)
			return nil
		}
		secret = make([]byte, size)
		if _, err := rand.Read(secret); err != nil {
			return err
		}
		return meta.Put(key, secret)
	})
	if err != nil {
		return nil, fmt.Errorf("secret %q: %w", name, err)
	}
	return secret, nil
}

// WriteTo writes a consistent copy of the whole database file to w, from a
// read transaction: writers go on meanwhile, and the copy is the state of
// one moment. The copy opens with Open like the original. It returns the
// number of bytes written.
func (db *DB) WriteTo(w io.Writer) (int64, error) {
	var n int64
	err := db.bolt.View(func(tx *bbolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, err
}

// view runs fn in a read transaction, unless ctx is done.
func view(ctx context.Context, db *DB, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.bolt.View(fn)
}

// update runs fn in a read-write transaction, unless ctx is done. The
// transaction commits (and syncs) when fn returns nil and rolls back
// otherwise; fn's error is returned as is.
func update(ctx context.Context, db *DB, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return db.bolt.Update(fn)
}

// Summary describes a database file checked by Inspect.
type Summary struct {
	Books, Reviews, Orders int
	// CreatedAt is when the store was created.
	CreatedAt time.Time
}

// Inspect opens the database file at path read-only (its owner must not
// hold it), checks its structure and schema version (bbolt's consistency
// check) and counts what it holds: a way to tell that a backup is usable.
func Inspect(path string) (Summary, error) {
	b, err := bbolt.Open(path, 0o600, &bbolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, bbolt.ErrTimeout) {
		return Summary{}, fmt.Errorf("inspect %s: %w", path, ErrLocked)
	}
	if err != nil {
		return Summary{}, fmt.Errorf("inspect %s: %w", path, err)
	}
	defer b.Close()
	var s Summary
	err = b.View(func(tx *bbolt.Tx) error {
		var problems []error
		for err := range tx.Check() { // drain: the check runs until the channel closes
			problems = append(problems, err)
		}
		if len(problems) > 0 {
			return fmt.Errorf("inconsistent: %w", errors.Join(problems...))
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil || string(meta.Get(metaSchema)) != schemaVersion {
			return fmt.Errorf("not a bookshop database of schema version %s", schemaVersion)
		}
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("bucket %s is missing", name)
			}
		}
		s.CreatedAt, _ = time.Parse(time.RFC3339, string(meta.Get(metaCreatedAt)))
		s.Books = tx.Bucket(bucketBooks).Stats().KeyN
		s.Reviews = tx.Bucket(bucketReviews).Stats().KeyN
		s.Orders = tx.Bucket(bucketOrders).Stats().KeyN
		return nil
	})
	if err != nil {
		return Summary{}, fmt.Errorf("inspect %s: %w", path, err)
	}
	return s, nil
}
