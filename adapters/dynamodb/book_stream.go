package dynamodb

import (
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// IsBookRecord reports whether a DynamoDB stream record is about a book
// item (pk "BOOK#<id>", sk "BOOK"); reviews share the book's partition and
// are not.
func IsBookRecord(r events.DynamoDBEventRecord) bool {
	pk, okPK := stringAttr(r.Change.Keys, attrPK)
	sk, okSK := stringAttr(r.Change.Keys, attrSK)
	return okPK && okSK && strings.HasPrefix(pk, bookPKPrefix) && sk == bookSK
}

// BookChangeFromStream decodes a stream record of the table into the book
// change it reports, with the images decoded like BookRepository reads
// items. ok is false for records of other items. A book image that cannot
// be decoded is an error: retrying will not cure it.
func BookChangeFromStream(r events.DynamoDBEventRecord) (change app.BookChange, ok bool, err error) {
	if !IsBookRecord(r) {
		return app.BookChange{}, false, nil
	}
	if change.Old, err = bookFromImage(r.Change.OldImage); err != nil {
		return app.BookChange{}, true, fmt.Errorf("old image of %s record %s: %w", r.EventName, r.Change.SequenceNumber, err)
	}
	if change.New, err = bookFromImage(r.Change.NewImage); err != nil {
		return app.BookChange{}, true, fmt.Errorf("new image of %s record %s: %w", r.EventName, r.Change.SequenceNumber, err)
	}
	return change, true, nil
}

// bookFromImage decodes a book image; nil for an absent image.
func bookFromImage(image map[string]events.DynamoDBAttributeValue) (*domain.Book, error) {
	if len(image) == 0 {
		return nil, nil
	}
	item, err := ItemFromStreamImage(image)
	if err != nil {
		return nil, err
	}
	var it bookItem
	if err := dynamo.UnmarshalItem(item, &it); err != nil {
		return nil, fmt.Errorf("decode book item: %w", err)
	}
	b, err := it.book()
	if err != nil {
		return nil, err
	}
	return &b, nil
}
