package porttest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// AttemptStore runs the app.AttemptStore contract. newStore may return a
// store shared with other tests: every case uses keys of its own.
func AttemptStore(t *testing.T, newStore func(t *testing.T) app.AttemptStore) {
	runCases(t, newStore, []suiteCase[app.AttemptStore]{
		{name: "an unknown key counts nothing", run: testAttemptsUnknown},
		{name: "adds count up within a record's life and keep its start", run: testAttemptsCount},
		{name: "an expired record starts again", run: testAttemptsExpire},
		{name: "delete forgets the key", run: testAttemptsDelete},
		{name: "concurrent adds all count", run: testAttemptsConcurrent},
	})
}

func attemptKey() string { return fmt.Sprintf("porttest:%d", idSeq.Add(1)) }

// wholeSeconds drops what a store may not keep below a second of Until.
func wholeSeconds(t time.Time) time.Time { return t.Truncate(time.Second) }

func testAttemptsUnknown(t *testing.T, s app.AttemptStore) {
	got, err := s.Get(context.Background(), attemptKey())
	if err != nil || got.Count != 0 || got.Live(epoch) {
		t.Fatalf("Get of an unknown key = %+v, %v; want nothing counted", got, err)
	}
}

func testAttemptsCount(t *testing.T, s app.AttemptStore) {
	ctx, key := context.Background(), attemptKey()
	until := epoch.Add(time.Hour)
	for i := 1; i <= 3; i++ {
		got, err := s.Add(ctx, key, epoch.Add(time.Duration(i)*time.Minute), until)
		if err != nil {
			t.Fatal(err)
		}
		if got.Count != i || !got.First.Equal(epoch.Add(time.Minute)) || !wholeSeconds(got.Until).Equal(wholeSeconds(until)) {
			t.Fatalf("Add %d = %+v; want count %d, first %v, until %v", i, got, i, epoch.Add(time.Minute), until)
		}
	}
	got, err := s.Get(ctx, key)
	if err != nil || got.Count != 3 || !got.Live(epoch.Add(10*time.Minute)) || got.Live(until) {
		t.Fatalf("Get = %+v, %v; want 3, live until %v", got, err, until)
	}
}

func testAttemptsExpire(t *testing.T, s app.AttemptStore) {
	ctx, key := context.Background(), attemptKey()
	if _, err := s.Add(ctx, key, epoch, epoch.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Add(ctx, key, epoch.Add(time.Hour), epoch.Add(2*time.Hour))
	if err != nil || got.Count != 1 || !got.First.Equal(epoch.Add(time.Hour)) {
		t.Fatalf("Add after expiry = %+v, %v; want a new record", got, err)
	}
}

func testAttemptsDelete(t *testing.T, s app.AttemptStore) {
	ctx, key := context.Background(), attemptKey()
	if _, err := s.Add(ctx, key, epoch, epoch.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, key); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, attemptKey()); err != nil {
		t.Fatalf("Delete of an unknown key: %v", err)
	}
	if got, err := s.Get(ctx, key); err != nil || got.Count != 0 {
		t.Fatalf("Get after Delete = %+v, %v", got, err)
	}
}

func testAttemptsConcurrent(t *testing.T, s app.AttemptStore) {
	ctx, key := context.Background(), attemptKey()
	const n = 16
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if _, err := s.Add(ctx, key, epoch, epoch.Add(time.Hour)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got, err := s.Get(ctx, key); err != nil || got.Count != n {
		t.Fatalf("after %d concurrent adds: %+v, %v", n, got, err)
	}
}

// ProfileRepository runs the app.ProfileRepository contract.
func ProfileRepository(t *testing.T, newRepo func(t *testing.T) app.ProfileRepository) {
	runCases(t, newRepo, []suiteCase[app.ProfileRepository]{
		{name: "put, get and replace a profile; an unknown user is not found", run: testProfiles},
	})
}

func testProfiles(t *testing.T, r app.ProfileRepository) {
	ctx, user := context.Background(), fmt.Sprintf("user-%d", idSeq.Add(1))
	if _, err := r.Get(ctx, user); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Get of an unknown user: %v, want ErrNotFound", err)
	}
	for _, name := range []string{"Ada L.", "Ada Lovelace 📚"} {
		if err := r.Put(ctx, app.Profile{UserID: user, DisplayName: name}); err != nil {
			t.Fatal(err)
		}
		if got, err := r.Get(ctx, user); err != nil || got != (app.Profile{UserID: user, DisplayName: name}) {
			t.Fatalf("Get = %+v, %v; want %q", got, err, name)
		}
	}
}
