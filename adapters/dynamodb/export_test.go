package dynamodb

import (
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/domain"
)

// StoredBookItem returns book as BookRepository.Create puts it: the same
// bookItem, marshalled by the same library. Benchmarks load tables with it
// through BatchWriteItem.
func StoredBookItem(book domain.Book) (map[string]types.AttributeValue, error) {
	return dynamo.MarshalItem(newBookItem(book))
}

// NewestPosition returns the position token that BookRepository.List
// issues, for the newest-first listing, on a page ending with the book id.
func NewestPosition(id domain.BookID) string { return encodePosition(string(id)) }
