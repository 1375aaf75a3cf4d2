package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/adapters/filestore"
	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
)

// lockTimeout is how long start-up waits for another process to release the
// data directory's database before it gives up.
const lockTimeout = time.Second

// objectServer is the object store as the server uses it beside
// app.ObjectStore: it serves presigned URLs and the public cover paths, and
// runs hooks after uploads (memory.ObjectStore, filestore.ObjectStore).
type objectServer interface {
	http.Handler
	PublicHandler(prefixes ...string) http.Handler
	OnObjectCreated(fn func(key string))
	WaitForHooks()
}

// orderChanges reports committed order changes (the memory and bolt order
// repositories), as a table's stream does on AWS.
type orderChanges interface {
	OnOrderChanged(fn func(context.Context, app.OrderChange))
}

// signingKey signs cursors and object URLs.
type signingKey []byte

// freshStore reports whether the store holds nothing from an earlier run:
// only a fresh store is seeded.
type freshStore bool

// snapshotter writes a consistent copy of the whole store (bolt.DB); nil in
// memory mode.
type snapshotter interface {
	WriteTo(w io.Writer) (int64, error)
}

// initializeServer builds the server over memory adapters when
// cfg.DataDir is memoryDataDir, else over the durable adapters in that
// directory. server.Close releases what it holds.
func initializeServer(ctx context.Context, cfg config) (*server, error) {
	initialize := initializeDurableServer
	if cfg.DataDir == memoryDataDir {
		initialize = initializeMemoryServer
	}
	srv, cleanup, err := initialize(ctx, cfg)
	if err != nil {
		return nil, err
	}
	srv.cleanup = cleanup
	return srv, nil
}

// Memory mode.

func newObjectStore(cfg config, key signingKey) (*memory.ObjectStore, error) {
	return memory.NewObjectStore(cfg.PublicURL+objectsPath, key)
}

// newMemorySigningKey is the per-process random key of the configuration.
func newMemorySigningKey(cfg config) signingKey { return signingKey(cfg.SigningKey) }

// memoryIsFresh: a memory store is always new.
func memoryIsFresh() freshStore { return true }

// noSnapshots: there is nothing on disk to back up in memory mode.
func noSnapshots() snapshotter { return nil }

// Durable mode.

// openDatabase opens (creating them) the data directory and its database
// file, whose lock keeps out a second process on the same directory.
func openDatabase(cfg config) (*bolt.DB, func(), error) {
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("data directory: %w", err)
	}
	db, err := bolt.Open(filepath.Join(cfg.DataDir, databaseFile), lockTimeout)
	if errors.Is(err, bolt.ErrLocked) {
		return nil, nil, fmt.Errorf("data directory %s is in use by another bookshop process: stop it, or set "+
			"BOOKSHOP_DATA_DIR to another directory (%w)", cfg.DataDir, err)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("data directory %s: %w", cfg.DataDir, err)
	}
	return db, func() { _ = db.Close() }, nil
}

// newDurableSigningKey is the data directory's own key, made on first
// start: cursors and object URLs stay valid across restarts.
func newDurableSigningKey(ctx context.Context, db *bolt.DB) (signingKey, error) {
	key, err := db.Secret(ctx, "signing", 32)
	return signingKey(key), err
}

// newFileObjectStore keeps covers and thumbnails under the data directory.
func newFileObjectStore(cfg config, key signingKey) (*filestore.ObjectStore, func(), error) {
	s, err := filestore.New(filepath.Join(cfg.DataDir, objectsDir), cfg.PublicURL+objectsPath, key)
	if err != nil {
		return nil, nil, err
	}
	return s, func() { _ = s.Close() }, nil
}

// newIdentityStore keeps accounts, refresh tokens and the signing key in
// the database file.
func newIdentityStore(db *bolt.DB) (*localidp.BoltStore, error) {
	return localidp.NewBoltStore(db.Bolt())
}

// durableIsFresh: a database file created by this start is fresh.
func durableIsFresh(db *bolt.DB) freshStore { return freshStore(db.Created()) }

// backupPath is where an administrator downloads a consistent snapshot of
// the database file (`bookshop backup <file>` does it).
const backupPath = "/_local/backup"

// backupRoute serves backupPath.
type backupRoute struct{ http.Handler }

// newBackupRoute streams a snapshot of the store to an administrator: the
// request must carry an access token, verified as the API's are, of a
// member of app.AdminGroup. In memory mode it answers 404.
func newBackupRoute(store snapshotter, v *jwtauth.Verifier) backupRoute {
	authorize := func(ctx context.Context, token string) (app.Principal, error) {
		claims, err := v.Verify(ctx, token)
		if err != nil {
			return app.Principal{}, err
		}
		return apigw.PrincipalFromClaims(claims), nil
	}
	return backupRoute{http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if store == nil {
			http.Error(w, "no data directory: BOOKSHOP_DATA_DIR=memory keeps nothing to back up", http.StatusNotFound)
			return
		}
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", "GET")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		token, ok := bearerToken(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", "Bearer")
			http.Error(w, "sign in as an administrator", http.StatusUnauthorized)
			return
		}
		p, err := authorize(r.Context(), token)
		switch {
		case err != nil:
			w.Header().Set("WWW-Authenticate", "Bearer")
			http.Error(w, "invalid token", http.StatusUnauthorized)
			return
		case !p.IsAdmin():
			http.Error(w, "administrators only", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="bookshop-backup.db"`)
		w.Header().Set("Cache-Control", "no-store")
		if _, err := store.WriteTo(w); err != nil {
			// The status is sent: cut the connection so that the client sees
			// a broken transfer, not a short file.
			panic(http.ErrAbortHandler)
		}
	})}
}

// bearerToken returns the token of an "Authorization: Bearer <token>"
// header.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return "", false
	}
	return strings.TrimSpace(token), true
}
