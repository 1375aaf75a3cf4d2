package main

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
)

// faultTimeout is the function's timeout in the fault test: shorter than the
// template's 10 s to keep it quick.
const faultTimeout = 4 * time.Second

// TestProjectorWhileMinIOIsPaused freezes the function's MinIO while a
// book's REMOVE record arrives: the function reports that record as a batch
// item failure (so Lambda delivers it again) before its timeout, leaving
// the objects stored. Once MinIO runs again, the same record, delivered
// again to the same function, removes them and reports no failure: a
// failure after the book's delete leaves no orphan objects.
func TestProjectorWhileMinIOIsPaused(t *testing.T) {
	srv := dynamotest.Start(t)
	table := dynamotest.NewTable(t, srv.DB)
	minio, fault := s3test.Own(t)
	fn, bucket := startFunctionWith(t, srv, string(table), minio)
	s := newShop(t, srv.DB, table)
	doomed := s.createBook(t, "01JBOOK0000000000000000001", "Kindred", "Octavia E. Butler")
	minio.PutObjects(t, bucket, bookObjects(doomed.ID())...)
	s.records = nil // the creation was projected long ago; the batch is the removal
	s.deleteBook(t, doomed.ID())
	removal := s.event(t)

	fault.Pause()
	ctx, cancel := context.WithTimeout(context.Background(), faultTimeout)
	start := time.Now()
	resp := invokeWith(t, ctx, fn, removal)
	elapsed := time.Since(start)
	cancel()
	fault.Unpause()
	if len(resp.BatchItemFailures) != 1 || resp.BatchItemFailures[0].ItemIdentifier != s.records[0].Change.SequenceNumber {
		t.Errorf("batchItemFailures while MinIO is paused = %+v, want the REMOVE record's", resp.BatchItemFailures)
	}
	if elapsed >= faultTimeout {
		t.Errorf("the function answered after %v, not before its %v timeout: Lambda would retry the whole batch as a function error", elapsed, faultTimeout)
	}
	if got := minio.Keys(t, bucket); !slices.Equal(got, bookObjects(doomed.ID())) {
		t.Fatalf("objects after the failed removal = %v, want them all still stored; the test proves nothing", got)
	}

	resp = invokeWith(t, context.Background(), fn, removal)
	if len(resp.BatchItemFailures) != 0 {
		t.Errorf("batchItemFailures after MinIO is back = %+v, want none", resp.BatchItemFailures)
	}
	if d := cmp.Diff([]string(nil), minio.Keys(t, bucket)); d != "" {
		t.Errorf("objects of the deleted book %s after the retried record (-want +got):\n%s", doomed.ID(), d)
	}
}
