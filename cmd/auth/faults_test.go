package main

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/cognito/cognitotest"
	"github.com/bookshop/bookshop/adapters/jwtauth"
)

// signInTimeout is the function's timeout in this test: shorter than the
// template's 10 s to keep it quick.
const signInTimeout = 4 * time.Second

// TestSignInWhileCognitoIsPaused freezes cognito-local: sign-in answers a
// 503 problem with Retry-After within the function's timeout, while an
// access token issued before keeps passing the gateway's verifier, whose
// keys are cached (no request to Cognito per token). Once Cognito runs
// again, sign-in works without restarting anything.
func TestSignInWhileCognitoIsPaused(t *testing.T) {
	srv, fault := cognitotest.Own(t)
	url, pool := startFunctionOn(t, srv, signInTimeout)
	creds := `{"email":"reader@example.com","password":"Correct-Horse-9"}`
	if status, body := post(t, url+"/api/auth/register", creds); status != 201 {
		t.Fatalf("register: %d %v", status, body)
	}
	if status, body := post(t, url+"/api/auth/confirm", `{"email":"reader@example.com","code":"`+cognitotest.Code+`"}`); status != 204 {
		t.Fatalf("confirm: %d %v", status, body)
	}
	status, tokens := post(t, url+"/api/auth/login", creds)
	if status != 200 {
		t.Fatalf("login: %d %v", status, tokens)
	}
	access, _ := tokens["accessToken"].(string)
	verifier, err := jwtauth.New(jwtauth.Config{Issuer: pool.Issuer, Audience: []string{string(pool.ClientID)}, JWKSURL: pool.JWKSURL,
		HTTPClient: &http.Client{Timeout: time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := verifier.Verify(context.Background(), access); err != nil {
		t.Fatalf("verify before the fault: %v", err)
	}

	fault.Pause()
	start := time.Now()
	resp, err := http.Post(url+"/api/auth/login", "application/json", strings.NewReader(creds))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if elapsed := time.Since(start); resp.StatusCode != 503 || resp.Header.Get("Retry-After") == "" ||
		resp.Header.Get("Content-Type") != "application/problem+json" || elapsed > signInTimeout {
		t.Errorf("login while Cognito is paused: %d %v after %v, want a 503 problem with Retry-After within %v",
			resp.StatusCode, resp.Header, elapsed, signInTimeout)
	}
	if _, err := verifier.Verify(context.Background(), access); err != nil {
		t.Errorf("an issued token while Cognito is paused: %v, want it accepted with the cached keys", err)
	}
	fault.Unpause()

	if status, body := post(t, url+"/api/auth/login", creds); status != 200 {
		t.Errorf("login once Cognito is back: %d %v", status, body)
	}
}
