package dynamodb_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// BenchmarkSearch measures SearchIndex.Search (one page of 20) on DynamoDB
// Local over catalogs of 1,000 and 50,000 synthetic books, with the same
// queries, and reports the p50 and p99 latency in ms; the goal is a p50 at
// 50,000 books at most 1.5 times the p50 at 1,000. Books have three-word
// titles and two-word authors from a vocabulary of 4,000 made-up words;
// the 1,000-book catalog is the first 1,000 of the 50,000, and the queries
// name books among them: two-word queries (a title word, then the first
// letters of the author's last name) and one-word prefixes.
//
// The catalogs are loaded through the adapter's items with BatchWriteItem
// (export_test.go). A search reads the entries of one key (the DrivingKey
// of its query) and nothing else, so by default only the entries of the
// queries' keys are loaded, for every book: exactly the partitions the
// queries read, as large as with the whole index (19 items per book, about
// 950,000 for 50,000 books, which DynamoDB Local on two shared cores takes
// more than an hour to load). BOOKSHOP_BENCH_FULL_INDEX=1 loads everything.
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench 'BenchmarkSearch$' -benchtime 400x -timeout 30m ./adapters/dynamodb/
func BenchmarkSearch(b *testing.B) {
	corpus := syntheticBooks(50_000)
	queries := benchQueries(corpus[:1000], 60)
	var p50 = map[int]time.Duration{}
	for _, n := range []int{1_000, 50_000} {
		b.Run(fmt.Sprintf("books=%d", n), func(b *testing.B) {
			x := loadedIndex(b, corpus[:n], queries)
			ctx := context.Background()
			search := func(i int) {
				q := queries[i%len(queries)]
				page, err := x.Search(ctx, app.SearchQuery{Terms: q, Limit: 20})
				if err != nil {
					b.Fatal(err)
				}
				if len(page.BookIDs) == 0 && page.Next == "" {
					b.Fatalf("query %s found nothing", q)
				}
			}
			for i := range len(queries) { // warm up
				search(i)
			}
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := range b.N {
				start := time.Now()
				search(i)
				lat = append(lat, time.Since(start))
			}
			b.StopTimer()
			slices.Sort(lat)
			p50[n] = lat[len(lat)/2]
			b.ReportMetric(float64(lat[len(lat)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100])/1e6, "p99-ms")
		})
	}
	if p50[1_000] > 0 && p50[50_000] > 0 {
		b.Logf("p50 at 50,000 books / p50 at 1,000 books = %.2f (goal ≤ 1.5)", float64(p50[50_000])/float64(p50[1_000]))
	}
}

// BenchmarkSearchIndexWrites reports the items SearchIndex.Index writes per
// book change: a creation, an update that keeps the text (price, stock,
// cover) and an update of the title. It times whole Index calls.
//
//	go test -run '^$' -bench BenchmarkSearchIndexWrites -benchtime 50x ./adapters/dynamodb/
func BenchmarkSearchIndexWrites(b *testing.B) {
	x := newSearchIndex(b)
	ctx := context.Background()
	corpus := syntheticBooks(b.N + 1)
	var created, kept, retitled int64
	b.ResetTimer()
	for i := range b.N {
		book := corpus[i]
		before := x.ItemsWritten()
		if err := x.Index(ctx, app.NewSearchDocument(book)); err != nil {
			b.Fatal(err)
		}
		created += x.ItemsWritten() - before
		before = x.ItemsWritten()
		if err := x.Index(ctx, app.NewSearchDocument(revise(b, book, book.Title(), 2))); err != nil {
			b.Fatal(err)
		}
		kept += x.ItemsWritten() - before
		before = x.ItemsWritten()
		if err := x.Index(ctx, app.NewSearchDocument(revise(b, book, corpus[i+1].Title(), 3))); err != nil {
			b.Fatal(err)
		}
		retitled += x.ItemsWritten() - before
	}
	n := float64(b.N)
	b.ReportMetric(float64(created)/n, "items/create")
	b.ReportMetric(float64(kept)/n, "items/update-same-text")
	b.ReportMetric(float64(retitled)/n, "items/update-title")
}

// revise returns book at version with another title and price.
func revise(tb testing.TB, book domain.Book, title string, version int64) domain.Book {
	tb.Helper()
	s := book.Snapshot()
	s.Details.Title, s.Details.PriceCents, s.Version = title, s.Details.PriceCents+100, version
	out, err := domain.RestoreBook(s)
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

var (
	loadedMu sync.Mutex
	loaded   = map[int]*dynamodb.SearchIndex{}
)

// loadedIndex returns an index holding books, loaded once per size for the
// whole benchmark run.
func loadedIndex(b *testing.B, books []domain.Book, queries []app.SearchTerms) *dynamodb.SearchIndex {
	b.Helper()
	loadedMu.Lock()
	defer loadedMu.Unlock()
	if x, ok := loaded[len(books)]; ok {
		return x
	}
	srv := dynamotest.Start(b)
	// The table outlives the sub-benchmark (b.N calibration reruns it); the
	// container goes at the end of the run.
	name := dynamodb.TableName(fmt.Sprintf("bench-search-%d-%d", len(books), time.Now().UnixNano()))
	if err := dynamodb.CreateTable(context.Background(), srv.DB, name); err != nil {
		b.Fatal(err)
	}
	x, err := dynamodb.NewSearchIndex(srv.DB, name)
	if err != nil {
		b.Fatal(err)
	}
	var keep func(string) bool
	read := map[string]bool{}
	for _, q := range queries {
		read[q.DrivingKey()] = true
	}
	if os.Getenv("BOOKSHOP_BENCH_FULL_INDEX") != "1" {
		keep = func(k string) bool { return read[k] }
	}
	docs := make([]app.SearchDocument, len(books))
	items, loadedItems := 0, 0
	for i, book := range books {
		docs[i] = app.NewSearchDocument(book)
		items += len(docs[i].Keys()) + 1
		for _, k := range docs[i].Keys() {
			if keep == nil || keep(k) {
				loadedItems++
			}
		}
	}
	start := time.Now()
	if err := x.BulkIndex(context.Background(), docs, 8, keep); err != nil {
		b.Fatal(err)
	}
	b.Logf("%d books: %d index items (%.1f per book); loaded %d entries of the %d keys the queries read in %s",
		len(books), items, float64(items)/float64(len(books)), loadedItems, len(read), time.Since(start).Round(time.Second))
	loaded[len(books)] = x
	return x
}

// syntheticBooks returns n books made of made-up words, the same for every
// run: three-word titles, two-word authors, one of 12 categories.
func syntheticBooks(n int) []domain.Book {
	rng := rand.New(rand.NewPCG(1, 2))
	syllables := strings.Fields("ba be bi bo bu da de di do du ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu " +
		"ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu za ze zi zo zu bra tre pli sko vru gan tel mir dos")
	vocab := make([]string, 0, 4000)
	seen := map[string]bool{}
	for len(vocab) < 4000 {
		var w strings.Builder
		for range 2 + rng.IntN(3) {
			w.WriteString(syllables[rng.IntN(len(syllables))])
		}
		if s := w.String(); !seen[s] {
			seen[s] = true
			vocab = append(vocab, s)
		}
	}
	word := func() string { return vocab[rng.IntN(len(vocab))] }
	title := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	categories := strings.Fields("fiction classics poetry science history travel computing cooking art music drama essays")
	created := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]domain.Book, n)
	for i := range out {
		b, err := domain.NewBook(domain.BookID(fmt.Sprintf("01BENCH%019d", i)), domain.BookDetails{
			Title:    title(word()) + " " + word() + " " + word(),
			Author:   title(word()) + " " + title(word()),
			Category: categories[rng.IntN(len(categories))], PriceCents: 1000, Stock: 5,
		}, created)
		if err != nil {
			panic(err)
		}
		out[i] = b
	}
	return out
}

// benchQueries returns n queries naming books of books: alternately the
// first title word and the first four letters of the author's last name,
// and the first five letters of the second title word alone.
func benchQueries(books []domain.Book, n int) []app.SearchTerms {
	out := make([]app.SearchTerms, 0, n)
	for i := 0; len(out) < n; i++ {
		b := books[(i*37)%len(books)]
		title, author := strings.Fields(b.Title()), strings.Fields(b.Author())
		q := title[0] + " " + author[1][:min(4, len(author[1]))]
		if i%2 == 1 {
			q = title[1][:min(5, len(title[1]))]
		}
		terms, err := app.ParseSearchQuery(q)
		if err != nil {
			panic(err)
		}
		out = append(out, terms)
	}
	return out
}
