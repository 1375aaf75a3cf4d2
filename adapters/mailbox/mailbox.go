// Package mailbox is the Notifier of the local stack and the embedded mode,
// where no SNS topic exists: a readable mailbox that keeps notifications in
// memory and lists them over HTTP to administrators (GET /_local/mailbox with
// an administrator's access token, newest first), and a client that posts
// notifications to such a mailbox from another process with a shared
// secret (the notifier function's container posts to the gateway).
// Messages name users and orders, so the mailbox is never open to anyone
// else, and never accepts posts from a browser.
package mailbox

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// Path is where the gateway and the embedded server serve the mailbox.
const Path = "/_local/mailbox"

// Message is a notification as the mailbox stores and lists it.
type Message struct {
	Kind           string    `json:"kind"`
	OrderID        string    `json:"orderId"`
	UserID         string    `json:"userId"`
	Status         string    `json:"status"`
	PreviousStatus string    `json:"previousStatus,omitempty"`
	TotalCents     int64     `json:"totalCents"`
	Currency       string    `json:"currency"`
	Lines          int       `json:"lines"`
	Subject        string    `json:"subject"`
	Text           string    `json:"text"`
	ReceivedAt     time.Time `json:"receivedAt,omitzero"`
}

// MessageOf returns n as a Message.
func MessageOf(n app.Notification) Message {
	return Message{
		Kind: string(n.Kind), OrderID: string(n.OrderID), UserID: n.UserID, Status: n.Status, PreviousStatus: n.PreviousStatus,
		TotalCents: n.TotalCents, Currency: n.Currency, Lines: n.Lines, Subject: n.Subject, Text: n.Text,
	}
}

// Notification returns m as the notification it was made from.
func (m Message) Notification() app.Notification {
	return app.Notification{
		Kind: app.NotificationKind(m.Kind), OrderID: domain.OrderID(m.OrderID), UserID: m.UserID, Status: m.Status,
		PreviousStatus: m.PreviousStatus, TotalCents: m.TotalCents, Currency: m.Currency, Lines: m.Lines,
		Subject: m.Subject, Text: m.Text,
	}
}

// DefaultCapacity is how many messages a Mailbox keeps by default; older
// ones are dropped.
const DefaultCapacity = 500

// maxPostBytes bounds a posted message.
const maxPostBytes = 256 << 10

// Mailbox keeps the latest notifications in memory. It is an app.Notifier
// (in-process delivery); Handler serves it over HTTP to administrators and
// to the functions that deliver to it. It is safe for concurrent use.
type Mailbox struct {
	clock    app.Clock
	capacity int

	mu       sync.Mutex
	messages []Message // oldest first
}

var _ app.Notifier = (*Mailbox)(nil)

// New returns an empty mailbox keeping up to capacity messages
// (DefaultCapacity when capacity < 1), stamped with clock's time.
func New(clock app.Clock, capacity int) (*Mailbox, error) {
	if clock == nil {
		return nil, errors.New("mailbox.New: nil Clock")
	}
	if capacity < 1 {
		capacity = DefaultCapacity
	}
	return &Mailbox{clock: clock, capacity: capacity}, nil
}

// Notify stores n.
func (m *Mailbox) Notify(_ context.Context, n app.Notification) error {
	m.add(MessageOf(n))
	return nil
}

func (m *Mailbox) add(msg Message) {
	msg.ReceivedAt = m.clock.Now().UTC()
	m.mu.Lock()
	defer m.mu.Unlock()
	m.messages = append(m.messages, msg)
	if over := len(m.messages) - m.capacity; over > 0 {
		m.messages = slices.Delete(m.messages, 0, over)
	}
}

// Messages returns the stored messages, newest first.
func (m *Mailbox) Messages() []Message {
	m.mu.Lock()
	out := slices.Clone(m.messages)
	m.mu.Unlock()
	slices.Reverse(out)
	return out
}

// TokenVerifier verifies a bearer token and returns its claims as API
// Gateway's JWT authorizer passes them (adapters/jwtauth's Verifier.Verify).
type TokenVerifier func(ctx context.Context, token string) (map[string]string, error)

// Secret is the shared secret the functions that deliver to a mailbox send
// in SecretHeader.
type Secret string

// SecretHeader carries the Secret of a post.
const SecretHeader = "X-Bookshop-Mailbox-Secret"

// Access says who may use a mailbox over HTTP. The zero Access lets nobody.
type Access struct {
	// Verify checks the bearer token of a read; only members of
	// app.AdminGroup may read (401 without a valid token, 403 for others).
	// nil: nobody reads over HTTP.
	Verify TokenVerifier
	// PostSecret must be sent in SecretHeader by a post. Empty: nobody posts
	// over HTTP (in-process delivery through Notify only).
	PostSecret Secret
}

// Handler serves the mailbox at any path under the rules of a: GET lists
// the messages as a JSON array, newest first, to administrators; POST
// stores one Message (a JSON body) sent by a function that knows the
// secret, and answers 204. A post from a browser is refused whatever it
// carries: one with an Origin header (403) or another content type than
// application/json (415), which a cross-site form or fetch would need.
func (m *Mailbox) Handler(a Access) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		switch r.Method {
		case http.MethodGet, http.MethodHead:
			if status, msg := a.checkReader(r); status != 0 {
				if status == http.StatusUnauthorized {
					w.Header().Set("WWW-Authenticate", "Bearer")
				}
				http.Error(w, msg, status)
				return
			}
			w.Header().Set("Content-Type", "application/json")
			msgs := m.Messages()
			if msgs == nil {
				msgs = []Message{}
			}
			_ = json.NewEncoder(w).Encode(msgs)
		case http.MethodPost:
			if status, msg := a.checkPoster(r); status != 0 {
				http.Error(w, msg, status)
				return
			}
			var msg Message
			dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxPostBytes))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&msg); err != nil || msg.Kind == "" {
				http.Error(w, "body must be one JSON message with a kind", http.StatusBadRequest)
				return
			}
			m.add(msg)
			w.WriteHeader(http.StatusNoContent)
		default:
			w.Header().Set("Allow", "GET, HEAD, POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// checkReader returns 0, or the status and message refusing a read.
func (a Access) checkReader(r *http.Request) (int, string) {
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	if a.Verify == nil || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
		return http.StatusUnauthorized, "sign in as an administrator and send Authorization: Bearer <accessToken>"
	}
	claims, err := a.Verify(r.Context(), strings.TrimSpace(token))
	if err != nil {
		return http.StatusUnauthorized, "invalid token"
	}
	if !slices.Contains(strings.Fields(strings.NewReplacer("[", " ", "]", " ", ",", " ", `"`, " ").Replace(claims["cognito:groups"])), app.AdminGroup) {
		return http.StatusForbidden, "administrators only"
	}
	return 0, ""
}

// checkPoster returns 0, or the status and message refusing a post.
func (a Access) checkPoster(r *http.Request) (int, string) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch {
	case r.Header.Get("Origin") != "":
		return http.StatusForbidden, "posts come from the shop's functions, not from browsers"
	case err != nil || mt != "application/json":
		return http.StatusUnsupportedMediaType, "post application/json"
	case a.PostSecret == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get(SecretHeader)), []byte(a.PostSecret)) != 1:
		return http.StatusForbidden, "posts need the mailbox secret"
	}
	return 0, ""
}
