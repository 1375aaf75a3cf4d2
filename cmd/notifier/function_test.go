package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/app/apptest"
)

// newClock returns a clock standing still at the golden event's time.
func newClock() *apptest.Clock {
	return apptest.NewClock(time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC))
}

// testSecret is the mailbox's secret in these tests.
const testSecret mailbox.Secret = "notifier-secret"

// startFunction builds the function as Lambda runs it (wire injector, env
// configuration, aws-lambda-go's handler adapter on raw JSON) with the
// mailbox client posting to handler.
func startFunction(t *testing.T, handler http.Handler) func(ctx context.Context, payload []byte) ([]byte, error) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	cfg, err := configFromEnv(envOf(map[string]string{
		"AWS_REGION": "us-east-1", "BOOKSHOP_MAILBOX_URL": srv.URL + mailbox.Path, "BOOKSHOP_MAILBOX_SECRET": string(testSecret), "LOG_LEVEL": "error",
	}))
	if err != nil {
		t.Fatal(err)
	}
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return lambda.NewHandler(h.Handle).Invoke
}

func goldenEvent(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/dynamodb-stream-event.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodeResponse(t *testing.T, out []byte) events.DynamoDBEventResponse {
	t.Helper()
	var resp events.DynamoDBEventResponse
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatalf("response %s: %v", out, err)
	}
	return resp
}

// TestNotifierFunction delivers the golden stream batch: an idempotency
// record, a book's stock change, an order INSERT, its PENDING → CONFIRMED
// MODIFY and a MODIFY that keeps the status. Exactly two messages reach the
// mailbox.
func TestNotifierFunction(t *testing.T) {
	box, err := mailbox.New(newClock(), 0)
	if err != nil {
		t.Fatal(err)
	}
	invoke := startFunction(t, box.Handler(mailbox.Access{PostSecret: testSecret}))
	out, err := invoke(context.Background(), goldenEvent(t))
	if err != nil {
		t.Fatalf("invoke = %s, %v", out, err)
	}
	if resp := decodeResponse(t, out); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("batchItemFailures = %+v", resp.BatchItemFailures)
	}
	got := box.Messages()
	if len(got) != 2 {
		t.Fatalf("mailbox = %+v; want 2 messages", got)
	}
	placed, changed := got[1], got[0]
	if placed.Kind != "order-placed" || placed.OrderID != "01JORDER0000000000000000001" || placed.TotalCents != 3998 ||
		!strings.Contains(placed.Subject, "Order placed") || !strings.Contains(placed.Text, "2 x Kindred") {
		t.Errorf("placed = %+v", placed)
	}
	if changed.Kind != "order-status-changed" || changed.Status != "CONFIRMED" || changed.PreviousStatus != "PENDING" {
		t.Errorf("status changed = %+v", changed)
	}
}

// A failing mailbox makes the function report the first order record as a
// batch item failure, so Lambda retries from it; nothing after it is sent.
func TestNotifierFunctionReportsBatchItemFailures(t *testing.T) {
	var posts atomic.Int32
	invoke := startFunction(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		posts.Add(1)
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	out, err := invoke(context.Background(), goldenEvent(t))
	if err != nil {
		t.Fatalf("invoke = %s, %v", out, err)
	}
	resp := decodeResponse(t, out)
	if len(resp.BatchItemFailures) != 1 || resp.BatchItemFailures[0].ItemIdentifier != "100000000000000000003" {
		t.Fatalf("batchItemFailures = %+v; want the order INSERT's sequence number", resp.BatchItemFailures)
	}
	if posts.Load() != 1 {
		t.Errorf("%d posts; want 1 (processing stops at the failure)", posts.Load())
	}
}

// A corrupt order image is skipped, not retried forever.
func TestNotifierFunctionSkipsCorruptRecords(t *testing.T) {
	box, err := mailbox.New(newClock(), 0)
	if err != nil {
		t.Fatal(err)
	}
	invoke := startFunction(t, box.Handler(mailbox.Access{PostSecret: testSecret}))
	ev := strings.Replace(string(goldenEvent(t)), `"2998"`, `"1"`, 1) // the INSERT's subtotal no longer adds up
	out, err := invoke(context.Background(), []byte(ev))
	if err != nil {
		t.Fatalf("invoke = %s, %v", out, err)
	}
	if resp := decodeResponse(t, out); len(resp.BatchItemFailures) != 0 {
		t.Fatalf("batchItemFailures = %+v; want none for an undecodable record", resp.BatchItemFailures)
	}
	if got := box.Messages(); len(got) != 1 || got[0].Kind != "order-status-changed" {
		t.Fatalf("mailbox = %+v; want only the status change", got)
	}
}
