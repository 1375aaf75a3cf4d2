// Package s3event is the inbound adapter for S3 event notifications: it
// runs the thumbnail use case for each object-created record of an
// events.S3Event, as the thumbnailer Lambda function receives them.
//
// Error policy. S3 invokes the function asynchronously; Lambda retries a
// failed invoke (twice by default) and then drops the event. So Handle
// returns an error only for failures a retry can cure (DynamoDB or S3
// unreachable, a version conflict that outlasted the repository's retries).
// Input that will never succeed (an object that is not a usable image, a
// key that cannot be decoded, another bucket) is logged at warn level and
// dropped with a nil error, so it does not burn retries. Every record of an
// event is attempted even when one fails; since the use case is idempotent,
// the retry of an event whose other records succeeded is harmless.
package s3event

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/wire"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// Bucket names the bucket whose events the handler accepts; records of
// other buckets are dropped. Empty accepts every bucket.
type Bucket string

// Handler handles S3 event notifications.
type Handler struct {
	thumbs  *app.Thumbnails
	bucket  string
	logger  *slog.Logger
	metrics app.Metrics
}

// SetMetrics makes the handler record thumbnails made and covers refused
// (unusable images) to m. Call it before serving; by default nothing is
// recorded.
func (h *Handler) SetMetrics(m app.Metrics) { h.metrics = m }

// ProviderSet provides the Handler.
var ProviderSet = wire.NewSet(NewHandler)

// NewHandler returns a handler that makes thumbnails of the objects created
// in bucket.
func NewHandler(thumbs *app.Thumbnails, bucket Bucket, logger *slog.Logger) (*Handler, error) {
	if thumbs == nil || logger == nil {
		return nil, errors.New("s3event: nil thumbnails use case or logger")
	}
	return &Handler{thumbs: thumbs, bucket: string(bucket), logger: logger, metrics: app.NoMetrics{}}, nil
}

// Handle processes every record of ev; see the package comment for what it
// returns.
func (h *Handler) Handle(ctx context.Context, ev events.S3Event) error {
	var errs []error
	for i, r := range ev.Records {
		if err := h.record(ctx, r); err != nil {
			errs = append(errs, fmt.Errorf("record %d: %w", i, err))
		}
	}
	return errors.Join(errs...)
}

// record handles one record; it returns only retryable errors.
func (h *Handler) record(ctx context.Context, r events.S3EventRecord) error {
	log := h.logger.With("event", r.EventName, "bucket", r.S3.Bucket.Name, "rawKey", r.S3.Object.Key)
	// AWS names the event "ObjectCreated:Put"; MinIO "s3:ObjectCreated:Put".
	if !strings.HasPrefix(strings.TrimPrefix(r.EventName, "s3:"), "ObjectCreated:") {
		log.InfoContext(ctx, "s3 event ignored: not an object creation")
		return nil
	}
	if h.bucket != "" && r.S3.Bucket.Name != h.bucket {
		log.WarnContext(ctx, "s3 event dropped: another bucket", "expected", h.bucket)
		return nil
	}
	// Keys arrive URL-encoded, with '+' for a space.
	key, err := url.QueryUnescape(r.S3.Object.Key)
	if err != nil {
		log.WarnContext(ctx, "s3 event dropped: key is not URL-encoded", "error", err.Error())
		return nil
	}
	log = log.With("key", key)
	res, err := h.thumbs.MakeThumbnails(ctx, key)
	switch {
	case err == nil:
		log.InfoContext(ctx, "cover processed", "outcome", res.Outcome.String(), "book", string(res.BookID))
		if res.Outcome == app.ThumbnailsRecorded {
			h.metrics.Record(ctx, app.MetricThumbnailsMade, 1)
		}
		return nil
	case errors.Is(err, domain.ErrInvalid):
		log.WarnContext(ctx, "cover dropped: unusable image", "book", string(res.BookID), "error", err.Error())
		h.metrics.Record(ctx, app.MetricThumbnailsRefused, 1)
		return nil
	default:
		log.ErrorContext(ctx, "cover failed; the event will be retried", "book", string(res.BookID), "error", err.Error())
		return err
	}
}
