package main

import (
	"slices"
	"testing"

	"github.com/chromedp/cdproto/network"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

// firstViewLoads is how many fresh loads of the catalog one run of
// BenchmarkFirstCatalogView measures.
const firstViewLoads = 25

// firstCoverPaint resolves to the time of the first paint of a catalog
// cover, in ms since the navigation started (the document's time origin).
// The catalog marks its cover images elementtiming="cover"; the Element
// Timing API reports each one's renderTime once painted, and a buffered
// observer also gets the paints from before it was made. Element Timing
// rather than Largest Contentful Paint: LCP reports the largest element,
// which may be the heading or a text block and changes as the page fills,
// while this measures exactly "a cover is on screen". The covers are
// same-origin, so renderTime is set (cross-origin images without
// Timing-Allow-Origin would report 0).
const firstCoverPaint = `new Promise((resolve, reject) => {
	new PerformanceObserver((list, observer) => {
		const covers = list.getEntries().filter(e => e.identifier === "cover");
		if (covers.length === 0) return;
		observer.disconnect();
		const t = Math.min(...covers.map(e => e.renderTime));
		t > 0 ? resolve(t) : reject(new Error("a cover's renderTime is 0"));
	}).observe({type: "element", buffered: true});
})`

// BenchmarkFirstCatalogView measures the first view of the catalog on the
// embedded mode in headless Chromium, each load in a fresh browser context
// (cold HTTP cache, no session):
//
//   - js+css-gzip-bytes: JavaScript and CSS bytes as sent (gzip), of the
//     first load;
//   - api-requests: requests to /api/ sent before the books arrived, which
//     the first view waits for (the most over the loads); the best-sellers
//     strip's request follows them and is not counted;
//   - first-cover-p50-ms, first-cover-p95-ms: navigation start → first
//     cover painted, over firstViewLoads loads.
//
// One run makes all the loads, so run it once:
//
//	go test -run '^$' -bench FirstCatalogView -benchtime 1x ./cmd/bookshop/
func BenchmarkFirstCatalogView(b *testing.B) {
	e := startShop(b)
	var weight int64
	var apiRequests int
	var paints []float64
	for range b.N {
		for i := range firstViewLoads {
			tab := openTab(b, e)
			tab.Navigate("/")
			paints = append(paints, browsertest.Eval[float64](tab, firstCoverPaint))
			apiRequests = max(apiRequests, catalogViewOf(tab).BeforeBooks)
			if i == 0 {
				weight = tab.PageWeight(network.ResourceTypeScript, network.ResourceTypeStylesheet)
				for _, r := range tab.Requests() {
					if (r.Type == network.ResourceTypeScript || r.Type == network.ResourceTypeStylesheet) && r.BodyBytes >= r.DecodedBytes {
						b.Errorf("%s came uncompressed: %d bytes sent for %d", r.URL, r.BodyBytes, r.DecodedBytes)
					}
				}
			}
			tab.Navigate("about:blank") // free the page; the tab closes at the end
		}
	}
	slices.Sort(paints)
	b.ReportMetric(float64(weight), "js+css-gzip-bytes")
	b.ReportMetric(float64(apiRequests), "api-requests")
	b.ReportMetric(percentile(paints, 50), "first-cover-p50-ms")
	b.ReportMetric(percentile(paints, 95), "first-cover-p95-ms")
	b.Logf("navigation → first cover painted, %d loads (ms, sorted): %.0f", len(paints), paints)
	if apiRequests != 1 {
		b.Errorf("the first catalog view made %d API requests, want 1", apiRequests)
	}
}

// percentile returns the p-th percentile of sorted values (nearest rank).
func percentile(sorted []float64, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	rank := (p*len(sorted) + 99) / 100 // ⌈p/100 × n⌉
	return sorted[max(rank, 1)-1]
}
