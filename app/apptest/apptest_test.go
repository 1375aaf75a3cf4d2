package apptest_test

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/app/apptest"
)

var start = time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)

func TestClockStandsStillUntilMoved(t *testing.T) {
	c := apptest.NewClock(start)
	if got := c.Now(); !got.Equal(start) || !c.Now().Equal(start) {
		t.Fatalf("Now = %v, want %v twice", got, start)
	}
	c.Advance(time.Hour)
	if got := c.Now(); !got.Equal(start.Add(time.Hour)) {
		t.Fatalf("after Advance: Now = %v", got)
	}
	c.Set(start)
	if got := c.Now(); !got.Equal(start) {
		t.Fatalf("after Set: Now = %v", got)
	}
}

func TestClockSleepMovesTimeWithoutWaitingUntilTheContextEnds(t *testing.T) {
	c := apptest.NewClock(start)
	began := time.Now()
	if err := c.Sleep(context.Background(), time.Hour); err != nil || !c.Now().Equal(start.Add(time.Hour)) {
		t.Fatalf("Sleep = %v, Now = %v; want nil and an hour later", err, c.Now())
	}
	if waited := time.Since(began); waited > time.Second {
		t.Fatalf("Sleep of an hour waited %v", waited)
	}
	ctx, cancel := context.WithCancelCause(context.Background())
	gone := errors.New("gone")
	cancel(gone)
	if err := c.Sleep(ctx, time.Hour); !errors.Is(err, gone) || !c.Now().Equal(start.Add(time.Hour)) {
		t.Fatalf("Sleep after the context ended = %v, Now = %v; want its cause and no move", err, c.Now())
	}
}

func TestSteppingClockReturnsDistinctTimesUnderConcurrency(t *testing.T) {
	c := apptest.NewSteppingClock(start, time.Second)
	const n = 50
	got := make([]time.Time, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = c.Now() })
	}
	wg.Wait()
	slices.SortFunc(got, time.Time.Compare)
	for i, g := range got {
		if want := start.Add(time.Duration(i) * time.Second); !g.Equal(want) {
			t.Fatalf("time %d = %v, want %v", i, g, want)
		}
	}
}

func TestIDsCountWithPrefixAndPadding(t *testing.T) {
	ids := apptest.NewIDs("book-", 4)
	got := []string{ids.NewID(), ids.NewID()}
	if diff := cmp.Diff([]string{"book-0001", "book-0002"}, got); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

func TestIDsAreUniqueUnderConcurrency(t *testing.T) {
	ids := apptest.NewIDs("ID", 6)
	const n = 50
	got := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = ids.NewID() })
	}
	wg.Wait()
	slices.Sort(got)
	for i, g := range got {
		if want := fmt.Sprintf("ID%06d", i+1); g != want {
			t.Fatalf("id %d = %q, want %q", i, g, want)
		}
	}
}

func TestLogBufferDecodesJSONLines(t *testing.T) {
	var logs apptest.LogBuffer
	logger := slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() { logger.Info("hello", "n", i) })
	}
	wg.Wait()
	lines := logs.JSONLines(t)
	if len(lines) != 10 {
		t.Fatalf("%d lines, want 10:\n%s", len(lines), logs.String())
	}
	if lines[0]["msg"] != "hello" || !logs.Contains(`"n":9`) {
		t.Errorf("lines %v", lines)
	}
}
