package dynamodb

import (
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// IsOrderRecord reports whether a DynamoDB stream record is about an order
// item (pk "ORDER#<id>", sk "ORDER"); books, reviews and idempotency
// records share the table's stream and are not.
func IsOrderRecord(r events.DynamoDBEventRecord) bool {
	pk, okPK := stringAttr(r.Change.Keys, attrPK)
	sk, okSK := stringAttr(r.Change.Keys, attrSK)
	return okPK && okSK && strings.HasPrefix(pk, orderPKPrefix) && sk == orderSK
}

// OrderChangeFromStream decodes a stream record of the table (in the shape
// Lambda delivers it, events.DynamoDBEventRecord) into the order change it
// reports, with the images decoded like OrderRepository reads items. ok is
// false for records of other items. An order image that cannot be decoded
// (a corrupt or foreign item) is an error: retrying will not cure it.
// Images the stream's view type leaves out (KEYS_ONLY, NEW_IMAGE) are nil.
func OrderChangeFromStream(r events.DynamoDBEventRecord) (change app.OrderChange, ok bool, err error) {
	if !IsOrderRecord(r) {
		return app.OrderChange{}, false, nil
	}
	if change.Old, err = orderFromImage(r.Change.OldImage); err != nil {
		return app.OrderChange{}, true, fmt.Errorf("old image of %s record %s: %w", r.EventName, r.Change.SequenceNumber, err)
	}
	if change.New, err = orderFromImage(r.Change.NewImage); err != nil {
		return app.OrderChange{}, true, fmt.Errorf("new image of %s record %s: %w", r.EventName, r.Change.SequenceNumber, err)
	}
	return change, true, nil
}

// orderFromImage decodes an order image; nil for an absent image.
func orderFromImage(image map[string]events.DynamoDBAttributeValue) (*domain.Order, error) {
	if len(image) == 0 {
		return nil, nil
	}
	item, err := ItemFromStreamImage(image)
	if err != nil {
		return nil, err
	}
	var it orderItem
	if err := dynamo.UnmarshalItem(item, &it); err != nil {
		return nil, fmt.Errorf("decode order item: %w", err)
	}
	o, err := it.order()
	if err != nil {
		return nil, err
	}
	return &o, nil
}

func stringAttr(m map[string]events.DynamoDBAttributeValue, name string) (string, bool) {
	av, ok := m[name]
	if !ok || av.DataType() != events.DataTypeString {
		return "", false
	}
	return av.String(), true
}

// ItemFromStreamImage converts an image of Lambda's stream event types into
// the SDK's attribute values, as GetItem returns them.
func ItemFromStreamImage(image map[string]events.DynamoDBAttributeValue) (map[string]types.AttributeValue, error) {
	out := make(map[string]types.AttributeValue, len(image))
	for name, av := range image {
		v, err := attributeFromStream(av)
		if err != nil {
			return nil, fmt.Errorf("attribute %q: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

func attributeFromStream(av events.DynamoDBAttributeValue) (types.AttributeValue, error) {
	switch av.DataType() {
	case events.DataTypeString:
		return &types.AttributeValueMemberS{Value: av.String()}, nil
	case events.DataTypeNumber:
		return &types.AttributeValueMemberN{Value: av.Number()}, nil
	case events.DataTypeBinary:
		return &types.AttributeValueMemberB{Value: av.Binary()}, nil
	case events.DataTypeBoolean:
		return &types.AttributeValueMemberBOOL{Value: av.Boolean()}, nil
	case events.DataTypeNull:
		return &types.AttributeValueMemberNULL{Value: true}, nil
	case events.DataTypeStringSet:
		return &types.AttributeValueMemberSS{Value: av.StringSet()}, nil
	case events.DataTypeNumberSet:
		return &types.AttributeValueMemberNS{Value: av.NumberSet()}, nil
	case events.DataTypeBinarySet:
		return &types.AttributeValueMemberBS{Value: av.BinarySet()}, nil
	case events.DataTypeList:
		list := av.List()
		out := make([]types.AttributeValue, len(list))
		for i, e := range list {
			v, err := attributeFromStream(e)
			if err != nil {
				return nil, fmt.Errorf("[%d]: %w", i, err)
			}
			out[i] = v
		}
		return &types.AttributeValueMemberL{Value: out}, nil
	case events.DataTypeMap:
		m, err := ItemFromStreamImage(av.Map())
		if err != nil {
			return nil, err
		}
		return &types.AttributeValueMemberM{Value: m}, nil
	}
	return nil, fmt.Errorf("unknown attribute type %d", av.DataType())
}
