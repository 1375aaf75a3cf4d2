// Package objecthttp is what the embedded mode's object stores share beside
// their storage: presigned URLs authenticated with HMAC-SHA256, the HTTP
// handler that serves them as S3 would, a public handler for the prefixes
// CloudFront serves, ObjectCreated hooks and the rules for keys. A Store
// implements app.ObjectStore over a Backend that only keeps bytes:
// adapters/memory keeps them in a map, adapters/filestore in files.
package objecthttp

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// Backend keeps the objects of a Store. Implementations are safe for
// concurrent use; keys they are given have passed CheckKey.
type Backend interface {
	// Open opens the object at key. It wraps domain.ErrNotFound when there
	// is none. The caller closes the result.
	Open(key string) (Opened, error)
	// Put stores data at key with its content type, replacing any object
	// there. A reader sees the old or the new object, never a mix.
	Put(key, contentType string, data []byte) error
	// DeletePrefix removes every object whose key starts with prefix.
	DeletePrefix(prefix string) error
}

// KeyChecker is implemented by a Backend that refuses more keys than
// CheckKey does (a file system's names, say). The Store applies it wherever
// it checks a key, so a key is refused when presigned, not when used.
type KeyChecker interface {
	// CheckKey wraps domain.ErrInvalid for a key the backend cannot keep.
	CheckKey(key string) error
}

// Opened is an object opened by a Backend.
type Opened struct {
	// Content yields exactly Size bytes.
	Content     io.ReadSeeker
	Size        int64
	ContentType string
	// Close releases the object; nil when there is nothing to release.
	Close func() error
}

func (o Opened) close() {
	if o.Close != nil {
		_ = o.Close()
	}
}

// Store is an app.ObjectStore over a Backend that serves its own presigned
// URLs over HTTP, so a browser uploads and downloads covers exactly as it
// would with S3. Mount it (it is an http.Handler) at the path of its base
// URL.
//
// Presigned URLs carry the method, expiry and, for uploads, the content
// type and length, authenticated with HMAC-SHA256 under the store's key.
type Store struct {
	base    *url.URL
	key     []byte
	now     func() time.Time
	backend Backend

	mu      sync.RWMutex
	created []func(key string)
	// running counts hook calls that have not returned yet.
	running sync.WaitGroup
}

var (
	_ app.ObjectStore = (*Store)(nil)
	_ http.Handler    = (*Store)(nil)
)

// New returns a store over backend whose URLs start with baseURL (for
// example "http://localhost:8080/_objects") and are signed with signingKey
// (at least 16 bytes). name prefixes its errors.
func New(name, baseURL string, signingKey []byte, backend Backend) (*Store, error) {
	base, err := url.Parse(strings.TrimSuffix(baseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("%s: base URL %q must be absolute", name, baseURL)
	}
	if len(signingKey) < 16 {
		return nil, fmt.Errorf("%s: signing key must be at least 16 bytes", name)
	}
	if backend == nil {
		return nil, fmt.Errorf("%s: nil backend", name)
	}
	return &Store{base: base, key: append([]byte(nil), signingKey...), now: time.Now, backend: backend}, nil
}

// CheckKey refuses keys that are empty, absolute, or step out of their
// directory; it wraps domain.ErrInvalid.
func CheckKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, "..") {
		return fmt.Errorf("key %q: %w", key, domain.ErrInvalid)
	}
	return nil
}

// checkKey applies CheckKey and the backend's own rule, if it has one.
func (s *Store) checkKey(key string) error {
	if err := CheckKey(key); err != nil {
		return err
	}
	if c, ok := s.backend.(KeyChecker); ok {
		return c.CheckKey(key)
	}
	return nil
}

// OnObjectCreated registers fn to run, in its own goroutine, after each
// successful upload or PutObject, like an S3 ObjectCreated notification.
func (s *Store) OnObjectCreated(fn func(key string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.created = append(s.created, fn)
}

// WaitForHooks blocks until every OnObjectCreated call started so far has
// returned, including calls started by those calls (a hook that writes an
// object triggers the hooks again before it returns).
func (s *Store) WaitForHooks() { s.running.Wait() }

// notifyCreated starts the OnObjectCreated hooks for key.
func (s *Store) notifyCreated(key string) {
	s.mu.RLock()
	hooks := s.created
	s.mu.RUnlock()
	for _, fn := range hooks {
		s.running.Add(1)
		go func() {
			defer s.running.Done()
			fn(key)
		}()
	}
}

// GetObject implements app.ObjectStore.
func (s *Store) GetObject(_ context.Context, key string, maxBytes int64) (app.Object, error) {
	if err := s.checkKey(key); err != nil {
		return app.Object{}, fmt.Errorf("get object: %w", err)
	}
	o, err := s.backend.Open(key)
	if err != nil {
		return app.Object{}, fmt.Errorf("get object: %w", err)
	}
	if o.Size > maxBytes {
		o.close()
		return app.Object{}, fmt.Errorf("get object: %w", &app.ObjectTooLargeError{Key: key, Size: o.Size, Limit: maxBytes})
	}
	return app.Object{Body: openedBody{io.LimitReader(o.Content, o.Size), o}, Size: o.Size, ContentType: o.ContentType}, nil
}

// openedBody is the Body of an app.Object read from a Backend.
type openedBody struct {
	io.Reader
	o Opened
}

func (b openedBody) Close() error {
	if b.o.Close == nil {
		return nil
	}
	return b.o.Close()
}

// PutObject implements app.ObjectStore. It runs the OnObjectCreated hooks,
// as S3 notifies a server-side PUT like any other.
func (s *Store) PutObject(_ context.Context, key, contentType string, data []byte) error {
	if err := s.checkKey(key); err != nil {
		return fmt.Errorf("put object: %w", err)
	}
	if err := s.backend.Put(key, contentType, data); err != nil {
		return fmt.Errorf("put object: %w", err)
	}
	s.notifyCreated(key)
	return nil
}

// DeletePrefix implements app.ObjectStore.
func (s *Store) DeletePrefix(_ context.Context, prefix string) error {
	if prefix == "" {
		return fmt.Errorf("delete prefix: empty prefix: %w", domain.ErrInvalid)
	}
	if err := s.backend.DeletePrefix(prefix); err != nil {
		return fmt.Errorf("delete prefix %q: %w", prefix, err)
	}
	return nil
}

// CheckAvailable implements app.ObjectStore: the backend lives in the
// process (memory or the local disk), so it is always there.
func (s *Store) CheckAvailable(context.Context) error { return nil }

// PresignPut implements app.ObjectStore.
func (s *Store) PresignPut(_ context.Context, key, contentType string, contentLength int64, ttl time.Duration) (app.PresignedRequest, error) {
	if err := s.checkPresign(key, ttl); err != nil {
		return app.PresignedRequest{}, err
	}
	expires := s.now().Add(ttl).Truncate(time.Second)
	q := url.Values{
		"x-method":         {http.MethodPut},
		"x-expires":        {strconv.FormatInt(expires.Unix(), 10)},
		"x-content-type":   {contentType},
		"x-content-length": {strconv.FormatInt(contentLength, 10)},
	}
	return app.PresignedRequest{
		URL:       s.signedURL(key, q),
		Method:    http.MethodPut,
		Headers:   map[string]string{"Content-Type": contentType},
		ExpiresAt: expires.UTC(),
	}, nil
}

// PresignGet implements app.ObjectStore.
func (s *Store) PresignGet(_ context.Context, key string, ttl time.Duration) (string, error) {
	if err := s.checkPresign(key, ttl); err != nil {
		return "", err
	}
	q := url.Values{
		"x-method":  {http.MethodGet},
		"x-expires": {strconv.FormatInt(s.now().Add(ttl).Unix(), 10)},
	}
	return s.signedURL(key, q), nil
}

func (s *Store) checkPresign(key string, ttl time.Duration) error {
	if err := s.checkKey(key); err != nil {
		return fmt.Errorf("presign: %w", err)
	}
	if ttl <= 0 || ttl > 7*24*time.Hour {
		return fmt.Errorf("presign: ttl %s out of range: %w", ttl, domain.ErrInvalid)
	}
	return nil
}

func (s *Store) signedURL(key string, q url.Values) string {
	u := *s.base
	u.Path = s.base.Path + "/" + key
	q.Set("x-signature", s.signature(key, q))
	u.RawQuery = q.Encode()
	return u.String()
}

// signature authenticates the key and every x- parameter but the signature.
func (s *Store) signature(key string, q url.Values) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(key))
	for _, name := range []string{"x-method", "x-expires", "x-content-type", "x-content-length"} {
		m.Write([]byte{0})
		m.Write([]byte(q.Get(name)))
	}
	return hex.EncodeToString(m.Sum(nil))
}

// ServeHTTP serves presigned GET and PUT requests. Anything not signed, not
// matching its signature, or expired is refused with 403, like S3.
func (s *Store) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key, ok := strings.CutPrefix(r.URL.Path, s.base.Path+"/")
	if !ok || key == "" {
		http.Error(w, "no such object", http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	if !hmac.Equal([]byte(q.Get("x-signature")), []byte(s.signature(key, q))) || q.Get("x-method") != method {
		http.Error(w, "signature does not match", http.StatusForbidden)
		return
	}
	expires, err := strconv.ParseInt(q.Get("x-expires"), 10, 64)
	if err != nil || s.now().Unix() > expires {
		http.Error(w, "request has expired", http.StatusForbidden)
		return
	}
	switch method {
	case http.MethodGet:
		s.serveGet(w, r, key)
	case http.MethodPut:
		s.servePut(w, r, key, q)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

func (s *Store) serveGet(w http.ResponseWriter, r *http.Request, key string) {
	if s.checkKey(key) != nil {
		http.Error(w, "no such key", http.StatusNotFound)
		return
	}
	o, err := s.backend.Open(key)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		http.Error(w, "no such key", http.StatusNotFound)
		return
	case err != nil:
		http.Error(w, "cannot read the object", http.StatusInternalServerError)
		return
	}
	defer o.close()
	w.Header().Set("Content-Type", o.ContentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, o.Content)
}

// PublicHandler serves the objects under the given key prefixes (such as
// "covers/") without a signature, at the path "/<key>", as CloudFront serves
// the covers bucket's public prefixes: GET and HEAD only, cached for a year
// (keys are never reused for other content), nosniff. Other keys answer 404.
func (s *Store) PublicHandler(prefixes ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		key := strings.TrimPrefix(r.URL.Path, "/")
		public := false
		for _, p := range prefixes {
			public = public || strings.HasPrefix(key, p)
		}
		if !public {
			http.Error(w, "no such key", http.StatusNotFound)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		s.serveGet(w, r, key)
	})
}

func (s *Store) servePut(w http.ResponseWriter, r *http.Request, key string, q url.Values) {
	if r.Header.Get("Content-Type") != q.Get("x-content-type") {
		http.Error(w, "content type does not match the signed one", http.StatusForbidden)
		return
	}
	want, _ := strconv.ParseInt(q.Get("x-content-length"), 10, 64)
	if r.ContentLength != want {
		http.Error(w, "content length does not match the signed one", http.StatusForbidden)
		return
	}
	data, err := io.ReadAll(io.LimitReader(r.Body, want+1))
	if err != nil || int64(len(data)) != want {
		http.Error(w, "body does not match the signed length", http.StatusBadRequest)
		return
	}
	if err := s.backend.Put(key, q.Get("x-content-type"), data); err != nil {
		http.Error(w, "cannot store the object", http.StatusInternalServerError)
		return
	}
	s.notifyCreated(key)
	w.WriteHeader(http.StatusOK)
}
