package app

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bookshop/bookshop/domain"
)

// Auth is the use case behind sign-up and sign-in. It validates input,
// delegates accounts and tokens to the IdentityProvider, and runs the flows
// that resist abuse itself, so every provider gets them (see AuthLimits):
// confirmation codes void after a few wrong guesses, sign-in throttling per
// client and per account that never locks the owner out, answers that do
// not tell whether an account exists, and profiles with display names. It is
// safe for concurrent use.
type Auth struct {
	idp      IdentityProvider
	attempts AttemptStore
	profiles ProfileRepository
	clock    Clock
	limits   AuthLimits
	// failLatency is a moving average (nanoseconds) of how long the provider
	// takes to refuse a sign-in; answers refused without asking it wait as
	// long, so their timing tells nothing.
	failLatency atomic.Int64
}

// AuthLimits are the limits of Auth's flows.
type AuthLimits struct {
	// CodeGuesses is how many confirmation attempts an account gets per code;
	// then the code is void until a new one is sent (ResendCode).
	CodeGuesses int
	// CodeWindow is how long wrong guesses are remembered (a code's life).
	CodeWindow time.Duration
	// Resends is how many codes an account may be sent per CodeWindow.
	Resends int
	// ReclaimAfter is how old an unconfirmed sign-up must be before a new
	// registration of the same email replaces it.
	ReclaimAfter time.Duration
	// ClientFreeAttempts are the failed sign-ins a client address gets, and
	// AccountFreeAttempts the sign-in attempts an account gets from clients
	// it was never signed in from, per ThrottleWindow before the delay starts; after that the
	// n-th further attempt waits ThrottleBase × (2ⁿ − 1) from the window's
	// start (exponential delay), until the window ends.
	ClientFreeAttempts, AccountFreeAttempts int
	ThrottleBase                            time.Duration
	ThrottleWindow                          time.Duration
	// SignUpsPerClient is how many registrations a client address may send
	// per ThrottleWindow; each one can make the provider email a
	// confirmation code to any address, so one client cannot use the shop
	// to mail strangers or spend the provider's email quota. Password
	// reset requests (RequestPasswordReset) have a budget of the same size
	// per client address, counted apart from sign-ups.
	SignUpsPerClient int
	// KnownClientFor is how long a client address, or a device (see
	// WithDevice), an account signed in from stays known: the account's
	// throttle does not apply to it, so an attacker elsewhere cannot lock the
	// owner out. A known device loses that exemption for the rest of a
	// ThrottleWindow after AccountFreeAttempts failed sign-ins with it, so a
	// stolen device id is worth no more guesses than a new client gets.
	KnownClientFor time.Duration
}

// DefaultAuthLimits are the shop's limits.
var DefaultAuthLimits = AuthLimits{
	CodeGuesses: 5, CodeWindow: 24 * time.Hour, Resends: 5, ReclaimAfter: time.Hour,
	ClientFreeAttempts: 20, AccountFreeAttempts: 10, ThrottleBase: time.Second, ThrottleWindow: time.Hour,
	SignUpsPerClient: 10, KnownClientFor: 30 * 24 * time.Hour,
}

// NewAuth returns the use case over idp, keeping throttling state in
// attempts and profiles in profiles, with DefaultAuthLimits.
func NewAuth(idp IdentityProvider, attempts AttemptStore, profiles ProfileRepository, clock Clock) (*Auth, error) {
	switch {
	case idp == nil:
		return nil, errors.New("app.NewAuth: nil IdentityProvider")
	case attempts == nil:
		return nil, errors.New("app.NewAuth: nil AttemptStore")
	case profiles == nil:
		return nil, errors.New("app.NewAuth: nil ProfileRepository")
	case clock == nil:
		return nil, errors.New("app.NewAuth: nil Clock")
	}
	a := &Auth{idp: idp, attempts: attempts, profiles: profiles, clock: clock, limits: DefaultAuthLimits}
	a.failLatency.Store(int64(50 * time.Millisecond))
	return a, nil
}

// SetLimits replaces the limits (tests, tuning).
func (a *Auth) SetLimits(l AuthLimits) { a.limits = l }

type clientKey struct{}

// WithClient returns a context naming the address of the client a request
// came from (API Gateway's requestContext.http.sourceIp), which sign-in
// throttling counts by.
func WithClient(ctx context.Context, address string) context.Context {
	return context.WithValue(ctx, clientKey{}, address)
}

// ClientFrom returns the client address carried by ctx, or "".
func ClientFrom(ctx context.Context) string {
	s, _ := ctx.Value(clientKey{}).(string)
	return s
}

type deviceKey struct{}

// DeviceIDLen is the length of a device id: 16 random bytes in base64url
// without padding.
const DeviceIDLen = 22

// WithDevice returns a context naming the device a sign-in comes from: a
// random id (ValidDeviceID) the browser made once and sends with every
// sign-in, OWASP's "device cookie". A device the account signed in with
// before is exempt from the account's sign-in throttle, from any address.
func WithDevice(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, deviceKey{}, id)
}

// DeviceFrom returns the device id carried by ctx, or "".
func DeviceFrom(ctx context.Context) string {
	s, _ := ctx.Value(deviceKey{}).(string)
	return s
}

// ValidDeviceID reports whether id is a device id: exactly DeviceIDLen
// base64url characters (A–Z, a–z, 0–9, '-', '_').
func ValidDeviceID(id string) bool {
	if len(id) != DeviceIDLen {
		return false
	}
	for _, c := range []byte(id) {
		ok := 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_'
		if !ok {
			return false
		}
	}
	return true
}

// Registration is the outcome of Register.
type Registration struct {
	// UserID is the new user's subject.
	UserID string
	// Email is the normalized address the account is named by.
	Email string
	// ConfirmationRequired reports that a code was sent to Email and must
	// be passed to Confirm before the user can sign in.
	ConfirmationRequired bool
}

// Register creates an account with an optional display name (else the
// email's local part is shown). A malformed email, a password that breaks
// domain.PasswordPolicy or a bad name is a *domain.ValidationError listing
// each, and the provider is not called. An existing account is
// domain.ErrUserExists, unless it is unconfirmed and older than
// AuthLimits.ReclaimAfter: then it is replaced, so whoever owns the mailbox
// can always claim it (the owner of a younger sign-up asks for a new code
// with ResendCode instead). A client address (WithClient) that sent
// AuthLimits.SignUpsPerClient registrations in the ThrottleWindow gets
// domain.ErrTooManyAttempts, whatever the email, before the provider is
// called.
func (a *Auth) Register(ctx context.Context, email, password, name string) (Registration, error) {
	addr, err := CanonicalEmail(email)
	fields := appendFields(nil, err)
	fields = appendFields(fields, domain.CheckPassword(password))
	name, nameErr := displayName(name, addr)
	fields = appendFields(fields, nameErr)
	if len(fields) > 0 {
		return Registration{}, &domain.ValidationError{Fields: fields}
	}
	if err := a.limitClient(ctx, "signup-client:", a.clock.Now()); err != nil {
		return Registration{}, fmt.Errorf("register: %w", err)
	}
	res, err := a.idp.SignUp(ctx, addr, password)
	if errors.Is(err, domain.ErrUserExists) {
		deleted, derr := a.idp.DeleteUnconfirmed(ctx, addr, a.clock.Now().Add(-a.limits.ReclaimAfter))
		if derr != nil && !errors.Is(derr, domain.ErrNotFound) {
			return Registration{}, fmt.Errorf("register: reclaim an unconfirmed sign-up: %w", derr)
		}
		if deleted {
			_ = a.attempts.Delete(ctx, confirmKey(addr))
			res, err = a.idp.SignUp(ctx, addr, password)
		}
	}
	if err != nil {
		return Registration{}, fmt.Errorf("register: %w", err)
	}
	if err := a.profiles.Put(ctx, Profile{UserID: res.UserID, DisplayName: name}); err != nil {
		return Registration{}, fmt.Errorf("register: store the profile: %w", err)
	}
	return Registration{UserID: res.UserID, Email: addr, ConfirmationRequired: !res.Confirmed}, nil
}

// Confirm confirms a new account with the code sent to it. A wrong or
// expired code is domain.ErrInvalidCode, and so is every attempt after
// AuthLimits.CodeGuesses for one code, right or not (the code is void;
// ResendCode sends a new one). Unknown and confirmed accounts answer the
// same, so confirming tells nothing about which accounts exist.
func (a *Auth) Confirm(ctx context.Context, email, code string) error {
	addr, emailErr := CanonicalEmail(email)
	fields := appendFields(nil, emailErr)
	code = strings.TrimSpace(code)
	if code == "" || len(code) > 16 {
		fields = append(fields, domain.FieldError{Field: "code", Message: "must be the code from the confirmation email"})
	}
	if len(fields) > 0 {
		return &domain.ValidationError{Fields: fields}
	}
	now := a.clock.Now()
	// The guess is counted before it is checked, so parallel guesses cannot
	// slip past the limit.
	rec, err := a.attempts.Add(ctx, confirmKey(addr), now, now.Add(a.limits.CodeWindow))
	if err != nil {
		return fmt.Errorf("confirm: %w", err)
	}
	if rec.Count > a.limits.CodeGuesses {
		return fmt.Errorf("confirm: %d guesses for one code: %w", rec.Count, domain.InvalidCodeError())
	}
	if err := a.idp.ConfirmSignUp(ctx, addr, code); err != nil {
		return fmt.Errorf("confirm: %w", err)
	}
	_ = a.attempts.Delete(ctx, confirmKey(addr))
	return nil
}

// ResendCode sends a new confirmation code to an unconfirmed account and
// gives it AuthLimits.CodeGuesses new guesses. It answers the same whether
// or not the account exists or is confirmed (nil), and sends nothing beyond
// AuthLimits.Resends codes per CodeWindow, silently.
func (a *Auth) ResendCode(ctx context.Context, email string) error {
	addr, err := CanonicalEmail(email)
	if err != nil {
		return err
	}
	now := a.clock.Now()
	rec, err := a.attempts.Add(ctx, "resend:"+addr, now, now.Add(a.limits.CodeWindow))
	if err != nil {
		return fmt.Errorf("resend code: %w", err)
	}
	if rec.Count > a.limits.Resends {
		return nil
	}
	switch err := a.idp.ResendCode(ctx, addr); {
	case err == nil:
		_ = a.attempts.Delete(ctx, confirmKey(addr))
	case untold(err):
	default:
		return fmt.Errorf("resend code: %w", err)
	}
	return nil
}

// RequestPasswordReset asks the provider to email a password reset code to
// the account. It answers nil whether or not the account exists or is
// confirmed, and sends nothing beyond AuthLimits.Resends codes per account
// per CodeWindow, silently; each code sent gives AuthLimits.CodeGuesses new
// guesses. A malformed email is a *domain.ValidationError. A client address
// (WithClient) that sent AuthLimits.SignUpsPerClient requests in the
// ThrottleWindow gets domain.ErrTooManyAttempts, whatever the email, before
// the provider is called.
func (a *Auth) RequestPasswordReset(ctx context.Context, email string) error {
	addr, err := CanonicalEmail(email)
	if err != nil {
		return err
	}
	now := a.clock.Now()
	if err := a.limitClient(ctx, "reset-client:", now); err != nil {
		return fmt.Errorf("request password reset: %w", err)
	}
	rec, err := a.attempts.Add(ctx, "reset-send:"+addr, now, now.Add(a.limits.CodeWindow))
	if err != nil {
		return fmt.Errorf("request password reset: %w", err)
	}
	if rec.Count > a.limits.Resends {
		return nil
	}
	switch err := a.idp.ForgotPassword(ctx, addr); {
	case err == nil:
		_ = a.attempts.Delete(ctx, resetKey(addr))
	case untold(err):
	default:
		return fmt.Errorf("request password reset: %w", err)
	}
	return nil
}

// ResetPassword sets a new password with the code RequestPasswordReset
// sent. A malformed email or code and a new password that breaks
// domain.PasswordPolicy are a *domain.ValidationError (fields "email",
// "code", "password"), and the provider is not called. A wrong or expired
// code is domain.ErrInvalidCode, and so is every attempt after
// AuthLimits.CodeGuesses for one code, right or not (the code is void until
// a new one is requested); unknown accounts answer the same. The provider
// revokes the account's refresh tokens where it can (see
// IdentityProvider.ConfirmForgotPassword).
func (a *Auth) ResetPassword(ctx context.Context, email, code, newPassword string) error {
	addr, emailErr := CanonicalEmail(email)
	fields := appendFields(nil, emailErr)
	code = strings.TrimSpace(code)
	if code == "" || len(code) > 16 {
		fields = append(fields, domain.FieldError{Field: "code", Message: "must be the code from the password reset email"})
	}
	fields = appendFields(fields, domain.CheckPassword(newPassword))
	if len(fields) > 0 {
		return &domain.ValidationError{Fields: fields}
	}
	now := a.clock.Now()
	// Counted before it is checked, so parallel guesses cannot slip past
	// the limit.
	rec, err := a.attempts.Add(ctx, resetKey(addr), now, now.Add(a.limits.CodeWindow))
	if err != nil {
		return fmt.Errorf("reset password: %w", err)
	}
	if rec.Count > a.limits.CodeGuesses {
		return fmt.Errorf("reset password: %d guesses for one code: %w", rec.Count, domain.InvalidCodeError())
	}
	if err := a.idp.ConfirmForgotPassword(ctx, addr, code, newPassword); err != nil {
		return fmt.Errorf("reset password: %w", err)
	}
	_ = a.attempts.Delete(ctx, resetKey(addr))
	return nil
}

// Login signs a user in. Unknown emails, wrong passwords, malformed input
// and accounts throttled for this client are all domain.ErrInvalidCredentials
// and take as long as the provider takes to refuse a password, so none
// tells whether an account exists. A client address that sent too many
// attempts is domain.ErrTooManyAttempts whatever the account (it says
// nothing about accounts). The account's own throttle never applies to a
// client address the account signed in from before, nor to a device
// (WithDevice) it signed in with before, from any address, so nobody can
// lock the owner out; a device never exempts from the client address's
// throttle. The policy is not checked here, so accounts made under an older
// policy still sign in.
func (a *Auth) Login(ctx context.Context, email, password string) (Tokens, error) {
	start := time.Now()
	now := a.clock.Now()
	addr, err := CanonicalEmail(email)
	if err != nil || password == "" {
		a.padFailure(ctx, start)
		return Tokens{}, domain.ErrInvalidCredentials
	}
	client := ClientFrom(ctx)
	clientKey := "login-client:" + client
	if client != "" {
		rec, err := a.attempts.Get(ctx, clientKey)
		if err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
		if rec.Live(now) && a.throttled(rec, a.limits.ClientFreeAttempts, now) {
			return Tokens{}, fmt.Errorf("login: client %s: %w", client, domain.ErrTooManyAttempts)
		}
	}
	// failed counts a refused sign-in against the client address (only
	// failures: signing in often from one address is no attack).
	failed := func(err error) (Tokens, error) {
		if client != "" {
			if _, aerr := a.attempts.Add(ctx, clientKey, now, now.Add(a.limits.ThrottleWindow)); aerr != nil {
				return Tokens{}, fmt.Errorf("login: %w", aerr)
			}
		}
		return Tokens{}, err
	}
	knownKey := "login-known:" + addr + "|" + client
	known, err := a.attempts.Get(ctx, knownKey)
	if err != nil {
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	exempt := client != "" && known.Live(now)
	var deviceKnownKey, deviceTriesKey string
	if id := DeviceFrom(ctx); ValidDeviceID(id) {
		deviceKnownKey = "login-known:" + addr + "|device:" + id
		deviceTriesKey = "login-device:" + addr + "|" + id
	}
	byDevice := false
	if !exempt && deviceKnownKey != "" {
		if byDevice, err = a.knownDevice(ctx, deviceKnownKey, deviceTriesKey, now); err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
		exempt = byDevice
	}
	if !exempt {
		// Counted before the password is checked, so parallel guesses
		// cannot slip past the limit.
		rec, err := a.attempts.Add(ctx, "login-account:"+addr, now, now.Add(a.limits.ThrottleWindow))
		if err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
		if a.throttled(rec, a.limits.AccountFreeAttempts, now) {
			a.padFailure(ctx, start)
			return failed(fmt.Errorf("login: account throttled for new clients: %w", domain.ErrInvalidCredentials))
		}
	}
	t, err := a.idp.SignIn(ctx, addr, password)
	switch {
	case errors.Is(err, domain.ErrInvalidCredentials):
		a.observeFailure(time.Since(start))
		return failed(fmt.Errorf("login: %w", err))
	case errors.Is(err, domain.ErrTooManyAttempts):
		// The provider's own lock (Cognito's) would tell that the account
		// exists: answer as for a wrong password.
		a.padFailure(ctx, start)
		return failed(fmt.Errorf("login: the provider throttles the account (%w): %w", err, domain.ErrInvalidCredentials))
	case err != nil:
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	if client != "" {
		if _, err := a.attempts.Add(ctx, knownKey, now, now.Add(a.limits.KnownClientFor)); err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
	}
	if deviceKnownKey != "" {
		if _, err := a.attempts.Add(ctx, deviceKnownKey, now, now.Add(a.limits.KnownClientFor)); err != nil {
			return Tokens{}, fmt.Errorf("login: %w", err)
		}
	}
	if byDevice {
		_ = a.attempts.Delete(ctx, deviceTriesKey)
	}
	if err := a.ensureProfile(ctx, t.UserID, addr); err != nil {
		return Tokens{}, fmt.Errorf("login: %w", err)
	}
	return t, nil
}

// knownDevice reports whether a sign-in with a device is exempt from the
// account's throttle: the account signed in with the device before (a live
// record at knownKey) and the device has had at most AccountFreeAttempts
// sign-ins without success in this ThrottleWindow (triesKey, counted here
// before the password is checked, so parallel guesses with a stolen device
// id cannot slip past; a success forgets them).
func (a *Auth) knownDevice(ctx context.Context, knownKey, triesKey string, now time.Time) (bool, error) {
	known, err := a.attempts.Get(ctx, knownKey)
	if err != nil || !known.Live(now) {
		return false, err
	}
	tries, err := a.attempts.Add(ctx, triesKey, now, now.Add(a.limits.ThrottleWindow))
	if err != nil {
		return false, err
	}
	return tries.Count <= a.limits.AccountFreeAttempts, nil
}

// throttled reports whether an attempt counted in rec must wait: the first
// free attempts of a window pass, then the n-th further one only
// ThrottleBase × (2ⁿ − 1) after the window's start.
func (a *Auth) throttled(rec Attempts, free int, now time.Time) bool {
	extra := rec.Count - free
	if extra <= 0 {
		return false
	}
	if extra >= 62 || a.limits.ThrottleBase > 0 && time.Duration(uint64(1)<<extra-1) > math.MaxInt64/a.limits.ThrottleBase {
		return true // a wait longer than a time.Duration holds (about 292 years)
	}
	wait := a.limits.ThrottleBase * time.Duration(uint64(1)<<extra-1)
	return now.Sub(rec.First) < wait
}

// observeFailure folds a provider's refusal time into the moving average.
func (a *Auth) observeFailure(d time.Duration) {
	old := a.failLatency.Load()
	a.failLatency.Store(old + (int64(d)-old)/8)
}

// padFailure waits until a refusal that did not ask the provider has taken
// as long as one that did.
func (a *Auth) padFailure(ctx context.Context, start time.Time) {
	wait := time.Duration(a.failLatency.Load()) - time.Since(start)
	if wait <= 0 {
		return
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// ensureProfile gives a user who has none (an account made before
// profiles, or by an administrator) one named after the email's local part.
func (a *Auth) ensureProfile(ctx context.Context, userID, addr string) error {
	if userID == "" {
		return nil
	}
	_, err := a.profiles.Get(ctx, userID)
	if !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	return a.profiles.Put(ctx, Profile{UserID: userID, DisplayName: domain.AuthorName(addr)})
}

// Refresh exchanges a refresh token for new access and id tokens. The
// returned Tokens carry the refresh token to use next: the provider's new one
// if it rotated it (the old one then no longer works), else the one passed
// in.
func (a *Auth) Refresh(ctx context.Context, refreshToken string) (Tokens, error) {
	refreshToken = strings.TrimSpace(refreshToken)
	if refreshToken == "" {
		return Tokens{}, &domain.ValidationError{Fields: []domain.FieldError{{Field: "refreshToken", Message: "is required"}}}
	}
	t, err := a.idp.Refresh(ctx, refreshToken)
	if err != nil {
		return Tokens{}, fmt.Errorf("refresh: %w", err)
	}
	t.RefreshToken = cmp.Or(t.RefreshToken, refreshToken)
	return t, nil
}

// Logout revokes a refresh token: signing out. An unknown or revoked token
// is no error, so the answer tells nothing about tokens.
func (a *Auth) Logout(ctx context.Context, refreshToken string) error {
	refreshToken = strings.TrimSpace(refreshToken)
	if refreshToken == "" {
		return &domain.ValidationError{Fields: []domain.FieldError{{Field: "refreshToken", Message: "is required"}}}
	}
	if err := a.idp.RevokeRefreshToken(ctx, refreshToken); err != nil && !errors.Is(err, domain.ErrInvalidRefreshToken) {
		return fmt.Errorf("logout: %w", err)
	}
	return nil
}

// limitClient counts a request that can make the provider send an email
// (a sign-up, a reset code) against the client address in ctx, under the
// key prefix kind, and refuses it with domain.ErrTooManyAttempts beyond
// AuthLimits.SignUpsPerClient per ThrottleWindow. It counts before the
// provider is called, so parallel requests cannot slip past the limit. A
// request without a client address is not counted.
func (a *Auth) limitClient(ctx context.Context, kind string, now time.Time) error {
	client := ClientFrom(ctx)
	if client == "" {
		return nil
	}
	rec, err := a.attempts.Add(ctx, kind+client, now, now.Add(a.limits.ThrottleWindow))
	if err != nil {
		return err
	}
	if rec.Count > a.limits.SignUpsPerClient {
		return fmt.Errorf("client %s: %w", client, domain.ErrTooManyAttempts)
	}
	return nil
}

// confirmKey counts the guesses at an account's confirmation code.
func confirmKey(addr string) string { return "confirm:" + addr }

// untold reports whether the provider refused to send a code for a reason
// the answer must not tell: an unknown account, one in the wrong state
// (confirmed, or not yet), the provider's own throttling, or a provider (an
// emulator) that cannot send. Such refusals answer like a sent code.
func untold(err error) bool {
	return errors.Is(err, domain.ErrNotFound) || errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrForbidden) ||
		errors.Is(err, domain.ErrTooManyRequests) || errors.Is(err, errors.ErrUnsupported)
}

// resetKey counts the guesses at an account's password reset code.
func resetKey(addr string) string { return "reset:" + addr }

// displayName checks the name given at sign-up, or derives one from the
// email's local part when none is given.
func displayName(name, addr string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return domain.AuthorName(addr), nil
	}
	bad := !utf8.ValidString(name) || utf8.RuneCountInString(name) > domain.MaxReviewAuthorLen ||
		strings.ContainsFunc(name, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError })
	if bad {
		return "", &domain.ValidationError{Fields: []domain.FieldError{{Field: "name",
			Message: fmt.Sprintf("must be at most %d characters of text", domain.MaxReviewAuthorLen)}}}
	}
	return name, nil
}

// appendFields adds the field errors of a *domain.ValidationError in err.
func appendFields(fields []domain.FieldError, err error) []domain.FieldError {
	var ve *domain.ValidationError
	if errors.As(err, &ve) {
		fields = append(fields, ve.Fields...)
	}
	return fields
}
