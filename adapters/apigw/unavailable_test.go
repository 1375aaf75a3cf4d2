package apigw_test

import (
	"context"
	"errors"
	"strings"
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
