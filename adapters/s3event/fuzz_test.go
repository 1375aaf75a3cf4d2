package s3event_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/memory"
)

// FuzzHandle decodes arbitrary S3 event JSON as the thumbnailer's runtime
// does and handles it over memory adapters, where nothing fails
// transiently: Handle never panics and never asks for a retry, because
// input that cannot succeed is dropped (see the package's error policy).
// go test ./adapters/s3event -run '^$' -fuzz FuzzHandle
func FuzzHandle(f *testing.F) {
	golden, err := os.ReadFile("testdata/s3-put-event.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(golden)
	for _, ev := range []string{
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"covers/book+1%C3%A9/01JD0000000000000000000001.png"}}}]}`,
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"covers/%zz"}}}]}`,
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"thumbnails/x/y-200x280.jpg"}}}]}`,
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"covers/../../etc/passwd"}}}]}`,
		`{"Records":[{"eventName":"ObjectRemoved:Delete","s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"covers/a/b.png"}}}]}`,
		`{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"other"},"object":{"key":"covers/a/b.png"}}}]}`,
		`{"Records":[{}]}`, `{}`,
	} {
		f.Add([]byte(ev))
	}
	fx := newFixture(f, memory.NewBookRepository())
	fx.objects.Put(goldenKey, "image/png", []byte("\x89PNG not really"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var ev events.S3Event
		if json.Unmarshal(data, &ev) != nil {
			return // the runtime fails the invoke before the handler runs
		}
		if err := fx.handler.Handle(context.Background(), ev); err != nil {
			t.Fatalf("Handle(%s) = %v, want nil: nothing here can be cured by a retry", data, err)
		}
	})
}
