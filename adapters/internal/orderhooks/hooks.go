// Package orderhooks holds the OnOrderChanged callbacks that the embedded
// mode's order repositories (adapters/memory, adapters/bolt) run after each
// committed change, as a DynamoDB stream reports changes on AWS.
package orderhooks

import (
	"context"
	"slices"
	"sync"

	"github.com/bookshop/bookshop/app"
)

// Hooks is a list of callbacks, safe for concurrent use. The zero value is
// empty and ready.
type Hooks struct {
	mu  sync.RWMutex
	fns []func(context.Context, app.OrderChange)
}

// Add registers fn.
func (h *Hooks) Add(fn func(context.Context, app.OrderChange)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fns = append(h.fns, fn)
}

// Run calls every registered fn with a committed change, in order, in the
// caller's goroutine.
func (h *Hooks) Run(ctx context.Context, c app.OrderChange) {
	h.mu.RLock()
	fns := slices.Clone(h.fns)
	h.mu.RUnlock()
	for _, fn := range fns {
		fn(ctx, c)
	}
}
