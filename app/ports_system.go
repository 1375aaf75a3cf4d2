package app

import (
	"context"
	"time"
)

// Clock tells the time and waits.
type Clock interface {
	Now() time.Time
	// Sleep waits for d, or until ctx ends, and then returns
	// context.Cause(ctx). Use cases pause with it between retries, so tests
	// with a fake clock do not wait.
	Sleep(ctx context.Context, d time.Duration) error
}

// IDGenerator makes new, unique, time-sortable ids.
type IDGenerator interface {
	NewID() string
}
