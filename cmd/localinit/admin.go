package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ensureAdmin makes the local administrator exist, confirmed, with its
// password and in app.AdminGroup, through the identity provider
// (cognito-local). A re-run finds the account and only repeats the
// idempotent steps.
func (s *stack) ensureAdmin(ctx context.Context) error {
	email, password := s.cfg.AdminEmail, s.cfg.AdminPassword
	res, err := s.idp.SignUp(ctx, email, password)
	switch {
	case errors.Is(err, domain.ErrUserExists):
		// An earlier run may have stopped before confirming: confirm again and
		// ignore "already confirmed".
		if err := s.idp.AdminConfirm(ctx, email); err != nil {
			s.log.Debug("admin already confirmed", "err", err)
		}
	case err != nil:
		return fmt.Errorf("sign up %s: %w", email, err)
	case !res.Confirmed:
		if err := s.idp.AdminConfirm(ctx, email); err != nil {
			return fmt.Errorf("confirm %s: %w", email, err)
		}
	}
	if err := s.idp.AddToGroup(ctx, email, app.AdminGroup); err != nil {
		return fmt.Errorf("add %s to %s: %w", email, app.AdminGroup, err)
	}
	return nil
}

// signIn signs the administrator in through the gateway
// (POST /api/auth/login), as the web app does, and keeps the access token
// for the seeding requests.
func (s *stack) signIn(ctx context.Context) error {
	var tokens struct {
		AccessToken string `json:"accessToken"`
	}
	in := map[string]string{"email": s.cfg.AdminEmail, "password": s.cfg.AdminPassword}
	if err := s.api(ctx, http.MethodPost, "/api/auth/login", in, http.StatusOK, &tokens); err != nil {
		return err
	}
	if tokens.AccessToken == "" {
		return errors.New("POST /api/auth/login: no access token")
	}
	s.token = tokens.AccessToken
	return nil
}
