package dynamodb_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/domain"
)

// orderImage is an order item as a NEW_AND_OLD_IMAGES stream record of
// Lambda's event JSON carries it, in the layout of table.go.
const orderImage = `{
  "pk": {"S": "ORDER#01JORDER0000000000000000001"}, "sk": {"S": "ORDER"},
  "order_id": {"S": "01JORDER0000000000000000001"}, "order_user": {"S": "user-1"}, "order_status": {"S": "STATUS"},
  "lines": {"L": [{"M": {"book_id": {"S": "B1"}, "title": {"S": "Kindred"}, "unit_price_cents": {"N": "1499"}, "qty": {"N": "2"}}}]},
  "currency": {"S": "USD"}, "subtotal_cents": {"N": "2998"}, "shipping_cents": {"N": "1000"}, "total_cents": {"N": "3998"},
  "created_at": {"S": "2026-11-27T09:00:00Z"}, "updated_at": {"S": "2026-11-27T09:00:00Z"}, "version": {"N": "VERSION"},
  "flags": {"SS": ["a"]}, "nothing": {"NULL": true}, "gift": {"BOOL": false}
}`

func streamRecord(t *testing.T, name, keys, newImage, oldImage string) events.DynamoDBEventRecord {
	t.Helper()
	body := `{"eventName":"` + name + `","eventSource":"aws:dynamodb","dynamodb":{"Keys":` + keys + `,"SequenceNumber":"7","StreamViewType":"NEW_AND_OLD_IMAGES"`
	if newImage != "" {
		body += `,"NewImage":` + newImage
	}
	if oldImage != "" {
		body += `,"OldImage":` + oldImage
	}
	var r events.DynamoDBEventRecord
	if err := json.Unmarshal([]byte(body+"}}"), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func image(status, version string) string {
	return strings.NewReplacer("STATUS", status, "VERSION", version).Replace(orderImage)
}

const orderKeys = `{"pk": {"S": "ORDER#01JORDER0000000000000000001"}, "sk": {"S": "ORDER"}}`

func TestOrderChangeFromStream(t *testing.T) {
	t.Run("insert", func(t *testing.T) {
		c, ok, err := dynamodb.OrderChangeFromStream(streamRecord(t, "INSERT", orderKeys, image("PENDING", "1"), ""))
		if err != nil || !ok {
			t.Fatalf("OrderChangeFromStream = %v, %v", ok, err)
		}
		if c.Old != nil || c.New == nil {
			t.Fatalf("change = %+v; want a new order only", c)
		}
		o := *c.New
		if o.ID() != "01JORDER0000000000000000001" || o.UserID() != "user-1" || o.Status() != domain.OrderPending ||
			o.Total().Cents() != 3998 || len(o.Lines()) != 1 || o.Lines()[0].Title != "Kindred" || o.Version() != 1 {
			t.Errorf("order = %+v", o.Snapshot())
		}
	})
	t.Run("modify", func(t *testing.T) {
		c, ok, err := dynamodb.OrderChangeFromStream(streamRecord(t, "MODIFY", orderKeys, image("CONFIRMED", "2"), image("PENDING", "1")))
		if err != nil || !ok || c.Old == nil || c.New == nil {
			t.Fatalf("OrderChangeFromStream = %+v, %v, %v", c, ok, err)
		}
		if c.Old.Status() != domain.OrderPending || c.New.Status() != domain.OrderConfirmed {
			t.Errorf("statuses %s → %s", c.Old.Status(), c.New.Status())
		}
	})
	t.Run("other items are not orders", func(t *testing.T) {
		for _, keys := range []string{
			`{"pk": {"S": "BOOK#B1"}, "sk": {"S": "BOOK"}}`,
			`{"pk": {"S": "IDEMPOTENCY#user-1#k"}, "sk": {"S": "IDEMPOTENCY"}}`,
			`{"pk": {"S": "BOOK#B1"}, "sk": {"S": "REVIEW#user-1"}}`,
			`{"pk": {"N": "1"}}`,
		} {
			if _, ok, err := dynamodb.OrderChangeFromStream(streamRecord(t, "INSERT", keys, `{"x":{"S":"y"}}`, "")); ok || err != nil {
				t.Errorf("keys %s: ok=%v err=%v; want skipped", keys, ok, err)
			}
		}
	})
	t.Run("a corrupt order is an error", func(t *testing.T) {
		bad := strings.Replace(image("PENDING", "1"), `"total_cents": {"N": "3998"}`, `"total_cents": {"N": "1"}`, 1)
		if _, ok, err := dynamodb.OrderChangeFromStream(streamRecord(t, "INSERT", orderKeys, bad, "")); !ok || err == nil {
			t.Fatalf("corrupt order: ok=%v err=%v; want an error", ok, err)
		}
	})
}
