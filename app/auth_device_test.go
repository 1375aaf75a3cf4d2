package app_test

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// newDevice returns a device id as the web app makes one: 16 random bytes
// in base64url without padding.
func newDevice(t testing.TB) string {
	t.Helper()
	var b [16]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	id := base64.RawURLEncoding.EncodeToString(b[:])
	if !app.ValidDeviceID(id) {
		t.Fatalf("ValidDeviceID(%q) = false", id)
	}
	return id
}

// from is a sign-in context from a client address, with a device id when
// device is not "".
func from(address, device string) context.Context {
	ctx := app.WithClient(context.Background(), address)
	if device != "" {
		ctx = app.WithDevice(ctx, device)
	}
	return ctx
}

// confirmedAccount makes an account with abusePassword, as an administrator
// would.
func confirmedAccount(t *testing.T, h *authHarness, email string) {
	t.Helper()
	if _, err := h.p.SignUp(context.Background(), email, abusePassword); err != nil {
		t.Fatal(err)
	}
	if err := h.p.AdminConfirm(context.Background(), email); err != nil {
		t.Fatal(err)
	}
}

// ownerHome is the address the owners of these tests signed in from.
const ownerHome = "198.51.100.7"

// signedInDevice makes the account email and signs in to it once from
// ownerHome with a new device, whose id it returns.
func signedInDevice(t *testing.T, h *authHarness, email string) string {
	t.Helper()
	confirmedAccount(t, h, email)
	device := newDevice(t)
	if _, err := h.auth.Login(from(ownerHome, device), email, abusePassword); err != nil {
		t.Fatal(err)
	}
	return device
}

// attack sends wrong passwords for email from many addresses (a botnet),
// every fifth with a random device id of its own, until the account is
// throttled for new clients; it returns how many it sent.
func attack(t *testing.T, h *authHarness, email string) int {
	t.Helper()
	const n = 300
	for i := range n {
		device := ""
		if i%5 == 0 {
			device = newDevice(t)
		}
		_, err := h.auth.Login(from(fmt.Sprintf("10.%d.%d.1", i/250, i%250), device), email, fmt.Sprintf("Spray-%d-x", i))
		if !errors.Is(err, domain.ErrInvalidCredentials) {
			t.Fatalf("attacking request %d: %v", i, err)
		}
	}
	return n
}

// TestAKnownDeviceSignsInFromANewAddressDuringAnAttack: the owner signs in
// once from address A with device D; attackers then send hundreds of wrong
// passwords from many addresses, some with device ids of their own. From a
// new address B the owner is throttled like any new client, without a
// device or with another one, but with D signs in at once. (Before: D
// counted for nothing, and the owner waited up to ThrottleWindow.)
func TestAKnownDeviceSignsInFromANewAddressDuringAnAttack(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	const owner = "owner@example.com"
	device := signedInDevice(t, h, owner)
	sent := attack(t, h, owner)

	const b = "192.0.2.44" // a café the owner never signed in from
	if _, err := h.auth.Login(from(b, ""), owner, abusePassword); !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Errorf("from a new address without a device: %v, want the account's throttle (ErrInvalidCredentials)", err)
	}
	if _, err := h.auth.Login(from(b, newDevice(t)), owner, abusePassword); !errors.Is(err, domain.ErrInvalidCredentials) {
		t.Errorf("from a new address with another device: %v, want the account's throttle (ErrInvalidCredentials)", err)
	}
	if _, err := h.auth.Login(from(b, device), owner, abusePassword); err != nil {
		t.Fatalf("after %d attacking requests the owner, from a new address with their device, cannot sign in: %v", sent, err)
	}
	t.Logf("abuse: %d attacking requests from distinct addresses did not slow the owner's known device on a new address", sent)
}

// TestADeviceExemptsOnlyTheAccountItSignedInTo: a device id never seen
// before, or one that signed in to account X, gives nothing on account Y
// throttled by an attack.
func TestADeviceExemptsOnlyTheAccountItSignedInTo(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	const x, y = "x@example.com", "y@example.com"
	ofX := signedInDevice(t, h, x)
	confirmedAccount(t, h, y)
	attack(t, h, y)
	for name, device := range map[string]string{"never seen": newDevice(t), "known to another account": ofX} {
		if _, err := h.auth.Login(from("192.0.2.44", device), y, abusePassword); !errors.Is(err, domain.ErrInvalidCredentials) {
			t.Errorf("a device %s: %v, want the account's throttle (ErrInvalidCredentials)", name, err)
		}
	}
	if _, err := h.auth.Login(from("192.0.2.45", ofX), x, abusePassword); err != nil {
		t.Errorf("the device on its own account from a new address: %v", err)
	}
}

// TestADeviceNeverExemptsFromTheAddressThrottle: an address that sent too
// many wrong passwords is refused (429) even with a device the account
// signed in with.
func TestADeviceNeverExemptsFromTheAddressThrottle(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	const owner = "owner@example.com"
	device := signedInDevice(t, h, owner)
	const noisy = "203.0.113.66"
	for i := range 3 * app.DefaultAuthLimits.ClientFreeAttempts {
		_, _ = h.auth.Login(from(noisy, device), owner, fmt.Sprintf("Guess-%d-x", i))
	}
	if _, err := h.auth.Login(from(noisy, device), owner, abusePassword); !errors.Is(err, domain.ErrTooManyAttempts) {
		t.Fatalf("the right password with the device from a throttled address: %v, want ErrTooManyAttempts", err)
	}
}

// TestAStolenDeviceIDIsWorthFewGuesses: a device id read from the owner's
// browser, used from many addresses, exempts at most AccountFreeAttempts
// wrong passwords per ThrottleWindow; then the account's throttle applies to
// it as to any new client, while the owner's known address still signs in.
func TestAStolenDeviceIDIsWorthFewGuesses(t *testing.T) {
	h := newHarness(t, bcrypt.MinCost)
	const owner = "owner@example.com"
	device := signedInDevice(t, h, owner)
	before := h.idp.calls.Load()
	for i := range 200 {
		_, err := h.auth.Login(from(fmt.Sprintf("10.%d.%d.9", i/250, i%250), device), owner, fmt.Sprintf("Stolen-%d-x", i))
		if !errors.Is(err, domain.ErrInvalidCredentials) {
			t.Fatalf("guess %d: %v", i, err)
		}
	}
	// AccountFreeAttempts exempt by the device, then AccountFreeAttempts
	// free ones of the account's throttle.
	checked, want := h.idp.calls.Load()-before, int32(2*app.DefaultAuthLimits.AccountFreeAttempts)
	if checked > want {
		t.Errorf("%d of 200 guesses with a stolen device id reached the provider, want at most %d", checked, want)
	}
	if _, err := h.auth.Login(from(ownerHome, ""), owner, abusePassword); err != nil {
		t.Fatalf("the owner from their known address: %v", err)
	}
	t.Logf("abuse: a stolen device id used from 200 addresses got %d guesses checked", checked)
}
