package dynamodb_test

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/dynamodb"
)

// FuzzOrderChangeFromStream decodes arbitrary stream records, as the
// notifier receives them in Lambda's event JSON: decoding never panics,
// records of other items are not order changes, and a decoded change holds
// an order for each image the record carries.
// go test ./adapters/dynamodb -run '^$' -fuzz FuzzOrderChangeFromStream
func FuzzOrderChangeFromStream(f *testing.F) {
	record := func(keys, newImage, oldImage string) []byte {
		body := `{"eventName":"MODIFY","dynamodb":{"Keys":` + keys + `,"SequenceNumber":"7"`
		if newImage != "" {
			body += `,"NewImage":` + newImage
		}
		if oldImage != "" {
			body += `,"OldImage":` + oldImage
		}
		return []byte(body + "}}")
	}
	f.Add(record(orderKeys, image("PENDING", "1"), ""))
	f.Add(record(orderKeys, image("CONFIRMED", "2"), image("PENDING", "1")))
	f.Add(record(orderKeys, image("LOST", "x"), ""))
	f.Add(record(orderKeys, `{"pk":{"S":"ORDER#1"},"lines":{"L":[{"M":{"qty":{"N":"1e999"}}}]}}`, ""))
	f.Add(record(orderKeys, `{"lines":{"M":{"a":{"BS":["AA=="]}}},"x":{"NS":["1"]}}`, ""))
	f.Add(record(`{"pk":{"S":"BOOK#1"},"sk":{"S":"BOOK"}}`, `{"title":{"S":"x"}}`, ""))
	f.Add(record(`{"pk":{"N":"1"},"sk":{"S":"ORDER"}}`, "", ""))
	f.Add([]byte(`{"dynamodb":{"Keys":{"pk":{"S":"ORDER#1"},"sk":{"S":"ORDER"}},"NewImage":{"a":{"B":"!!"}}}}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r events.DynamoDBEventRecord
		if json.Unmarshal(data, &r) != nil {
			return // Lambda would not deliver it: the runtime fails to decode the event
		}
		change, ok, err := dynamodb.OrderChangeFromStream(r)
		if !ok {
			if dynamodb.IsOrderRecord(r) || err != nil {
				t.Fatalf("an order record was not decoded, or a foreign one failed: ok %v err %v", ok, err)
			}
			return
		}
		if err != nil {
			return
		}
		if (change.New != nil) != (len(r.Change.NewImage) > 0) || (change.Old != nil) != (len(r.Change.OldImage) > 0) {
			t.Fatalf("change %+v for images new %d old %d", change, len(r.Change.NewImage), len(r.Change.OldImage))
		}
	})
}
