package localidp

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/domain"
)

// Buckets of BoltStore, beside those of adapters/bolt in the same file.
var (
	bucketAccounts = []byte("idp_accounts")
	bucketGrants   = []byte("idp_refresh_grants")
	bucketIDPMeta  = []byte("idp_meta")
	keySigningKey  = []byte("signing_key")
)

// BoltStore is a Store in a bbolt file, so that accounts, refresh tokens
// and the signing key survive restarts and tokens issued before one stay
// valid after it. Accounts are JSON records by email, grants by the token's
// hash, the key PKCS #8 DER. Every call is one transaction.
//
// The file holds the private signing key and password hashes: keep it
// readable by its owner only (adapters/bolt creates it with mode 0600).
type BoltStore struct {
	db *bbolt.DB
}

var _ Store = (*BoltStore)(nil)

// NewBoltStore keeps the store's buckets in db, creating them if needed.
// The caller opens and closes db (cmd/bookshop shares adapters/bolt's).
func NewBoltStore(db *bbolt.DB) (*BoltStore, error) {
	if db == nil {
		return nil, errors.New("localidp.NewBoltStore: nil DB")
	}
	err := db.Update(func(tx *bbolt.Tx) error {
		for _, name := range [][]byte{bucketAccounts, bucketGrants, bucketIDPMeta} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("localidp.NewBoltStore: %w", err)
	}
	return &BoltStore{db: db}, nil
}

func (s *BoltStore) view(ctx context.Context, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.View(fn)
}

func (s *BoltStore) update(ctx context.Context, fn func(tx *bbolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return s.db.Update(fn)
}

func getAccount(tx *bbolt.Tx, email string) (Account, error) {
	raw := tx.Bucket(bucketAccounts).Get([]byte(email))
	if raw == nil {
		return Account{}, userNotFound(email)
	}
	var a Account
	if err := json.Unmarshal(raw, &a); err != nil {
		return Account{}, fmt.Errorf("stored account %q is corrupt: %v", email, err)
	}
	return a, nil
}

func putJSON(b *bbolt.Bucket, key string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), raw)
}

// CreateAccount implements Store.
func (s *BoltStore) CreateAccount(ctx context.Context, a Account) error {
	return s.update(ctx, func(tx *bbolt.Tx) error {
		if tx.Bucket(bucketAccounts).Get([]byte(a.Email)) != nil {
			return domain.ErrUserExists
		}
		return putJSON(tx.Bucket(bucketAccounts), a.Email, a)
	})
}

// Account implements Store.
func (s *BoltStore) Account(ctx context.Context, email string) (Account, error) {
	var a Account
	err := s.view(ctx, func(tx *bbolt.Tx) error {
		var err error
		a, err = getAccount(tx, email)
		return err
	})
	return a, err
}

// UpdateAccount implements Store: one read-write transaction.
func (s *BoltStore) UpdateAccount(ctx context.Context, email string, fn func(*Account) error) (Account, error) {
	var a Account
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		var err error
		if a, err = getAccount(tx, email); err != nil {
			return err
		}
		if err := fn(&a); err != nil {
			return err
		}
		if a.Email != email {
			return fmt.Errorf("update account %q: callback changed the email", email)
		}
		return putJSON(tx.Bucket(bucketAccounts), email, a)
	})
	if err != nil {
		return Account{}, err
	}
	return a, nil
}

// SaveRefreshGrant implements Store.
func (s *BoltStore) SaveRefreshGrant(ctx context.Context, id string, g RefreshGrant) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return putJSON(tx.Bucket(bucketGrants), id, g) })
}

// TakeRefreshGrant implements Store: one read-write transaction.
func (s *BoltStore) TakeRefreshGrant(ctx context.Context, id string) (RefreshGrant, error) {
	var g RefreshGrant
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketGrants)
		raw := b.Get([]byte(id))
		if raw == nil {
			return grantNotFound()
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			return fmt.Errorf("stored refresh grant is corrupt: %v", err)
		}
		return b.Delete([]byte(id))
	})
	return g, err
}

// DeleteAccountIf implements Store: one read-write transaction.
func (s *BoltStore) DeleteAccountIf(ctx context.Context, email string, cond func(Account) bool) (bool, error) {
	deleted := false
	err := s.update(ctx, func(tx *bbolt.Tx) error {
		a, err := getAccount(tx, email)
		if err != nil {
			return err
		}
		if !cond(a) {
			return nil
		}
		deleted = true
		return tx.Bucket(bucketAccounts).Delete([]byte(email))
	})
	if err != nil {
		return false, err
	}
	return deleted, nil
}

// DeleteRefreshGrant implements Store.
func (s *BoltStore) DeleteRefreshGrant(ctx context.Context, id string) error {
	return s.update(ctx, func(tx *bbolt.Tx) error { return tx.Bucket(bucketGrants).Delete([]byte(id)) })
}

// SigningKey implements Store. A new key is generated outside the
// transaction (it takes a while); if another caller stored one meanwhile,
// that one wins.
func (s *BoltStore) SigningKey(ctx context.Context, generate func() (*rsa.PrivateKey, error)) (*rsa.PrivateKey, error) {
	var stored []byte
	if err := s.view(ctx, func(tx *bbolt.Tx) error {
		stored = append([]byte(nil), tx.Bucket(bucketIDPMeta).Get(keySigningKey)...)
		return nil
	}); err != nil {
		return nil, err
	}
	if len(stored) == 0 {
		k, err := generate()
		if err != nil {
			return nil, err
		}
		der, err := x509.MarshalPKCS8PrivateKey(k)
		if err != nil {
			return nil, fmt.Errorf("localidp: encode signing key: %w", err)
		}
		if err := s.update(ctx, func(tx *bbolt.Tx) error {
			meta := tx.Bucket(bucketIDPMeta)
			if v := meta.Get(keySigningKey); v != nil {
				stored = append([]byte(nil), v...)
				return nil
			}
			stored = der
			return meta.Put(keySigningKey, der)
		}); err != nil {
			return nil, err
		}
	}
	parsed, err := x509.ParsePKCS8PrivateKey(stored)
	if err != nil {
		return nil, fmt.Errorf("localidp: stored signing key is corrupt: %v", err)
	}
	key, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("localidp: stored signing key is a %T, not RSA", parsed)
	}
	return key, nil
}
