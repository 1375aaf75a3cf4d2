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
	// DefaultMaxFailedSignIns is how many wrong passwords in a row lock an
	// account for LockoutDuration.
	DefaultMaxFailedSignIns = 5
	// LockoutDuration is how long a locked account refuses sign-ins.
	LockoutDuration = 15 * time.Minute
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
	// MaxFailedSignIns locks an account after that many wrong passwords.
	MaxFailedSignIns int
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
	if opts.MaxFailedSignIns <= 0 {
		opts.MaxFailedSignIns = DefaultMaxFailedSignIns
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
	u := Account{Sub: newSub(), Email: email, PasswordHash: hash, Code: newCode(), CodeUntil: p.opts.Now().Add(p.opts.CodeTTL)}
	if err := p.store.CreateAccount(ctx, u); err != nil {
		if errors.Is(err, domain.ErrUserExists) {
			return app.SignUpResult{}, domain.ErrUserExists
		}
		return app.SignUpResult{}, fmt.Errorf("localidp: %w", err)
	}
	p.opts.Logger.InfoContext(ctx, "confirmation code", slog.String("email", email), slog.String("code", u.Code))
	return app.SignUpResult{UserID: u.Sub, Confirmed: false}, nil
}

// ConfirmSignUp confirms an account with its code.
func (p *Provider) ConfirmSignUp(ctx context.Context, email, code string) error {
	now := p.opts.Now()
	_, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
		if u.Confirmed {
			return nil
		}
		if u.Code == "" || !now.Before(u.CodeUntil) ||
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

// SignIn checks the password and issues tokens. Wrong passwords in a row
// beyond MaxFailedSignIns lock the account for LockoutDuration.
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
	if now.Before(u.LockedUntil) {
		return app.Tokens{}, domain.ErrTooManyAttempts
	}
	match := bcrypt.CompareHashAndPassword(u.PasswordHash, []byte(password)) == nil

	if !match {
		_, err := p.store.UpdateAccount(ctx, email, func(u *Account) error {
			u.FailedSignIns++
			if u.FailedSignIns >= p.opts.MaxFailedSignIns {
				u.FailedSignIns, u.LockedUntil = 0, now.Add(LockoutDuration)
			}
			return nil
		})
		if err != nil {
			return app.Tokens{}, fmt.Errorf("localidp: %w", err)
		}
		return app.Tokens{}, domain.ErrInvalidCredentials
	}
	if u.FailedSignIns != 0 { // write only when there is something to reset
		if u, err = p.store.UpdateAccount(ctx, email, func(u *Account) error { u.FailedSignIns = 0; return nil }); err != nil {
			return app.Tokens{}, fmt.Errorf("localidp: %w", err)
		}
	}
	if !u.Confirmed {
		return app.Tokens{}, domain.ErrUserNotConfirmed
	}
	t, err := p.issue(u, now)
	if err != nil {
		return app.Tokens{}, err
	}
	t.RefreshToken = base64.RawURLEncoding.EncodeToString(randomBytes(32))
	grant := RefreshGrant{Email: u.Email, Until: now.Add(p.opts.RefreshTokenTTL)}
	if err := p.store.SaveRefreshGrant(ctx, refreshGrantID(t.RefreshToken), grant); err != nil {
		return app.Tokens{}, fmt.Errorf("localidp: %w", err)
	}
	return t, nil
}

// Refresh issues new access and id tokens; the refresh token is not rotated.
func (p *Provider) Refresh(ctx context.Context, refreshToken string) (app.Tokens, error) {
	now := p.opts.Now()
	id := refreshGrantID(refreshToken)
	g, err := p.store.RefreshGrant(ctx, id)
	if errors.Is(err, domain.ErrNotFound) {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	if err != nil {
		return app.Tokens{}, fmt.Errorf("localidp: %w", err)
	}
	if !now.Before(g.Until) {
		if err := p.store.DeleteRefreshGrant(ctx, id); err != nil {
			return app.Tokens{}, fmt.Errorf("localidp: %w", err)
		}
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	u, err := p.store.Account(ctx, g.Email)
	if errors.Is(err, domain.ErrNotFound) {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	if err != nil {
		return app.Tokens{}, fmt.Errorf("localidp: %w", err)
	}
	return p.issue(u, now)
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
	return app.Tokens{AccessToken: at, IDToken: it, ExpiresIn: p.opts.AccessTokenTTL}, nil
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
