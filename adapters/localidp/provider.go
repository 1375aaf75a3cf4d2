package localidp

import (
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
	"sync"
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
	// Key signs tokens; a 2048-bit key is generated when nil.
	Key *rsa.PrivateKey
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Logger receives confirmation codes at info level; nil discards them.
	Logger *slog.Logger
}

// user is one account.
type user struct {
	sub       string
	email     string
	hash      []byte
	confirmed bool
	code      string
	codeUntil time.Time
	groups    []string
	created   time.Time
}

// refreshGrant is what a refresh token stands for.
type refreshGrant struct {
	email string
	until time.Time
}

// Provider is the embedded identity provider. It is safe for concurrent use.
type Provider struct {
	opts   Options
	signer *tokenSigner
	// dummyHash is compared against when the user is unknown, so that an
	// unknown email costs as much time as a wrong password.
	dummyHash []byte

	mu      sync.Mutex
	users   map[string]*user // by normalized email
	refresh map[string]refreshGrant
}

// New returns a provider configured by opts.
func New(opts Options) (*Provider, error) {
	if opts.Issuer == "" || strings.HasSuffix(opts.Issuer, "/") {
		return nil, errors.New("localidp.New: Issuer must be an absolute URL without a trailing slash")
	}
	if opts.ClientID == "" {
		opts.ClientID = DefaultClientID
	}
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
	if opts.Key == nil {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			return nil, fmt.Errorf("localidp.New: generate key: %w", err)
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
	return &Provider{opts: opts, signer: signer, dummyHash: dummy, users: map[string]*user{}, refresh: map[string]refreshGrant{}}, nil
}

// Issuer is the tokens' "iss".
func (p *Provider) Issuer() string { return p.opts.Issuer }

// ClientID is the app client id the tokens are issued to.
func (p *Provider) ClientID() string { return p.opts.ClientID }

// ConfirmationCode returns the pending confirmation code of an account, as
// the email a real provider sends would carry it. It reports false when the
// account is unknown or needs no confirmation.
func (p *Provider) ConfirmationCode(email string) (string, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[email]
	if !ok || u.confirmed || u.code == "" {
		return "", false
	}
	return u.code, true
}

// SignUp creates an unconfirmed account and logs its confirmation code.
func (p *Provider) SignUp(ctx context.Context, email, password string) (app.SignUpResult, error) {
	if err := domain.CheckPassword(password); err != nil || len(password) > maxBcryptPassword {
		return app.SignUpResult{}, domain.WeakPasswordError()
	}
	p.mu.Lock()
	_, exists := p.users[email]
	p.mu.Unlock()
	if exists {
		return app.SignUpResult{}, domain.ErrUserExists
	}
	// Hash outside the lock: bcrypt is slow on purpose.
	hash, err := bcrypt.GenerateFromPassword([]byte(password), p.opts.BcryptCost)
	if err != nil {
		return app.SignUpResult{}, fmt.Errorf("localidp: hash password: %w", err)
	}
	now := p.opts.Now()
	u := &user{sub: newSub(), email: email, hash: hash, code: newCode(), codeUntil: now.Add(p.opts.CodeTTL), created: now}
	p.mu.Lock()
	if _, exists := p.users[email]; exists {
		p.mu.Unlock()
		return app.SignUpResult{}, domain.ErrUserExists
	}
	p.users[email] = u
	p.mu.Unlock()
	p.opts.Logger.InfoContext(ctx, "confirmation code", slog.String("email", email), slog.String("code", u.code))
	return app.SignUpResult{UserID: u.sub, Confirmed: false}, nil
}

// ConfirmSignUp confirms an account with its code. Unknown and confirmed
// accounts have no code to match: the same error as a wrong code. Guesses
// are limited by app.Auth.
func (p *Provider) ConfirmSignUp(ctx context.Context, email, code string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[email]
	if !ok || u.confirmed {
		return domain.InvalidCodeError()
	}
	if u.code == "" || !p.opts.Now().Before(u.codeUntil) ||
		subtle.ConstantTimeCompare([]byte(u.code), []byte(code)) != 1 {
		return domain.InvalidCodeError()
	}
	u.confirmed, u.code = true, ""
	return nil
}

// AdminConfirm confirms an account without a code.
func (p *Provider) AdminConfirm(ctx context.Context, email string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[email]
	if !ok {
		return &domain.NotFoundError{Entity: "user", ID: email}
	}
	u.confirmed, u.code = true, ""
	return nil
}

// AddToGroup adds an account to one of Options.Groups.
func (p *Provider) AddToGroup(ctx context.Context, email, group string) error {
	if !slices.Contains(p.opts.Groups, group) {
		return &domain.NotFoundError{Entity: "group", ID: group}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[email]
	if !ok {
		return &domain.NotFoundError{Entity: "user", ID: email}
	}
	if !slices.Contains(u.groups, group) {
		u.groups = append(u.groups, group)
		slices.Sort(u.groups)
	}
	return nil
}

// SignIn checks the password and issues tokens. An unknown user costs the
// same bcrypt work as a wrong password. It locks no account: app.Auth
// throttles sign-ins without letting anyone lock the owner out.
func (p *Provider) SignIn(ctx context.Context, email, password string) (app.Tokens, error) {
	now := p.opts.Now()
	p.mu.Lock()
	u, ok := p.users[email]
	var hash []byte
	if ok {
		hash = u.hash
	}
	p.mu.Unlock()
	if !ok {
		_ = bcrypt.CompareHashAndPassword(p.dummyHash, []byte(password))
		return app.Tokens{}, domain.ErrInvalidCredentials
	}
	match := bcrypt.CompareHashAndPassword(hash, []byte(password)) == nil

	p.mu.Lock()
	defer p.mu.Unlock()
	if !match {
		return app.Tokens{}, domain.ErrInvalidCredentials
	}
	if !u.confirmed {
		return app.Tokens{}, domain.ErrUserNotConfirmed
	}
	t, err := p.issue(u, now)
	if err != nil {
		return app.Tokens{}, err
	}
	t.RefreshToken = p.grantRefresh(u.email, now.Add(p.opts.RefreshTokenTTL))
	return t, nil
}

// grantRefresh makes a new refresh token for email valid until until. p.mu
// is held.
func (p *Provider) grantRefresh(email string, until time.Time) string {
	token := base64.RawURLEncoding.EncodeToString(randomBytes(32))
	p.refresh[token] = refreshGrant{email: email, until: until}
	return token
}

// Refresh issues new access and id tokens and rotates the refresh token:
// the one passed stops working, the new one lives as long as it had left.
func (p *Provider) Refresh(ctx context.Context, refreshToken string) (app.Tokens, error) {
	now := p.opts.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	g, ok := p.refresh[refreshToken]
	delete(p.refresh, refreshToken)
	if !ok || !now.Before(g.until) {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	u, ok := p.users[g.email]
	if !ok {
		return app.Tokens{}, domain.ErrInvalidRefreshToken
	}
	t, err := p.issue(u, now)
	if err != nil {
		return app.Tokens{}, err
	}
	t.RefreshToken = p.grantRefresh(u.email, g.until)
	return t, nil
}

// RevokeRefreshToken forgets the refresh token.
func (p *Provider) RevokeRefreshToken(ctx context.Context, refreshToken string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.refresh, refreshToken)
	return nil
}

// ResendCode gives an unconfirmed account a new code, which replaces the
// old one, and logs it.
func (p *Provider) ResendCode(ctx context.Context, email string) error {
	p.mu.Lock()
	u, ok := p.users[email]
	if !ok || u.confirmed {
		p.mu.Unlock()
		return &domain.NotFoundError{Entity: "unconfirmed user", ID: email}
	}
	u.code, u.codeUntil = newCode(), p.opts.Now().Add(p.opts.CodeTTL)
	code := u.code
	p.mu.Unlock()
	p.opts.Logger.InfoContext(ctx, "confirmation code", slog.String("email", email), slog.String("code", code))
	return nil
}

// DeleteUnconfirmed deletes an unconfirmed account created before
// createdBefore.
func (p *Provider) DeleteUnconfirmed(ctx context.Context, email string, createdBefore time.Time) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	u, ok := p.users[email]
	if !ok {
		return false, &domain.NotFoundError{Entity: "user", ID: email}
	}
	if u.confirmed || !u.created.Before(createdBefore) {
		return false, nil
	}
	delete(p.users, email)
	return true, nil
}

// issue signs an access and an id token for u. p.mu is held.
func (p *Provider) issue(u *user, now time.Time) (app.Tokens, error) {
	access, id := p.claims(u, now)
	at, err := p.signer.sign(access)
	if err != nil {
		return app.Tokens{}, err
	}
	it, err := p.signer.sign(id)
	if err != nil {
		return app.Tokens{}, err
	}
	return app.Tokens{AccessToken: at, IDToken: it, ExpiresIn: p.opts.AccessTokenTTL, UserID: u.sub}, nil
}

// claims returns the claims of an access and an id token, shaped like
// Cognito's for a pool whose users sign in with their email (the user name
// is the sub).
func (p *Provider) claims(u *user, now time.Time) (access, id map[string]any) {
	iat, exp := now.Unix(), now.Add(p.opts.AccessTokenTTL).Unix()
	origin := newSub()
	access = map[string]any{
		"sub": u.sub, "iss": p.opts.Issuer, "client_id": p.opts.ClientID, "origin_jti": origin,
		"event_id": newSub(), "token_use": "access", "scope": "aws.cognito.signin.user.admin",
		"auth_time": iat, "exp": exp, "iat": iat, "jti": newSub(), "username": u.sub,
	}
	id = map[string]any{
		"sub": u.sub, "email_verified": u.confirmed, "iss": p.opts.Issuer, "cognito:username": u.sub,
		"origin_jti": origin, "aud": p.opts.ClientID, "event_id": newSub(), "token_use": "id",
		"auth_time": iat, "exp": exp, "iat": iat, "jti": newSub(), "email": u.email,
	}
	if len(u.groups) > 0 {
		access["cognito:groups"] = slices.Clone(u.groups)
		id["cognito:groups"] = slices.Clone(u.groups)
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
