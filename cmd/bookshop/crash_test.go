package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Shape of the crash test's burst.
const (
	crashBooks      = 4  // for sale
	crashEdited     = 2  // only edited, so that edits are acknowledged too
	crashStock      = 40 // per book: 160 copies in all
	crashBuyers     = 12 // goroutines checking out
	crashEditors    = 3  // goroutines editing books as the administrator
	crashKillAfter  = 30 // acknowledged checkouts before kill -9…
	crashKillEdits  = 3  // …and acknowledged edits
	crashStartLimit = 15 * time.Second
)

// TestCrashKeepsEveryAcknowledgedWrite builds the shop, runs it on a data
// directory, and kills it (SIGKILL, no shutdown) in the middle of a burst of
// concurrent checkouts and administrator edits. Restarted on the same
// directory, the shop must show: no book sold beyond its stock, every copy
// taken from stock in exactly one stored order and every stored order's
// copies taken from stock, every acknowledged (2xx) checkout stored and
// replayed by its Idempotency-Key, every acknowledged edit stored (or
// overtaken by a later one), and the administrator's token from before the
// crash still valid.
//
//	go test ./cmd/bookshop -run TestCrash -count 10
func TestCrashKeepsEveryAcknowledgedWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the binary (-short)")
	}
	bin := filepath.Join(t.TempDir(), "bookshop")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	shop := startShopProcess(t, bin, dir, "")
	admin := shop.login(t)
	books := make([]string, crashBooks+crashEdited)
	for i := range books {
		books[i] = shop.createBook(t, admin, i)
	}
	forSale := books[:crashBooks]

	var (
		mu       sync.Mutex
		orders   []ackedOrder               // acknowledged checkouts
		edits    = map[string][]ackedEdit{} // acknowledged edits by book
		tried    = map[string]bool{}        // every description sent
		acked    atomic.Int32               // checkouts
		ackedEd  atomic.Int32               // edits
		killed   atomic.Bool
		killOnce sync.Once
		buyers   sync.WaitGroup
		editors  sync.WaitGroup
	)
	kill := func() {
		if acked.Load() < crashKillAfter || ackedEd.Load() < crashKillEdits {
			return
		}
		killOnce.Do(func() {
			killed.Store(true)
			shop.kill(t)
		})
	}
	for w := range crashBuyers {
		buyers.Go(func() {
			for n := 0; !killed.Load(); n++ {
				book, qty := forSale[(w+n)%crashBooks], 1+n%2
				key := fmt.Sprintf("crash-%d-%d", w, n)
				id, status, err := shop.checkout(admin, key, book, qty)
				if err != nil || status == http.StatusConflict && allSoldOut(shop, forSale) {
					return // killed, or nothing left to sell
				}
				if status == http.StatusCreated {
					mu.Lock()
					orders = append(orders, ackedOrder{id: id, key: key, book: book, qty: qty})
					mu.Unlock()
					acked.Add(1)
					kill()
				}
			}
		})
	}
	for w := range crashEditors {
		editors.Go(func() {
			for n := 0; !killed.Load(); n++ {
				// Every other edit is of a book for sale, racing checkouts.
				book := books[crashBooks+(w+n)%crashEdited]
				if n%2 == 1 {
					book = forSale[(w+n)%crashBooks]
				}
				desc := fmt.Sprintf("edit %d-%d", w, n)
				mu.Lock()
				tried[desc] = true
				mu.Unlock()
				version, ok, err := shop.edit(admin, book, desc)
				if err != nil {
					return
				}
				if ok {
					mu.Lock()
					edits[book] = append(edits[book], ackedEdit{version: version, description: desc})
					mu.Unlock()
					ackedEd.Add(1)
					kill()
				}
			}
		})
	}
	buyers.Wait()
	if !killed.Load() {
		t.Fatalf("the stock ran out before the kill: %d checkouts and %d edits acknowledged", acked.Load(), ackedEd.Load())
	}
	editors.Wait()

	shop = startShopProcess(t, bin, dir, shop.port)
	stored := map[string]storedOrder{}
	for _, o := range shop.allOrders(t, admin) { // the token from before the crash
		stored[o.ID] = o
	}
	for _, book := range books {
		b := shop.book(t, book)
		taken := 0
		for _, o := range stored {
			for _, l := range o.Items {
				if l.BookID == book {
					taken += l.Qty
				}
			}
		}
		if book == books[crashBooks] && len(edits[book]) == 0 {
			t.Errorf("no edit of book %s was acknowledged", book)
		}
		if b.Stock < 0 || taken > crashStock {
			t.Errorf("book %s: stock %d, %d copies ordered of %d: oversold", book, b.Stock, taken, crashStock)
		}
		if crashStock-b.Stock != taken {
			t.Errorf("book %s: %d copies taken from stock, but the stored orders hold %d", book, crashStock-b.Stock, taken)
		}
		if e := latest(edits[book]); e != nil {
			if b.Version < e.version {
				t.Errorf("book %s: version %d, older than the acknowledged edit's %d", book, b.Version, e.version)
			}
			if b.Description != e.description && !tried[b.Description] {
				t.Errorf("book %s: description %q is neither the acknowledged edit %q nor a later one", book, b.Description, e.description)
			}
		}
	}
	for _, o := range orders {
		if _, ok := stored[o.id]; !ok {
			t.Errorf("acknowledged order %s (%d of %s) is missing after the crash", o.id, o.qty, o.book)
			continue
		}
		id, status, err := shop.checkout(admin, o.key, o.book, o.qty)
		if err != nil || status/100 != 2 || id != o.id {
			t.Errorf("replay of %s: order %q, status %d, %v; want the stored order %s", o.key, id, status, err, o.id)
		}
	}
	t.Logf("%d checkouts and %d edits acknowledged before kill -9; %d orders stored after the restart",
		len(orders), countEdits(edits), len(stored))
}

type ackedOrder struct {
	id, key, book string
	qty           int
}

type ackedEdit struct {
	version     int64
	description string
}

// latest is the acknowledged edit of the highest version, nil when none.
func latest(edits []ackedEdit) *ackedEdit {
	var out *ackedEdit
	for i := range edits {
		if out == nil || edits[i].version > out.version {
			out = &edits[i]
		}
	}
	return out
}

func countEdits(edits map[string][]ackedEdit) int {
	n := 0
	for _, e := range edits {
		n += len(e)
	}
	return n
}

// allSoldOut reports whether every book's stock is 0 (so that buyers stop
// when the kill never comes).
func allSoldOut(shop *shopProcess, books []string) bool {
	for _, id := range books {
		resp, err := shop.client.Get(shop.base + "/api/books/" + id)
		if err != nil {
			return true
		}
		var b crashBook
		err = json.NewDecoder(resp.Body).Decode(&b)
		resp.Body.Close()
		if err != nil || b.Stock > 0 {
			return false
		}
	}
	return true
}

// shopProcess is the built binary running on a data directory.
type shopProcess struct {
	cmd    *exec.Cmd
	port   string
	base   string
	client *http.Client
	log    *bytes.Buffer
	done   chan struct{}
}

// startShopProcess starts bin on dir and port ("" for a free one) and waits
// until it answers.
func startShopProcess(t *testing.T, bin, dir, port string) *shopProcess {
	t.Helper()
	if port == "" {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		port = strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
		ln.Close()
	}
	p := &shopProcess{
		port: port, base: "http://127.0.0.1:" + port, log: &bytes.Buffer{}, done: make(chan struct{}),
		client: &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: crashBuyers + crashEditors}},
	}
	p.cmd = exec.Command(bin)
	p.cmd.Env = append(os.Environ(), "PORT="+port, "BOOKSHOP_PUBLIC_URL="+p.base, "BOOKSHOP_DATA_DIR="+dir,
		"BOOKSHOP_SEED=false", "LOG_LEVEL=warn", "BOOKSHOP_ADMIN_EMAIL=", "BOOKSHOP_ADMIN_PASSWORD=")
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { _ = p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.kill(t)
		if t.Failed() {
			t.Logf("shop log:\n%s", p.log)
		}
	})
	deadline := time.Now().Add(crashStartLimit)
	for {
		resp, err := p.client.Get(p.base + "/api/health")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
		select {
		case <-p.done:
			t.Fatalf("the shop exited at start-up:\n%s", p.log)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("the shop did not answer within %s:\n%s", crashStartLimit, p.log)
		}
	}
}

// kill sends SIGKILL and waits for the process to be gone.
func (p *shopProcess) kill(t *testing.T) {
	_ = p.cmd.Process.Kill()
	<-p.done
	p.client.CloseIdleConnections()
}

func (p *shopProcess) do(method, path, token string, header map[string]string, body any) (*http.Response, []byte, error) {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(context.Background(), method, p.base+path, r)
	if err != nil {
		return nil, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

func (p *shopProcess) login(t *testing.T) string {
	t.Helper()
	resp, body, err := p.do("POST", "/api/auth/login", "", nil, map[string]string{"email": defaultAdminEmail, "password": defaultAdminPassword})
	var tok struct{ AccessToken string }
	if err != nil || resp.StatusCode != 200 || json.Unmarshal(body, &tok) != nil {
		t.Fatalf("login: %v %v %s", resp, err, body)
	}
	return tok.AccessToken
}

func (p *shopProcess) createBook(t *testing.T, token string, i int) string {
	t.Helper()
	resp, body, err := p.do("POST", "/api/books", token, nil, map[string]any{
		"title": fmt.Sprintf("Crash %d", i), "author": "Tester", "category": "Fiction", "priceCents": 1000, "stock": crashStock,
	})
	var b crashBook
	if err != nil || resp.StatusCode != 201 || json.Unmarshal(body, &b) != nil {
		t.Fatalf("create book: %v %v %s", resp, err, body)
	}
	return b.ID
}

// checkout places an order; err is a transport error (the shop is gone).
func (p *shopProcess) checkout(token, key, book string, qty int) (id string, status int, err error) {
	resp, body, err := p.do("POST", "/api/orders", token, map[string]string{"Idempotency-Key": key},
		map[string]any{"items": []map[string]any{{"bookId": book, "qty": qty}}})
	if err != nil {
		return "", 0, err
	}
	var o storedOrder
	_ = json.Unmarshal(body, &o)
	return o.ID, resp.StatusCode, nil
}

// edit changes a book's description at the version just read; ok reports
// an acknowledged edit, at the returned version.
func (p *shopProcess) edit(token, book, description string) (version int64, ok bool, err error) {
	resp, body, err := p.do("GET", "/api/books/"+book, "", nil, nil)
	if err != nil {
		return 0, false, err
	}
	var b crashBook
	if resp.StatusCode != 200 || json.Unmarshal(body, &b) != nil {
		return 0, false, nil
	}
	resp, body, err = p.do("PUT", "/api/books/"+book, token, map[string]string{"If-Match": resp.Header.Get("ETag")}, map[string]any{
		"title": b.Title, "author": b.Author, "category": b.Category, "description": description,
		"priceCents": b.PriceCents, "currency": b.Currency, "stock": b.Stock,
	})
	if err != nil {
		return 0, false, err
	}
	if resp.StatusCode != 200 || json.Unmarshal(body, &b) != nil {
		return 0, false, nil // 412: a checkout or another edit came first
	}
	return b.Version, true, nil
}

func (p *shopProcess) book(t *testing.T, id string) crashBook {
	t.Helper()
	resp, body, err := p.do("GET", "/api/books/"+id, "", nil, nil)
	var b crashBook
	if err != nil || resp.StatusCode != 200 || json.Unmarshal(body, &b) != nil {
		t.Fatalf("GET book %s: %v %v %s", id, resp, err, body)
	}
	return b
}

// allOrders lists every pending order through the admin listing.
func (p *shopProcess) allOrders(t *testing.T, token string) []storedOrder {
	t.Helper()
	var all []storedOrder
	cursor := ""
	for {
		path := "/api/admin/orders?status=PENDING&limit=100"
		if cursor != "" {
			path += "&cursor=" + url.QueryEscape(cursor)
		}
		resp, body, err := p.do("GET", path, token, nil, nil)
		var page struct {
			Items      []storedOrder
			NextCursor *string
		}
		if err != nil || resp.StatusCode != 200 || json.Unmarshal(body, &page) != nil {
			t.Fatalf("GET %s: %v %v %s", path, resp, err, body)
		}
		all = append(all, page.Items...)
		if page.NextCursor == nil {
			return all
		}
		cursor = *page.NextCursor
	}
}

type crashBook struct {
	ID, Title, Author, Category, Description, Currency string
	PriceCents                                         int64
	Stock                                              int
	Version                                            int64
}

type storedOrder struct {
	ID    string
	Items []struct {
		BookID string
		Qty    int
	}
}
