package emulator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// FuzzS3Notification posts arbitrary MinIO webhook bodies to the gateway:
// it never panics, answers 202, 400 or 413, and every invocation it makes
// carries an S3 event of exactly one aws:s3 record that the thumbnailer can
// decode. go test ./cmd/gateway/internal/emulator -run '^$' -fuzz FuzzS3Notification
func FuzzS3Notification(f *testing.F) {
	golden, err := os.ReadFile("testdata/minio-put-notification.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(golden)
	f.Add(bytes.Replace(golden, []byte(`My+Cover%281%29.jpg`), []byte(`%zz`), 2))
	f.Add(bytes.Replace(golden, []byte(`"s3:ObjectCreated:Put"`), []byte(`"s3:ObjectCreated:*"`), 2))
	f.Add([]byte(`{"Records":[{"s3":{"bucket":{"name":"bookshop-covers"},"object":{"key":"covers/x"}},"eventName":"ObjectCreated:Put"}]}`))
	f.Add([]byte(`{"Records":null}`))
	f.Add([]byte(`{"Records":[{}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(``))

	var (
		mu       sync.Mutex
		problems []string
	)
	fn := endpoint(f, func(_ context.Context, payload []byte) ([]byte, error) {
		var ev events.S3Event
		err := json.Unmarshal(payload, &ev)
		if err == nil && (len(ev.Records) != 1 || ev.Records[0].EventSource != "aws:s3" || strings.HasPrefix(ev.Records[0].EventName, "s3:")) {
			err = fmt.Errorf("not one AWS-shaped record: %s", payload)
		}
		if err != nil {
			mu.Lock()
			problems = append(problems, err.Error())
			mu.Unlock()
		}
		return []byte("null"), nil
	})
	gw := newGateway(f, func(c *emulator.Config) { c.Endpoints["ThumbnailerFunction"] = []string{fn.URL} })
	f.Fuzz(func(t *testing.T, body []byte) {
		rec := httptest.NewRecorder()
		gw.gw.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/_local/s3-events", bytes.NewReader(body)))
		switch rec.Code {
		case http.StatusAccepted, http.StatusBadRequest, http.StatusRequestEntityTooLarge:
		default:
			t.Fatalf("status %d for %q", rec.Code, body)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := gw.gw.WaitAsync(ctx); err != nil {
			t.Fatal(err)
		}
		mu.Lock()
		defer mu.Unlock()
		if len(problems) > 0 {
			t.Fatalf("invocation for %q: %s", body, problems[0])
		}
	})
}
