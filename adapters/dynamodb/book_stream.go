package dynamodb

import (
	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
)

// IsBookRecord reports whether a DynamoDB stream record is about a book
// item (pk "BOOK#<id>", sk "BOOK"); reviews share the book's partition and
// are not.
func IsBookRecord(r events.DynamoDBEventRecord) bool { return isItemRecord(r, bookPKPrefix, bookSK) }

// BookChangeFromStream decodes a stream record of the table into the book
// change it reports, with the images decoded like BookRepository reads
// items. ok is false for records of other items. A book image that cannot
// be decoded is an error: retrying will not cure it.
func BookChangeFromStream(r events.DynamoDBEventRecord) (change app.BookChange, ok bool, err error) {
	if !IsBookRecord(r) {
		return app.BookChange{}, false, nil
	}
	if change.Old, change.New, err = changeImages(r, bookItem.book); err != nil {
		return app.BookChange{}, true, err
	}
	return change, true, nil
}
