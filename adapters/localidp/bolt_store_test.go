package localidp_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/app"
)

// openBolt opens a bbolt file of the test's own at path.
func openBolt(t *testing.T, path string) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func newBoltStore(t *testing.T, db *bbolt.DB) *localidp.BoltStore {
	t.Helper()
	s, err := localidp.NewBoltStore(db)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestAccountsAndTokensSurviveARestart: a provider on the same bbolt file
// after a restart signs the account in, refreshes a refresh token issued
// before it, and verifies (with its JWKS) an access token issued before it.
// The file holds no password and no refresh token in clear.
func TestAccountsAndTokensSurviveARestart(t *testing.T) {
	ctx := context.Background()
	const email, password = "kept@example.com", "Kept-passw0rd"
	path := filepath.Join(t.TempDir(), "idp.db")

	db := openBolt(t, path)
	before, _ := newProvider(t, localidp.Options{Store: newBoltStore(t, db)})
	if _, err := before.SignUp(ctx, email, password); err != nil {
		t.Fatal(err)
	}
	if err := before.AdminConfirm(ctx, email); err != nil {
		t.Fatal(err)
	}
	if err := before.AddToGroup(ctx, email, app.AdminGroup); err != nil {
		t.Fatal(err)
	}
	tok, err := before.SignIn(ctx, email, password)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for what, secret := range map[string]string{"password": password, "refresh token": tok.RefreshToken} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the file holds the %s in clear", what)
		}
	}

	db = openBolt(t, path)
	defer db.Close()
	after, _ := newProvider(t, localidp.Options{Store: newBoltStore(t, db)})
	// Each provider's issuer is its own test server's URL: check the old
	// token's issuer, and its signature against the new provider's JWKS.
	v, err := jwtauth.New(jwtauth.Config{Issuer: before.Issuer(), Audience: []string{after.ClientID()},
		JWKSURL: after.Issuer() + "/.well-known/jwks.json"})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.Verify(ctx, tok.AccessToken)
	if err != nil {
		t.Fatalf("access token issued before the restart: %v", err)
	}
	if claims["cognito:groups"] != "[admin]" {
		t.Errorf("groups claim %q, want [admin]", claims["cognito:groups"])
	}
	if _, err := after.Refresh(ctx, tok.RefreshToken); err != nil {
		t.Fatalf("refresh token issued before the restart: %v", err)
	}
	if _, err := after.SignIn(ctx, email, password); err != nil {
		t.Fatalf("sign-in after the restart: %v", err)
	}
}
