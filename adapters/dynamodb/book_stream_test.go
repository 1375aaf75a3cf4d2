package dynamodb_test

import (
	"testing"

	"github.com/bookshop/bookshop/adapters/dynamodb"
)

const bookKeys = `{"pk": {"S": "BOOK#01JBOOK0000000000000000001"}, "sk": {"S": "BOOK"}}`

const bookImage = `{
  "pk": {"S": "BOOK#01JBOOK0000000000000000001"}, "sk": {"S": "BOOK"}, "entity": {"S": "BOOK"},
  "id": {"S": "01JBOOK0000000000000000001"}, "category": {"S": "science-fiction"}, "title_key": {"S": "kindred\u00010"},
  "title": {"S": "Kindred"}, "author": {"S": "Octavia E. Butler"}, "price_cents": {"N": "1499"}, "currency": {"S": "USD"},
  "stock": {"N": "4"}, "created_at": {"S": "2026-11-27T09:00:00Z"}, "updated_at": {"S": "2026-11-27T09:00:00Z"},
  "version": {"N": "1"}
}`

func TestBookChangeFromStream(t *testing.T) {
	c, ok, err := dynamodb.BookChangeFromStream(streamRecord(t, "REMOVE", bookKeys, "", bookImage))
	if err != nil || !ok || c.New != nil || c.Old == nil || c.Old.Title() != "Kindred" || c.Old.Version() != 1 {
		t.Fatalf("BookChangeFromStream(REMOVE) = %+v, %v, %v", c, ok, err)
	}
	review := `{"pk": {"S": "BOOK#01JBOOK0000000000000000001"}, "sk": {"S": "REVIEW#user-1"}}`
	if _, ok, _ := dynamodb.BookChangeFromStream(streamRecord(t, "INSERT", review, `{"pk": {"S": "x"}}`, "")); ok {
		t.Error("a review record was taken for a book")
	}
	if _, ok, _ := dynamodb.BookChangeFromStream(streamRecord(t, "INSERT", orderKeys, image("PENDING", "1"), "")); ok {
		t.Error("an order record was taken for a book")
	}
	corrupt := `{"pk": {"S": "BOOK#01JBOOK0000000000000000001"}, "sk": {"S": "BOOK"}, "title": {"S": ""}}`
	if _, ok, err := dynamodb.BookChangeFromStream(streamRecord(t, "INSERT", bookKeys, corrupt, "")); !ok || err == nil {
		t.Errorf("a corrupt book image = %v, %v; want an error", ok, err)
	}
}
