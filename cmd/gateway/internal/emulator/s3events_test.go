package emulator_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
)

// TestS3Notifications posts MinIO webhook notifications and checks the S3
// events the thumbnailer receives: the genuine S3 event shape (golden file,
// keys still URL-encoded), and the template trigger's bucket, event and
// prefix filters.
func TestS3Notifications(t *testing.T) {
	notification, err := os.ReadFile("testdata/minio-put-notification.json")
	if err != nil {
		t.Fatal(err)
	}
	post := func(t *testing.T, gw *testGateway, body string) {
		t.Helper()
		resp, _ := do(t, newRequest(t, "POST", gw.URL+"/_local/s3-events", []byte(body)))
		if resp.StatusCode != http.StatusAccepted {
			t.Fatalf("status %d, want 202", resp.StatusCode)
		}
	}
	t.Run("matching object", func(t *testing.T) {
		fn := endpoint(t, func(context.Context, []byte) ([]byte, error) { return []byte("null"), nil })
		gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["ThumbnailerFunction"] = []string{fn.URL} })
		post(t, gw, string(notification))
		gw.waitAsync(t)
		payloads := fn.Payloads()
		if len(payloads) != 1 {
			t.Fatalf("%d invocations, want 1", len(payloads))
		}
		var ev events.S3Event // what the thumbnailer decodes
		if err := json.Unmarshal(payloads[0], &ev); err != nil {
			t.Fatal(err)
		}
		if got, want := ev.Records[0].S3.Object.URLDecodedKey, "covers/01JDXK5V7Q/My Cover(1).jpg"; got != want {
			t.Errorf("decoded key = %q, want %q", got, want)
		}
		compareGolden(t, "s3-event-put.golden.json", payloads[0])
	})
	filtered := []struct{ name, from, to string }{
		{"outside the prefix", `"key": "covers/`, `"key": "thumbnails/`},
		{"another bucket", `"name": "bookshop-covers"`, `"name": "bookshop-web"`},
		{"another event", `"eventName": "s3:ObjectCreated:Put"`, `"eventName": "s3:ObjectRemoved:Delete"`},
	}
	for _, f := range filtered {
		t.Run(f.name, func(t *testing.T) {
			fn := endpoint(t, func(context.Context, []byte) ([]byte, error) { return []byte("null"), nil })
			gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["ThumbnailerFunction"] = []string{fn.URL} })
			body := strings.Replace(string(notification), f.from, f.to, 1)
			if body == string(notification) {
				t.Fatalf("%q is not in the notification", f.from)
			}
			post(t, gw, body)
			gw.waitAsync(t)
			if n := fn.Invocations(); n != 0 {
				t.Errorf("%d invocations, want 0", n)
			}
		})
	}
	t.Run("failed invocations are retried twice", func(t *testing.T) {
		var calls atomic.Int64
		fn := endpoint(t, func(context.Context, []byte) ([]byte, error) {
			if calls.Add(1) < 3 {
				return nil, errors.New("transient")
			}
			return []byte("null"), nil
		})
		gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["ThumbnailerFunction"] = []string{fn.URL} })
		post(t, gw, string(notification))
		gw.waitAsync(t)
		if n := fn.Invocations(); n != 3 {
			t.Errorf("%d invocations, want 3 (1 + 2 retries)", n)
		}
	})
	t.Run("gives up after two retries", func(t *testing.T) {
		fn := endpoint(t, func(context.Context, []byte) ([]byte, error) { return nil, errors.New("always") })
		gw := newGateway(t, func(c *emulator.Config) { c.Endpoints["ThumbnailerFunction"] = []string{fn.URL} })
		post(t, gw, string(notification))
		gw.waitAsync(t)
		if n := fn.Invocations(); n != 3 {
			t.Errorf("%d invocations, want 3", n)
		}
	})
	t.Run("malformed notification", func(t *testing.T) {
		gw := newGateway(t, nil)
		resp, _ := do(t, newRequest(t, "POST", gw.URL+"/_local/s3-events", []byte("{")))
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("status %d, want 400", resp.StatusCode)
		}
	})
}
