package apigw_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// authFixture is a handler serving only the auth routes over the embedded
// identity provider.
type authFixture struct {
	idp     *localidp.Provider
	handler *apigw.Handler
}

func newAuthFixture(t *testing.T) *authFixture {
	t.Helper()
	idp, err := localidp.New(localidp.Options{Issuer: "http://idp.test/pool", BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	auth, err := app.NewAuth(idp, memory.NewAttemptStore(), memory.NewProfileRepository(), system.Clock{})
	if err != nil {
		t.Fatal(err)
	}
	h, err := apigw.NewHandler(apigw.Services{Auth: auth}, testConfig, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	return &authFixture{idp: idp, handler: h}
}

func (f *authFixture) post(t *testing.T, path, body string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	resp, err := f.handler.Handle(context.Background(), newEvent(t, "POST", path, jsonBody(body)))
	if err != nil {
		t.Fatalf("Handle returned error %v", err)
	}
	return resp
}

// confirmAccount makes the confirmed account authEmail with authPassword.
func (f *authFixture) confirmAccount(t *testing.T) {
	t.Helper()
	if _, err := f.idp.SignUp(context.Background(), authEmail, authPassword); err != nil {
		t.Fatal(err)
	}
	if err := f.idp.AdminConfirm(context.Background(), authEmail); err != nil {
		t.Fatal(err)
	}
}

// loginFrom posts body to /api/auth/login from the client address ip and
// checks the exchange against openapi.json.
func (f *authFixture) loginFrom(t *testing.T, ip, body string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	return f.postFrom(t, "/api/auth/login", ip, body)
}

// postFrom posts body to path from the client address ip and checks the
// exchange against openapi.json.
func (f *authFixture) postFrom(t *testing.T, path, ip, body string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	ev := newEvent(t, "POST", path, jsonBody(body))
	ev.RequestContext.HTTP.SourceIP = ip
	resp, err := f.handler.Handle(context.Background(), ev)
	if err != nil {
		t.Fatal(err)
	}
	checkOpenAPI(t, ev, resp)
	return resp
}

const (
	authEmail    = "reader@example.com"
	authPassword = "Dune-Messiah-1969"
	credentials  = `{"email":"Reader@Example.com ","password":"` + authPassword + `"}`
)

type tokensBody struct {
	AccessToken  string `json:"accessToken"`
	IDToken      string `json:"idToken"`
	RefreshToken string `json:"refreshToken"`
	ExpiresIn    int64  `json:"expiresIn"`
	TokenType    string `json:"tokenType"`
}

func decodeTokens(t *testing.T, resp events.APIGatewayV2HTTPResponse) tokensBody {
	t.Helper()
	if resp.StatusCode != 200 {
		t.Fatalf("status %d, body %s; want 200", resp.StatusCode, resp.Body)
	}
	if cc := resp.Headers["Cache-Control"]; cc != "no-store" {
		t.Errorf("Cache-Control = %q, want no-store", cc)
	}
	var b tokensBody
	if err := json.Unmarshal([]byte(resp.Body), &b); err != nil {
		t.Fatal(err)
	}
	if b.AccessToken == "" || b.IDToken == "" || b.RefreshToken == "" || b.ExpiresIn <= 0 || b.TokenType != "Bearer" {
		t.Fatalf("incomplete tokens: %s", resp.Body)
	}
	return b
}

func TestAuthRegisterConfirmLoginRefresh(t *testing.T) {
	f := newAuthFixture(t)
	resp := f.post(t, "/api/auth/register", credentials)
	if resp.StatusCode != 201 {
		t.Fatalf("register: %d %s", resp.StatusCode, resp.Body)
	}
	var reg map[string]any
	if err := json.Unmarshal([]byte(resp.Body), &reg); err != nil {
		t.Fatal(err)
	}
	if reg["email"] != authEmail || reg["confirmationRequired"] != true || reg["userId"] == "" {
		t.Fatalf("register body = %s", resp.Body)
	}

	resp = f.post(t, "/api/auth/login", credentials)
	want := problem{Type: typeBase + "account-not-confirmed", Title: "Account not confirmed", Status: 403,
		Detail: "Confirm your account with the code sent to your email address, then sign in."}
	if diff := cmp.Diff(want, decodeProblem(t, resp)); diff != "" {
		t.Fatalf("login before confirmation (-want +got):\n%s", diff)
	}

	code, ok := f.idp.ConfirmationCode(authEmail)
	if !ok {
		t.Fatal("no confirmation code")
	}
	resp = f.post(t, "/api/auth/confirm", `{"email":"`+authEmail+`","code":"not-it"}`)
	wantCode := validation(fieldError{Field: "code", Message: "is wrong or has expired"})
	wantCode.Detail = "One or more fields are invalid."
	if diff := cmp.Diff(wantCode, decodeProblem(t, resp)); diff != "" {
		t.Fatalf("wrong code (-want +got):\n%s", diff)
	}
	if resp = f.post(t, "/api/auth/confirm", `{"email":"`+authEmail+`","code":"`+code+`"}`); resp.StatusCode != 204 || resp.Body != "" {
		t.Fatalf("confirm: %d %s", resp.StatusCode, resp.Body)
	}

	tokens := decodeTokens(t, f.post(t, "/api/auth/login", credentials))
	again := decodeTokens(t, f.post(t, "/api/auth/refresh", `{"refreshToken":"`+tokens.RefreshToken+`"}`))
	if again.RefreshToken == tokens.RefreshToken || again.AccessToken == tokens.AccessToken {
		t.Errorf("refresh: want a new access token and a rotated refresh token")
	}
	if resp := f.post(t, "/api/auth/refresh", `{"refreshToken":"`+tokens.RefreshToken+`"}`); resp.StatusCode != 401 {
		t.Errorf("refresh with the rotated-away token: %d, want 401", resp.StatusCode)
	}
	if resp := f.post(t, "/api/auth/logout", `{"refreshToken":"`+again.RefreshToken+`"}`); resp.StatusCode != 204 {
		t.Fatalf("logout: %d %s", resp.StatusCode, resp.Body)
	}
	if resp := f.post(t, "/api/auth/refresh", `{"refreshToken":"`+again.RefreshToken+`"}`); resp.StatusCode != 401 {
		t.Errorf("refresh after logout: %d, want 401", resp.StatusCode)
	}
	if resp := f.post(t, "/api/auth/logout", `{"refreshToken":"never-issued"}`); resp.StatusCode != 204 {
		t.Errorf("logout with an unknown token: %d, want the same 204", resp.StatusCode)
	}
}

func TestAuthFailures(t *testing.T) {
	f := newAuthFixture(t)
	f.confirmAccount(t)
	badCredentials := problem{Type: typeBase + "invalid-credentials", Title: "Invalid credentials", Status: 401,
		Detail: "The email address or the password is wrong."}
	policy := fieldError{Field: "password", Message: domain.PasswordPolicy}
	badEmail := fieldError{Field: "email", Message: "must be an email address such as reader@example.com"}
	withDetail := func(p problem) problem { p.Detail = "One or more fields are invalid."; return p }
	badDevice := fieldError{Field: "device", Message: "must be 22 base64url characters (16 random bytes, no padding)"}

	tests := []struct {
		name, path, body string
		want             problem
	}{
		{"register existing email", "/api/auth/register", credentials, problem{Type: typeBase + "account-exists",
			Title: "Account exists", Status: 409, Detail: "An account with this email address exists: sign in instead."}},
		{"register weak password", "/api/auth/register", `{"email":"new@example.com","password":"password"}`,
			withDetail(validation(policy))},
		{"register short password", "/api/auth/register", `{"email":"new@example.com","password":"Ab1"}`,
			withDetail(validation(policy))},
		{"register bad email and password", "/api/auth/register", `{"email":"new@","password":"ABCDEFGH1"}`,
			withDetail(validation(badEmail, policy))},
		{"register display-name email", "/api/auth/register", `{"email":"Reader <r@example.com>","password":"` + authPassword + `"}`,
			withDetail(validation(badEmail))},
		{"register unknown field", "/api/auth/register", `{"email":"a@example.com","password":"` + authPassword + `","admin":true}`,
			withDetail(validation(fieldError{Field: "admin", Message: "is not a known field"}))},
		{"register missing password", "/api/auth/register", `{"email":"a@example.com"}`,
			withDetail(validation(fieldError{Field: "password", Message: "is required"}))},
		{"register password of the wrong type", "/api/auth/register", `{"email":"a@example.com","password":12345678}`,
			withDetail(validation(fieldError{Field: "password", Message: "must be a string"}))},
		{"register malformed JSON", "/api/auth/register", `{"email":`, malformedProblem("The request body is not valid JSON: it ends too early.")},
		{"login wrong password", "/api/auth/login", `{"email":"` + authEmail + `","password":"Wrong-pass-1"}`, badCredentials},
		{"login unknown user", "/api/auth/login", `{"email":"nobody@example.com","password":"` + authPassword + `"}`, badCredentials},
		{"login malformed email", "/api/auth/login", `{"email":"nobody","password":"` + authPassword + `"}`, badCredentials},
		{"login null password", "/api/auth/login", `{"email":"` + authEmail + `","password":null}`,
			withDetail(validation(fieldError{Field: "password", Message: "must not be null"}))},
		{"login short device", "/api/auth/login", `{"email":"` + authEmail + `","password":"` + authPassword + `","device":"abc"}`,
			withDetail(validation(badDevice))},
		{"login device with padding", "/api/auth/login", `{"email":"` + authEmail + `","password":"` + authPassword + `","device":"AAAAAAAAAAAAAAAAAAAAAA=="}`,
			withDetail(validation(badDevice))},
		{"login device in standard base64", "/api/auth/login", `{"email":"` + authEmail + `","password":"` + authPassword + `","device":"AAAAAAAAAAAAAAAAAAAA+/"}`,
			withDetail(validation(badDevice))},
		{"login device of the wrong type", "/api/auth/login", `{"email":"` + authEmail + `","password":"` + authPassword + `","device":12}`,
			withDetail(validation(fieldError{Field: "device", Message: "must be a string"}))},
		{"confirm empty code", "/api/auth/confirm", `{"email":"` + authEmail + `","code":""}`,
			withDetail(validation(fieldError{Field: "code", Message: "must be the code from the confirmation email"}))},
		{"refresh unknown token", "/api/auth/refresh", `{"refreshToken":"forged"}`, problem{Type: typeBase + "invalid-refresh-token",
			Title: "Invalid refresh token", Status: 401, Detail: "The refresh token is invalid or has expired: sign in again."}},
		{"refresh empty token", "/api/auth/refresh", `{"refreshToken":" "}`,
			withDetail(validation(fieldError{Field: "refreshToken", Message: "is required"}))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeProblem(t, f.post(t, tt.path, tt.body))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problem (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAuthRejectsOtherMediaTypes(t *testing.T) {
	f := newAuthFixture(t)
	resp, _ := f.handler.Handle(context.Background(), newEvent(t, "POST", "/api/auth/login",
		body2("application/x-www-form-urlencoded", "email=a&password=b")))
	if p := decodeProblem(t, resp); p.Status != 415 {
		t.Fatalf("status %d, want 415", p.Status)
	}
}

// TestAuthAnswersTellNothingAboutAccounts: an unknown email, a wrong
// password and an account throttled for new clients get the same status and
// body; resend answers alike for unknown, unconfirmed and confirmed
// accounts; a client that sent too many attempts gets 429 whatever the
// email.
func TestAuthAnswersTellNothingAboutAccounts(t *testing.T) {
	f := newAuthFixture(t)
	ctx := context.Background()
	f.confirmAccount(t)
	from := func(ip, body string) events.APIGatewayV2HTTPResponse { return f.loginFrom(t, ip, body) }
	wrong := `{"email":"` + authEmail + `","password":"Wrong-pass-1"}`
	for i := range 30 { // the account is now throttled for clients it never signed in from
		from(fmt.Sprintf("10.1.0.%d", i), wrong)
	}
	answers := map[string]events.APIGatewayV2HTTPResponse{
		"unknown email":             from("10.2.0.1", `{"email":"nobody@example.com","password":"`+authPassword+`"}`),
		"wrong password":            from("10.2.0.2", `{"email":"other@example.com","password":"Wrong-pass-1"}`),
		"throttled, right password": from("10.2.0.3", credentials),
	}
	for name, resp := range answers {
		if resp.StatusCode != 401 || resp.Body != answers["unknown email"].Body {
			t.Errorf("%s: %d %s; want the unknown email's answer %s", name, resp.StatusCode, resp.Body, answers["unknown email"].Body)
		}
	}
	if _, err := f.idp.SignUp(ctx, "pending@example.com", authPassword); err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{authEmail, "pending@example.com", "nobody@example.com"} {
		if resp := f.post(t, "/api/auth/resend", `{"email":"`+email+`"}`); resp.StatusCode != 204 || resp.Body != "" {
			t.Errorf("resend for %s: %d %s, want 204", email, resp.StatusCode, resp.Body)
		}
	}
	var last events.APIGatewayV2HTTPResponse
	for range 40 {
		last = from("10.3.0.1", `{"email":"x@example.com","password":"Wrong-pass-1"}`)
	}
	want := problem{Type: typeBase + "too-many-requests", Title: "Too many requests", Status: 429,
		Detail: "Too many attempts: wait a few minutes, then try again."}
	if diff := cmp.Diff(want, decodeProblem(t, last)); diff != "" {
		t.Fatalf("a client over its budget (-want +got):\n%s", diff)
	}
}

// TestAuthLoginPassesTheDeviceOn: the device id of POST /api/auth/login
// reaches the use case: after the owner signed in with it from one address,
// it signs them in from another while the account is throttled for new
// clients, which refuses the same request without it. Every request and
// answer is valid for openapi.json.
func TestAuthLoginPassesTheDeviceOn(t *testing.T) {
	f := newAuthFixture(t)
	f.confirmAccount(t)
	from := func(ip, body string) events.APIGatewayV2HTTPResponse { return f.loginFrom(t, ip, body) }
	const device = "Xk3_a-9QzR0bT7uVwY2c1A"
	withDevice := `{"email":"` + authEmail + `","password":"` + authPassword + `","device":"` + device + `"}`
	decodeTokens(t, from("198.51.100.7", withDevice))
	for i := range 30 { // the account is now throttled for clients it never signed in from
		from(fmt.Sprintf("10.1.0.%d", i), `{"email":"`+authEmail+`","password":"Wrong-pass-1","device":"AAAAAAAAAAAAAAAAAAAAAA"}`)
	}
	if resp := from("192.0.2.44", credentials); resp.StatusCode != 401 {
		t.Fatalf("a new address without the device: %d %s, want 401", resp.StatusCode, resp.Body)
	}
	decodeTokens(t, from("192.0.2.44", withDevice))
	if resp := from("192.0.2.45", `{"email":"`+authEmail+`","password":"`+authPassword+`","device":"`+device+`x"}`); resp.StatusCode != 400 {
		t.Errorf("a 23-character device: %d %s, want 400", resp.StatusCode, resp.Body)
	}
}

func TestAuthAndCatalogRoutesBelongToTheirFunctions(t *testing.T) {
	f := newAuthFixture(t)
	if resp := f.serveGet(t, "/api/books"); resp.StatusCode != 404 {
		t.Errorf("auth-only handler: GET /api/books = %d, want 404", resp.StatusCode)
	}
	catalogOnly := newFixture(t)
	if resp := catalogOnly.serve(t, newEvent(t, "POST", "/api/auth/login", jsonBody(credentials))); resp.StatusCode != 404 {
		t.Errorf("catalog-only handler: POST /api/auth/login = %d, want 404", resp.StatusCode)
	}
	if resp := f.serveGet(t, "/api/auth/login"); resp.StatusCode != 405 || resp.Headers["Allow"] != "POST, OPTIONS" {
		t.Errorf("GET /api/auth/login = %d Allow %q, want 405 with Allow: POST, OPTIONS", resp.StatusCode, resp.Headers["Allow"])
	}
}

func (f *authFixture) serveGet(t *testing.T, path string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	resp, err := f.handler.Handle(context.Background(), newEvent(t, "GET", path))
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// TestAuthRegisterIsLimitedPerAddress: one client address gets
// SignUpsPerClient registrations an hour, then 429 (a problem that names
// no account); another address still registers.
func TestAuthRegisterIsLimitedPerAddress(t *testing.T) {
	f := newAuthFixture(t)
	register := func(ip string, i int) events.APIGatewayV2HTTPResponse {
		return f.postFrom(t, "/api/auth/register", ip, fmt.Sprintf(`{"email":"new%02d@example.com","password":%q}`, i, authPassword))
	}
	for i := range app.DefaultAuthLimits.SignUpsPerClient {
		if resp := register("198.51.100.7", i); resp.StatusCode != 201 {
			t.Fatalf("sign-up %d: %d %s", i, resp.StatusCode, resp.Body)
		}
	}
	resp := register("198.51.100.7", 99)
	if resp.StatusCode != 429 || resp.Headers["Content-Type"] != "application/problem+json" || strings.Contains(resp.Body, "new99") {
		t.Fatalf("one sign-up too many: %d %v %s; want 429 problem+json naming no account", resp.StatusCode, resp.Headers, resp.Body)
	}
	if resp := register("203.0.113.9", 98); resp.StatusCode != 201 {
		t.Fatalf("a sign-up from another address: %d %s", resp.StatusCode, resp.Body)
	}
}

// TestAuthPasswordReset: forgot answers 202 alike for known and unknown
// accounts and 429 to an address over its budget; reset answers a wrong
// code as confirm does (400 naming code), a weak password with 400 naming
// password, and 204 once the new password is set: the old one then fails
// and the new one signs in. Every exchange is checked against openapi.json.
func TestAuthPasswordReset(t *testing.T) {
	f := newAuthFixture(t)
	f.confirmAccount(t)
	const ip, newPass = "10.9.0.1", "Children-of-Dune-1976"
	for _, email := range []string{authEmail, "nobody@example.com"} {
		if resp := f.postFrom(t, "/api/auth/password/forgot", ip, `{"email":"`+email+`"}`); resp.StatusCode != 202 || resp.Body != "" {
			t.Fatalf("forgot for %s: %d %s, want 202", email, resp.StatusCode, resp.Body)
		}
	}
	if p := decodeProblem(t, f.postFrom(t, "/api/auth/password/forgot", ip, `{"email":`)); p.Status != 400 {
		t.Errorf("forgot with a malformed body: %d, want 400", p.Status)
	}
	code, ok := f.idp.ResetCode(authEmail)
	if !ok {
		t.Fatal("no reset code")
	}
	reset := func(code, password string) events.APIGatewayV2HTTPResponse {
		return f.postFrom(t, "/api/auth/password/reset", ip, `{"email":"`+authEmail+`","code":"`+code+`","password":"`+password+`"}`)
	}
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	wantCode := validation(fieldError{Field: "code", Message: "is wrong or has expired"})
	wantCode.Detail = "One or more fields are invalid."
	for name, resp := range map[string]events.APIGatewayV2HTTPResponse{
		"wrong code":      reset(wrong, newPass),
		"unknown account": f.postFrom(t, "/api/auth/password/reset", ip, `{"email":"nobody@example.com","code":"`+code+`","password":"`+newPass+`"}`),
	} {
		if diff := cmp.Diff(wantCode, decodeProblem(t, resp)); diff != "" {
			t.Errorf("%s (-want +got):\n%s", name, diff)
		}
	}
	wantWeak := validation(fieldError{Field: "password", Message: domain.PasswordPolicy})
	wantWeak.Detail = "One or more fields are invalid."
	if diff := cmp.Diff(wantWeak, decodeProblem(t, reset(code, "password"))); diff != "" {
		t.Errorf("weak password (-want +got):\n%s", diff)
	}
	if resp := reset(code, newPass); resp.StatusCode != 204 || resp.Body != "" {
		t.Fatalf("reset: %d %s", resp.StatusCode, resp.Body)
	}
	if resp := f.loginFrom(t, ip, credentials); resp.StatusCode != 401 {
		t.Errorf("the old password: %d, want 401", resp.StatusCode)
	}
	if resp := f.loginFrom(t, ip, `{"email":"`+authEmail+`","password":"`+newPass+`"}`); resp.StatusCode != 200 {
		t.Errorf("the new password: %d %s", resp.StatusCode, resp.Body)
	}
	var last events.APIGatewayV2HTTPResponse
	for range app.DefaultAuthLimits.SignUpsPerClient {
		last = f.postFrom(t, "/api/auth/password/forgot", ip, `{"email":"x@example.com"}`)
	}
	if p := decodeProblem(t, last); p.Status != 429 {
		t.Errorf("forgot past the address's budget: %d, want 429", p.Status)
	}
}
