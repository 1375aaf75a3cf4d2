package filestore_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/bookshop/bookshop/adapters/filestore"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
	"github.com/bookshop/bookshop/domain"
)

var signingKey = []byte("0123456789abcdef")

func newStore(t *testing.T, dir, baseURL string) *filestore.ObjectStore {
	t.Helper()
	s, err := filestore.New(dir, baseURL, signingKey)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestObjectStoreContract(t *testing.T) {
	t.Run("files", func(t *testing.T) {
		porttest.ObjectStore(t, func(t *testing.T) app.ObjectStore {
			srv := httptest.NewServer(nil)
			t.Cleanup(srv.Close)
			store := newStore(t, t.TempDir(), srv.URL+"/objects")
			srv.Config.Handler = store
			return store
		})
	})
}

// TestObjectsSurviveReopening: an object put by one store is read by the
// next store opened on the same directory, and a stray file of an
// interrupted write is cleared.
func TestObjectsSurviveReopening(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := newStore(t, dir, "http://objects.test/o")
	if err := s.PutObject(ctx, "covers/b1/a.jpg", "image/jpeg", []byte("jpeg bytes")); err != nil {
		t.Fatal(err)
	}
	s.WaitForHooks()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	stray := filepath.Join(dir, ".incoming", "interrupted")
	if err := os.WriteFile(stray, []byte("half"), 0o600); err != nil {
		t.Fatal(err)
	}

	s = newStore(t, dir, "http://objects.test/o")
	obj, err := s.GetObject(ctx, "covers/b1/a.jpg", 100)
	if err != nil {
		t.Fatal(err)
	}
	defer obj.Body.Close()
	if obj.ContentType != "image/jpeg" || obj.Size != int64(len("jpeg bytes")) {
		t.Fatalf("reopened object: %q, %d bytes", obj.ContentType, obj.Size)
	}
	if _, err := os.Stat(stray); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("stray file of an interrupted write: Stat = %v, want removed", err)
	}
}

// TestKeysCannotLeaveTheDirectory: keys that would name a file outside the
// store, a hidden file or the directory of writes in progress are invalid,
// and a symbolic link in the directory is not followed out of it.
func TestKeysCannotLeaveTheDirectory(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	dir := filepath.Join(parent, "objects")
	s := newStore(t, dir, "http://objects.test/o")
	for _, key := range []string{"../outside", "covers/../../outside", "/etc/passwd", "covers//a", "covers/./a",
		".incoming/x", "covers/.hidden", "covers\\..\\x", "covers/a\x00b", "covers/"} {
		if err := s.PutObject(ctx, key, "image/jpeg", []byte("x")); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("PutObject(%q) = %v, want domain.ErrInvalid", key, err)
		}
		if _, err := s.PresignPut(ctx, key, "image/jpeg", 1, 60e9); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("PresignPut(%q) = %v, want domain.ErrInvalid", key, err)
		}
	}
	if err := os.WriteFile(filepath.Join(parent, "secret"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(parent, filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	if _, err := s.GetObject(ctx, "link/secret", 100); err == nil {
		t.Fatal("GetObject followed a symbolic link out of the directory")
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 2 {
		t.Fatalf("files outside the store's directory: %v", entries)
	}
}
