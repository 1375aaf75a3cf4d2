package streams

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// TestNotifierRetriesOnlyTheFailingRecord proves issue 15's "the notifier
// failing on one record → only that record is retried; no notification
// lost, none sent twice for the same change" with real parts: DynamoDB
// Local's stream, the poller with the template's event source mapping of
// NotifierFunction (batch size, MaximumRetryAttempts 3,
// ReportBatchItemFailures, the order filter), the notifier's handler, and
// a mailbox reached over HTTP by the mailbox client, as in the local stack.
// The mailbox refuses the first two posts about order B. Orders A, B and C
// are placed and A is confirmed before the poller starts, so the first
// batch holds the four order changes (the idempotency records and stock
// changes are filtered out): A is notified, B fails and the batch is
// retried from B, twice, until B goes through; A is never delivered again.
func TestNotifierRetriesOnlyTheFailingRecord(t *testing.T) {
	shop := newLocalShop(t)
	const a, b, c = "01JORDERRETRY0000000000001", "01JORDERRETRY0000000000002", "01JORDERRETRY0000000000003"
	box := newFlakyMailbox(t, apptest.NewClock(shop.now), b, 2)
	client, err := mailbox.NewClient(mailbox.URL(box.url), flakyMailboxSecret, nil)
	if err != nil {
		t.Fatal(err)
	}
	fn := &recordingFunction{invoke: notifierFunction(t, client)}
	start := shop.openPoller(t, templateSource(t, "NotifierFunction"), fn)

	shop.placeOrder(t, a, 1)
	shop.placeOrder(t, b, 2)
	shop.placeOrder(t, c, 3)
	if _, err := shop.orders.Update(context.Background(), a, func(o *domain.Order) error {
		return o.Advance(domain.OrderConfirmed, shop.now)
	}); err != nil {
		t.Fatal(err)
	}
	stop := start()

	waitFor(t, "four notifications and three invocations", func() bool { return len(box.Messages()) >= 4 && len(fn.log()) >= 3 })
	stop()
	type note struct{ Kind, OrderID, Status string }
	var got []note
	msgs := box.Messages()
	for i := len(msgs) - 1; i >= 0; i-- { // oldest first
		got = append(got, note{msgs[i].Kind, msgs[i].OrderID, msgs[i].Status})
	}
	want := []note{
		{"order-placed", a, "PENDING"}, {"order-placed", b, "PENDING"}, {"order-placed", c, "PENDING"},
		{"order-status-changed", a, "CONFIRMED"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("mailbox, oldest first (-want +got):\n%s", diff)
	}
	if n := box.refused(); n != 2 {
		t.Errorf("the mailbox refused %d posts, want 2", n)
	}
	insertA, insertB, insertC, modifyA := "INSERT "+a, "INSERT "+b, "INSERT "+c, "MODIFY "+a
	wantInvocations := []invocation{
		{Records: []string{insertA, insertB, insertC, modifyA}, Failed: []string{insertB}},
		{Records: []string{insertB, insertC, modifyA}, Failed: []string{insertB}},
		{Records: []string{insertB, insertC, modifyA}},
	}
	if diff := cmp.Diff(wantInvocations, fn.log()); diff != "" {
		t.Errorf("invocations (-want +got):\n%s", diff)
	}
}

// templateSource returns the event source mapping of function in
// deploy/template.yaml.
func templateSource(t *testing.T, function string) Source {
	t.Helper()
	for _, s := range deploySources(t) {
		if s.Function == function {
			return s
		}
	}
	t.Fatalf("the template maps no stream to %s", function)
	return Source{}
}

// invocation is what a stream function received ("<eventName> <order id>"
// per record) and the records its batchItemFailures named.
type invocation struct {
	Records []string
	Failed  []string
}

// recordingFunction is an Invoker running invoke in-process and logging
// each invocation.
type recordingFunction struct {
	invoke func(context.Context, []byte) ([]byte, error)

	mu          sync.Mutex
	invocations []invocation
}

func (f *recordingFunction) Invoke(ctx context.Context, _ string, payload []byte) ([]byte, bool, error) {
	var ev events.DynamoDBEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		return nil, false, err
	}
	out, err := f.invoke(ctx, payload)
	var resp events.DynamoDBEventResponse
	if err == nil {
		_ = json.Unmarshal(out, &resp)
	}
	name := map[string]string{}
	var inv invocation
	for _, r := range ev.Records {
		name[r.Change.SequenceNumber] = r.EventName + " " + strings.TrimPrefix(r.Change.Keys["pk"].String(), "ORDER#")
		inv.Records = append(inv.Records, name[r.Change.SequenceNumber])
	}
	for _, failure := range resp.BatchItemFailures {
		inv.Failed = append(inv.Failed, name[failure.ItemIdentifier])
	}
	f.mu.Lock()
	f.invocations = append(f.invocations, inv)
	f.mu.Unlock()
	return out, err != nil, nil
}

func (f *recordingFunction) log() []invocation {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]invocation(nil), f.invocations...)
}

const flakyMailboxSecret mailbox.Secret = "flaky-mailbox-secret"

// flakyMailbox is a real mailbox served over HTTP that answers 503 to the
// first failures posts about order, as a mailbox (or SNS) briefly
// unreachable would.
type flakyMailbox struct {
	*mailbox.Mailbox
	url string

	mu      sync.Mutex
	order   string
	left    int
	refusal int
}

func newFlakyMailbox(t *testing.T, clock app.Clock, order string, failures int) *flakyMailbox {
	t.Helper()
	box, err := mailbox.New(clock, 0)
	if err != nil {
		t.Fatal(err)
	}
	m := &flakyMailbox{Mailbox: box, order: order, left: failures}
	serve := box.Handler(mailbox.Access{PostSecret: flakyMailboxSecret})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var msg mailbox.Message
		_ = json.Unmarshal(body, &msg)
		if m.refuse(msg.OrderID) {
			http.Error(w, "mailbox unavailable", http.StatusServiceUnavailable)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		serve.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	m.url = srv.URL + mailbox.Path
	return m
}

// refuse reports whether a post about order is refused, counting it.
func (m *flakyMailbox) refuse(order string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if order != m.order || m.left == 0 {
		return false
	}
	m.left--
	m.refusal++
	return true
}

func (m *flakyMailbox) refused() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.refusal
}
