package app

import (
	"context"
	"time"
)

// Attempts is what an AttemptStore keeps for one key: how many events
// (sign-in attempts, wrong codes, codes sent) were counted since First, and
// until when the record lives. The zero value is "nothing counted".
type Attempts struct {
	Count int
	// First is when the first event of the record was counted.
	First time.Time
	// Until is when the record expires; an expired record counts nothing.
	Until time.Time
}

// Live reports whether the record still counts at now.
func (a Attempts) Live(now time.Time) bool { return a.Count > 0 && now.Before(a.Until) }

// AttemptStore counts events per key for the sign-up and sign-in flows
// (Auth): it is what lets every instance of a function agree on how many
// guesses a client or an account has had, so it must be shared by all of
// them (DynamoDB on AWS, memory in one process).
//
// Implementations must be safe for concurrent use, and Add atomic:
// concurrent Adds of one key all count.
type AttemptStore interface {
	// Get returns key's record: the zero Attempts when there is none. It
	// may return an expired record; callers check Live.
	Get(ctx context.Context, key string) (Attempts, error)
	// Add counts one event at `at` and returns the record after it. When
	// key has no record, or its record expired at `at`, a new one starts
	// (Count 1, First at, Until until); otherwise Count grows by one and
	// First and Until stay.
	Add(ctx context.Context, key string, at, until time.Time) (Attempts, error)
	// Delete forgets key; forgetting an unknown key is no error.
	Delete(ctx context.Context, key string) error
}

// Profile is what the shop shows of a user: the name their reviews are
// signed with. It is kept by the shop, not the identity provider, so every
// provider gets it, and tokens need not carry it.
type Profile struct {
	// UserID is the identity provider's subject ("sub").
	UserID string
	// DisplayName is the name given at sign-up, or the local part of the
	// email address.
	DisplayName string
}

// ProfileRepository stores profiles. Implementations must be safe for
// concurrent use.
type ProfileRepository interface {
	// Put stores p, replacing the user's profile if there is one.
	Put(ctx context.Context, p Profile) error
	// Get returns the user's profile; an error wrapping domain.ErrNotFound
	// when there is none.
	Get(ctx context.Context, userID string) (Profile, error)
}
