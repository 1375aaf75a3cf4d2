package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"math/rand/v2"
	"time"

	"github.com/bookshop/bookshop/app"
)

// The retry policy of this package. A write that loses a race to another
// writer is tried again: a put or delete whose version condition failed, a
// transaction that DynamoDB cancelled for a TransactionConflict or
// throttling, or one that got a 500 and may not have been applied. Every
// such operation runs its attempts through untilWon, so they all share one
// limit (MaxWriteAttempts), one back-off (backoff), one error for running
// out of attempts (*app.ContentionError: 503 at the API, as contention
// passes), and a pause ends as soon as the caller's context does. Retries
// never nest: an attempt sends its write once, and what counts as a lost
// race (errLostRace) stays with each operation.

// MaxWriteAttempts bounds how often one operation of a repository tries its
// write, first attempt included, when other writers keep winning the race.
const MaxWriteAttempts = 12

// backoff is the upper bound of the random pause before the nth retry (n
// from 1): 10 ms, doubling with each retry up to 320 ms from the sixth on.
// The pause itself is drawn uniformly below the bound ("full jitter"), so
// writers that collided spread apart instead of colliding again.
func backoff(n int) time.Duration { return 10 * time.Millisecond << min(n-1, 5) }

// attempts yields the attempt numbers 0 to MaxWriteAttempts-1 of one
// operation, pausing for a random time below backoff(n) before attempt n >
// 0. When ctx ends during a pause, it yields that attempt with
// context.Cause(ctx) and stops: the caller returns the error. A loop that
// runs to its end lost every attempt.
func attempts(ctx context.Context) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		for n := range MaxWriteAttempts {
			if n > 0 {
				if err := pause(ctx, rand.N(backoff(n))); err != nil {
					yield(n, err)
					return
				}
			}
			if !yield(n, nil) {
				return
			}
		}
	}
}

// errLostRace is what one attempt returns when another writer won: the item
// changed between the attempt's read and its write, or DynamoDB cancelled
// the attempt's transaction for a conflict with another one. untilWon tries
// again. It never leaves the package.
var errLostRace = errors.New("item changed concurrently")

// untilWon runs try, one attempt of the operation op (such as "update book
// 01J…"), under the package's retry policy (see attempts) while it returns
// errLostRace, and returns the first other result. When every attempt lost
// it returns an *app.ContentionError; when ctx ends during a pause, its
// cause, wrapped with op.
func untilWon(ctx context.Context, op string, try func() error) error {
	for _, ctxErr := range attempts(ctx) {
		if ctxErr != nil {
			return fmt.Errorf("%s: %w", op, ctxErr)
		}
		if err := try(); !errors.Is(err, errLostRace) {
			return err
		}
	}
	return &app.ContentionError{Op: op, Attempts: MaxWriteAttempts}
}

// pause waits for d or until ctx ends.
func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return context.Cause(ctx)
	}
}
