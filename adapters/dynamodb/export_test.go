package dynamodb

import (
	"context"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ItemsWritten returns how many entry and document items the index has put
// or deleted, for the benchmarks' write counts.
func (x *SearchIndex) ItemsWritten() int64 { return x.itemsWritten.Load() }

// BulkIndex writes the items of new documents with large BatchWriteItem
// runs from workers goroutines, skipping Index's read and conditions: the
// benchmarks load tens of thousands of books with it. With a keys filter,
// only the entries of the keys it accepts are written, and no document
// items (Search reads neither the other keys' partitions nor documents).
func (x *SearchIndex) BulkIndex(ctx context.Context, docs []app.SearchDocument, workers int, keys func(string) bool) error {
	jobs := make(chan []app.SearchDocument)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for chunk := range jobs {
				batch := x.table.Batch(attrPK, attrSK).Write()
				n := 0
				for _, d := range chunk {
					doc, entries := searchItems(d)
					if keys == nil {
						batch.Put(doc)
						n++
					}
					for _, e := range entries {
						if keys == nil || keys(strings.TrimPrefix(e.PK, searchEntryPKPrefix)) {
							batch.Put(e)
							n++
						}
					}
				}
				if n == 0 {
					continue
				}
				if _, err := batch.Run(ctx); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for len(docs) > 0 {
		n := min(len(docs), 40)
		select {
		case jobs <- docs[:n]:
		case err := <-errs:
			close(jobs)
			wg.Wait()
			return err
		}
		docs = docs[n:]
	}
	close(jobs)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// StoredBookItem returns book as BookRepository.Create puts it: the same
// bookItem, marshalled by the same library. Benchmarks load tables with it
// through BatchWriteItem.
func StoredBookItem(book domain.Book) (map[string]types.AttributeValue, error) {
	return dynamo.MarshalItem(newBookItem(book))
}

// NewestPosition returns the position token that BookRepository.List
// issues, for the newest-first listing, on a page ending with the book id.
func NewestPosition(id domain.BookID) string { return encodePosition(string(id)) }
