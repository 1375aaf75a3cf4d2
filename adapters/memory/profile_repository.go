package memory

import (
	"context"
	"sync"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

var _ app.ProfileRepository = (*ProfileRepository)(nil)

// ProfileRepository is an app.ProfileRepository in memory. It is safe for
// concurrent use.
type ProfileRepository struct {
	mu       sync.Mutex
	profiles map[string]app.Profile
}

// NewProfileRepository returns an empty repository.
func NewProfileRepository() *ProfileRepository {
	return &ProfileRepository{profiles: map[string]app.Profile{}}
}

// Put stores p, replacing the user's profile.
func (r *ProfileRepository) Put(_ context.Context, p app.Profile) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.profiles[p.UserID] = p
	return nil
}

// Get returns the user's profile.
func (r *ProfileRepository) Get(_ context.Context, userID string) (app.Profile, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p, ok := r.profiles[userID]
	if !ok {
		return app.Profile{}, &domain.NotFoundError{Entity: "profile", ID: userID}
	}
	return p, nil
}
