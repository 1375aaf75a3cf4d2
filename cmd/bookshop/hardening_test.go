package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"

	"github.com/bookshop/bookshop/adapters/localidp"
)

// TestServerTimeoutsAreSet: the embedded server sets read, write and idle
// timeouts (not just the header timeout), and a client that stalls mid-body
// is cut off instead of holding its connection forever.
func TestServerTimeoutsAreSet(t *testing.T) {
	srv := newHTTPServer(http.NotFoundHandler(), defaultTimeouts)
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Fatalf("timeouts header %v read %v write %v idle %v: all must be set", srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}

	short := timeouts{ReadHeader: 200 * time.Millisecond, Read: 300 * time.Millisecond, Write: time.Second, Idle: 300 * time.Millisecond}
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := newHTTPServer(e.srv.handler, short)
	go func() { _ = s.Serve(ln) }()
	t.Cleanup(func() { _ = s.Close() })

	cutOff := func(t *testing.T, conn net.Conn) {
		t.Helper()
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err := io.Copy(io.Discard, conn) // returns when the server closes the connection
		if err != nil {
			t.Fatalf("the server kept the connection open: %v", err)
		}
	}
	t.Run("stalled body", func(t *testing.T) {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_, _ = io.WriteString(conn, "POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":")
		start := time.Now()
		cutOff(t, conn)
		t.Logf("stalled body cut off after %v", time.Since(start).Round(time.Millisecond))
	})
	t.Run("idle keep-alive", func(t *testing.T) {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_, _ = io.WriteString(conn, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		cutOff(t, conn)
	})
}

// TestPublicRoutesIgnoreAStaleToken: as on API Gateway, a public route does
// not look at the Authorization header, so a browser holding an expired
// token can still sign in and read the catalog; guarded routes still
// refuse it.
func TestPublicRoutesIgnoreAStaleToken(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	idpKey, _ := testKeys()
	now := time.Now()
	expired := forge(t, jose.RS256, idpKey, localidp.KeyID, map[string]any{
		"sub": "someone", "iss": e.cfg.PublicURL + authPath, "client_id": localidp.DefaultClientID, "token_use": "access",
		"iat": now.Add(-2 * time.Hour).Unix(), "exp": now.Add(-time.Hour).Unix(),
	})
	login := `{"email":"` + e.cfg.AdminEmail + `","password":"` + e.cfg.AdminPassword + `"}`
	if status, body := e.call(t, "POST", "/api/auth/login", expired, login); status != 200 {
		t.Errorf("sign in with an expired token in the header: %d %s, want 200", status, body)
	}
	if status, body := e.call(t, "GET", "/api/books", "garbage", ""); status != 200 {
		t.Errorf("GET /api/books with a garbage token: %d %s, want 200", status, body)
	}
	if status, body := e.call(t, "GET", "/api/orders", expired, ""); status != 401 || !strings.Contains(body, "Unauthorized") {
		t.Errorf("GET /api/orders with an expired token: %d %s, want the authorizer's 401", status, body)
	}
	if status, _ := e.call(t, "GET", "/api/books/b1/reviews/mine", "", ""); status != 401 {
		t.Errorf("GET .../reviews/mine without a token: %d, want 401", status)
	}
}

// TestListensOnLoopbackByDefault: without BOOKSHOP_LISTEN the server binds
// 127.0.0.1 only; an address other machines can reach is refused while the
// administrator has the default password, and allowed with another one.
func TestListensOnLoopbackByDefault(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cfg, err := configFromEnv(env(map[string]string{"PORT": "8099"}))
	if err != nil || cfg.Addr != "127.0.0.1:8099" {
		t.Fatalf("default listen address %q (%v), want 127.0.0.1:8099", cfg.Addr, err)
	}
	for _, addr := range []string{":8080", "0.0.0.0:8080", "[::]:8080", "192.168.1.10:8080", "shop.example:8080"} {
		_, err := configFromEnv(env(map[string]string{"BOOKSHOP_LISTEN": addr}))
		if err == nil || !strings.Contains(err.Error(), "BOOKSHOP_ADMIN_PASSWORD") {
			t.Errorf("BOOKSHOP_LISTEN=%s with the default admin password: %v, want a refusal naming BOOKSHOP_ADMIN_PASSWORD", addr, err)
		}
		if _, err := configFromEnv(env(map[string]string{"BOOKSHOP_LISTEN": addr, "BOOKSHOP_ADMIN_PASSWORD": "Own-secret-9"})); err != nil {
			t.Errorf("BOOKSHOP_LISTEN=%s with an own admin password: %v", addr, err)
		}
	}
	for _, addr := range []string{"127.0.0.1:8080", "localhost:8080", "[::1]:8080"} {
		if _, err := configFromEnv(env(map[string]string{"BOOKSHOP_LISTEN": addr})); err != nil {
			t.Errorf("BOOKSHOP_LISTEN=%s: %v", addr, err)
		}
	}
}

// TestPublicURLFollowsTheListenPort: without BOOKSHOP_PUBLIC_URL the shop's
// own URL (tokens' issuer; where `bookshop backup` finds the running shop)
// has the port it listens on, whether PORT or BOOKSHOP_LISTEN chose it.
func TestPublicURLFollowsTheListenPort(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, "http://localhost:8080"},
		{map[string]string{"PORT": "8099"}, "http://localhost:8099"},
		{map[string]string{"BOOKSHOP_LISTEN": "127.0.0.1:18181"}, "http://localhost:18181"},
		{map[string]string{"BOOKSHOP_LISTEN": "127.0.0.1:18181", "BOOKSHOP_PUBLIC_URL": "https://shop.example/"}, "https://shop.example"},
	} {
		cfg, err := configFromEnv(func(k string) string { return tc.env[k] })
		if err != nil || cfg.PublicURL != tc.want {
			t.Errorf("%v: PublicURL %q (%v), want %q", tc.env, cfg.PublicURL, err, tc.want)
		}
	}
}

// TestEmbeddedMailboxIsForAdministrators: the embedded mailbox lists
// notifications to administrators only and takes no posts over HTTP (orders
// reach it in-process), so a web page cannot plant a message.
func TestEmbeddedMailboxIsForAdministrators(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	reader := e.register(t, "reader@example.com", "Reader-pass-1")
	if status, _ := e.call(t, "GET", "/_local/mailbox", "", ""); status != 401 {
		t.Errorf("anonymous read: %d, want 401", status)
	}
	if status, _ := e.call(t, "GET", "/_local/mailbox", reader.AccessToken, ""); status != 403 {
		t.Errorf("read by a plain user: %d, want 403", status)
	}
	if status, _ := e.call(t, "GET", "/_local/mailbox", e.adminToken(t), ""); status != 200 {
		t.Errorf("read by the administrator: %d, want 200", status)
	}
	req, _ := http.NewRequest("POST", e.url+"/_local/mailbox", strings.NewReader(`{"kind":"order-placed","orderId":"PLANTED"}`))
	req.Header.Set("Content-Type", "text/plain")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		t.Errorf("a text/plain post was accepted: %d", resp.StatusCode)
	}
	if msgs := e.mailbox(t); len(msgs) != 0 {
		t.Errorf("mailbox after the attempts: %+v, want empty", msgs)
	}
}

// TestReviewAuthorsAreNamedFromTheirAccount: the embedded mode's access
// tokens carry no email, yet reviews are signed with the name given at
// sign-up, or the email's local part for an account made otherwise (the
// administrator) — never "reader".
func TestReviewAuthorsAreNamedFromTheirAccount(t *testing.T) {
	e := startEmbedded(t, map[string]string{"BOOKSHOP_SEED": "false"})
	admin := e.adminToken(t)
	status, body := e.call(t, "POST", "/api/books", admin, newBook)
	if status != 201 {
		t.Fatalf("create book: %d %s", status, body)
	}
	var book struct{ ID string }
	_ = json.Unmarshal([]byte(body), &book)
	if status, body := e.call(t, "POST", "/api/auth/register", "", `{"email":"ada@example.com","password":"Ada-pass-123","name":"Ada L."}`); status != 201 {
		t.Fatalf("register: %d %s", status, body)
	}
	code, _ := e.srv.idp.ConfirmationCode("ada@example.com")
	if status, body := e.call(t, "POST", "/api/auth/confirm", "", `{"email":"ada@example.com","code":"`+code+`"}`); status != 204 {
		t.Fatalf("confirm: %d %s", status, body)
	}
	ada := e.login(t, "ada@example.com", "Ada-pass-123").AccessToken
	for token, want := range map[string]string{ada: "Ada L.", admin: "admin"} {
		status, body := e.call(t, "POST", "/api/books/"+book.ID+"/reviews", token, `{"rating":5,"text":"Yes."}`)
		var r struct{ Author string }
		_ = json.Unmarshal([]byte(body), &r)
		if status != 201 || r.Author != want {
			t.Errorf("review: %d %s; want author %q", status, body, want)
		}
	}
}
