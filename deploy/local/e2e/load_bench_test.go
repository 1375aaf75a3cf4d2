package e2e

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"
)

// Load settings: 50 concurrent clients (a closed loop: each sends its next
// request when the last one answered) for loadDuration.
const (
	loadClients = 50
	// loadScarceStock is the stock of each scarce book: far fewer copies
	// than the run's checkouts ask for, so they sell out under contention.
	loadScarceStock = 15
	loadScarceBooks = 4
	loadUsers       = 8
)

// loadDuration is BOOKSHOP_LOAD_DURATION, else -benchtime when it is a
// duration of at least 10 s (-benchtime 60s: the full minute), else 20 s.
func loadDuration(b *testing.B) time.Duration {
	if v := os.Getenv("BOOKSHOP_LOAD_DURATION"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			b.Fatalf("BOOKSHOP_LOAD_DURATION=%q: want a duration", v)
		}
		return d
	}
	if f := flag.Lookup("test.benchtime"); f != nil {
		if d, err := time.ParseDuration(f.Value.String()); err == nil && d >= 10*time.Second {
			return d
		}
	}
	return 20 * time.Second
}

// BenchmarkLoad sends a shop's mixed traffic to the local stack, only to
// 127.0.0.1, from loadClients concurrent clients: browsing the catalog
// (listings by category and sort, next pages), book pages, reviews (reading
// and writing) and checkouts of a few scarce books, which sell out. It
// checks that no request got a 5xx and that no book was oversold (stock ≥ 0,
// and the stock taken equals the quantity of the orders placed), and
// reports the throughput and, per route, p50 and p99:
//
//	eval "$(bash deploy/local/provision.sh --print-env)"
//	go test -run '^$' -bench Load -benchtime 60s -timeout 30m ./deploy/local/e2e   # the full minute
//	BOOKSHOP_LOAD_DURATION=20s go test -run '^$' -bench Load ./deploy/local/e2e     # a shorter run
//
// It is a benchmark, not part of make test. The attack runs once whatever
// b.N is.
func BenchmarkLoad(b *testing.B) {
	s := sharedStack(b)
	admin := login(b, s, adminEmail, adminPassword)
	var scarce []book
	for i := range loadScarceBooks {
		var created book
		callAs(b, admin, http.MethodPost, s.API+"/api/books", map[string]any{
			"title": fmt.Sprintf("Scarce %d", i), "author": "L. Oad", "category": "Load Test", "priceCents": 999, "stock": loadScarceStock,
		}, http.StatusCreated, &created)
		scarce = append(scarce, created)
	}
	var page struct{ Items []book }
	call(b, http.MethodGet, s.API+"/api/books?limit=100", nil, http.StatusOK, &page)
	ids := make([]string, 0, len(page.Items))
	for _, bk := range page.Items {
		ids = append(ids, bk.ID)
	}
	tokens := make([]string, loadUsers)
	for i := range tokens {
		tokens[i] = newUser(b, s)
	}

	var seq atomic.Int64
	targeter := func(t *vegeta.Target) error {
		n := seq.Add(1)
		r := rand.IntN(100)
		t.Header = http.Header{}
		switch {
		case r < 30: // browse: a listing, by category or title, sometimes a next page
			q := url.Values{"limit": {"20"}}
			if r%3 == 0 {
				q.Set("sort", "title")
			}
			if r%2 == 0 {
				q.Set("category", "load-test")
			}
			t.Method, t.URL = http.MethodGet, s.API+"/api/books?"+q.Encode()
		case r < 60: // a book page
			t.Method, t.URL = http.MethodGet, s.API+"/api/books/"+ids[rand.IntN(len(ids))]
		case r < 75: // its reviews
			t.Method, t.URL = http.MethodGet, s.API+"/api/books/"+ids[rand.IntN(len(ids))]+"/reviews"
		case r < 80: // write a review (a second one by the same user is a 409)
			t.Method, t.URL = http.MethodPost, s.API+"/api/books/"+ids[rand.IntN(len(ids))]+"/reviews"
			t.Body = []byte(`{"rating":4,"text":"Read it under load."}`)
			t.Header.Set("Content-Type", "application/json")
			t.Header.Set("Authorization", "Bearer "+tokens[n%loadUsers])
		default: // check out a scarce book (sold out: 409)
			bk := scarce[rand.IntN(len(scarce))]
			t.Method, t.URL = http.MethodPost, s.API+"/api/orders"
			t.Body = fmt.Appendf(nil, `{"items":[{"bookId":%q,"qty":1}]}`, bk.ID)
			t.Header.Set("Content-Type", "application/json")
			t.Header.Set("Authorization", "Bearer "+tokens[n%loadUsers])
			t.Header.Set("Idempotency-Key", fmt.Sprintf("load-%d-%d", time.Now().UnixNano(), n))
		}
		return nil
	}

	duration := loadDuration(b)
	attacker := vegeta.NewAttacker(vegeta.Workers(loadClients), vegeta.MaxWorkers(loadClients),
		vegeta.Connections(loadClients), vegeta.Timeout(35*time.Second), vegeta.KeepAlive(true))
	perRoute := map[string]*vegeta.Metrics{}
	var all vegeta.Metrics
	taken := map[string]int{}
	codes := map[string]map[uint16]int{}
	var serverErrors []string
	b.ResetTimer()
	for res := range attacker.Attack(vegeta.Targeter(targeter), vegeta.Rate{Freq: 0}, duration, "load") {
		route := routeOf(res.Method, res.URL, s.API)
		m := perRoute[route]
		if m == nil {
			m = &vegeta.Metrics{}
			perRoute[route] = m
			codes[route] = map[uint16]int{}
		}
		m.Add(res)
		all.Add(res)
		codes[route][res.Code]++
		if res.Code >= 500 || res.Code == 0 {
			serverErrors = append(serverErrors, fmt.Sprintf("%s %s: %d %s %.200s", res.Method, res.URL, res.Code, res.Error, res.Body))
		}
		if route == "POST /api/orders" && res.Code == http.StatusCreated {
			var o struct {
				Items []struct {
					BookID string
					Qty    int
				}
			}
			if err := json.Unmarshal(res.Body, &o); err != nil {
				b.Errorf("checkout answer %s: %v", res.Body, err)
			}
			for _, it := range o.Items {
				taken[it.BookID] += it.Qty
			}
		}
	}
	b.StopTimer()
	all.Close()

	routes := make([]string, 0, len(perRoute))
	for r := range perRoute {
		routes = append(routes, r)
	}
	slices.Sort(routes)
	b.Logf("%d requests in %s from %d clients: %.1f req/s, p50 %s, p99 %s, success %.1f%%",
		all.Requests, duration, loadClients, all.Throughput, all.Latencies.P50, all.Latencies.P99, all.Success*100)
	for _, r := range routes {
		m := perRoute[r]
		m.Close()
		b.Logf("%-36s %6d req  p50 %8s  p99 %8s  codes %v", r, m.Requests, m.Latencies.P50.Round(time.Millisecond), m.Latencies.P99.Round(time.Millisecond), codes[r])
		name := strings.NewReplacer(" ", "_", "/", ".", "{", "", "}", "").Replace(r)
		b.ReportMetric(float64(m.Latencies.P50)/1e6, "p50-ms:"+name)
		b.ReportMetric(float64(m.Latencies.P99)/1e6, "p99-ms:"+name)
	}
	b.ReportMetric(all.Throughput, "req/s")
	b.ReportMetric(float64(len(serverErrors)), "5xx")
	if len(serverErrors) > 0 {
		b.Errorf("%d answers were 5xx or failed; the first: %s", len(serverErrors), serverErrors[:min(5, len(serverErrors))])
	}

	oversold := 0
	for _, bk := range scarce {
		var now stockedBook
		call(b, http.MethodGet, s.API+"/api/books/"+bk.ID, nil, http.StatusOK, &now)
		if now.Stock < 0 || loadScarceStock-now.Stock != taken[bk.ID] {
			oversold++
			b.Errorf("book %s: stock %d of %d, but the orders placed took %d", bk.ID, now.Stock, loadScarceStock, taken[bk.ID])
		}
	}
	b.ReportMetric(float64(oversold), "oversold-books")
	spread(b, s)
}

// routeOf names the route of a request: method and path with ids replaced.
func routeOf(method, rawURL, base string) string {
	path, _, _ := strings.Cut(strings.TrimPrefix(rawURL, base), "?")
	parts := strings.Split(path, "/")
	if len(parts) > 3 && parts[1] == "api" && parts[2] == "books" {
		parts[3] = "{id}"
	}
	return method + " " + strings.Join(parts, "/")
}

// spread reports how many requests each catalog container served, from
// their logs: the gateway must use both.
func spread(b *testing.B, s *stack) {
	b.Helper()
	for _, svc := range []string{"catalog", "catalog-2"} {
		out, err := s.compose(b.Context(), "logs", "--no-color", svc)
		if err != nil {
			b.Errorf("logs of %s: %v", svc, err)
			continue
		}
		n := strings.Count(out, `"msg":"request"`)
		b.Logf("%s served %d requests", svc, n)
		if n == 0 {
			b.Errorf("%s served no request: the gateway does not spread the load", svc)
		}
	}
}
