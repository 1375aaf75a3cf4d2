package localidp

import (
	"context"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"slices"
	"sync"
	"time"

	"github.com/bookshop/bookshop/domain"
)

// Account is one user account as a Store keeps it. The password is kept
// only as its bcrypt hash.
type Account struct {
	Sub          string    `json:"sub"`
	Email        string    `json:"email"`
	PasswordHash []byte    `json:"password_hash"`
	Confirmed    bool      `json:"confirmed"`
	Code         string    `json:"code,omitempty"`
	CodeUntil    time.Time `json:"code_until"`
	Groups       []string  `json:"groups,omitempty"`
	// ResetCode is the pending password reset code, valid until ResetUntil.
	ResetCode  string    `json:"reset_code,omitempty"`
	ResetUntil time.Time `json:"reset_until"`
	// Generation counts password resets; refresh grants of an earlier
	// generation no longer refresh.
	Generation int `json:"generation,omitempty"`
	// Created is when the account signed up (an unconfirmed sign-up may be
	// replaced after a while).
	Created time.Time `json:"created"`
}

// RefreshGrant is what a refresh token stands for. Stores know a grant by
// the token's hash (refreshGrantID), never by the token itself, so a copy
// of the store signs nobody in.
type RefreshGrant struct {
	Email string    `json:"email"`
	Until time.Time `json:"until"`
	// Generation is the account's Generation when the grant was made.
	Generation int `json:"generation,omitempty"`
}

// refreshGrantID is the id under which a refresh token's grant is stored.
func refreshGrantID(token string) string {
	sum := sha256.Sum256([]byte(token))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// Store keeps a Provider's accounts, refresh grants and token signing key:
// MemoryStore for throwaway runs and tests, BoltStore to keep them across
// restarts. Implementations are safe for concurrent use.
type Store interface {
	// CreateAccount stores a new account. It returns domain.ErrUserExists
	// when an account has its email.
	CreateAccount(ctx context.Context, a Account) error
	// Account returns the account with the email; a *domain.NotFoundError
	// (entity "user") when there is none.
	Account(ctx context.Context, email string) (Account, error)
	// UpdateAccount passes the stored account to fn and stores the result,
	// with no other write of the account in between; when fn fails nothing
	// is stored and its error is returned. A *domain.NotFoundError when
	// there is no such account. fn must not do I/O.
	UpdateAccount(ctx context.Context, email string, fn func(*Account) error) (Account, error)
	// SaveRefreshGrant stores g under id, the token's hash.
	SaveRefreshGrant(ctx context.Context, id string, g RefreshGrant) error
	// TakeRefreshGrant removes the grant stored under id and returns it, so
	// that of two concurrent callers only one gets it; a
	// *domain.NotFoundError when there is none.
	TakeRefreshGrant(ctx context.Context, id string) (RefreshGrant, error)
	// DeleteRefreshGrant removes the grant under id; removing nothing is no
	// error.
	DeleteRefreshGrant(ctx context.Context, id string) error
	// DeleteAccountIf removes the account with the email when cond
	// reports true for it, atomically, and reports whether it did; a
	// *domain.NotFoundError when there is no such account.
	DeleteAccountIf(ctx context.Context, email string, cond func(Account) bool) (bool, error)
	// SigningKey returns the stored token signing key. When none is stored
	// it stores the one generate returns (generate runs only then) and
	// returns it; concurrent first calls all return the same key.
	SigningKey(ctx context.Context, generate func() (*rsa.PrivateKey, error)) (*rsa.PrivateKey, error)
}

func userNotFound(email string) error { return &domain.NotFoundError{Entity: "user", ID: email} }

func grantNotFound() error { return &domain.NotFoundError{Entity: "refresh token", ID: "(hidden)"} }

// MemoryStore is a Store in process memory: everything is gone when the
// process stops.
type MemoryStore struct {
	mu       sync.Mutex
	accounts map[string]Account // by normalized email
	grants   map[string]RefreshGrant
	key      *rsa.PrivateKey
}

var _ Store = (*MemoryStore)(nil)

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore {
	return &MemoryStore{accounts: map[string]Account{}, grants: map[string]RefreshGrant{}}
}

// clone copies the account's slices, so no caller shares them with the map.
func (a Account) clone() Account {
	a.PasswordHash = slices.Clone(a.PasswordHash)
	a.Groups = slices.Clone(a.Groups)
	return a
}

// CreateAccount implements Store.
func (s *MemoryStore) CreateAccount(_ context.Context, a Account) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.accounts[a.Email]; ok {
		return domain.ErrUserExists
	}
	s.accounts[a.Email] = a.clone()
	return nil
}

// Account implements Store.
func (s *MemoryStore) Account(_ context.Context, email string) (Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[email]
	if !ok {
		return Account{}, userNotFound(email)
	}
	return a.clone(), nil
}

// UpdateAccount implements Store; the lock is held for the whole callback.
func (s *MemoryStore) UpdateAccount(_ context.Context, email string, fn func(*Account) error) (Account, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[email]
	if !ok {
		return Account{}, userNotFound(email)
	}
	a = a.clone()
	if err := fn(&a); err != nil {
		return Account{}, err
	}
	s.accounts[email] = a.clone()
	return a, nil
}

// SaveRefreshGrant implements Store.
func (s *MemoryStore) SaveRefreshGrant(_ context.Context, id string, g RefreshGrant) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.grants[id] = g
	return nil
}

// TakeRefreshGrant implements Store.
func (s *MemoryStore) TakeRefreshGrant(_ context.Context, id string) (RefreshGrant, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.grants[id]
	if !ok {
		return RefreshGrant{}, grantNotFound()
	}
	delete(s.grants, id)
	return g, nil
}

// DeleteAccountIf implements Store.
func (s *MemoryStore) DeleteAccountIf(_ context.Context, email string, cond func(Account) bool) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.accounts[email]
	if !ok {
		return false, userNotFound(email)
	}
	if !cond(a.clone()) {
		return false, nil
	}
	delete(s.accounts, email)
	return true, nil
}

// DeleteRefreshGrant implements Store.
func (s *MemoryStore) DeleteRefreshGrant(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.grants, id)
	return nil
}

// SigningKey implements Store. generate runs under the lock: only the
// first call generates.
func (s *MemoryStore) SigningKey(_ context.Context, generate func() (*rsa.PrivateKey, error)) (*rsa.PrivateKey, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.key == nil {
		k, err := generate()
		if err != nil {
			return nil, err
		}
		s.key = k
	}
	return s.key, nil
}
