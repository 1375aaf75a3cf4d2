package bolt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ProfileRepository keeps profiles (the names reviews are signed with) in the
// profiles bucket, by user id.
type ProfileRepository struct {
	db *DB
}

var _ app.ProfileRepository = (*ProfileRepository)(nil)

// NewProfileRepository returns the repository of db's profiles.
func NewProfileRepository(db *DB) (*ProfileRepository, error) {
	if db == nil {
		return nil, errors.New("bolt.NewProfileRepository: nil DB")
	}
	return &ProfileRepository{db: db}, nil
}

// Put implements app.ProfileRepository.
func (r *ProfileRepository) Put(ctx context.Context, p app.Profile) error {
	raw, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode profile: %w", err)
	}
	return update(ctx, r.db, func(tx *bbolt.Tx) error { return tx.Bucket(bucketProfiles).Put([]byte(p.UserID), raw) })
}

// Get implements app.ProfileRepository.
func (r *ProfileRepository) Get(ctx context.Context, userID string) (app.Profile, error) {
	var p app.Profile
	err := view(ctx, r.db, func(tx *bbolt.Tx) error {
		raw := tx.Bucket(bucketProfiles).Get([]byte(userID))
		if raw == nil {
			return &domain.NotFoundError{Entity: "profile", ID: userID}
		}
		return json.Unmarshal(raw, &p)
	})
	return p, err
}

// AttemptStore counts sign-in and confirmation attempts in the attempts
// bucket. Each Add is one read-write transaction, so concurrent Adds of a
// key all count. Expired records are replaced when their key counts again.
type AttemptStore struct {
	db *DB
}

var _ app.AttemptStore = (*AttemptStore)(nil)

// NewAttemptStore returns the attempt store of db.
func NewAttemptStore(db *DB) (*AttemptStore, error) {
	if db == nil {
		return nil, errors.New("bolt.NewAttemptStore: nil DB")
	}
	return &AttemptStore{db: db}, nil
}

// Get implements app.AttemptStore.
func (s *AttemptStore) Get(ctx context.Context, key string) (app.Attempts, error) {
	var a app.Attempts
	err := view(ctx, s.db, func(tx *bbolt.Tx) error {
		var err error
		a, err = getAttempts(tx, key)
		return err
	})
	return a, err
}

// Add implements app.AttemptStore.
func (s *AttemptStore) Add(ctx context.Context, key string, at, until time.Time) (app.Attempts, error) {
	var a app.Attempts
	err := update(ctx, s.db, func(tx *bbolt.Tx) error {
		var err error
		if a, err = getAttempts(tx, key); err != nil {
			return err
		}
		if a.Live(at) {
			a.Count++
		} else {
			a = app.Attempts{Count: 1, First: at, Until: until}
		}
		raw, err := json.Marshal(a)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketAttempts).Put([]byte(key), raw)
	})
	return a, err
}

// Delete implements app.AttemptStore.
func (s *AttemptStore) Delete(ctx context.Context, key string) error {
	return update(ctx, s.db, func(tx *bbolt.Tx) error { return tx.Bucket(bucketAttempts).Delete([]byte(key)) })
}

// getAttempts reads key's record: the zero Attempts when there is none.
func getAttempts(tx *bbolt.Tx, key string) (app.Attempts, error) {
	var a app.Attempts
	raw := tx.Bucket(bucketAttempts).Get([]byte(key))
	if raw == nil {
		return a, nil
	}
	if err := json.Unmarshal(raw, &a); err != nil {
		return a, fmt.Errorf("stored attempts of %q are corrupt: %w", key, err)
	}
	return a, nil
}
