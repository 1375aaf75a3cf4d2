package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// TestEmbeddedDiscovery: the embedded mode projects in-process, so the seed
// books are searchable at start-up, a new book at once, and an order shows
// in the best sellers and also-bought as soon as it is placed.
func TestEmbeddedDiscovery(t *testing.T) {
	e := startEmbedded(t, nil)
	type ranking struct {
		Items []struct {
			Book  struct{ ID, Title string }
			Count int64
		}
	}
	var found struct{ Items []struct{ ID, Title string } }
	status, body := e.call(t, "GET", "/api/search?q=garcia+marq", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &found) != nil || len(found.Items) != 1 ||
		found.Items[0].Title != "Cien años de soledad" {
		t.Fatalf("search of a seed book = %d %s", status, body)
	}
	admin := e.adminToken(t)
	status, body = e.call(t, "POST", "/api/books", admin, newBook)
	if status != http.StatusCreated {
		t.Fatalf("create book = %d %s", status, body)
	}
	var kindred struct{ ID string }
	if err := json.Unmarshal([]byte(body), &kindred); err != nil {
		t.Fatal(err)
	}
	status, body = e.call(t, "GET", "/api/search?q=KINDRED", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &found) != nil || len(found.Items) != 2 {
		t.Fatalf("search after creating a second Kindred = %d %s", status, body)
	}
	status, body = e.call(t, "GET", "/api/search?q=dune", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &found) != nil || len(found.Items) != 1 {
		t.Fatalf("search dune = %d %s", status, body)
	}
	dune := found.Items[0].ID

	reader := e.register(t, "reader@example.com", "Reader-pass-1")
	e.checkout(t, reader.AccessToken, kindred.ID, 2)
	var best ranking
	status, body = e.call(t, "GET", "/api/bestsellers", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &best) != nil || len(best.Items) != 1 ||
		best.Items[0].Book.ID != kindred.ID || best.Items[0].Count != 2 {
		t.Fatalf("best sellers = %d %s", status, body)
	}
	var also ranking
	status, body = e.call(t, "GET", "/api/books/"+dune+"/also-bought", "", "")
	if status != http.StatusOK || json.Unmarshal([]byte(body), &also) != nil || len(also.Items) != 0 {
		t.Fatalf("also bought with dune = %d %s", status, body)
	}
}

// ranking is what GET /api/bestsellers and …/also-bought return.
type ranking struct {
	Items []struct {
		Book  struct{ ID, Title string }
		Count int64
	}
}

// rankingOf reads a ranking and returns it as "title×count" strings.
func (e embedded) rankingOf(t *testing.T, path string) []string {
	t.Helper()
	status, body := e.call(t, "GET", path, "", "")
	var r ranking
	if status != http.StatusOK || json.Unmarshal([]byte(body), &r) != nil {
		t.Fatalf("GET %s = %d %s", path, status, body)
	}
	out := []string{}
	for _, it := range r.Items {
		out = append(out, fmt.Sprintf("%s×%d", it.Book.Title, it.Count))
	}
	return out
}

// searchTitles returns the titles of the first page of a search.
func (e embedded) searchTitles(t *testing.T, q string) []string {
	t.Helper()
	status, body := e.call(t, "GET", "/api/search?q="+url.QueryEscape(q), "", "")
	var page struct{ Items []struct{ Title string } }
	if status != http.StatusOK || json.Unmarshal([]byte(body), &page) != nil {
		t.Fatalf("search %q = %d %s", q, status, body)
	}
	out := []string{}
	for _, it := range page.Items {
		out = append(out, it.Title)
	}
	return out
}

// checkoutLines places one order of several books (bookID → quantity)
// with the Idempotency-Key key and returns its id.
func (e embedded) checkoutLines(t *testing.T, token, key string, lines map[string]int) string {
	t.Helper()
	var items []string
	for _, id := range slices.Sorted(maps.Keys(lines)) {
		items = append(items, fmt.Sprintf(`{"bookId":%q,"qty":%d}`, id, lines[id]))
	}
	req, err := http.NewRequest("POST", e.url+"/api/orders", strings.NewReader(`{"items":[`+strings.Join(items, ",")+`]}`))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Idempotency-Key", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var order struct{ ID string }
	if resp.StatusCode != http.StatusCreated || json.Unmarshal(body, &order) != nil || order.ID == "" {
		t.Fatalf("checkout = %d %s", resp.StatusCode, body)
	}
	return order.ID
}

// TestDurableShopRebuildsDiscoveryAtStartUp: the durable mode keeps the
// search index and the sales ledger in memory, so a restarted shop rebuilds
// them from the bolt file: it finds its books (seeded once, before the
// restart; an edited one by its new title only) and ranks its best sellers
// and also-bought as before (a cancelled order not counted), and keeps
// counting new orders.
func TestDurableShopRebuildsDiscoveryAtStartUp(t *testing.T) {
	dir := t.TempDir()
	e, stop := startDurable(t, dir, "127.0.0.1:0", nil)
	admin := e.adminToken(t)
	status, body := e.call(t, "POST", "/api/books", admin,
		`{"title":"Parable of the Sower","author":"Octavia E. Butler","category":"Science Fiction","priceCents":1599,"stock":9}`)
	if status != http.StatusCreated {
		t.Fatalf("create book = %d %s", status, body)
	}
	var parable struct{ ID string }
	if err := json.Unmarshal([]byte(body), &parable); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	for _, b := range e.books(t).Items {
		ids[b.Title] = b.ID
	}
	dune, kindred := ids["Dune"], ids["Kindred"]

	ann := e.register(t, "ann@example.com", "Ann-pass-123")
	bob := e.register(t, "bob@example.com", "Bob-pass-123")
	e.checkoutLines(t, ann.AccessToken, "ann-1", map[string]int{parable.ID: 2, dune: 1})
	e.checkoutLines(t, bob.AccessToken, "bob-1", map[string]int{parable.ID: 1})
	cancelled := e.checkoutLines(t, bob.AccessToken, "bob-2", map[string]int{kindred: 3})
	if status, body := e.call(t, "POST", "/api/orders/"+cancelled+"/cancel", bob.AccessToken, ""); status != http.StatusOK {
		t.Fatalf("cancel = %d %s", status, body)
	}
	editTitle(t, e, admin, parable.ID, "Parable of the Talents")

	wantBest := []string{"Parable of the Talents×3", "Dune×1"}
	wantAlso := []string{"Parable of the Talents×1"}
	check := func(when string) {
		t.Helper()
		if got := e.rankingOf(t, "/api/bestsellers"); !slices.Equal(got, wantBest) {
			t.Errorf("%s: best sellers %v, want %v", when, got, wantBest)
		}
		if got := e.rankingOf(t, "/api/books/"+dune+"/also-bought"); !slices.Equal(got, wantAlso) {
			t.Errorf("%s: also bought with Dune %v, want %v", when, got, wantAlso)
		}
		if got := e.searchTitles(t, "parable tal"); !slices.Equal(got, []string{"Parable of the Talents"}) {
			t.Errorf("%s: search by the new title %v", when, got)
		}
		if got := e.searchTitles(t, "sower"); len(got) != 0 {
			t.Errorf("%s: search by the old title %v, want nothing", when, got)
		}
		if got := e.searchTitles(t, "garcia marq"); !slices.Equal(got, []string{"Cien años de soledad"}) {
			t.Errorf("%s: search of a seed book %v", when, got)
		}
	}
	check("before the restart")
	stop()

	e, _ = startDurable(t, dir, strings.TrimPrefix(e.url, "http://"), nil)
	check("after the restart")
	// The hooks run again: a new order counts at once.
	e.checkoutLines(t, bob.AccessToken, "bob-3", map[string]int{dune: 1})
	if got, want := e.rankingOf(t, "/api/bestsellers"), []string{"Parable of the Talents×3", "Dune×2"}; !slices.Equal(got, want) {
		t.Errorf("best sellers after a new order %v, want %v", got, want)
	}
}

// editTitle renames a book through the API, with its current ETag.
func editTitle(t *testing.T, e embedded, token, id, title string) {
	t.Helper()
	req, err := http.NewRequest("GET", e.url+"/api/books/"+id, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var book map[string]any
	err = json.NewDecoder(resp.Body).Decode(&book)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	etag := resp.Header.Get("ETag")
	body := fmt.Sprintf(`{"title":%q,"author":%q,"category":%q,"priceCents":%v,"stock":%v}`,
		title, book["author"], book["category"], book["priceCents"], book["stock"])
	req, err = http.NewRequest("PUT", e.url+"/api/books/"+id, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("If-Match", etag)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(resp.Body)
		t.Fatalf("edit book = %d %s", resp.StatusCode, b)
	}
}

// TestProjectionHookRemovesADeletedBooksObjects: in the embedded mode the
// repositories' change hooks stand in for the table's stream, so a book
// deleted by any writer (here the repository itself, not the catalog's
// fast path) loses its covers and thumbnails, as the projector function
// removes them on AWS; another book's stay.
func TestProjectionHookRemovesADeletedBooksObjects(t *testing.T) {
	ctx := context.Background()
	books := memory.NewBookRepository()
	orders, err := memory.NewOrderRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	objects, err := memory.NewObjectStore("http://objects.test/o", []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	projector, err := app.NewProjector(memory.NewSearchIndex(), memory.NewSalesLedger(), books)
	if err != nil {
		t.Fatal(err)
	}
	cleanup, err := app.NewCoverCleanup(objects)
	if err != nil {
		t.Fatal(err)
	}
	replay, err := app.NewProjectionReplay(books, orders, projector)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := newProjectionHook(ctx, books, orders, projector, cleanup, replay, slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	var keys [][]string
	for _, id := range []domain.BookID{"01JBOOKGONE", "01JBOOKKEPT"} {
		b, err := domain.NewBook(id, domain.BookDetails{Title: string(id), Author: "A", Category: "fiction", PriceCents: 100, Stock: 1}, now)
		if err != nil {
			t.Fatal(err)
		}
		if err := books.Create(ctx, b); err != nil {
			t.Fatal(err)
		}
		k := []string{app.CoverPrefix(id) + "a.png", app.ThumbnailPrefix(id) + "a-200x280.jpg"}
		for _, key := range k {
			objects.Put(key, "image/png", []byte("\x89PNG"))
		}
		keys = append(keys, k)
	}

	if _, err := books.Delete(ctx, "01JBOOKGONE", 0); err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{false, true} {
		for _, key := range keys[i] {
			if _, _, ok := objects.Object(key); ok != want {
				t.Errorf("%s stored after the delete = %v, want %v", key, ok, want)
			}
		}
	}
}
