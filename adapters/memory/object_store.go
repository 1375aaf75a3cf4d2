package memory

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"sync"

	"github.com/bookshop/bookshop/adapters/internal/objecthttp"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ObjectStore keeps objects in memory and serves its own presigned URLs over
// HTTP, so a browser can upload and download covers exactly as it would with
// S3. Mount it (it is an http.Handler) at the path of its base URL.
//
// Presigned URLs carry the method, expiry and, for uploads, the content type
// and length, authenticated with HMAC-SHA256 under the store's key. The
// signing, serving and hooks are objecthttp.Store's, shared with the
// file-backed store of adapters/filestore; this type adds the map.
type ObjectStore struct {
	*objecthttp.Store
	objects *objectMap
}

var (
	_ app.ObjectStore = (*ObjectStore)(nil)
	_ http.Handler    = (*ObjectStore)(nil)
)

// NewObjectStore returns an empty store whose URLs start with baseURL (for
// example "http://localhost:8080/_objects") and are signed with signingKey
// (at least 16 bytes).
func NewObjectStore(baseURL string, signingKey []byte) (*ObjectStore, error) {
	objects := &objectMap{objects: make(map[string]storedObject)}
	s, err := objecthttp.New("memory object store", baseURL, signingKey, objects)
	if err != nil {
		return nil, err
	}
	return &ObjectStore{Store: s, objects: objects}, nil
}

// Object returns a stored object's bytes and content type.
func (s *ObjectStore) Object(key string) (data []byte, contentType string, ok bool) {
	s.objects.mu.RLock()
	defer s.objects.mu.RUnlock()
	o, ok := s.objects.objects[key]
	return o.data, o.contentType, ok
}

// Put stores an object directly, as a trusted server-side writer would. It
// runs no OnObjectCreated hook.
func (s *ObjectStore) Put(key, contentType string, data []byte) {
	_ = s.objects.Put(key, contentType, data) // never fails
}

// objectMap is the objecthttp.Backend of ObjectStore.
type objectMap struct {
	mu      sync.RWMutex
	objects map[string]storedObject
}

type storedObject struct {
	contentType string
	data        []byte
}

// Open implements objecthttp.Backend. Stored bytes are never modified in
// place (Put stores a copy), so the reader needs no lock.
func (m *objectMap) Open(key string) (objecthttp.Opened, error) {
	m.mu.RLock()
	o, ok := m.objects[key]
	m.mu.RUnlock()
	if !ok {
		return objecthttp.Opened{}, fmt.Errorf("object %q: %w", key, domain.ErrNotFound)
	}
	return objecthttp.Opened{Content: bytes.NewReader(o.data), Size: int64(len(o.data)), ContentType: o.contentType}, nil
}

// Put implements objecthttp.Backend.
func (m *objectMap) Put(key, contentType string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.objects[key] = storedObject{contentType: contentType, data: bytes.Clone(data)}
	return nil
}

// DeletePrefix implements objecthttp.Backend.
func (m *objectMap) DeletePrefix(prefix string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for k := range m.objects {
		if strings.HasPrefix(k, prefix) {
			delete(m.objects, k)
		}
	}
	return nil
}
