package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/bookshop/bookshop/adapters/httpbridge"
	"github.com/bookshop/bookshop/adapters/jwtauth"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// authPath is where the embedded identity provider serves its issuer URL
// (JWKS, OpenID configuration); tokens carry iss = PublicURL + authPath.
const authPath = "/_auth"

// Local-only administrator defaults (BOOKSHOP_ADMIN_EMAIL,
// BOOKSHOP_ADMIN_PASSWORD). The embedded mode keeps everything in memory and
// is meant for one developer's machine; never expose it with these.
const (
	defaultAdminEmail    = "admin@bookshop.local"
	defaultAdminPassword = "Bookshop-local-1"
)

// newIdentityOptions configures the embedded identity provider: its issuer
// is served by this process, and confirmation codes go to the log, as a
// stand-in for the email Cognito would send.
func newIdentityOptions(cfg config, logger *slog.Logger, store localidp.Store) localidp.Options {
	return localidp.Options{Issuer: cfg.PublicURL + authPath, Key: cfg.IdentityKey, BcryptCost: cfg.BcryptCost, Logger: logger, Store: store}
}

// newVerifier checks tokens as the HTTP API's JWT authorizer on AWS does
// (RS256 from the issuer's JWKS, exact issuer, this app client, access
// tokens only). It reads the JWKS in-process, through the provider's own
// handler, so it works whatever BOOKSHOP_PUBLIC_URL points at.
func newVerifier(idp *localidp.Provider) (*jwtauth.Verifier, error) {
	return jwtauth.New(jwtauth.Config{
		Issuer:     idp.Issuer(),
		Audience:   []string{idp.ClientID()},
		TokenUse:   jwtauth.TokenUseAccess,
		HTTPClient: &http.Client{Transport: inProcessTransport{idp.Handler()}},
	})
}

// newAuthorizer is the bridge's stand-in for API Gateway's JWT authorizer.
func newAuthorizer(v *jwtauth.Verifier) httpbridge.Authorizer {
	return func(ctx context.Context, token string) (map[string]string, error) {
		claims, err := v.Verify(ctx, token)
		return claims, err
	}
}

// inProcessTransport answers HTTP requests with a handler of this process.
type inProcessTransport struct{ handler http.Handler }

// RoundTrip serves req with the handler and returns what it wrote.
func (t inProcessTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	w := &responseBuffer{header: http.Header{}, status: http.StatusOK}
	t.handler.ServeHTTP(w, req)
	return &http.Response{
		StatusCode: w.status, Status: http.StatusText(w.status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: w.header, Body: io.NopCloser(&w.body), ContentLength: int64(w.body.Len()), Request: req,
	}, nil
}

// responseBuffer is the http.ResponseWriter of inProcessTransport.
type responseBuffer struct {
	header http.Header
	status int
	wrote  bool
	body   bytes.Buffer
}

func (w *responseBuffer) Header() http.Header { return w.header }

func (w *responseBuffer) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
}

func (w *responseBuffer) Write(p []byte) (int, error) {
	w.wrote = true
	return w.body.Write(p)
}

// adminAccount is the administrator created at start-up.
type adminAccount struct{ Email string }

// newAdminAccount creates a confirmed account in app.AdminGroup with the
// configured email and password, so that the shop can be administered
// locally, and logs how to sign in. When the account exists (a data
// directory from an earlier start) it is kept, with the password it was
// created with, and made a confirmed administrator again.
func newAdminAccount(ctx context.Context, cfg config, idp app.IdentityProvider, logger *slog.Logger) (adminAccount, error) {
	email, err := domain.NormalizeEmail(cfg.AdminEmail)
	if err != nil {
		return adminAccount{}, fmt.Errorf("BOOKSHOP_ADMIN_EMAIL %q: %w", cfg.AdminEmail, err)
	}
	if err := domain.CheckPassword(cfg.AdminPassword); err != nil {
		return adminAccount{}, fmt.Errorf("BOOKSHOP_ADMIN_PASSWORD %s", domain.PasswordPolicy)
	}
	_, err = idp.SignUp(ctx, email, cfg.AdminPassword)
	existed := errors.Is(err, domain.ErrUserExists)
	if err != nil && !existed {
		return adminAccount{}, fmt.Errorf("create administrator: %w", err)
	}
	if err := idp.AdminConfirm(ctx, email); err != nil {
		return adminAccount{}, fmt.Errorf("confirm administrator: %w", err)
	}
	if err := idp.AddToGroup(ctx, email, app.AdminGroup); err != nil {
		return adminAccount{}, fmt.Errorf("make administrator: %w", err)
	}
	password := "(BOOKSHOP_ADMIN_PASSWORD)"
	switch {
	case existed:
		password = "(the one it was created with: the account is kept in the data directory)"
	case cfg.AdminPassword == defaultAdminPassword:
		password = defaultAdminPassword + " (local-only default; set BOOKSHOP_ADMIN_PASSWORD)"
	}
	logger.InfoContext(ctx, "administrator ready: POST /api/auth/login with this email and password, then send Authorization: Bearer <accessToken>",
		"email", email, "password", password, "login", cfg.PublicURL+"/api/auth/login")
	return adminAccount{Email: email}, nil
}
