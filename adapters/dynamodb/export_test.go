package dynamodb

import (
	"context"
	"sync"

	"github.com/bookshop/bookshop/app"
)

// ItemsWritten returns how many entry and document items the index has put
// or deleted, for the benchmarks' write counts.
func (x *SearchIndex) ItemsWritten() int64 { return x.itemsWritten.Load() }

// BulkIndex writes the items of new documents with large BatchWriteItem
// runs from workers goroutines, skipping Index's read and conditions: the
// benchmarks load tens of thousands of books with it.
func (x *SearchIndex) BulkIndex(ctx context.Context, docs []app.SearchDocument, workers int) error {
	jobs := make(chan []app.SearchDocument)
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for chunk := range jobs {
				batch := x.table.Batch(attrPK, attrSK).Write()
				for _, d := range chunk {
					doc, entries := searchItems(d)
					batch.Put(doc)
					for _, e := range entries {
						batch.Put(e)
					}
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
