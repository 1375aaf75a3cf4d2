package app_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

const abusePassword = "Owner-pass-1"

// wrongCode returns a six-digit code other than code.
func wrongCode(code string, i int) string {
	c := fmt.Sprintf("%06d", i)
	if c == code {
		c = fmt.Sprintf("%06d", i+500000)
	}
	return c
}

// TestWrongCodesVoidTheCode: an account gets AuthLimits.CodeGuesses
// confirmation attempts per code; after that even the right code is
// refused until a new one is sent, which then works. (Before: 30 wrong
// codes, then the right one still confirmed.)
func TestWrongCodesVoidTheCode(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	if _, err := h.auth.Register(ctx, "victim@example.com", abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	code, _ := h.p.ConfirmationCode("victim@example.com")
	wrongAccepted := 0
	for i := range 30 {
		before := h.idp.confirms.Load()
		err := h.auth.Confirm(ctx, "victim@example.com", wrongCode(code, i))
		if !errors.Is(err, domain.ErrInvalidCode) {
			t.Fatalf("wrong code %d: %v", i, err)
		}
		if h.idp.confirms.Load() > before {
			wrongAccepted++ // the guess was checked against the code
		}
	}
	if err := h.auth.Confirm(ctx, "victim@example.com", code); !errors.Is(err, domain.ErrInvalidCode) {
		t.Fatalf("the right code after 30 wrong ones: %v, want ErrInvalidCode (voided)", err)
	}
	t.Logf("abuse: wrong confirmation codes checked before the code is voided: %d (of 30 sent); the right code is refused after them", wrongAccepted)
	if wrongAccepted != app.DefaultAuthLimits.CodeGuesses {
		t.Errorf("%d wrong codes were checked, want %d", wrongAccepted, app.DefaultAuthLimits.CodeGuesses)
	}
	if err := h.auth.ResendCode(ctx, "victim@example.com"); err != nil {
		t.Fatal(err)
	}
	fresh, _ := h.p.ConfirmationCode("victim@example.com")
	if err := h.auth.Confirm(ctx, "victim@example.com", fresh); err != nil {
		t.Fatalf("the new code: %v", err)
	}
}

// TestParallelCodeGuessesCannotPassTheLimit: guesses sent at once are
// counted before they are checked, so no more than CodeGuesses reach the
// provider.
func TestParallelCodeGuessesCannotPassTheLimit(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	if _, err := h.auth.Register(ctx, "race@example.com", abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	code, _ := h.p.ConfirmationCode("race@example.com")
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Go(func() { _ = h.auth.Confirm(ctx, "race@example.com", wrongCode(code, i)) })
	}
	wg.Wait()
	if n := h.idp.confirms.Load(); n > int32(app.DefaultAuthLimits.CodeGuesses) {
		t.Fatalf("%d of 64 parallel guesses reached the provider, want at most %d", n, app.DefaultAuthLimits.CodeGuesses)
	}
}

// TestResendAnswersAlike: a new code is sent to an unconfirmed account; an
// unknown and a confirmed one get the same answer (nil) and nothing.
func TestResendAnswersAlike(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	if _, err := h.auth.Register(ctx, "pending@example.com", abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := h.auth.Register(ctx, "done@example.com", abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	if err := h.p.AdminConfirm(ctx, "done@example.com"); err != nil {
		t.Fatal(err)
	}
	old, _ := h.p.ConfirmationCode("pending@example.com")
	for _, email := range []string{"pending@example.com", "done@example.com", "nobody@example.com"} {
		if err := h.auth.ResendCode(ctx, email); err != nil {
			t.Errorf("resend to %s: %v, want nil", email, err)
		}
	}
	if fresh, _ := h.p.ConfirmationCode("pending@example.com"); fresh == old {
		t.Error("resend kept the old code")
	}
	if err := h.auth.Confirm(ctx, "done@example.com", "123456"); !errors.Is(err, domain.ErrInvalidCode) {
		t.Errorf("confirming a confirmed account: %v, want the wrong-code answer of an unknown one", err)
	}
}

// TestUnconfirmedSignUpCanBeReclaimed: someone who signed up with another
// person's email blocks it only for AuthLimits.ReclaimAfter; then the
// mailbox's owner registers it with their own password (before: 409 for
// ever).
func TestUnconfirmedSignUpCanBeReclaimed(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	if _, err := h.auth.Register(ctx, "owner@example.com", "Squatter-pass-1", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := h.auth.Register(ctx, "owner@example.com", abusePassword, ""); !errors.Is(err, domain.ErrUserExists) {
		t.Fatalf("at once: %v, want ErrUserExists", err)
	}
	h.clock.Advance(app.DefaultAuthLimits.ReclaimAfter + time.Minute)
	reg, err := h.auth.Register(ctx, "owner@example.com", abusePassword, "")
	if err != nil || !reg.ConfirmationRequired {
		t.Fatalf("after %v: %+v %v, want a new sign-up", app.DefaultAuthLimits.ReclaimAfter, reg, err)
	}
	code, _ := h.p.ConfirmationCode("owner@example.com")
	if err := h.auth.Confirm(ctx, "owner@example.com", code); err != nil {
		t.Fatal(err)
	}
	if _, err := h.auth.Login(ctx, "owner@example.com", abusePassword); err != nil {
		t.Fatalf("the owner's password: %v", err)
	}
	if _, err := h.auth.Login(ctx, "owner@example.com", "Squatter-pass-1"); !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Fatalf("the squatter's password: %v", err)
	}
	h.clock.Advance(2 * app.DefaultAuthLimits.ReclaimAfter)
	if _, err := h.auth.Register(ctx, "owner@example.com", "Other-pass-9", ""); !errors.Is(err, domain.ErrUserExists) {
		t.Fatalf("a confirmed account: %v, want ErrUserExists", err)
	}
}

// TestNobodyCanLockOutTheAdministrator: the administrator signs in from
// their usual address; attackers then send wrong passwords from one address
// and from a thousand. The attackers are slowed (429 for the one address,
// the account refuses new clients) but the administrator, with the right
// password from their address, always gets in. (Before: five requests
// locked any account for 15 minutes.)
func TestNobodyCanLockOutTheAdministrator(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	const admin = "admin@bookshop.example"
	if _, err := h.p.SignUp(ctx, admin, abusePassword); err != nil {
		t.Fatal(err)
	}
	if err := h.p.AdminConfirm(ctx, admin); err != nil {
		t.Fatal(err)
	}
	owner := app.WithClient(ctx, "198.51.100.7")
	if _, err := h.auth.Login(owner, admin, abusePassword); err != nil {
		t.Fatal(err)
	}
	attempts, refusedByClient := 0, 0
	for i := range 200 { // one attacker address
		_, err := h.auth.Login(app.WithClient(ctx, "203.0.113.66"), admin, fmt.Sprintf("Guess-%d-x", i))
		attempts++
		if errors.Is(err, domain.ErrTooManyAttempts) {
			refusedByClient++
		}
	}
	for i := range 300 { // a botnet: one guess per address
		_, _ = h.auth.Login(app.WithClient(ctx, fmt.Sprintf("10.%d.%d.1", i/250, i%250)), admin, fmt.Sprintf("Spray-%d-x", i))
		attempts++
	}
	if refusedByClient < 150 {
		t.Errorf("the single attacker address was refused %d of 200 times; it should be slowed down", refusedByClient)
	}
	if _, err := h.auth.Login(owner, admin, abusePassword); err != nil {
		t.Fatalf("after %d attacking requests the administrator cannot sign in: %v", attempts, err)
	}
	if _, err := h.auth.Login(app.WithClient(ctx, "10.9.9.9"), admin, abusePassword); !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Errorf("a new client during the attack: %v; the account's throttle should answer like a wrong password", err)
	}
	h.clock.Advance(app.DefaultAuthLimits.ThrottleWindow)
	if _, err := h.auth.Login(app.WithClient(ctx, "10.9.9.9"), admin, abusePassword); err != nil {
		t.Errorf("a new client after the throttle window: %v", err)
	}
	t.Logf("abuse: %d attacking requests (200 from one address, 300 from distinct ones) did not lock the administrator out: "+
		"requests needed to lock them out = impossible; the single address was refused %d times", attempts, refusedByClient)
}

// TestLookAlikeEmailsAreOneAccount: full-width letters, upper case and an
// IDNA domain in Unicode or ASCII name one account.
func TestLookAlikeEmailsAreOneAccount(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Ａｄａ@ＥＸＡＭＰＬＥ.com", "ada@example.com"},
		{" ADA@Example.COM ", "ada@example.com"},
		{"leser@BÜCHER.example", "leser@xn--bcher-kva.example"},
		{"leser@xn--bcher-kva.example", "leser@xn--bcher-kva.example"},
		{"ﬁona@example.com", "fiona@example.com"},
	} {
		got, err := app.CanonicalEmail(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("CanonicalEmail(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"", "no-at", "a@", "@b.example", "a@b", "a@-bad-.example", "Ada <ada@example.com>"} {
		if got, err := app.CanonicalEmail(bad); err == nil {
			t.Errorf("CanonicalEmail(%q) = %q, want a validation error", bad, got)
		}
	}
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	if _, err := h.auth.Register(ctx, "leser@BÜCHER.example", abusePassword, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := h.auth.Register(ctx, "LESER@xn--bcher-kva.example", abusePassword, ""); !errors.Is(err, domain.ErrUserExists) {
		t.Fatalf("a look-alike spelling: %v, want ErrUserExists", err)
	}
}

// TestDisplayNameComesFromTheAccount: a review is signed with the name
// given at sign-up, or the email's local part stored at the first sign-in,
// even though access tokens carry no email. (Before: "reader".)
func TestDisplayNameComesFromTheAccount(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	named, err := h.auth.Register(ctx, "ada@example.com", abusePassword, "Ada L.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.p.SignUp(ctx, "grace@example.com", abusePassword); err != nil { // made outside Register, like the admin
		t.Fatal(err)
	}
	if err := h.p.AdminConfirm(ctx, "grace@example.com"); err != nil {
		t.Fatal(err)
	}
	tok, err := h.auth.Login(ctx, "grace@example.com", abusePassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ user, want string }{{named.UserID, "Ada L."}, {tok.UserID, "grace"}} {
		p, err := h.profiles.Get(ctx, tt.user)
		if err != nil || p.DisplayName != tt.want {
			t.Errorf("profile of %s = %+v, %v; want %q", tt.user, p, err, tt.want)
		}
	}
	if _, err := h.auth.Register(ctx, "x@example.com", abusePassword, "bad\x07name"); err == nil {
		t.Error("a name with a control character was accepted")
	}
}

// BenchmarkLoginAnswerTime measures, with the default bcrypt cost, how long
// Login takes to refuse 50 wrong passwords of existing accounts, 50 unknown
// emails and 50 attempts on an account throttled for new clients, each from
// its own client address, interleaved in one run; it reports the p50 of
// each. Run: go test ./app -run '^$' -bench LoginAnswerTime -benchtime 1x
func BenchmarkLoginAnswerTime(b *testing.B) {
	h := newHarness(b, bcrypt.DefaultCost)
	ctx := context.Background()
	const tries = 50
	for i := range tries {
		email := fmt.Sprintf("user%d@example.com", i)
		if _, err := h.p.SignUp(ctx, email, abusePassword); err != nil {
			b.Fatal(err)
		}
		if err := h.p.AdminConfirm(ctx, email); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := h.p.SignUp(ctx, "victim@example.com", abusePassword); err != nil {
		b.Fatal(err)
	}
	for i := range 40 { // throttle victim@ for new clients
		_, _ = h.auth.Login(app.WithClient(ctx, fmt.Sprintf("10.8.0.%d", i)), "victim@example.com", "Wrong-pass-1")
	}
	b.ResetTimer()
	for range b.N {
		var existing, unknown, throttled []time.Duration
		for i := range tries {
			measure := func(into *[]time.Duration, ip, email string) {
				start := time.Now()
				_, err := h.auth.Login(app.WithClient(ctx, ip), email, "Wrong-pass-1")
				*into = append(*into, time.Since(start))
				if !errors.Is(err, domain.ErrInvalidCredentials) {
					b.Fatalf("%s: %v", email, err)
				}
			}
			measure(&existing, fmt.Sprintf("10.5.%d.1", i), fmt.Sprintf("user%d@example.com", i))
			measure(&unknown, fmt.Sprintf("10.6.%d.1", i), fmt.Sprintf("nobody%d@example.com", i))
			measure(&throttled, fmt.Sprintf("10.7.%d.1", i), "victim@example.com")
		}
		b.ReportMetric(p50(existing), "p50-existing-ms")
		b.ReportMetric(p50(unknown), "p50-unknown-ms")
		b.ReportMetric(p50(throttled), "p50-throttled-ms")
	}
}

// p50 returns the median in milliseconds.
func p50(ds []time.Duration) float64 {
	s := slices.Clone(ds)
	slices.Sort(s)
	return float64(s[len(s)/2]) / float64(time.Millisecond)
}

// TestSigningInOftenIsNotSlowed: successful sign-ins do not count against
// the client address, so a busy owner (or a shared office address, or a
// test suite) is never throttled for signing in.
func TestSigningInOftenIsNotSlowed(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := app.WithClient(context.Background(), "192.0.2.1")
	if _, err := h.p.SignUp(ctx, "busy@example.com", abusePassword); err != nil {
		t.Fatal(err)
	}
	if err := h.p.AdminConfirm(ctx, "busy@example.com"); err != nil {
		t.Fatal(err)
	}
	for i := range 3 * app.DefaultAuthLimits.ClientFreeAttempts {
		if _, err := h.auth.Login(ctx, "busy@example.com", abusePassword); err != nil {
			t.Fatalf("sign-in %d: %v", i+1, err)
		}
	}
}

// TestTheThrottleHoldsOnceItsWaitOutgrowsADuration: the n-th attempt over
// the free ones waits ThrottleBase × (2ⁿ − 1); from n = 34 that product no
// longer fits a time.Duration, and it must still refuse. (Before: it
// overflowed to a negative wait, and attempts 34 to 39 over the free ones
// of every window reached the provider.)
func TestTheThrottleHoldsOnceItsWaitOutgrowsADuration(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	ctx := context.Background()
	if _, err := h.p.SignUp(ctx, "victim@example.com", abusePassword); err != nil {
		t.Fatal(err)
	}
	before := h.idp.calls.Load()
	for i := range 100 {
		_, _ = h.auth.Login(app.WithClient(ctx, fmt.Sprintf("10.%d.%d.3", i/250, i%250)), "victim@example.com", fmt.Sprintf("Spray-%d-x", i))
	}
	if n := h.idp.calls.Load() - before; n != int32(app.DefaultAuthLimits.AccountFreeAttempts) {
		t.Errorf("%d of 100 guesses from distinct addresses reached the provider at one instant, want %d", n, app.DefaultAuthLimits.AccountFreeAttempts)
	}
}

// TestSignUpsFromOneAddressAreCapped: each registration can make the
// provider email a code to any address, so one client address gets
// SignUpsPerClient of them per ThrottleWindow, counted before the provider
// is called (also when sent at once); another address is not affected, and
// the next window starts afresh.
func TestSignUpsFromOneAddressAreCapped(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	limit := app.DefaultAuthLimits.SignUpsPerClient
	spammer := app.WithClient(context.Background(), "198.51.100.7")
	var wg sync.WaitGroup
	var refused atomic.Int32
	for i := range 3 * limit {
		wg.Go(func() {
			_, err := h.auth.Register(spammer, fmt.Sprintf("stranger%02d@example.com", i), abusePassword, "")
			switch {
			case errors.Is(err, domain.ErrTooManyAttempts):
				refused.Add(1)
			case err != nil:
				t.Errorf("sign-up %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	if n := h.idp.calls.Load(); n != int32(limit) {
		t.Fatalf("%d of %d sign-ups from one address reached the provider, want %d", n, 3*limit, limit)
	}
	if n := refused.Load(); n != int32(2*limit) {
		t.Fatalf("%d sign-ups refused with ErrTooManyAttempts, want %d", n, 2*limit)
	}
	other := app.WithClient(context.Background(), "203.0.113.9")
	if _, err := h.auth.Register(other, "neighbour@example.com", abusePassword, ""); err != nil {
		t.Fatalf("a sign-up from another address: %v", err)
	}
	h.clock.Advance(app.DefaultAuthLimits.ThrottleWindow + time.Second)
	if _, err := h.auth.Register(spammer, "later@example.com", abusePassword, ""); err != nil {
		t.Fatalf("a sign-up from the same address in the next window: %v", err)
	}
}
