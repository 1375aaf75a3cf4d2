package sns_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/bookshop/bookshop/adapters/sns"
	"github.com/bookshop/bookshop/app"
)

// No SNS emulator is available on this machine, so the tests run the real
// SDK client against a fake endpoint that speaks SNS's query protocol
// (form-encoded Action=Publish, XML answer).
type fakeSNS struct {
	mu        sync.Mutex
	published []url.Values
	fail      bool
}

func (f *fakeSNS) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil || r.Method != http.MethodPost {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
		http.Error(w, "unsigned", http.StatusForbidden)
		return
	}
	w.Header().Set("Content-Type", "text/xml")
	if f.fail || r.PostForm.Get("Action") != "Publish" {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message></Error><RequestId>r1</RequestId></ErrorResponse>`))
		return
	}
	f.mu.Lock()
	f.published = append(f.published, r.PostForm)
	f.mu.Unlock()
	_, _ = w.Write([]byte(`<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></PublishResponse>`))
}

const topic = "arn:aws:sns:us-east-1:123456789012:OrderNotifications"

func newNotifier(t *testing.T, fake *fakeSNS) *sns.Notifier {
	t.Helper()
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")}
	n, err := sns.NewNotifier(sns.NewClient(cfg, sns.Endpoint(srv.URL)), topic)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestNotifierPublishes(t *testing.T) {
	fake := &fakeSNS{}
	n := newNotifier(t, fake)
	err := n.Notify(context.Background(), app.Notification{
		Kind: app.NotificationOrderPlaced, OrderID: "01JORDER1", Status: "PENDING", TotalCents: 3998,
		Subject: "Order placed: 01JORDER1 \u2014 thanks\n", Text: "Order 01JORDER1 was placed.\n- 2 x Kindred\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(fake.published) != 1 {
		t.Fatalf("published %d messages", len(fake.published))
	}
	got := fake.published[0]
	attrs := map[string]string{}
	for i := 1; i <= 4; i++ {
		p := "MessageAttributes.entry." + string(rune('0'+i))
		attrs[got.Get(p+".Name")] = got.Get(p + ".Value.StringValue")
	}
	if got.Get("TopicArn") != topic || got.Get("Subject") != "Order placed: 01JORDER1   thanks" ||
		!strings.Contains(got.Get("Message"), "2 x Kindred") ||
		attrs["kind"] != "order-placed" || attrs["orderId"] != "01JORDER1" || attrs["status"] != "PENDING" || attrs["totalCents"] != "3998" {
		t.Errorf("published %v", got)
	}
}

func TestNotifierReportsErrors(t *testing.T) {
	n := newNotifier(t, &fakeSNS{fail: true})
	err := n.Notify(context.Background(), app.Notification{Kind: app.NotificationOrderPlaced, Subject: "s", Text: "t"})
	if err == nil || !strings.Contains(err.Error(), "NotFound") {
		t.Fatalf("Notify to a missing topic = %v", err)
	}
}

func TestNewNotifierValidates(t *testing.T) {
	cfg := aws.Config{Region: "us-east-1"}
	if _, err := sns.NewNotifier(nil, topic); err == nil {
		t.Error("nil client accepted")
	}
	if _, err := sns.NewNotifier(sns.NewClient(cfg, ""), "OrderNotifications"); err == nil {
		t.Error("a topic name instead of an ARN accepted")
	}
}
