package e2e

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// The administrator localinit creates (docker-compose.yml; local only).
const (
	adminEmail    = "admin@bookshop.local"
	adminPassword = "Bookshop-local-1"
)

// mailboxTimeout bounds the wait for a notification (order written → table
// stream → notifier → mailbox).
const mailboxTimeout = 60 * time.Second

// order is the part of the API's Order the tests look at.
type order struct {
	ID     string `json:"id"`
	UserID string `json:"userId"`
	Status string `json:"status"`
}

// stockedBook is the part of a listed book an order needs.
type stockedBook struct {
	ID    string `json:"id"`
	Stock int    `json:"stock"`
}

// mailMessage is the part of a mailbox message (adapters/mailbox) the test
// looks at.
type mailMessage struct {
	Kind    string `json:"kind"`
	OrderID string `json:"orderId"`
	Status  string `json:"status"`
}

// login signs in through POST /api/auth/login and returns the access token.
func login(tb testing.TB, s *stack, email, password string) string {
	tb.Helper()
	var tokens struct {
		AccessToken string `json:"accessToken"`
	}
	call(tb, http.MethodPost, s.API+"/api/auth/login", map[string]string{"email": email, "password": password},
		http.StatusOK, &tokens)
	if tokens.AccessToken == "" {
		tb.Fatalf("login %s: no access token", email)
	}
	return tokens.AccessToken
}

// users numbers the users newUser registers.
var users atomic.Int64

// newUser registers a new plain user, confirms it with the code the stack's
// cognito-local sends everyone (confirmationCode) and signs it in. It
// returns the access token.
func newUser(tb testing.TB, s *stack) string {
	tb.Helper()
	email := fmt.Sprintf("reader-%d-%d@example.com", time.Now().UnixNano(), users.Add(1))
	const password = "Reader-pass-1"
	var reg struct {
		UserID               string `json:"userId"`
		ConfirmationRequired bool   `json:"confirmationRequired"`
	}
	call(tb, http.MethodPost, s.API+"/api/auth/register", map[string]string{"email": email, "password": password},
		http.StatusCreated, &reg)
	if reg.UserID == "" || !reg.ConfirmationRequired {
		tb.Fatalf("register %s: %+v, want a user id and confirmationRequired", email, reg)
	}
	in := map[string]string{"email": email, "code": confirmationCode}
	if status, _, body := do(tb, http.MethodPost, s.API+"/api/auth/confirm", in, nil); status/100 != 2 {
		tb.Fatalf("confirm %s: status %d: %s", email, status, body)
	}
	return login(tb, s, email, password)
}

// identity checks the gateway's authorizer and the roles: a plain user may
// not create books (403), nobody without a valid token may (401).
func identity(t *testing.T, s *stack) {
	user := newUser(t, s)
	newBook := map[string]any{"title": "Forbidden", "author": "A. User", "category": "Fiction", "priceCents": 100, "stock": 1}
	callAs(t, user, http.MethodPost, s.API+"/api/books", newBook, http.StatusForbidden, nil)
	call(t, http.MethodPost, s.API+"/api/books", newBook, http.StatusUnauthorized, nil)
	callAs(t, withAdminGroup(t, user), http.MethodPost, s.API+"/api/books", newBook, http.StatusUnauthorized, nil)
	callAs(t, "not-a-jwt", http.MethodPost, s.API+"/api/books", newBook, http.StatusUnauthorized, nil)
}

// withAdminGroup returns token with "cognito:groups": ["admin"] added to its
// payload and the original signature: a forgery the gateway must refuse.
func withAdminGroup(t *testing.T, token string) string {
	t.Helper()
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		t.Fatalf("token has %d parts, want 3", len(parts))
	}
	raw, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		t.Fatal(err)
	}
	var claims map[string]any
	if err := json.Unmarshal(raw, &claims); err != nil {
		t.Fatal(err)
	}
	claims["cognito:groups"] = []string{"admin"}
	raw, err = json.Marshal(claims)
	if err != nil {
		t.Fatal(err)
	}
	parts[1] = base64.RawURLEncoding.EncodeToString(raw)
	return strings.Join(parts, ".")
}

// orders checks out as a plain user (with an Idempotency-Key, replayed
// once), lists the order, has the administrator confirm and ship it, then
// waits for the notifications.
func orders(t *testing.T, s *stack, admin string) {
	user := newUser(t, s)
	var page struct{ Items []stockedBook }
	call(t, http.MethodGet, s.API+"/api/books?limit=100", nil, http.StatusOK, &page)
	i := slices.IndexFunc(page.Items, func(b stockedBook) bool { return b.Stock > 0 })
	if i < 0 {
		t.Fatal("no book in stock to order")
	}
	bookID := page.Items[i].ID

	headers := map[string]string{"Authorization": "Bearer " + user, "Idempotency-Key": fmt.Sprintf("e2e-%d", time.Now().UnixNano())}
	cart := map[string]any{"items": []map[string]any{{"bookId": bookID, "qty": 1}}}
	var placed order
	status, _, body := do(t, http.MethodPost, s.API+"/api/orders", cart, headers)
	if status != http.StatusCreated {
		t.Fatalf("checkout: status %d, want 201: %s", status, body)
	}
	if err := json.Unmarshal(body, &placed); err != nil || placed.ID == "" {
		t.Fatalf("checkout: %s (%v)", body, err)
	}
	var replay order
	status, _, body = do(t, http.MethodPost, s.API+"/api/orders", cart, headers)
	if err := json.Unmarshal(body, &replay); status/100 != 2 || err != nil || replay.ID != placed.ID {
		t.Errorf("checkout replayed with the same Idempotency-Key: status %d: %s, want order %s", status, body, placed.ID)
	}

	var mine struct{ Items []order }
	callAs(t, user, http.MethodGet, s.API+"/api/orders", nil, http.StatusOK, &mine)
	if !slices.ContainsFunc(mine.Items, func(o order) bool { return o.ID == placed.ID }) {
		t.Errorf("GET /api/orders does not list order %s: %+v", placed.ID, mine.Items)
	}

	statusURL := s.API + "/api/admin/orders/" + placed.ID + "/status"
	callAs(t, user, http.MethodPost, statusURL, map[string]string{"status": "SHIPPED"}, http.StatusForbidden, nil)
	var shipped order
	callAs(t, admin, http.MethodPost, statusURL, map[string]string{"status": "CONFIRMED"}, http.StatusOK, nil)
	callAs(t, admin, http.MethodPost, statusURL, map[string]string{"status": "SHIPPED"}, http.StatusOK, &shipped)
	if shipped.Status != "SHIPPED" {
		t.Errorf("status after shipping: %q", shipped.Status)
	}

	t.Run("notifications", func(t *testing.T) { notifications(t, s, admin, placed.ID) })
}

// notifications waits until the gateway's mailbox (GET /_local/mailbox, an
// administrator's) shows the order's messages: placed, and its status
// changed to SHIPPED. Anonymous readers are refused.
func notifications(t *testing.T, s *stack, admin, orderID string) {
	url := s.API + "/_local/mailbox"
	if status, _, _ := do(t, http.MethodGet, url, nil, nil); status != http.StatusUnauthorized {
		t.Errorf("GET %s anonymously: %d, want 401", url, status)
	}
	eventually(t, mailboxTimeout, func() error {
		status, _, body := do(t, http.MethodGet, url, nil, map[string]string{"Authorization": "Bearer " + admin})
		if status != http.StatusOK {
			return errStatus(http.MethodGet, url, status, http.StatusOK)
		}
		var msgs []mailMessage
		if err := json.Unmarshal(body, &msgs); err != nil {
			return fmt.Errorf("GET %s: %w: %.300s", url, err, body)
		}
		placed := slices.ContainsFunc(msgs, func(m mailMessage) bool {
			return m.OrderID == orderID && m.Kind == "order-placed"
		})
		shipped := slices.ContainsFunc(msgs, func(m mailMessage) bool {
			return m.OrderID == orderID && m.Kind == "order-status-changed" && m.Status == "SHIPPED"
		})
		if !placed || !shipped {
			return fmt.Errorf("the mailbox has order-placed %t, order-status-changed to SHIPPED %t for order %s: %.500s",
				placed, shipped, orderID, body)
		}
		return nil
	})
}
