package dynamodb

import (
	"context"
	"errors"
	"fmt"

	"github.com/guregu/dynamo/v2"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// A user's profile (app.Profile) is the item
//
//	pk = "USER#<userId>", sk = "PROFILE"
//
// with "display_name". It carries none of the index attributes.
const (
	userPKPrefix = "USER#"
	profileSK    = "PROFILE"
)

// profileItem is a profile as stored.
type profileItem struct {
	PK          string `dynamo:"pk"`
	SK          string `dynamo:"sk"`
	DisplayName string `dynamo:"display_name"`
}

// ProfileRepository is the app.ProfileRepository on the shop's table. It is
// safe for concurrent use.
type ProfileRepository struct {
	table dynamo.Table
}

var _ app.ProfileRepository = (*ProfileRepository)(nil)

// NewProfileRepository returns the repository on table. Nothing is sent to
// DynamoDB.
func NewProfileRepository(db *dynamo.DB, table TableName) (*ProfileRepository, error) {
	t, err := openTable(db, table)
	if err != nil {
		return nil, err
	}
	return &ProfileRepository{table: t}, nil
}

// Put stores p.
func (r *ProfileRepository) Put(ctx context.Context, p app.Profile) error {
	if err := r.table.Put(profileItem{PK: userPKPrefix + p.UserID, SK: profileSK, DisplayName: p.DisplayName}).Run(ctx); err != nil {
		return fmt.Errorf("put profile: %w", err)
	}
	return nil
}

// Get reads the user's profile.
func (r *ProfileRepository) Get(ctx context.Context, userID string) (app.Profile, error) {
	var it profileItem
	err := r.table.Get(attrPK, userPKPrefix+userID).Range(attrSK, dynamo.Equal, profileSK).One(ctx, &it)
	switch {
	case errors.Is(err, dynamo.ErrNotFound):
		return app.Profile{}, &domain.NotFoundError{Entity: "profile", ID: userID}
	case err != nil:
		return app.Profile{}, fmt.Errorf("get profile: %w", err)
	}
	return app.Profile{UserID: userID, DisplayName: it.DisplayName}, nil
}
