// Package system adapts the operating system's clock and randomness to the
// app's Clock and IDGenerator ports.
package system

import (
	"context"
	"crypto/rand"
	"sync"
	"time"

	"github.com/google/wire"
	"github.com/oklog/ulid/v2"

	"github.com/bookshop/bookshop/app"
)

// Clock reads the wall clock.
type Clock struct{}

var _ app.Clock = Clock{}

// Now returns the current time in UTC.
func (Clock) Now() time.Time { return time.Now().UTC() }

// Sleep waits for d, or until ctx ends. (Since Go 1.23 a timer of
// time.After that nobody waits for any more is collected at once.)
func (Clock) Sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}

// ULIDGenerator makes ULIDs: 26-character, lexicographically sortable by
// creation time, and monotonic within one process even inside the same
// millisecond.
type ULIDGenerator struct {
	mu      sync.Mutex
	entropy *ulid.MonotonicEntropy
}

var _ app.IDGenerator = (*ULIDGenerator)(nil)

// NewULIDGenerator returns a generator seeded from crypto/rand.
func NewULIDGenerator() *ULIDGenerator {
	return &ULIDGenerator{entropy: ulid.Monotonic(rand.Reader, 0)}
}

// NewID returns a new ULID string.
func (g *ULIDGenerator) NewID() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	ts := ulid.Timestamp(time.Now())
	id, err := ulid.New(ts, g.entropy)
	if err != nil {
		// The monotonic counter overflowed within one millisecond (after
		// 2^80 ids); start a fresh random sequence. crypto/rand never fails.
		g.entropy = ulid.Monotonic(rand.Reader, 0)
		id, _ = ulid.New(ts, g.entropy)
	}
	return id.String()
}

// ProviderSet provides the system Clock and IDGenerator.
var ProviderSet = wire.NewSet(
	wire.Value(Clock{}), wire.Bind(new(app.Clock), new(Clock)),
	NewULIDGenerator, wire.Bind(new(app.IDGenerator), new(*ULIDGenerator)),
)
