package dynamodb

import (
	"fmt"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// decodeBookItem reads a stored book item without reflection: the book read
// is the shop's hot path, and guregu/dynamo's reflective decoding costs it
// a dozen allocations. It decodes as dynamo.UnmarshalItem does into
// bookItem (a test keeps the two equal): attributes it does not know are
// ignored, absent ones stay zero, a known one of another type is an error.
func decodeBookItem(item map[string]types.AttributeValue) (bookItem, error) {
	var it bookItem
	for name, av := range item {
		var err error
		switch name {
		case "pk":
			it.PK, err = decodeS(name, av)
		case "sk":
			it.SK, err = decodeS(name, av)
		case "entity":
			it.Entity, err = decodeS(name, av)
		case "id":
			it.ID, err = decodeS(name, av)
		case "category":
			it.Category, err = decodeS(name, av)
		case "title_key":
			it.TitleKey, err = decodeS(name, av)
		case "title":
			it.Title, err = decodeS(name, av)
		case "author":
			it.Author, err = decodeS(name, av)
		case "description":
			it.Description, err = decodeS(name, av)
		case "price_cents":
			it.PriceCents, err = decodeN(name, av)
		case "currency":
			it.Currency, err = decodeS(name, av)
		case "stock":
			var n int64
			n, err = decodeN(name, av)
			it.Stock = int(n)
		case "cover_key":
			it.CoverKey, err = decodeS(name, av)
		case "thumbnail_key":
			it.ThumbnailKey, err = decodeS(name, av)
		case "thumbnail_2x_key":
			it.Thumbnail2xKey, err = decodeS(name, av)
		case "created_at":
			it.CreatedAt, err = decodeS(name, av)
		case "updated_at":
			it.UpdatedAt, err = decodeS(name, av)
		case "version":
			it.Version, err = decodeN(name, av)
		case "rating_sum":
			it.RatingSum, err = decodeN(name, av)
		case "rating_count":
			it.RatingCount, err = decodeN(name, av)
		}
		if err != nil {
			return bookItem{}, err
		}
	}
	return it, nil
}

// decodeS reads a string attribute; NULL reads as "".
func decodeS(name string, av types.AttributeValue) (string, error) {
	switch v := av.(type) {
	case *types.AttributeValueMemberS:
		return v.Value, nil
	case *types.AttributeValueMemberNULL:
		return "", nil
	}
	return "", fmt.Errorf("attribute %s: want a string, got %T", name, av)
}

// decodeN reads an integer number attribute; NULL reads as 0.
func decodeN(name string, av types.AttributeValue) (int64, error) {
	switch v := av.(type) {
	case *types.AttributeValueMemberN:
		n, err := strconv.ParseInt(v.Value, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("attribute %s: %w", name, err)
		}
		return n, nil
	case *types.AttributeValueMemberNULL:
		return 0, nil
	}
	return 0, fmt.Errorf("attribute %s: want a number, got %T", name, av)
}
