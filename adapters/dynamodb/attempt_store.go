package dynamodb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
)

// Attempt counters (app.AttemptStore) are the items
//
//	pk = "ATTEMPTS#<key>", sk = "ATTEMPTS"
//
// with "count" (N), "first" (RFC 3339) and expires_at, the table's TTL
// attribute (Unix seconds), which readers check themselves since TTL deletes
// lazily. They carry none of the index attributes.
const (
	attemptsPKPrefix = "ATTEMPTS#"
	attemptsSK       = "ATTEMPTS"
	attrCount        = "count"
)

// attemptItem is an attempt counter as stored.
type attemptItem struct {
	PK        string `dynamo:"pk"`
	SK        string `dynamo:"sk"`
	Count     int    `dynamo:"count"`
	First     string `dynamo:"first"`
	ExpiresAt int64  `dynamo:"expires_at"`
}

func (it attemptItem) attempts() app.Attempts {
	first, _ := time.Parse(time.RFC3339Nano, it.First)
	return app.Attempts{Count: it.Count, First: first, Until: time.Unix(it.ExpiresAt, 0)}
}

// AttemptStore is the app.AttemptStore on the shop's table, shared by every
// instance of every function. It is safe for concurrent use.
type AttemptStore struct {
	table dynamo.Table
}

var _ app.AttemptStore = (*AttemptStore)(nil)

// NewAttemptStore returns the store on table. Nothing is sent to DynamoDB.
func NewAttemptStore(db *dynamo.DB, table TableName) (*AttemptStore, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &AttemptStore{table: t}, nil
}

// Get reads key's counter (strongly consistent); the zero Attempts when
// there is none.
func (s *AttemptStore) Get(ctx context.Context, key string) (app.Attempts, error) {
	var it attemptItem
	err := s.table.Get(attrPK, attemptsPKPrefix+key).Range(attrSK, dynamo.Equal, attemptsSK).Consistent(true).One(ctx, &it)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return app.Attempts{}, nil
	case err != nil:
		return app.Attempts{}, fmt.Errorf("get attempts: %w", err)
	}
	return it.attempts(), nil
}

// Add counts one event with an atomic ADD on a live counter, else starts a
// new counter with a put conditioned on there being no live one; a lost
// race between the two starts over under the package's retry policy (see
// untilWon).
func (s *AttemptStore) Add(ctx context.Context, key string, at, until time.Time) (app.Attempts, error) {
	pk := attemptsPKPrefix + key
	var counted app.Attempts
	err := untilWon(ctx, "count attempt", func() error {
		var it attemptItem
		err := s.table.Update(attrPK, pk).Range(attrSK, attemptsSK).Add(attrCount, 1).
			If("attribute_exists($) AND $ > ?", attrPK, attrExpiresAt, at.Unix()).Value(ctx, &it)
		if err == nil {
			counted = it.attempts()
			return nil
		}
		if !dynamo.IsCondCheckFailed(err) {
			return fmt.Errorf("count attempt: %w", err)
		}
		it = attemptItem{PK: pk, SK: attemptsSK, Count: 1, First: at.UTC().Format(time.RFC3339Nano), ExpiresAt: until.Unix()}
		err = s.table.Put(it).If("attribute_not_exists($) OR $ <= ?", attrPK, attrExpiresAt, at.Unix()).Run(ctx)
		switch {
		case dynamo.IsCondCheckFailed(err):
			return errLostRace
		case err != nil:
			return fmt.Errorf("start attempt counter: %w", err)
		}
		counted = it.attempts()
		return nil
	})
	return counted, err
}

// Delete removes key's counter.
func (s *AttemptStore) Delete(ctx context.Context, key string) error {
	if err := s.table.Delete(attrPK, attemptsPKPrefix+key).Range(attrSK, attemptsSK).Run(ctx); err != nil {
		return fmt.Errorf("delete attempts: %w", err)
	}
	return nil
}
