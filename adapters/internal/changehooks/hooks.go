// Package changehooks holds the callbacks that the embedded mode's
// repositories (adapters/memory, adapters/bolt) run after each committed
// change, as a DynamoDB stream reports changes on AWS: OnOrderChanged (see
// package orderhooks) and OnBookChanged.
package changehooks

import (
	"context"
	"slices"
	"sync"
)

// Hooks is a list of callbacks taking changes of type C (app.OrderChange,
// app.BookChange), safe for concurrent use. The zero value is empty and
// ready.
type Hooks[C any] struct {
	mu  sync.RWMutex
	fns []func(context.Context, C)
}

// Add registers fn.
func (h *Hooks[C]) Add(fn func(context.Context, C)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fns = append(h.fns, fn)
}

// Run calls every registered fn with a committed change, in order, in the
// caller's goroutine. Repositories call it after their locks are released
// (and, in bbolt, after the transaction has committed).
func (h *Hooks[C]) Run(ctx context.Context, c C) {
	h.mu.RLock()
	fns := slices.Clone(h.fns)
	h.mu.RUnlock()
	for _, fn := range fns {
		fn(ctx, c)
	}
}
