package s3

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// GetObject implements app.ObjectStore. It refuses an object larger than
// maxBytes from the Content-Length of S3's response and closes the response
// without reading it; the returned Body fails rather than yield more bytes
// than announced.
func (s *ObjectStore) GetObject(ctx context.Context, key string, maxBytes int64) (app.Object, error) {
	if err := checkKey(key); err != nil {
		return app.Object{}, fmt.Errorf("get object: %w", err)
	}
	out, err := s.client.GetObject(ctx, &awss3.GetObjectInput{Bucket: aws.String(s.bucket), Key: aws.String(key)})
	if err != nil {
		if isNoSuchKey(err) {
			return app.Object{}, fmt.Errorf("get object %q: %w: %w", key, domain.ErrNotFound, err)
		}
		return app.Object{}, fmt.Errorf("get object %q: %w", key, s.explain(err))
	}
	size := aws.ToInt64(out.ContentLength)
	if size > maxBytes || size < 0 {
		out.Body.Close()
		return app.Object{}, fmt.Errorf("get object: %w", &app.ObjectTooLargeError{Key: key, Size: size, Limit: maxBytes})
	}
	return app.Object{
		Body:        &boundedBody{r: io.LimitReader(out.Body, size+1), c: out.Body, left: size},
		Size:        size,
		ContentType: aws.ToString(out.ContentType),
	}, nil
}

// CheckAvailable implements app.ObjectStore with one HeadBucket call,
// bounded by ctx (and the client's retry policy). A store that does not
// answer, or fails on its side, wraps app.ErrUnavailable (the client's
// awsfault middleware decides which failures those are); a missing bucket
// or a denied request is a configuration error, reported as such.
func (s *ObjectStore) CheckAvailable(ctx context.Context) error {
	_, err := s.client.HeadBucket(ctx, &awss3.HeadBucketInput{Bucket: aws.String(s.bucket)})
	var notFound *types.NotFound
	switch {
	case err == nil:
		return nil
	case errors.As(err, &notFound):
		return fmt.Errorf("check bucket %q: the bucket does not exist: %w", s.bucket, err)
	default:
		return fmt.Errorf("check bucket: %w", s.explain(err))
	}
}

// PutObject implements app.ObjectStore with one PutObject call.
func (s *ObjectStore) PutObject(ctx context.Context, key, contentType string, data []byte) error {
	if err := errors.Join(checkKey(key), checkContentType(contentType)); err != nil {
		return fmt.Errorf("put object %q: %w", key, err)
	}
	_, err := s.client.PutObject(ctx, &awss3.PutObjectInput{
		Bucket:        aws.String(s.bucket),
		Key:           aws.String(key),
		Body:          bytes.NewReader(data),
		ContentType:   aws.String(contentType),
		ContentLength: aws.Int64(int64(len(data))),
	})
	if err != nil {
		return fmt.Errorf("put object %q: %w", key, s.explain(err))
	}
	return nil
}

func isNoSuchKey(err error) bool {
	var noKey *types.NoSuchKey
	var apiErr smithy.APIError
	return errors.As(err, &noKey) || (errors.As(err, &apiErr) && apiErr.ErrorCode() == "NoSuchKey")
}

// boundedBody reads a response body that must hold exactly left more bytes.
type boundedBody struct {
	r    io.Reader
	c    io.Closer
	left int64
}

func (b *boundedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return 0, errors.New("s3: object body is longer than its Content-Length")
	}
	return n, err
}

func (b *boundedBody) Close() error { return b.c.Close() }
