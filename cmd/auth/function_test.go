package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/cognito/cognitotest"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/httpbridge"
	"github.com/bookshop/bookshop/adapters/jwtauth"
)

func TestMain(m *testing.M) { os.Exit(dynamotest.Wrap(cognitotest.Wrap(m.Run))()) }

// startFunction builds the auth function with its wire injector from
// environment variables, against a fresh cognito-local user pool, and serves
// it over HTTP through the API Gateway bridge.
func startFunction(t *testing.T) (string, cognitotest.Pool) {
	t.Helper()
	return startFunctionOn(t, cognitotest.Start(t), 0)
}

// startFunctionOn is startFunction on the given cognito-local; a timeout
// above zero gives each invocation Lambda's deadline, as the function's
// Timeout does.
func startFunctionOn(t *testing.T, srv *cognitotest.Server, timeout time.Duration) (string, cognitotest.Pool) {
	t.Helper()
	pool := cognitotest.NewPool(t, srv)
	env := validEnv()
	env["AWS_REGION"] = cognitotest.Region
	env["BOOKSHOP_USER_POOL_ID"] = string(pool.ID)
	env["BOOKSHOP_USER_POOL_CLIENT_ID"] = string(pool.ClientID)
	env["BOOKSHOP_COGNITO_ENDPOINT"] = string(srv.Endpoint)
	ddb := dynamotest.Start(t)
	env["BOOKSHOP_TABLE"] = string(dynamotest.NewTable(t, ddb.DB))
	env["BOOKSHOP_DYNAMODB_ENDPOINT"] = string(ddb.Endpoint)
	env["LOG_LEVEL"] = "error"
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"AWS_ACCESS_KEY_ID": "dummy", "AWS_SECRET_ACCESS_KEY": "dummy",
		"AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull} {
		t.Setenv(k, v)
	}
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	handle := h.Handle
	if timeout > 0 {
		handle = func(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			ctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			return h.Handle(ctx, ev)
		}
	}
	s := httptest.NewServer(httpbridge.NewHandler(handle, httpbridge.WithLogger(slog.New(slog.DiscardHandler))))
	t.Cleanup(s.Close)
	return s.URL, pool
}

func post(t *testing.T, url, body string) (int, map[string]any) {
	t.Helper()
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if resp.StatusCode != http.StatusNoContent {
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatalf("POST %s: %d, undecodable body: %v", url, resp.StatusCode, err)
		}
	}
	return resp.StatusCode, out
}

func TestAuthFunctionOnCognitoLocal(t *testing.T) {
	url, pool := startFunction(t)
	creds := `{"email":"reader@example.com","password":"Correct-Horse-9"}`
	if status, body := post(t, url+"/api/auth/register", creds); status != 201 || body["confirmationRequired"] != true {
		t.Fatalf("register: %d %v", status, body)
	}
	if status, body := post(t, url+"/api/auth/register", creds); status != 409 {
		t.Fatalf("register again: %d %v, want 409", status, body)
	}
	if status, body := post(t, url+"/api/auth/login", creds); status != 403 {
		t.Fatalf("login before confirm: %d %v, want 403", status, body)
	}
	if status, body := post(t, url+"/api/auth/confirm", `{"email":"reader@example.com","code":"000000"}`); status != 400 {
		t.Fatalf("wrong code: %d %v, want 400", status, body)
	}
	if status, body := post(t, url+"/api/auth/confirm", `{"email":"reader@example.com","code":"`+cognitotest.Code+`"}`); status != 204 {
		t.Fatalf("confirm: %d %v, want 204", status, body)
	}
	wrong, wrongBody := post(t, url+"/api/auth/login", `{"email":"reader@example.com","password":"Wrong-Horse-9"}`)
	unknown, unknownBody := post(t, url+"/api/auth/login", `{"email":"nobody@example.com","password":"Correct-Horse-9"}`)
	if wrong != 401 || unknown != 401 || wrongBody["detail"] != unknownBody["detail"] || wrongBody["type"] != unknownBody["type"] {
		t.Fatalf("wrong password %d %v / unknown user %d %v: want the same 401", wrong, wrongBody, unknown, unknownBody)
	}
	status, tokens := post(t, url+"/api/auth/login", creds)
	if status != 200 {
		t.Fatalf("login: %d %v", status, tokens)
	}
	v, err := jwtauth.New(jwtauth.Config{Issuer: pool.Issuer, Audience: []string{string(pool.ClientID)}, JWKSURL: pool.JWKSURL})
	if err != nil {
		t.Fatal(err)
	}
	access, _ := tokens["accessToken"].(string)
	if _, err := v.Verify(context.Background(), access); err != nil {
		t.Fatalf("the access token does not pass the strict verifier: %v", err)
	}
	refresh, _ := tokens["refreshToken"].(string)
	status, again := post(t, url+"/api/auth/refresh", `{"refreshToken":"`+refresh+`"}`)
	if status != 200 || again["refreshToken"] != refresh { // this pool does not rotate refresh tokens
		t.Fatalf("refresh: %d %v", status, again)
	}
	if status, body := post(t, url+"/api/auth/resend", `{"email":"nobody@example.com"}`); status != 204 {
		t.Fatalf("resend for an unknown account: %d %v, want 204", status, body)
	}
	if status, body := post(t, url+"/api/auth/resend", `{"email":"reader@example.com"}`); status != 204 {
		t.Fatalf("resend for a confirmed account: %d %v, want 204", status, body)
	}
	if status, body := post(t, url+"/api/auth/logout", `{"refreshToken":"`+refresh+`"}`); status != 204 {
		t.Fatalf("logout: %d %v, want 204", status, body)
	}
	if status, body := post(t, url+"/api/auth/refresh", `{"refreshToken":"forged"}`); status != 401 {
		t.Fatalf("forged refresh token: %d %v, want 401", status, body)
	}
}
