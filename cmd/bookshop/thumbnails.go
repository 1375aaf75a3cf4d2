package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// thumbnailTimeout bounds the processing of one uploaded object.
const thumbnailTimeout = time.Minute

// thumbnailHook marks that uploads to the in-memory store make thumbnails,
// as S3 events invoke the thumbnailer function on AWS.
type thumbnailHook struct{}

// newThumbnailHook runs the thumbnail use case in-process, in its own
// goroutine, after every object the store receives; the store's
// WaitForHooks waits for it.
func newThumbnailHook(objects objectServer, thumbs *app.Thumbnails, logger *slog.Logger) thumbnailHook {
	objects.OnObjectCreated(func(key string) {
		ctx, cancel := context.WithTimeout(context.Background(), thumbnailTimeout)
		defer cancel()
		res, err := thumbs.MakeThumbnails(ctx, key)
		log := logger.With("key", key, "book", string(res.BookID))
		switch {
		case err == nil && res.Outcome == app.ThumbnailsNotACover:
			log.DebugContext(ctx, "object is not a cover")
		case err == nil:
			log.InfoContext(ctx, "cover processed", "outcome", res.Outcome.String())
		case errors.Is(err, domain.ErrInvalid):
			log.WarnContext(ctx, "cover dropped: unusable image", "error", err.Error())
		default:
			log.ErrorContext(ctx, "cover failed", "error", err.Error())
		}
	})
	return thumbnailHook{}
}
