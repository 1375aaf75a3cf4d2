package s3

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// Limits of S3 that the store checks before signing anything.
const (
	// MaxPresignTTL is the longest validity of a SigV4 presigned request.
	MaxPresignTTL = 7 * 24 * time.Hour
	// MinPresignTTL is the shortest validity a presigned request can carry:
	// X-Amz-Expires counts whole seconds.
	MinPresignTTL = time.Second
	// MaxPutBytes is the largest object a single PUT may upload (5 GiB).
	MaxPutBytes = 5 << 30
	// maxKeyBytes is the longest object key S3 accepts.
	maxKeyBytes = 1024
	// maxBatch is the most keys one DeleteObjects call, and one listing
	// page, may hold.
	maxBatch = 1000
)

// amzDateFormat is the layout of the X-Amz-Date query parameter.
const amzDateFormat = "20060102T150405Z"

// BucketName names the bucket an ObjectStore keeps its objects in.
type BucketName string

// ObjectStore keeps objects in one S3 bucket. It is safe for concurrent use.
type ObjectStore struct {
	client    *awss3.Client
	presigner *awss3.PresignClient
	bucket    string
	pageSize  int32
}

var _ app.ObjectStore = (*ObjectStore)(nil)

// New returns a store over bucket. client makes the server-side calls;
// presigner signs the requests browsers send, so it must be built for the
// endpoint browsers reach (see NewPresignClient). Nothing is sent to S3.
func New(client *awss3.Client, presigner *awss3.PresignClient, bucket BucketName) (*ObjectStore, error) {
	var errs []error
	if client == nil {
		errs = append(errs, errors.New("nil S3 client"))
	}
	if presigner == nil {
		errs = append(errs, errors.New("nil S3 presign client"))
	}
	if err := checkBucketName(bucket); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("s3: %w", err)
	}
	return &ObjectStore{client: client, presigner: presigner, bucket: string(bucket), pageSize: maxBatch}, nil
}

// PresignPut implements app.ObjectStore. Content-Type and Content-Length are
// part of the signature, so S3 refuses an upload of another type or length.
// The returned Headers hold both; HTTP clients set Content-Length from the
// body themselves. It wraps domain.ErrInvalid for an invalid key, content
// type, length (1 byte to MaxPutBytes) or ttl (MinPresignTTL to
// MaxPresignTTL).
func (s *ObjectStore) PresignPut(ctx context.Context, key, contentType string, contentLength int64, ttl time.Duration) (app.PresignedRequest, error) {
	err := errors.Join(checkKey(key), checkTTL(ttl), checkContentType(contentType), checkContentLength(contentLength))
	if err != nil {
		return app.PresignedRequest{}, fmt.Errorf("presign put %q: %w", key, err)
	}
	req, err := s.presigner.PresignPutObject(ctx, &awss3.PutObjectInput{
		Bucket:        aws.String(s.bucket),
		Key:           aws.String(key),
		ContentType:   aws.String(contentType),
		ContentLength: aws.Int64(contentLength),
	}, awss3.WithPresignExpires(ttl))
	if err != nil {
		return app.PresignedRequest{}, fmt.Errorf("presign put %q in bucket %q: %w", key, s.bucket, err)
	}
	expiresAt, err := expiry(req.URL)
	if err != nil {
		return app.PresignedRequest{}, fmt.Errorf("presign put %q: %w", key, err)
	}
	return app.PresignedRequest{
		URL:       req.URL,
		Method:    req.Method,
		Headers:   clientHeaders(req.SignedHeader),
		ExpiresAt: expiresAt,
	}, nil
}

// PresignGet implements app.ObjectStore. It wraps domain.ErrInvalid for an
// invalid key or ttl (MinPresignTTL to MaxPresignTTL). Whether the object
// exists is only known when the URL is used (S3 answers 404).
func (s *ObjectStore) PresignGet(ctx context.Context, key string, ttl time.Duration) (string, error) {
	if err := errors.Join(checkKey(key), checkTTL(ttl)); err != nil {
		return "", fmt.Errorf("presign get %q: %w", key, err)
	}
	req, err := s.presigner.PresignGetObject(ctx, &awss3.GetObjectInput{
		Bucket: aws.String(s.bucket),
		Key:    aws.String(key),
	}, awss3.WithPresignExpires(ttl))
	if err != nil {
		return "", fmt.Errorf("presign get %q in bucket %q: %w", key, s.bucket, err)
	}
	return req.URL, nil
}

// DeletePrefix implements app.ObjectStore. It lists the prefix page by page
// and deletes each page with one DeleteObjects call. Keys S3 failed to
// delete are reported as *DeleteObjectError values joined in the returned
// error, after every page was tried; a failed call stops at once. It wraps
// domain.ErrInvalid for an empty prefix.
func (s *ObjectStore) DeletePrefix(ctx context.Context, prefix string) error {
	if prefix == "" {
		return fmt.Errorf("delete prefix: empty prefix: %w", domain.ErrInvalid)
	}
	pages := awss3.NewListObjectsV2Paginator(s.client, &awss3.ListObjectsV2Input{
		Bucket:  aws.String(s.bucket),
		Prefix:  aws.String(prefix),
		MaxKeys: aws.Int32(s.pageSize),
	})
	var keyErrs []error
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			err = fmt.Errorf("list: %w", s.explain(err))
			return fmt.Errorf("delete prefix %q: %w", prefix, errors.Join(append(keyErrs, err)...))
		}
		errs, err := s.deleteKeys(ctx, keysOf(page.Contents))
		keyErrs = append(keyErrs, errs...)
		if err != nil {
			return fmt.Errorf("delete prefix %q: %w", prefix, errors.Join(append(keyErrs, s.explain(err))...))
		}
	}
	if err := errors.Join(keyErrs...); err != nil {
		return fmt.Errorf("delete prefix %q in bucket %q: %w", prefix, s.bucket, err)
	}
	return nil
}

// deleteKeys deletes keys in batches of at most maxBatch. It returns the
// errors S3 reported per key, or the error of a call that failed as a whole.
func (s *ObjectStore) deleteKeys(ctx context.Context, keys []string) ([]error, error) {
	var keyErrs []error
	for len(keys) > 0 {
		n := min(len(keys), maxBatch)
		out, err := s.client.DeleteObjects(ctx, &awss3.DeleteObjectsInput{
			Bucket: aws.String(s.bucket),
			Delete: &types.Delete{Objects: objectIDs(keys[:n]), Quiet: aws.Bool(true)},
		})
		if err != nil {
			return keyErrs, fmt.Errorf("delete %d objects: %w", n, err)
		}
		keyErrs = append(keyErrs, deleteErrors(out.Errors)...)
		keys = keys[n:]
	}
	return keyErrs, nil
}

func keysOf(objects []types.Object) []string {
	keys := make([]string, 0, len(objects))
	for _, o := range objects {
		keys = append(keys, aws.ToString(o.Key))
	}
	return keys
}

func objectIDs(keys []string) []types.ObjectIdentifier {
	ids := make([]types.ObjectIdentifier, len(keys))
	for i, k := range keys {
		ids[i] = types.ObjectIdentifier{Key: aws.String(k)}
	}
	return ids
}

// clientHeaders returns the signed headers a client must send. Host is left
// out: HTTP clients derive it from the URL.
func clientHeaders(signed http.Header) map[string]string {
	headers := make(map[string]string, len(signed))
	for name, values := range signed {
		if strings.EqualFold(name, "Host") {
			continue
		}
		headers[http.CanonicalHeaderKey(name)] = strings.Join(values, ",")
	}
	return headers
}

// expiry reads when a presigned URL expires from its own X-Amz-Date and
// X-Amz-Expires parameters, so it matches what S3 will enforce.
func expiry(presigned string) (time.Time, error) {
	u, err := url.Parse(presigned)
	if err != nil {
		return time.Time{}, fmt.Errorf("parse presigned url: %w", err)
	}
	q := u.Query()
	signedAt, err := time.Parse(amzDateFormat, q.Get("X-Amz-Date"))
	if err != nil {
		return time.Time{}, fmt.Errorf("presigned url X-Amz-Date: %w", err)
	}
	seconds, err := strconv.ParseInt(q.Get("X-Amz-Expires"), 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("presigned url X-Amz-Expires: %w", err)
	}
	return signedAt.Add(time.Duration(seconds) * time.Second), nil
}

// checkKey accepts keys that S3 stores and that HTTP clients send
// unchanged: no leading slash, no "." or ".." segment (clients normalize
// them away), no control characters.
func checkKey(key string) error {
	switch {
	case key == "":
		return fmt.Errorf("empty key: %w", domain.ErrInvalid)
	case len(key) > maxKeyBytes:
		return fmt.Errorf("key longer than %d bytes: %w", maxKeyBytes, domain.ErrInvalid)
	case !utf8.ValidString(key) || strings.ContainsFunc(key, unicode.IsControl):
		return fmt.Errorf("key is not printable UTF-8: %w", domain.ErrInvalid)
	case strings.HasPrefix(key, "/"):
		return fmt.Errorf("key starts with a slash: %w", domain.ErrInvalid)
	}
	for segment := range strings.SplitSeq(key, "/") {
		if segment == "." || segment == ".." {
			return fmt.Errorf("key has a %q segment: %w", segment, domain.ErrInvalid)
		}
	}
	return nil
}

func checkTTL(ttl time.Duration) error {
	if ttl < MinPresignTTL || ttl > MaxPresignTTL {
		return fmt.Errorf("ttl %s not between %s and %s: %w", ttl, MinPresignTTL, MaxPresignTTL, domain.ErrInvalid)
	}
	return nil
}

func checkContentType(contentType string) error {
	if _, _, err := mime.ParseMediaType(contentType); err != nil || strings.ContainsFunc(contentType, unicode.IsControl) {
		return fmt.Errorf("content type %q is not a media type: %w", contentType, domain.ErrInvalid)
	}
	return nil
}

// checkContentLength requires at least one byte: the SDK drops the
// Content-Type header of an empty body, which would leave it unsigned.
func checkContentLength(n int64) error {
	if n < 1 || n > MaxPutBytes {
		return fmt.Errorf("content length %d not between 1 and %d: %w", n, int64(MaxPutBytes), domain.ErrInvalid)
	}
	return nil
}

// checkBucketName applies S3's general purpose bucket naming rules: 3 to 63
// lowercase letters, digits, dots and hyphens, starting and ending with a
// letter or digit.
func checkBucketName(bucket BucketName) error {
	name := string(bucket)
	valid := len(name) >= 3 && len(name) <= 63 &&
		isLowerAlnum(rune(name[0])) && isLowerAlnum(rune(name[len(name)-1])) &&
		!strings.ContainsFunc(name, func(r rune) bool { return !isLowerAlnum(r) && r != '.' && r != '-' })
	if !valid {
		return fmt.Errorf("bucket name %q is not a valid S3 bucket name", name)
	}
	return nil
}

func isLowerAlnum(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') }
