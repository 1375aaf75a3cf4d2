package memory

import (
	"bytes"
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

// ObjectStore keeps objects in memory and serves its own presigned URLs over
// HTTP, so a browser can upload and download covers exactly as it would with
// S3. Mount it (it is an http.Handler) at the path of its base URL.
//
// Presigned URLs carry the method, expiry and, for uploads, the content type
// and length, authenticated with HMAC-SHA256 under the store's key.
type ObjectStore struct {
	base *url.URL
	key  []byte
	now  func() time.Time

	mu      sync.RWMutex
	objects map[string]storedObject
	created []func(key string)
	// running counts hook calls that have not returned yet.
	running sync.WaitGroup
}

type storedObject struct {
	contentType string
	data        []byte
}

var (
	_ app.ObjectStore = (*ObjectStore)(nil)
	_ http.Handler    = (*ObjectStore)(nil)
)

// NewObjectStore returns an empty store whose URLs start with baseURL (for
// example "http://localhost:8080/_objects") and are signed with signingKey
// (at least 16 bytes).
func NewObjectStore(baseURL string, signingKey []byte) (*ObjectStore, error) {
	base, err := url.Parse(strings.TrimSuffix(baseURL, "/"))
	if err != nil || base.Scheme == "" || base.Host == "" {
		return nil, fmt.Errorf("memory object store: base URL %q must be absolute", baseURL)
	}
	if len(signingKey) < 16 {
		return nil, errors.New("memory object store: signing key must be at least 16 bytes")
	}
	return &ObjectStore{
		base: base, key: append([]byte(nil), signingKey...), now: time.Now,
		objects: make(map[string]storedObject),
	}, nil
}

// OnObjectCreated registers fn to run, in its own goroutine, after each
// successful upload or PutObject, like an S3 ObjectCreated notification.
func (s *ObjectStore) OnObjectCreated(fn func(key string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.created = append(s.created, fn)
}

// WaitForHooks blocks until every OnObjectCreated call started so far has
// returned, including calls started by those calls (a hook that writes an
// object triggers the hooks again before it returns).
func (s *ObjectStore) WaitForHooks() { s.running.Wait() }

// notifyCreated starts the OnObjectCreated hooks for key.
func (s *ObjectStore) notifyCreated(key string) {
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
func (s *ObjectStore) GetObject(_ context.Context, key string, maxBytes int64) (app.Object, error) {
	if err := checkKey(key); err != nil {
		return app.Object{}, fmt.Errorf("get object: %w", err)
	}
	data, contentType, ok := s.Object(key)
	if !ok {
		return app.Object{}, fmt.Errorf("get object %q: %w", key, domain.ErrNotFound)
	}
	if int64(len(data)) > maxBytes {
		return app.Object{}, fmt.Errorf("get object: %w", &app.ObjectTooLargeError{Key: key, Size: int64(len(data)), Limit: maxBytes})
	}
	// Stored bytes are never modified in place (Put stores a copy), so the
	// reader needs no lock.
	return app.Object{Body: io.NopCloser(bytes.NewReader(data)), Size: int64(len(data)), ContentType: contentType}, nil
}

// PutObject implements app.ObjectStore. It runs the OnObjectCreated hooks,
// as S3 notifies a server-side PUT like any other.
func (s *ObjectStore) PutObject(_ context.Context, key, contentType string, data []byte) error {
	if err := checkKey(key); err != nil {
		return fmt.Errorf("put object: %w", err)
	}
	s.Put(key, contentType, data)
	s.notifyCreated(key)
	return nil
}

// PresignPut implements app.ObjectStore.
func (s *ObjectStore) PresignPut(_ context.Context, key, contentType string, contentLength int64, ttl time.Duration) (app.PresignedRequest, error) {
	if err := checkPresign(key, ttl); err != nil {
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
func (s *ObjectStore) PresignGet(_ context.Context, key string, ttl time.Duration) (string, error) {
	if err := checkPresign(key, ttl); err != nil {
		return "", err
	}
	q := url.Values{
		"x-method":  {http.MethodGet},
		"x-expires": {strconv.FormatInt(s.now().Add(ttl).Unix(), 10)},
	}
	return s.signedURL(key, q), nil
}

func checkPresign(key string, ttl time.Duration) error {
	if err := checkKey(key); err != nil {
		return fmt.Errorf("presign: %w", err)
	}
	if ttl <= 0 || ttl > 7*24*time.Hour {
		return fmt.Errorf("presign: ttl %s out of range: %w", ttl, domain.ErrInvalid)
	}
	return nil
}

func checkKey(key string) error {
	if key == "" || strings.HasPrefix(key, "/") || strings.Contains(key, "..") {
		return fmt.Errorf("key %q: %w", key, domain.ErrInvalid)
	}
	return nil
}

// DeletePrefix implements app.ObjectStore.
func (s *ObjectStore) DeletePrefix(_ context.Context, prefix string) error {
	if prefix == "" {
		return fmt.Errorf("delete prefix: empty prefix: %w", domain.ErrInvalid)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k := range s.objects {
		if strings.HasPrefix(k, prefix) {
			delete(s.objects, k)
		}
	}
	return nil
}

// Object returns a stored object's bytes and content type.
func (s *ObjectStore) Object(key string) (data []byte, contentType string, ok bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	o, ok := s.objects[key]
	return o.data, o.contentType, ok
}

// Put stores an object directly, as a trusted server-side writer would.
func (s *ObjectStore) Put(key, contentType string, data []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.objects[key] = storedObject{contentType: contentType, data: bytes.Clone(data)}
}

func (s *ObjectStore) signedURL(key string, q url.Values) string {
	u := *s.base
	u.Path = s.base.Path + "/" + key
	q.Set("x-signature", s.signature(key, q))
	u.RawQuery = q.Encode()
	return u.String()
}

// signature authenticates the key and every x- parameter but the signature.
func (s *ObjectStore) signature(key string, q url.Values) string {
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
func (s *ObjectStore) ServeHTTP(w http.ResponseWriter, r *http.Request) {
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

func (s *ObjectStore) serveGet(w http.ResponseWriter, r *http.Request, key string) {
	data, contentType, ok := s.Object(key)
	if !ok {
		http.Error(w, "no such key", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// PublicHandler serves the objects under the given key prefixes (such as
// "covers/") without a signature, at the path "/<key>", as CloudFront serves
// the covers bucket's public prefixes: GET and HEAD only, cached for a year
// (keys are never reused for other content), nosniff. Other keys answer 404.
func (s *ObjectStore) PublicHandler(prefixes ...string) http.Handler {
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

func (s *ObjectStore) servePut(w http.ResponseWriter, r *http.Request, key string, q url.Values) {
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
	s.Put(key, q.Get("x-content-type"), data)
	s.notifyCreated(key)
	w.WriteHeader(http.StatusOK)
}
