package localidp

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"slices"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

var _ app.IdentityProvider = (*Provider)(nil)

// Defaults of Options.
const (
	DefaultClientID        = "bookshop-local"
	DefaultAccessTokenTTL  = time.Hour
	DefaultRefreshTokenTTL = 30 * 24 * time.Hour
	DefaultCodeTTL         = 24 * time.Hour
	// KeyID is the "kid" of the signing key.
	KeyID = "bookshop-local-1"
)

// maxBcryptPassword is the longest password bcrypt hashes.
const maxBcryptPassword = 72

// Options configure a Provider. Issuer is required.
type Options struct {
	// Issuer is the tokens' "iss", an absolute URL without a trailing slash
	// under which Handler is served (e.g. http://localhost:8080/idp); the
	// JWKS is at Issuer + "/.well-known/jwks.json".
	Issuer string
	// ClientID is the app client id: "client_id" of access tokens, "aud" of
	// id tokens. Default DefaultClientID.
	ClientID string
	// Groups are the groups users can be added to. Default: app.AdminGroup.
	Groups []string
	// AccessTokenTTL is the validity of access and id tokens.
	AccessTokenTTL time.Duration
	// RefreshTokenTTL is the validity of refresh tokens.
	RefreshTokenTTL time.Duration
	// CodeTTL is the validity of confirmation codes.
	CodeTTL time.Duration
	// BcryptCost is the bcrypt work factor; default bcrypt.DefaultCost.
	// Tests may use bcrypt.MinCost.
	BcryptCost int
	// Key signs tokens. When nil, the Store's key is used, generated (2048
	// bits) and stored on first use.
	Key *rsa.PrivateKey
	// Store keeps accounts, refresh tokens and the signing key; default a
	// new MemoryStore.
	Store Store
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Logger receives confirmation codes at info level; nil discards them.
	Logger *slog.Logger
}

// Provider is the embedded identity provider. It is safe for concurrent use.
type Provider struct {
	opts   Options
	signer *tokenSigner
	// dummyHash is compared against when the user is unknown, so that an
	// unknown email costs as much time as a wrong password.
	dummyHash []byte

	store Store
}

// New returns a provider configured by opts.
func New(opts Options) (*Provider, error) {
	if opts.Issuer == "" || strings.HasSuffix(opts.Issuer, "/") {
		return nil, errors.New("localidp.New: Issuer must be an absolute URL without a trailing slash")
	}
	opts.ClientID = cmp.Or(opts.ClientID, DefaultClientID)
	if opts.Groups == nil {
		opts.Groups = []string{app.AdminGroup}
	}
	if opts.AccessTokenTTL <= 0 {
		opts.AccessTokenTTL = DefaultAccessTokenTTL
	}
	if opts.RefreshTokenTTL <= 0 {
		opts.RefreshTokenTTL = DefaultRefreshTokenTTL
	}
	if opts.CodeTTL <= 0 {
		opts.CodeTTL = DefaultCodeTTL
	}
	if opts.BcryptCost == 0 {
		opts.BcryptCost = bcrypt.DefaultCost
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Store == nil {
		opts.Store = NewMemoryStore()
	}
	if opts.Key == nil {
		k, err := opts.Store.SigningKey(context.Background(), func() (*rsa.PrivateKey, error) { return rsa.GenerateKey(rand.Reader, 2048) })
		if err != nil {
			return nil, fmt.Errorf("localidp.New: signing key: %w", err)
		}
		opts.Key = k
	}
	signer, err := newTokenSigner(opts.Key)
	if err != nil {
		return nil, fmt.Errorf("localidp.New: %w", err)
	}
	dummy, err := bcrypt.GenerateFromPassword(randomBytes(16), opts.BcryptCost)
	if err != nil {
		return nil, fmt.Errorf("localidp.New: %w", err)
	}
	return &Provider{opts: opts, signer: signer, dummyHash: dummy, store: opts.Store}, nil
}

// Issuer is the tokens' "iss".
func (p *Provider) Issuer() string { return p.opts.Issuer }

// ClientID is the app client id the tokens are issued to.
func (p *Provider) ClientID() string { return p.opts.ClientID }

// ConfirmationCode returns the pending confirmation code of an account, as
// the email a real provider sends would carry it. It reports false when the
// account is unknown or needs no confirmation.
func (p *Provider) ConfirmationCode(email string) (string, bool) {
	u, err := p.store.Account(context.Background(), email)
	if err != nil || u.Confirmed || u.Code == "" {
		return "", false
	}
	return u.Code, true
}

// ResetCode returns the pending password reset code of an account, as the
// email a real provider sends would carry it. It reports false when there
// is none.
func (p *Provider) ResetCode(email string) (string, bool) {
	u, err := p.store.Account(context.Background(), email)
	if err != nil || u.ResetCode == "" {
		return "", false
	}
	return u.ResetCode, true
}

// SignUp creates an unconfirmed account and logs its confirmation code.
func (p *Provider) SignUp(ctx context.Context, email, password string) (app.SignUpResult, error) {
	if err := domain.CheckPassword(password); err != nil || len(password) > maxBcryptPassword {
		return app.SignUpResult{}, domain.WeakPasswordError()
	}
	if _, err := p.store.Account(ctx, email); err == nil {
		return app.SignUpResult{}, domain.ErrUserExists
	} else if !errors.Is(err, domain.ErrNotFound) {
		return app.SignUpResult{}, fmt.Errorf("localidp: %w", err)
	}
	// Hash outside the lock: bcrypt is slow on purpose.
	hash, err := bcrypt.GenerateFromPassword([]byte(password), p.opts.BcryptCost)
	if err != nil {
		return app.SignUpResult{}, fmt.Errorf("localidp: hash password: %w", err)
	}
	now := p.opts.Now()
	u := Account{Sub: newSub(), Email: email, PasswordHash: hash, Code: newCode(), CodeUntil: now.Add(p.opts.CodeTTL), Created: now}
	if err := p.store.CreateAccount(ctx, u); err != nil {
		if errors.Is(err, domain.ErrUserExists) {
			return app.SignUpResult{}, domain.ErrUserExists
		}
		return app.SignUpResult{}, fmt.Errorf("localidp: %w", err)
	}
	p.opts.Logger.InfoContext(ctx, "confirmation code", slog.String("email", email), slog.String("code", u.Code))
	return app.SignUpResult{UserID: u.Sub, Confirmed: false}, nil
}

// ConfirmSignUp confirms an account with its code. Unknown and confirmed
// accounts have no code to match: the same error as a wrong code. Guesses
// are limited by app.Auth.
func (p *Provider) ConfirmSignUp(ctx context.Context, email, code string) error {
	now := p.opts.Now()
	_, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
		if u.Confirmed || u.Code == "" || !now.Before(u.CodeUntil) ||
			subtle.ConstantTimeCompare([]byte(u.Code), []byte(code)) != 1 {
			return domain.InvalidCodeError()
		}
		u.Confirmed, u.Code = true, ""
		return nil
	})
	if errors.Is(err, domain.ErrNotFound) {
		return domain.InvalidCodeError()
	}
	return err
}

// AdminConfirm confirms an account without a code.
func (p *Provider) AdminConfirm(ctx context.Context, email string) error {
	_, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
		u.Confirmed, u.Code = true, ""
		return nil
	})
	return err
}

// AddToGroup adds an account to one of Options.Groups.
func (p *Provider) AddToGroup(ctx context.Context, email, group string) error {
	if !slices.Contains(p.opts.Groups, group) {
		return &domain.NotFoundError{Entity: "group", ID: group}
	}
	_, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
		if !slices.Contains(u.Groups, group) {
			u.Groups = append(u.Groups, group)
			slices.Sort(u.Groups)
		}
		return nil
	})
	return err
}

// SignIn checks the password and issues tokens. An unknown user costs the
// same bcrypt work as a wrong password. It locks no account: app.Auth
// throttles sign-ins without letting anyone lock the owner out.
func (p *Provider) SignIn(ctx context.Context, email, password string) (app.Tokens, error) {
	now := p.opts.Now()
	u, err := p.store.Account(ctx, email)
	if errors.Is(err, domain.ErrNotFound) {
		_ = bcrypt.CompareHashAndPassword(p.dummyHash, []byte(password))
		return app.Tokens{}, domain.ErrInvalidCredentials
	}
	if err != nil {
		return app.Tokens{}, fmt.Errorf("localidp: %w", err)
	}
	if bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)) != nil {
		return app.Tokens{}, domain.ErrInvalidCredentials
	}
	if !u.Confirmed {
		return app.Tokens{}, domain.ErrUserNotConfirmed
	}
	t, err := p.issue(u, now)
	if err != nil {
		return app.Tokens{}, err
	}
	if t.RefreshToken, err = p.grantRefresh(ctx, u, now.Add(p.opts.RefreshTokenTTL)); err != nil {
		return app.Tokens{}, err
	}
	return t, nil
}

// grantRefresh makes and stores a new refresh token for u, valid until
// until.
func (p *Provider) grantRefresh(ctx context.Context, u Account, until time.Time) (string, error) {
	token := base64.RawURLEncoding.EncodeToString(randomBytes(32))
	g := RefreshGrant{Email: u.Email, Until: until, Generation: u.Generation}
	if err := p.store.SaveRefreshGrant(ctx, refreshGrantID(token), g); err != nil {
		return "", fmt.Errorf("localidp: %w", err)
	}
	return token, nil
}

// Refresh issues new access and id tokens and rotates the refresh token:
// the one passed stops working, the new one lives as long as it had left.
// A token issued before the account's password was reset refreshes
// nothing.
func (p *Provider) Refresh(ctx context.Context, refreshToken string) (app.Tokens, error) {
	now := p.opts.Now()
	g, err := p.store.TakeRefreshGrant(ctx, refreshGrantID(refreshToken))
	if errors.Is(err, domain.ErrNotFound) {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	if err != nil {
		return app.Tokens{}, fmt.Errorf("localidp: %w", err)
	}
	if !now.Before(g.Until) {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	u, err := p.store.Account(ctx, g.Email)
	if errors.Is(err, domain.ErrNotFound) || err == nil && u.Generation != g.Generation {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	if err != nil {
		return app.Tokens{}, fmt.Errorf("localidp: %w", err)
	}
	t, err := p.issue(u, now)
	if err != nil {
		return app.Tokens{}, err
	}
	if t.RefreshToken, err = p.grantRefresh(ctx, u, g.Until); err != nil {
		return app.Tokens{}, err
	}
	return t, nil
}

// RevokeRefreshToken forgets the refresh token.
func (p *Provider) RevokeRefreshToken(ctx context.Context, refreshToken string) error {
	if err := p.store.DeleteRefreshGrant(ctx, refreshGrantID(refreshToken)); err != nil {
		return fmt.Errorf("localidp: %w", err)
	}
	return nil
}

// ResendCode gives an unconfirmed account a new code, which replaces the
// old one, and logs it.
func (p *Provider) ResendCode(ctx context.Context, email string) error {
	u, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
		if u.Confirmed {
			return &domain.NotFoundError{Entity: "unconfirmed user", ID: email}
		}
		u.Code, u.CodeUntil = newCode(), p.opts.Now().Add(p.opts.CodeTTL)
		return nil
	})
	if err != nil {
		return err
	}
	p.opts.Logger.InfoContext(ctx, "confirmation code", slog.String("email", email), slog.String("code", u.Code))
	return nil
}

// ForgotPassword gives a confirmed account a password reset code, which
// replaces an earlier one and is valid for Options.CodeTTL, and logs it
// (readable through ResetCode). Unknown and unconfirmed accounts are a
// *domain.NotFoundError.
func (p *Provider) ForgotPassword(ctx context.Context, email string) error {
	u, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
		if !u.Confirmed {
			return &domain.NotFoundError{Entity: "confirmed user", ID: email}
		}
		u.ResetCode, u.ResetUntil = newCode(), p.opts.Now().Add(p.opts.CodeTTL)
		return nil
	})
	if err != nil {
		return err
	}
	p.opts.Logger.InfoContext(ctx, "password reset code", slog.String("email", email), slog.String("code", u.ResetCode))
	return nil
}

// ConfirmForgotPassword sets a new password with the pending reset code,
// which then stops working, and revokes every refresh token issued before.
// A wrong or expired code, an unknown account and one with no reset
// pending are all domain.ErrInvalidCode. Guesses are limited by app.Auth.
func (p *Provider) ConfirmForgotPassword(ctx context.Context, email, code, newPassword string) error {
	if err := domain.CheckPassword(newPassword); err != nil || len(newPassword) > maxBcryptPassword {
		return domain.WeakPasswordError()
	}
	valid := func(u Account) bool {
		return u.ResetCode != "" && p.opts.Now().Before(u.ResetUntil) &&
			subtle.ConstantTimeCompare([]byte(u.ResetCode), []byte(code)) == 1
	}
	// Check the code before hashing (bcrypt is slow on purpose), and again
	// when storing, so that one code sets one password.
	u, err := p.store.Account(ctx, email)
	if errors.Is(err, domain.ErrNotFound) || err == nil && !valid(u) {
		return domain.InvalidCodeError()
	}
	if err != nil {
		return fmt.Errorf("localidp: %w", err)
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(newPassword), p.opts.BcryptCost)
	if err != nil {
		return fmt.Errorf("localidp: hash password: %w", err)
	}
	_, err = p.store.UpdateAccount(ctx, email, func(u *Account) error {
		if !valid(*u) {
			return domain.InvalidCodeError()
		}
		u.PasswordHash, u.ResetCode, u.ResetUntil = hash, "", time.Time{}
		u.Generation++
		return nil
	})
	if errors.Is(err, domain.ErrNotFound) {
		return domain.InvalidCodeError()
	}
	return err
}

// DeleteUnconfirmed deletes an unconfirmed account created before
// createdBefore.
func (p *Provider) DeleteUnconfirmed(ctx context.Context, email string, createdBefore time.Time) (bool, error) {
	return p.store.DeleteAccountIf(ctx, email, func(u Account) bool {
		return !u.Confirmed && u.Created.Before(createdBefore)
	})
}

// issue signs an access and an id token for u.
func (p *Provider) issue(u Account, now time.Time) (app.Tokens, error) {
	access, id := p.claims(u, now)
	at, err := p.signer.sign(access)
	if err != nil {
		return app.Tokens{}, err
	}
	it, err := p.signer.sign(id)
	if err != nil {
		return app.Tokens{}, err
	}
	return app.Tokens{AccessToken: at, IDToken: it, ExpiresIn: p.opts.AccessTokenTTL, UserID: u.Sub}, nil
}

// claims returns the claims of an access and an id token, shaped like
// Cognito's for a pool whose users sign in with their email (the user name
// is the sub).
func (p *Provider) claims(u Account, now time.Time) (access, id map[string]any) {
	iat, exp := now.Unix(), now.Add(p.opts.AccessTokenTTL).Unix()
	origin := newSub()
	access = map[string]any{
		"sub": u.Sub, "iss": p.opts.Issuer, "client_id": p.opts.ClientID, "origin_jti": origin,
		"event_id": newSub(), "token_use": "access", "scope": "aws.cognito.signin.user.admin",
		"auth_time": iat, "exp": exp, "iat": iat, "jti": newSub(), "username": u.Sub,
	}
	id = map[string]any{
		"sub": u.Sub, "email_verified": u.Confirmed, "iss": p.opts.Issuer, "cognito:username": u.Sub,
		"origin_jti": origin, "aud": p.opts.ClientID, "event_id": newSub(), "token_use": "id",
		"auth_time": iat, "exp": exp, "iat": iat, "jti": newSub(), "email": u.Email,
	}
	if len(u.Groups) > 0 {
		access["cognito:groups"] = slices.Clone(u.Groups)
		id["cognito:groups"] = slices.Clone(u.Groups)
	}
	return access, id
}

// randomBytes returns n random bytes.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return b
}

// newSub returns a random UUID (version 4), the form of Cognito's subs.
func newSub() string {
	b := randomBytes(16)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}

// newCode returns a random six-digit confirmation code.
func newCode() string {
	n, _ := rand.Int(rand.Reader, big.NewInt(1_000_000)) // never fails
	return fmt.Sprintf("%06d", n.Int64())
}
