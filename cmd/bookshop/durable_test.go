package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/bolt"
	"github.com/bookshop/bookshop/cmd/internal/seed"
)

// startDurable starts the embedded mode on the data directory dir,
// listening on addr ("127.0.0.1:0" for any port; a previous run's address
// to restart it there, so that its issuer and URLs stay the same). stop
// shuts it down as the process does: HTTP server first, then the store.
func startDurable(t *testing.T, dir, addr string, env map[string]string) (e embedded, stop func()) {
	t.Helper()
	all := map[string]string{"LOG_LEVEL": "error", "BOOKSHOP_DATA_DIR": dir}
	maps.Copy(all, env)
	cfg, err := configFromEnv(func(k string) string { return all[k] })
	if err != nil {
		t.Fatal(err)
	}
	cfg.BcryptCost = bcrypt.MinCost
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	cfg.PublicURL = "http://" + ln.Addr().String()
	srv, err := initializeServer(context.Background(), cfg)
	if err != nil {
		ln.Close()
		t.Fatal(err)
	}
	ts := httptest.NewUnstartedServer(srv.handler)
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			ts.Close()
			srv.Close()
		}
	}
	t.Cleanup(stop)
	return embedded{url: ts.URL, cfg: cfg, srv: srv}, stop
}

// bookPage is what GET /api/books returns.
type bookPage struct {
	Items []struct {
		ID    string
		Title string
		Stock int
		Cover *struct{ URL, ThumbnailURL string }
	} `json:"items"`
}

func (e embedded) books(t *testing.T) bookPage {
	t.Helper()
	status, body := e.call(t, "GET", "/api/books?limit=100", "", "")
	var page bookPage
	if status != 200 || json.Unmarshal([]byte(body), &page) != nil {
		t.Fatalf("GET /api/books = %d %s", status, body)
	}
	return page
}

// TestDurableShopKeepsItsData runs the shop on a data directory, stops it
// and starts it again there: the books (seeded once, not again), a new
// book, an order with the stock it took, a review, the accounts and their
// tokens issued before the restart, and the covers are all still there.
func TestDurableShopKeepsItsData(t *testing.T) {
	dir := t.TempDir()
	e, stop := startDurable(t, dir, "127.0.0.1:0", nil)
	admin := e.adminToken(t)
	status, body := e.call(t, "POST", "/api/books", admin, newBook)
	if status != 201 {
		t.Fatalf("create book: %d %s", status, body)
	}
	var created struct{ ID string }
	_ = json.Unmarshal([]byte(body), &created)
	user := e.register(t, "reader@example.com", "Reader-pass-1")
	orderID := e.checkout(t, user.AccessToken, created.ID, 1)
	if status, body := e.call(t, "POST", "/api/books/"+created.ID+"/reviews", user.AccessToken, `{"rating":4,"text":"Kept."}`); status != 201 {
		t.Fatalf("review: %d %s", status, body)
	}
	stop()

	e, _ = startDurable(t, dir, strings.TrimPrefix(e.url, "http://"), nil)
	page := e.books(t)
	if len(page.Items) != len(seed.Books)+1 {
		t.Fatalf("%d books after the restart, want the %d seeded once and the one created", len(page.Items), len(seed.Books)+1)
	}
	for _, b := range page.Items {
		if b.ID == created.ID && b.Stock != 3 {
			t.Errorf("stock of the ordered book = %d, want 4 - 1", b.Stock)
		}
		if b.ID != created.ID && (b.Cover == nil || b.Cover.ThumbnailURL == "") {
			t.Errorf("seed book %q lost its cover: %+v", b.Title, b.Cover)
		}
	}
	if status, body := e.call(t, "GET", "/api/orders/"+orderID, user.AccessToken, ""); status != 200 {
		t.Fatalf("the order, with the access token issued before the restart: %d %s", status, body)
	}
	if status, body := e.call(t, "GET", "/api/books/"+created.ID+"/reviews/mine", user.AccessToken, ""); status != 200 || !strings.Contains(body, "Kept.") {
		t.Fatalf("the review after the restart: %d %s", status, body)
	}
	if status, body := e.call(t, "POST", "/api/books", admin, newBook); status != 201 {
		t.Fatalf("create a book with the admin token issued before the restart: %d %s", status, body)
	}
	e.login(t, "reader@example.com", "Reader-pass-1")
	cover := page.Items[len(page.Items)-1].Cover
	if cover == nil {
		cover = page.Items[0].Cover
	}
	resp, err := http.Get(e.url + cover.ThumbnailURL)
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "image/jpeg" {
		t.Fatalf("thumbnail %s after the restart: %v %v", cover.ThumbnailURL, resp, err)
	}
	resp.Body.Close()
}

// TestSecondProcessOnTheDataDirectoryIsRefused: while one shop holds a data
// directory, another start on it fails at once with a message naming the
// directory, and the first one goes on serving.
func TestSecondProcessOnTheDataDirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	e, _ := startDurable(t, dir, "127.0.0.1:0", map[string]string{"BOOKSHOP_SEED": "false"})
	cfg := e.cfg
	_, err := initializeServer(context.Background(), cfg)
	if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "in use by another bookshop process") {
		t.Fatalf("second start on %s: %v; want a refusal naming the directory", dir, err)
	}
	if status, _ := e.call(t, "GET", "/api/health", "", ""); status != 200 {
		t.Fatalf("the first shop after the refused start: health %d", status)
	}
}

// TestBackupWhileServing takes a backup of a running shop, as
// `bookshop backup <file>` does: the file opens as a bookshop database with
// the shop's books, and only an administrator may download it. With the
// shop stopped, the backup is copied from the data directory.
func TestBackupWhileServing(t *testing.T) {
	dir := t.TempDir()
	e, stop := startDurable(t, dir, "127.0.0.1:0", map[string]string{"BOOKSHOP_SEED": "false"})
	admin := e.adminToken(t)
	for i := range 3 {
		if status, body := e.call(t, "POST", "/api/books", admin, strings.Replace(newBook, "Kindred", fmt.Sprintf("Kindred %d", i), 1)); status != 201 {
			t.Fatalf("create book: %d %s", status, body)
		}
	}
	user := e.register(t, "nosy@example.com", "Nosy-pass-1")
	for _, tc := range []struct {
		name, token string
		want        int
	}{{"anonymous", "", 401}, {"not an admin", user.AccessToken, 403}, {"bad token", "x.y.z", 401}} {
		if status, _ := e.call(t, "GET", backupPath, tc.token, ""); status != tc.want {
			t.Errorf("GET %s as %s = %d, want %d", backupPath, tc.name, status, tc.want)
		}
	}

	file := filepath.Join(t.TempDir(), "backup.db")
	var out bytes.Buffer
	if err := runBackup(context.Background(), e.cfg, file, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "the shop at "+e.url) {
		t.Errorf("backup output %q does not name the running shop", out.String())
	}
	summary, err := bolt.Inspect(file)
	if err != nil {
		t.Fatal(err)
	}
	if summary.Books != 3 {
		t.Fatalf("backup holds %d books, want 3", summary.Books)
	}

	stop()
	offline := filepath.Join(t.TempDir(), "offline.db")
	out.Reset()
	if err := runBackup(context.Background(), e.cfg, offline, &out); err != nil {
		t.Fatalf("backup of a stopped shop: %v", err)
	}
	if !strings.Contains(out.String(), filepath.Join(dir, databaseFile)) {
		t.Errorf("backup output %q does not name the data directory's database", out.String())
	}
	if s, err := bolt.Inspect(offline); err != nil || s.Books != 3 {
		t.Fatalf("offline backup: %+v, %v", s, err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(offline)); len(entries) != 1 {
		t.Errorf("backup left files beside it: %v", entries)
	}
}

// TestBackupNeedsADataDirectory: in memory mode there is nothing to back up.
func TestBackupNeedsADataDirectory(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	if status, _ := e.call(t, "GET", backupPath, e.adminToken(t), ""); status != 404 {
		t.Fatalf("GET %s in memory mode = %d, want 404", backupPath, status)
	}
}
