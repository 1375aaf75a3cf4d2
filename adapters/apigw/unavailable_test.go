package apigw_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// stalledRepository stands for a database that stopped answering: Get
// either reports an *app.UnavailableError at once or blocks until its
// context ends.
type stalledRepository struct {
	app.BookRepository
	blocks bool
}

func (r stalledRepository) Get(ctx context.Context, _ domain.BookID) (domain.Book, error) {
	if !r.blocks {
		return domain.Book{}, &app.UnavailableError{Dependency: "DynamoDB", Err: errors.New(secret)}
	}
	<-ctx.Done()
	return domain.Book{}, ctx.Err()
}

func wantUnavailable(t *testing.T, f *fixture, blocks bool, ctx context.Context) {
	t.Helper()
	resp, err := f.handler.Handle(ctx, newEvent(t, "GET", "/api/books/book-0001"))
	if err != nil {
		t.Fatal(err)
	}
	wantStatus(t, resp, 503)
	if got := resp.Headers["Retry-After"]; got != "2" {
		t.Errorf("Retry-After = %q, want 2", got)
	}
	p := decodeProblem(t, resp)
	if p.Type != typeBase+"unavailable" || strings.Contains(resp.Body, "dynamodb") || strings.Contains(resp.Body, "deadline") {
		t.Errorf("problem %+v: want the unavailable kind without internal detail", p)
	}
	if line := onlyLogLine(t, f); line["level"] != "ERROR" || line["status"] != 503.0 {
		t.Errorf("blocks=%v: log line %v", blocks, line)
	}
}

// TestUnavailableDependencyAnswers503 proves the mapping of problem.go: a
// port's ErrUnavailable is a 503 problem with Retry-After that shows no
// internal detail.
func TestUnavailableDependencyAnswers503(t *testing.T) {
	t.Parallel()
	f := newFixtureWith(t, stalledRepository{BookRepository: memory.NewBookRepository()}, testConfig)
	wantUnavailable(t, f, false, context.Background())
}

// TestHandlerAnswersBeforeTheInvocationDeadline proves that a dependency
// that never answers costs the invocation's time minus DeadlineReserve, and
// the client gets a 503, not Lambda's timeout.
func TestHandlerAnswersBeforeTheInvocationDeadline(t *testing.T) {
	t.Parallel()
	f := newFixtureWith(t, stalledRepository{BookRepository: memory.NewBookRepository(), blocks: true}, testConfig)
	deadline := time.Now().Add(apigw.DeadlineReserve + 200*time.Millisecond)
	ctx, cancel := context.WithDeadline(context.Background(), deadline)
	defer cancel()
	wantUnavailable(t, f, true, ctx)
	if left := time.Until(deadline); left < apigw.DeadlineReserve/2 {
		t.Errorf("answered %v before the deadline, want about DeadlineReserve (%v)", left, apigw.DeadlineReserve)
	}
}

// contendedOrders stands for a store where other checkouts keep winning:
// PlaceOrder fails with err every time, and counts its calls.
type contendedOrders struct {
	app.OrderRepository
	err   error
	calls atomic.Int32
}

func (r *contendedOrders) PlaceOrder(context.Context, domain.Order, app.IdempotencyRecord, time.Time) error {
	r.calls.Add(1)
	return r.err
}

// TestCheckoutUnderContentionAnswers503 proves that contention that
// outlasts the retries, the repository's (an *app.ContentionError from
// PlaceOrder) or the checkout's own (a race lost on every attempt), is a 503
// problem with Retry-After that shows no internal detail, and places
// nothing.
func TestCheckoutUnderContentionAnswers503(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name      string
		err       error
		wantCalls int32
	}{
		{"the repository's retries run out", &app.ContentionError{Op: "place order " + secret, Attempts: 12}, 1},
		{"the checkout's retries run out", fmt.Errorf("place order %s: %w", secret, app.ErrCatalogChanged), 5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			repo := &contendedOrders{err: tc.err}
			f := newOrderFixtureWith(t, func(r app.OrderRepository) app.OrderRepository { repo.OrderRepository = r; return repo })
			resp := f.checkout(t, "user-a", "key-1", fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, f.dune.ID()))
			wantStatus(t, resp, 503)
			if resp.Headers["Retry-After"] != "2" || resp.Headers["Content-Type"] != "application/problem+json" {
				t.Errorf("headers %v, want Retry-After 2 and a problem", resp.Headers)
			}
			p := decodeProblem(t, resp)
			if p.Type != typeBase+"unavailable" || strings.Contains(resp.Body, "dynamodb") || strings.Contains(resp.Body, "place order") {
				t.Errorf("problem %s: want the unavailable kind without internal detail", resp.Body)
			}
			if got := repo.calls.Load(); got != tc.wantCalls {
				t.Errorf("PlaceOrder called %d times, want %d", got, tc.wantCalls)
			}
			if orders := f.allOrders(t); len(orders) != 0 {
				t.Errorf("orders stored: %v", orders)
			}
		})
	}
}
