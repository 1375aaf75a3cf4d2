package dynamodb

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"
)

// TestDecodeBookItemDecodesAsGuregu keeps decodeBookItem equal to
// dynamo.UnmarshalItem into bookItem: every field set, empty and omitted
// fields, NULLs, unknown attributes and wrong types.
func TestDecodeBookItemDecodesAsGuregu(t *testing.T) {
	full := bookItem{
		PK: "BOOK#1", SK: "BOOK", Entity: "book", ID: "1", Category: "science-fiction", TitleKey: "dune#1",
		Title: "Dune", Author: "Frank Herbert", Description: "Sand.", PriceCents: 1899, Currency: "USD", Stock: -3,
		CoverKey: "covers/1/a.jpg", ThumbnailKey: "thumbnails/1/a-200x280.jpg", Thumbnail2xKey: "thumbnails/1/a-400x560.jpg",
		CreatedAt: "2026-11-26T09:00:00Z", UpdatedAt: "2026-11-27T09:00:00.5Z", Version: 7, RatingSum: 9, RatingCount: 2,
	}
	fullItem, err := dynamo.MarshalItem(full)
	if err != nil {
		t.Fatal(err)
	}
	bare, err := dynamo.MarshalItem(bookItem{PK: "BOOK#2", SK: "BOOK", Title: "T"})
	if err != nil {
		t.Fatal(err)
	}
	withExtras := map[string]types.AttributeValue{
		"pk": &types.AttributeValueMemberS{Value: "BOOK#3"}, "unknown": &types.AttributeValueMemberBOOL{Value: true},
		"description": &types.AttributeValueMemberNULL{Value: true}, "rating_sum": &types.AttributeValueMemberNULL{Value: true},
	}
	for name, item := range map[string]map[string]types.AttributeValue{"full": fullItem, "bare": bare, "extras": withExtras} {
		t.Run(name, func(t *testing.T) {
			var want bookItem
			if err := dynamo.UnmarshalItem(item, &want); err != nil {
				t.Fatal(err)
			}
			got, err := decodeBookItem(item)
			if err != nil || got != want {
				t.Errorf("decodeBookItem = %+v, %v\nwant %+v", got, err, want)
			}
		})
	}
	for name, item := range map[string]map[string]types.AttributeValue{
		"number as string": {"title": &types.AttributeValueMemberN{Value: "1"}},
		"string as number": {"version": &types.AttributeValueMemberS{Value: "1"}},
		"fraction":         {"stock": &types.AttributeValueMemberN{Value: "1.5"}},
	} {
		t.Run(name, func(t *testing.T) {
			var guregu bookItem
			if err := dynamo.UnmarshalItem(item, &guregu); err == nil {
				t.Fatalf("dynamo.UnmarshalItem accepts %v; decodeBookItem refuses it", item)
			}
			if got, err := decodeBookItem(item); err == nil {
				t.Errorf("decodeBookItem = %+v, want an error", got)
			}
		})
	}
	if got, want := full, mustDecode(t, fullItem); got != want {
		t.Errorf("round trip = %+v, want %+v", want, got)
	}
}

func mustDecode(t *testing.T, item map[string]types.AttributeValue) bookItem {
	t.Helper()
	it, err := decodeBookItem(item)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func BenchmarkDecodeBookItem(b *testing.B) {
	item, err := dynamo.MarshalItem(bookItem{PK: "BOOK#1", SK: "BOOK", Title: "Dune", Version: 3, CreatedAt: "2026-11-26T09:00:00Z"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decodeBookItem(item); err != nil {
			b.Fatal(err)
		}
	}
}
