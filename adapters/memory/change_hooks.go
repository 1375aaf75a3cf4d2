package memory

import (
	"context"
	"slices"
	"sync"
)

// changeHooks are the functions a repository runs after each committed
// change, as a table's stream reports changes on AWS (see
// BookRepository.OnBookChanged, OrderRepository.OnOrderChanged).
type changeHooks[C any] struct {
	mu  sync.RWMutex
	fns []func(context.Context, C)
}

// add registers fn.
func (h *changeHooks[C]) add(fn func(context.Context, C)) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fns = append(h.fns, fn)
}

// run calls every registered function with c, in the caller's goroutine.
// The repository calls it after releasing its own locks.
func (h *changeHooks[C]) run(ctx context.Context, c C) {
	h.mu.RLock()
	fns := slices.Clone(h.fns)
	h.mu.RUnlock()
	for _, fn := range fns {
		fn(ctx, c)
	}
}
