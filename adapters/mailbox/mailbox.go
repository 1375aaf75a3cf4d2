// Package mailbox is the Notifier of the local stack and the embedded mode,
// where no SNS topic exists: a readable mailbox that keeps notifications in
// memory and lists them over HTTP (GET /_local/mailbox, newest first), and a
// client that posts notifications to such a mailbox from another process
// (the notifier function's container posts to the gateway).
package mailbox

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
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
// (in-process delivery) and an http.Handler: GET lists the messages as a
// JSON array, newest first; POST stores one Message (JSON body) and answers
// 204. It is safe for concurrent use.
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

// ServeHTTP implements http.Handler (see Mailbox).
func (m *Mailbox) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodHead:
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		msgs := m.Messages()
		if msgs == nil {
			msgs = []Message{}
		}
		_ = json.NewEncoder(w).Encode(msgs)
	case http.MethodPost:
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
}
