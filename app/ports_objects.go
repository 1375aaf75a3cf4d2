package app

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// PresignedRequest is an HTTP request a client may send without credentials
// until ExpiresAt. The client must send Headers exactly as given.
type PresignedRequest struct {
	URL       string
	Method    string
	Headers   map[string]string
	ExpiresAt time.Time
}

// ObjectStore keeps binary objects (cover images) addressed by key.
// Implementations must be safe for concurrent use.
type ObjectStore interface {
	// PresignPut returns a PUT request that uploads exactly contentLength
	// bytes of contentType to key; the store rejects any other content type
	// or length.
	PresignPut(ctx context.Context, key, contentType string, contentLength int64, ttl time.Duration) (PresignedRequest, error)
	// PresignGet returns a URL that downloads key until the TTL passes.
	PresignGet(ctx context.Context, key string, ttl time.Duration) (string, error)
	// DeletePrefix removes every object whose key starts with prefix. Deleting
	// nothing is not an error. prefix must not be empty.
	DeletePrefix(ctx context.Context, prefix string) error
	// GetObject opens the object at key for a server-side read of at most
	// maxBytes. It wraps domain.ErrNotFound when there is no such object and
	// returns an *ObjectTooLargeError (domain.ErrInvalid) when the object is
	// larger than maxBytes, before reading its content. The caller closes
	// Body.
	GetObject(ctx context.Context, key string, maxBytes int64) (Object, error)
	// PutObject stores data at key with the given content type, replacing
	// any object there. Like an upload, it counts as the object's creation.
	PutObject(ctx context.Context, key, contentType string, data []byte) error
	// CheckAvailable reports whether the store serves requests now, with one
	// cheap request bounded by ctx. It wraps ErrUnavailable when the store
	// does not answer or fails on its side, so that a caller about to hand
	// out a presigned request (signed locally, without the store) can refuse
	// one that could not be used. A store that is always there returns nil.
	CheckAvailable(ctx context.Context) error
}

// Object is an object opened for reading by ObjectStore.GetObject.
type Object struct {
	// Body yields the object's bytes; it never yields more than Size.
	Body        io.ReadCloser
	Size        int64
	ContentType string
}

// ObjectTooLargeError reports an object larger than a read allows. It joins
// domain.ErrInvalid.
type ObjectTooLargeError struct {
	Key         string
	Size, Limit int64
}

// Error names the object, its size and the limit.
func (e *ObjectTooLargeError) Error() string {
	return fmt.Sprintf("object %q has %d bytes, more than the %d allowed", e.Key, e.Size, e.Limit)
}

// Is makes errors.Is(err, domain.ErrInvalid) true.
func (e *ObjectTooLargeError) Is(target error) bool { return target == domain.ErrInvalid }
