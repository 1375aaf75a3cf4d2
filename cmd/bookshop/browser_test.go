package main

// Browser journeys through the storefront of the embedded mode: each
// TestJourney… starts its own embedded server (seeded, covers and thumbnails
// made) and drives the web app in the shared headless Chromium of
// adapters/webui/browsertest, which fails the test on any uncaught exception,
// console error or error of the browser's log. Every page a journey visits is
// checked with axe-core (no serious or critical violation).
//
// Run them alone with
//
//	go test -count=1 -run Journey ./cmd/bookshop/

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/bookshop/bookshop/adapters/webui/browsertest"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// startShop starts a seeded embedded server and waits until every seed cover
// has its thumbnails, so that pages show the covers from the first view.
func startShop(t testing.TB) embedded {
	t.Helper()
	e := startEmbedded(t, nil)
	e.srv.objects.WaitForHooks()
	return e
}

// openTab opens a browser tab in a fresh browser context on the shop.
func openTab(t testing.TB, e embedded, opts ...browsertest.Option) *browsertest.Browser {
	t.Helper()
	return browsertest.New(t, append([]browsertest.Option{browsertest.WithBaseURL(e.url)}, opts...)...)
}

// tid is the CSS selector of the app's data-testid hook.
func tid(id string) string { return `[data-testid="` + id + `"]` }

// within is the selector of the element matching inner inside outer.
func within(outer, inner string) string { return outer + " " + inner }

// js quotes s as a JavaScript string literal.
func js(s string) string { return strconv.Quote(s) }

// waitFor waits until the JavaScript expression is truthy; what names the
// step in a failure.
func waitFor(b *browsertest.Browser, what, expression string) {
	b.WaitUntil(what, expression)
}

// waitCount waits until exactly n elements match selector.
func waitCount(b *browsertest.Browser, selector string, n int) {
	waitFor(b, fmt.Sprintf("%d × %s", n, selector), fmt.Sprintf("document.querySelectorAll(%s).length === %d", js(selector), n))
}

// waitText waits until the first element matching selector reads want
// (innerText, trimmed).
func waitText(b *browsertest.Browser, selector, want string) {
	waitFor(b, fmt.Sprintf("%s reads %q", selector, want),
		fmt.Sprintf("document.querySelector(%s)?.innerText.trim() === %s", js(selector), js(want)))
}

// waitTextContains waits until the first element matching selector
// contains want.
func waitTextContains(b *browsertest.Browser, selector, want string) {
	waitFor(b, fmt.Sprintf("%s contains %q", selector, want),
		fmt.Sprintf("(document.querySelector(%s)?.innerText || '').includes(%s)", js(selector), js(want)))
}

// waitPath waits until the page's path and query are pathAndQuery.
func waitPath(b *browsertest.Browser, pathAndQuery string) {
	waitFor(b, "the location is "+pathAndQuery, "location.pathname + location.search === "+js(pathAndQuery))
}

// choose picks value in the select matching selector as a user would: the
// value changes and the select fires "change" (chromedp.SetValue fires no
// event, and a native select's popup cannot be driven headless).
func choose(b *browsertest.Browser, selector, value string) {
	browsertest.Eval[chromedp.Void](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%s);
		el.focus();
		el.value = %s;
		if (el.value !== %[2]s) throw new Error("no option " + %[2]s);
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
	})()`, js(selector), js(value)))
}

// doubleClick double-clicks the centre of the element matching selector with
// the mouse: two presses in a row (click counts 1 and 2), as a real double
// click sends them, without waiting for the page in between.
func doubleClick(b *browsertest.Browser, selector string) {
	b.WaitVisible(selector)
	xy := browsertest.Eval[[2]float64](b, fmt.Sprintf(`(() => {
		const el = document.querySelector(%s);
		el.scrollIntoView({block: "center"});
		const r = el.getBoundingClientRect();
		return [r.x + r.width / 2, r.y + r.height / 2];
	})()`, js(selector)))
	b.Do("double-click "+selector,
		chromedp.MouseClickXY(xy[0], xy[1]),
		chromedp.MouseClickXY(xy[0], xy[1], chromedp.ClickCount(2)))
}

// waitTitles waits until the catalog shows exactly the books titled want,
// in that order.
func waitTitles(b *browsertest.Browser, want ...string) {
	j, _ := json.Marshal(want)
	waitFor(b, fmt.Sprintf("the catalog shows %q", want),
		`JSON.stringify([...document.querySelectorAll('[data-testid="book-card"] .book-card__title')].map(e => e.innerText.trim())) === `+js(string(j)))
}

// catalogView is what the page's Resource Timing entries tell about the API
// requests of a catalog view: their paths and queries in start order, and
// how many started before the answer to GET /api/books had arrived, i.e.
// the requests the catalog's first view waits for.
type catalogView struct {
	APIRequests []string `json:"apiRequests"`
	BeforeBooks int      `json:"beforeBooks"`
}

// catalogViewOf reads catalogView once the page's network is idle. The
// best-sellers strip sends its own request only once the books have
// rendered, so a first view is one request (BeforeBooks 1) followed by
// GET /api/bestsellers.
func catalogViewOf(b *browsertest.Browser) catalogView {
	b.WaitNetworkIdle()
	return browsertest.Eval[catalogView](b, `(() => {
		const api = performance.getEntriesByType("resource").filter(e => new URL(e.name).pathname.startsWith("/api/"));
		const books = api.find(e => new URL(e.name).pathname === "/api/books");
		return {
			apiRequests: api.map(e => { const u = new URL(e.name); return u.pathname + u.search; }),
			beforeBooks: books ? api.filter(e => e.startTime < books.responseEnd).length : -1,
		};
	})()`)
}

// apiBook is the part of the API's Book that journeys check.
type apiBook struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Author      string `json:"author"`
	Category    string `json:"category"`
	Description string `json:"description"`
	PriceCents  int64  `json:"priceCents"`
	Currency    string `json:"currency"`
	Stock       int    `json:"stock"`
	Version     int64  `json:"version"`
	Cover       *struct {
		URL          string `json:"url"`
		ThumbnailURL string `json:"thumbnailUrl"`
	} `json:"cover"`
}

// booksByTitle lists the catalog through the API.
func (e embedded) booksByTitle(t *testing.T) map[string]apiBook {
	t.Helper()
	var page struct{ Items []apiBook }
	getJSON(t, e.url+"/api/books?limit=100", &page)
	byTitle := map[string]apiBook{}
	for _, b := range page.Items {
		byTitle[b.Title] = b
	}
	return byTitle
}

// book reads one book through the API.
func (e embedded) book(t *testing.T, id string) apiBook {
	t.Helper()
	var b apiBook
	getJSON(t, e.url+"/api/books/"+id, &b)
	return b
}

// apiOrder is the part of the API's Order that journeys check.
type apiOrder struct {
	ID            string `json:"id"`
	Status        string `json:"status"`
	SubtotalCents int64  `json:"subtotalCents"`
	TotalCents    int64  `json:"totalCents"`
}

// myOrders lists the caller's orders through the API.
func (e embedded) myOrders(t *testing.T, token string) []apiOrder {
	t.Helper()
	status, body := e.call(t, "GET", "/api/orders", token, "")
	if status != http.StatusOK {
		t.Fatalf("GET /api/orders = %d %s", status, body)
	}
	var page struct{ Items []apiOrder }
	if err := json.Unmarshal([]byte(body), &page); err != nil {
		t.Fatalf("GET /api/orders: %v in %s", err, body)
	}
	return page.Items
}

// dollars formats cents as the app does in en-US for USD.
func dollars(cents int64) string {
	s := strconv.FormatInt(cents/100, 10)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return fmt.Sprintf("$%s.%02d", s, cents%100)
}

// loginDevices returns the device ids the page sent with POST
// /api/auth/login since the last ResetRequests, in order ("" for a sign-in
// without one).
func loginDevices(t *testing.T, b *browsertest.Browser) []string {
	t.Helper()
	var ids []string
	for _, r := range b.Requests() {
		if u, err := url.Parse(r.URL); err != nil || r.Method != "POST" || u.Path != "/api/auth/login" {
			continue
		}
		var body struct{ Device string }
		if err := json.Unmarshal([]byte(r.Body), &body); err != nil {
			t.Fatalf("the body of POST /api/auth/login: %v in %q", err, r.Body)
		}
		ids = append(ids, body.Device)
	}
	return ids
}

// signIn signs in through the login page (checked with axe) and waits for
// the header to show the account.
func signIn(b *browsertest.Browser, email, password string) {
	b.Navigate("/login")
	b.WaitVisible(tid("login-form"))
	b.CheckA11y("login")
	b.SendKeys("#email", email)
	b.SendKeys("#password", password)
	b.Click(tid("login-submit"))
	waitTextContains(b, tid("account"), email)
}
