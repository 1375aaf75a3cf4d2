package dynamodb_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	awsdynamodb "github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BenchmarkListBooks measures the listing page behind GET /api/books?limit=20
// (BookRepository.List, newest first, 20 books) on DynamoDB Local at several
// catalog sizes, in one run: per size, the first page and a page deep in (the
// cursor of the book in the middle of the catalog), reported as first-p50-ms
// and deep-p50-ms (and p99s). So that drift on a shared machine cannot fake
// or hide a difference, each larger size's iterations also read the same
// pages of the smallest table, interleaved, and report the ratios of the
// p50s as first-ratio and deep-ratio (larger / smallest). Goal: ≤ 1.2 — a
// page is one Query on a listing index, whose cost must not grow with the
// catalog.
//
// Tables are loaded once per test binary with BatchWriteItem of the
// repository's own item encoding (StoredBookItem), so -count N loads once.
// BOOKSHOP_LIST_BENCH_SIZES (default "1000,100000") picks the sizes.
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench ListBooks -benchtime 400x ./adapters/dynamodb/
func BenchmarkListBooks(b *testing.B) {
	sizes := listBenchSizes(b)
	srv := dynamotest.Start(b)
	fixtures := make([]*listTable, len(sizes))
	for i, n := range sizes {
		fixtures[i] = listFixture(b, srv.DB, n)
	}
	// Warm DynamoDB Local's JIT and every table up before measuring, so the
	// size measured first is not penalized.
	for range 300 {
		for _, fx := range fixtures {
			fx.list(b, "")
			fx.list(b, fx.deep)
		}
	}
	smallest := fixtures[0]
	for i, n := range sizes {
		fx := fixtures[i]
		b.Run(fmt.Sprintf("books=%d", n), func(b *testing.B) {
			var first, deep, refFirst, refDeep []time.Duration
			b.ResetTimer()
			for j := range b.N {
				first = append(first, fx.list(b, ""))
				deep = append(deep, fx.list(b, fx.deep))
				if fx != smallest { // the reference, interleaved (not part of ns/op's meaning)
					b.StopTimer()
					if j%2 == 0 {
						refFirst = append(refFirst, smallest.list(b, ""))
						refDeep = append(refDeep, smallest.list(b, smallest.deep))
					} else {
						refDeep = append(refDeep, smallest.list(b, smallest.deep))
						refFirst = append(refFirst, smallest.list(b, ""))
					}
					b.StartTimer()
				}
			}
			b.StopTimer()
			for _, m := range []struct {
				name     string
				lat, ref []time.Duration
			}{{"first", first, refFirst}, {"deep", deep, refDeep}} {
				p := p50Of(m.lat)
				b.ReportMetric(msOf(p), m.name+"-p50-ms")
				b.ReportMetric(msOf(m.lat[min(len(m.lat)-1, len(m.lat)*99/100)]), m.name+"-p99-ms")
				if len(m.ref) > 0 {
					b.ReportMetric(float64(p)/float64(p50Of(m.ref)), m.name+"-ratio")
				}
			}
		})
	}
}

// p50Of sorts lat and returns its median.
func p50Of(lat []time.Duration) time.Duration {
	slices.Sort(lat)
	return lat[len(lat)/2]
}

func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// listBenchSizes returns the catalog sizes of BenchmarkListBooks, ascending.
func listBenchSizes(b *testing.B) []int {
	spec := os.Getenv("BOOKSHOP_LIST_BENCH_SIZES")
	if spec == "" {
		spec = "1000,100000"
	}
	var sizes []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 100 {
			b.Fatalf("BOOKSHOP_LIST_BENCH_SIZES=%q: want sizes ≥ 100", spec)
		}
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	return sizes
}

// listTable is a table loaded with n books, and the position token of the
// page in the middle of its newest-first listing.
type listTable struct {
	repo   *dynamodb.BookRepository
	deep   string
	wantAt domain.BookID // first book of the deep page
}

// list reads one page of 20 books and returns its latency.
func (fx *listTable) list(b *testing.B, after string) time.Duration {
	start := time.Now()
	page, err := fx.repo.List(context.Background(), app.BookListQuery{Sort: app.SortNewest, Limit: 20, After: after})
	d := time.Since(start)
	if err != nil {
		b.Fatal(err)
	}
	if len(page.Books) != 20 || page.Next == "" {
		b.Fatalf("page after %q: %d books, next %q; want 20 and a next page", after, len(page.Books), page.Next)
	}
	if after == fx.deep && page.Books[0].ID() != fx.wantAt {
		b.Fatalf("deep page starts at %s, want %s", page.Books[0].ID(), fx.wantAt)
	}
	return d
}

var listTables struct {
	sync.Mutex
	bySize map[int]*listTable
}

// listFixture returns the table of n books, creating and loading it on first
// use in this test binary. The table lives as long as the binary's DynamoDB
// Local container.
func listFixture(b *testing.B, db *dynamo.DB, n int) *listTable {
	b.Helper()
	listTables.Lock()
	defer listTables.Unlock()
	if fx := listTables.bySize[n]; fx != nil {
		return fx
	}
	ctx := context.Background()
	name := dynamodb.TableName(fmt.Sprintf("bench-list-%d-%d", n, time.Now().UnixNano()))
	if err := dynamodb.CreateTable(ctx, db, name); err != nil {
		b.Fatal(err)
	}
	repo, err := dynamodb.NewBookRepository(db, name)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	ids := loadBooks(b, db.Client(), string(name), n)
	b.Logf("loaded %d books with BatchWriteItem in %s (%.0f items/s)", n, time.Since(start).Round(time.Millisecond),
		float64(n)/time.Since(start).Seconds())
	slices.Sort(ids)
	slices.Reverse(ids) // newest first
	mid := n / 2
	fx := &listTable{repo: repo, deep: dynamodb.NewestPosition(ids[mid]), wantAt: ids[mid+1]}
	if listTables.bySize == nil {
		listTables.bySize = map[int]*listTable{}
	}
	listTables.bySize[n] = fx
	return fx
}

// loadBooks writes n books with BatchWriteItem (25 items a request, a few
// requests in flight, unprocessed items retried) and returns their ids.
func loadBooks(b *testing.B, client interface {
	BatchWriteItem(context.Context, *awsdynamodb.BatchWriteItemInput, ...func(*awsdynamodb.Options)) (*awsdynamodb.BatchWriteItemOutput, error)
}, table string, n int) []domain.BookID {
	b.Helper()
	gen := system.NewULIDGenerator()
	categories := []string{"Fiction", "Science Fiction", "History", "Computing", "Poetry", "Travel", "Cooking", "Children"}
	created := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	ids := make([]domain.BookID, n)
	batches := make(chan []types.WriteRequest)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range batches {
				reqs := map[string][]types.WriteRequest{table: batch}
				for attempt := 0; len(reqs) > 0; attempt++ {
					out, err := client.BatchWriteItem(context.Background(), &awsdynamodb.BatchWriteItemInput{RequestItems: reqs})
					if err == nil && attempt > 50 {
						err = fmt.Errorf("items still unprocessed after %d attempts", attempt)
					}
					if err != nil {
						select {
						case errs <- fmt.Errorf("BatchWriteItem: %w", err):
						default:
						}
						reqs = nil // give up on this batch; the producer stops at the error
						continue
					}
					reqs = out.UnprocessedItems
					if len(reqs) > 0 {
						time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
					}
				}
			}
		}()
	}
	batch := make([]types.WriteRequest, 0, 25)
	for i := range n {
		ids[i] = domain.BookID(gen.NewID())
		book, err := domain.NewBook(ids[i], domain.BookDetails{
			Title:    fmt.Sprintf("The Listing Benchmark, Volume %d", i),
			Author:   fmt.Sprintf("Author %d", i%997),
			Category: categories[i%len(categories)],
			Description: "A book written to fill a table: the listing page must cost the same whatever the size " +
				"of the catalog, because it is one Query on a listing index.",
			PriceCents: int64(500 + i%5000), Currency: "EUR", Stock: i % 50,
		}, created.Add(time.Duration(i)*time.Second))
		if err != nil {
			b.Fatal(err)
		}
		item, err := dynamodb.StoredBookItem(book)
		if err != nil {
			b.Fatal(err)
		}
		batch = append(batch, types.WriteRequest{PutRequest: &types.PutRequest{Item: item}})
		if len(batch) == 25 || i == n-1 {
			select {
			case batches <- batch:
			case err := <-errs:
				close(batches)
				wg.Wait()
				b.Fatal(err)
			}
			batch = make([]types.WriteRequest, 0, 25)
		}
	}
	close(batches)
	wg.Wait()
	select {
	case err := <-errs:
		b.Fatal(err)
	default:
	}
	return ids
}
