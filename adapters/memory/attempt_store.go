package memory

import (
	"context"
	"sync"
	"time"

	"github.com/bookshop/bookshop/app"
)

var _ app.AttemptStore = (*AttemptStore)(nil)

// AttemptStore is an app.AttemptStore in memory, for one process (the
// embedded mode, tests). Expired records are dropped as keys are added. It
// is safe for concurrent use.
type AttemptStore struct {
	mu      sync.Mutex
	records map[string]app.Attempts
	adds    int
}

// NewAttemptStore returns an empty store.
func NewAttemptStore() *AttemptStore { return &AttemptStore{records: map[string]app.Attempts{}} }

// Get returns key's record, the zero Attempts when there is none.
func (s *AttemptStore) Get(_ context.Context, key string) (app.Attempts, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.records[key], nil
}

// Add counts one event for key (see app.AttemptStore).
func (s *AttemptStore) Add(_ context.Context, key string, at, until time.Time) (app.Attempts, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.records[key]
	if !ok || !at.Before(r.Until) {
		r = app.Attempts{First: at, Until: until}
	}
	r.Count++
	s.records[key] = r
	if s.adds++; s.adds%1024 == 0 {
		for k, v := range s.records {
			if !at.Before(v.Until) {
				delete(s.records, k)
			}
		}
	}
	return r, nil
}

// Delete forgets key.
func (s *AttemptStore) Delete(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.records, key)
	return nil
}
