package filestore

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/bookshop/bookshop/adapters/internal/objecthttp"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// incoming is the directory, inside the store's, of files being written.
const incoming = ".incoming"

// header starts every object file; the content type and a newline follow.
const header = "bookshop-object/1 "

// maxHeader bounds the header line: header, content type, newline.
const maxHeader = len(header) + 256

// Limits of keys, within what common file systems allow.
const (
	maxKeyLen     = 1024
	maxSegmentLen = 255
)

// ObjectStore keeps objects as files under one directory and serves its own
// presigned URLs over HTTP (see package doc). Mount it (it is an
// http.Handler) at the path of its base URL; Close it when done.
type ObjectStore struct {
	*objecthttp.Store
	files *files
}

var (
	_ app.ObjectStore = (*ObjectStore)(nil)
	_ http.Handler    = (*ObjectStore)(nil)
)

// New opens the store in dir, creating the directory (mode 0700) if needed,
// and removes what an interrupted write left in it. Its URLs start with
// baseURL (for example "http://localhost:8080/_objects") and are signed with
// signingKey (at least 16 bytes).
func New(dir, baseURL string, signingKey []byte) (*ObjectStore, error) {
	if dir == "" {
		return nil, errors.New("filestore.New: empty directory")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	if err := root.RemoveAll(incoming); err != nil {
		_ = root.Close()
		return nil, fmt.Errorf("filestore: clear %s: %w", incoming, err)
	}
	if err := root.Mkdir(incoming, 0o700); err != nil {
		_ = root.Close()
		return nil, fmt.Errorf("filestore: %w", err)
	}
	f := &files{root: root}
	s, err := objecthttp.New("file object store", baseURL, signingKey, f)
	if err != nil {
		_ = root.Close()
		return nil, err
	}
	return &ObjectStore{Store: s, files: f}, nil
}

// Close closes the directory. Requests in flight may fail afterwards.
func (s *ObjectStore) Close() error { return s.files.root.Close() }

// files is the objecthttp.Backend of ObjectStore.
type files struct {
	root *os.Root
}

var _ objecthttp.KeyChecker = (*files)(nil)

// CheckKey implements objecthttp.KeyChecker: see the package doc.
func (f *files) CheckKey(key string) error {
	if len(key) > maxKeyLen || strings.ContainsAny(key, "\\\x00") {
		return fmt.Errorf("key %q: %w", key, domain.ErrInvalid)
	}
	for seg := range strings.SplitSeq(key, "/") {
		if seg == "" || seg[0] == '.' || len(seg) > maxSegmentLen {
			return fmt.Errorf("key %q: %w", key, domain.ErrInvalid)
		}
	}
	return nil
}

// Open implements objecthttp.Backend.
func (f *files) Open(key string) (objecthttp.Opened, error) {
	if err := f.CheckKey(key); err != nil {
		return objecthttp.Opened{}, err
	}
	file, err := f.root.Open(key)
	if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) {
		return objecthttp.Opened{}, fmt.Errorf("object %q: %w", key, domain.ErrNotFound)
	}
	if err != nil {
		return objecthttp.Opened{}, fmt.Errorf("object %q: %w", key, err)
	}
	info, err := file.Stat()
	if err == nil && info.IsDir() {
		_ = file.Close()
		return objecthttp.Opened{}, fmt.Errorf("object %q: %w", key, domain.ErrNotFound)
	}
	var line []byte
	if err == nil {
		buf := make([]byte, min(info.Size(), int64(maxHeader)))
		_, err = file.ReadAt(buf, 0)
		line, _, _ = bytes.Cut(buf, []byte("\n"))
		if len(line) == len(buf) || !bytes.HasPrefix(line, []byte(header)) {
			err = errors.New("the file has no object header")
		}
	}
	if err != nil {
		_ = file.Close()
		return objecthttp.Opened{}, fmt.Errorf("object %q: %w", key, err)
	}
	offset := int64(len(line) + 1)
	return objecthttp.Opened{
		Content:     io.NewSectionReader(file, offset, info.Size()-offset),
		Size:        info.Size() - offset,
		ContentType: string(line[len(header):]),
		Close:       file.Close,
	}, nil
}

// Put implements objecthttp.Backend: a new file under .incoming, synced,
// renamed over the key's file; then the key's directory is synced.
func (f *files) Put(key, contentType string, data []byte) error {
	if err := f.CheckKey(key); err != nil {
		return err
	}
	if len(header)+len(contentType)+1 > maxHeader || strings.ContainsAny(contentType, "\r\n") {
		return fmt.Errorf("content type %q: %w", contentType, domain.ErrInvalid)
	}
	dir := path.Dir(key)
	if err := f.root.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("put %q: %w", key, err)
	}
	tmp := path.Join(incoming, randomName())
	if err := f.writeSynced(tmp, contentType, data); err != nil {
		_ = f.root.Remove(tmp)
		return fmt.Errorf("put %q: %w", key, err)
	}
	if err := f.root.Rename(tmp, key); err != nil {
		_ = f.root.Remove(tmp)
		return fmt.Errorf("put %q: %w", key, err)
	}
	if err := f.syncDir(dir); err != nil {
		return fmt.Errorf("put %q: %w", key, err)
	}
	return nil
}

func (f *files) writeSynced(name, contentType string, data []byte) error {
	file, err := f.root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = file.Write([]byte(header + contentType + "\n"))
	if err == nil {
		_, err = file.Write(data)
	}
	if err == nil {
		err = file.Sync()
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes a rename in dir durable.
func (f *files) syncDir(dir string) error {
	d, err := f.root.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// DeletePrefix implements objecthttp.Backend. It walks the deepest
// directory the prefix names and removes the files whose key starts with
// it, then the prefix's directory if that is left empty.
func (f *files) DeletePrefix(prefix string) error {
	dir := "."
	if i := strings.LastIndex(prefix, "/"); i > 0 {
		dir = prefix[:i]
		if f.CheckKey(dir) != nil {
			return nil // no key lives under a name the store refuses
		}
	}
	err := fs.WalkDir(f.root.FS(), dir, func(name string, d fs.DirEntry, err error) error {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return nil // nothing there, or removed meanwhile
		case err != nil:
			return err
		case d.IsDir() && name == incoming:
			return fs.SkipDir
		case d.IsDir():
			if name != "." && !strings.HasPrefix(name+"/", prefix) && !strings.HasPrefix(prefix, name+"/") {
				return fs.SkipDir // neither inside the prefix nor on the way to it
			}
			return nil
		case strings.HasPrefix(name, prefix):
			if err := f.root.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if strings.HasSuffix(prefix, "/") {
		_ = f.root.Remove(strings.TrimSuffix(prefix, "/")) // fails while not empty: fine
	}
	return nil
}

// randomName returns a fresh name for a file being written.
func randomName() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return hex.EncodeToString(b)
}
