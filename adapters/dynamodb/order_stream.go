package dynamodb

import (
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
)

// IsOrderRecord reports whether a DynamoDB stream record is about an order
// item (pk "ORDER#<id>", sk "ORDER"); books, reviews and idempotency
// records share the table's stream and are not.
func IsOrderRecord(r events.DynamoDBEventRecord) bool { return isItemRecord(r, orderPKPrefix, orderSK) }

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
	if change.Old, change.New, err = changeImages(r, orderItem.order); err != nil {
		return app.OrderChange{}, true, err
	}
	return change, true, nil
}

// isItemRecord reports whether a stream record's keys are pk "<pkPrefix>…"
// and sk.
func isItemRecord(r events.DynamoDBEventRecord, pkPrefix, sk string) bool {
	pk, okPK := stringAttr(r.Change.Keys, attrPK)
	s, okSK := stringAttr(r.Change.Keys, attrSK)
	return okPK && okSK && strings.HasPrefix(pk, pkPrefix) && s == sk
}

// changeImages decodes the old and new image of a record as items of type
// I (nil for an absent image) and converts them with convert, as the
// repositories read items.
func changeImages[I, T any](r events.DynamoDBEventRecord, convert func(I) (T, error)) (old, new *T, err error) {
	if old, err = fromImage(r.Change.OldImage, convert); err != nil {
		return nil, nil, fmt.Errorf("old image of %s record %s: %w", r.EventName, r.Change.SequenceNumber, err)
	}
	if new, err = fromImage(r.Change.NewImage, convert); err != nil {
		return nil, nil, fmt.Errorf("new image of %s record %s: %w", r.EventName, r.Change.SequenceNumber, err)
	}
	return old, new, nil
}

func fromImage[I, T any](image map[string]events.DynamoDBAttributeValue, convert func(I) (T, error)) (*T, error) {
	if len(image) == 0 {
		return nil, nil
	}
	item, err := ItemFromStreamImage(image)
	if err != nil {
		return nil, err
	}
	var it I
	if err := dynamo.UnmarshalItem(item, &it); err != nil {
		return nil, fmt.Errorf("decode %T: %w", it, err)
	}
	v, err := convert(it)
	if err != nil {
		return nil, err
	}
	return &v, nil
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
