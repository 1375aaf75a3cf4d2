package apigw

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// credentialsRequest is the body of POST /api/auth/login: the credentials
// and, optionally, the id the browser made for itself once (app.WithDevice).
type credentialsRequest struct {
	Email    string `json:"email" apigw:"required"`
	Password string `json:"password" apigw:"required"`
	Device   string `json:"device"`
}

// registerRequest is the body of POST /api/auth/register: the credentials
// and an optional display name for the user's reviews.
type registerRequest struct {
	Email    string `json:"email" apigw:"required"`
	Password string `json:"password" apigw:"required"`
	Name     string `json:"name"`
}

// emailRequest is the body of POST /api/auth/resend.
type emailRequest struct {
	Email string `json:"email" apigw:"required"`
}

// confirmRequest is the body of POST /api/auth/confirm.
type confirmRequest struct {
	Email string `json:"email" apigw:"required"`
	Code  string `json:"code" apigw:"required"`
}

// resetRequest is the body of POST /api/auth/password/reset.
type resetRequest struct {
	Email    string `json:"email" apigw:"required"`
	Code     string `json:"code" apigw:"required"`
	Password string `json:"password" apigw:"required"`
}

// refreshRequest is the body of POST /api/auth/refresh.
type refreshRequest struct {
	RefreshToken string `json:"refreshToken" apigw:"required"`
}

var (
	credentialsRequestSchema = schemaOf[credentialsRequest]()
	registerRequestSchema    = schemaOf[registerRequest]()
	emailRequestSchema       = schemaOf[emailRequest]()
	confirmRequestSchema     = schemaOf[confirmRequest]()
	refreshRequestSchema     = schemaOf[refreshRequest]()
	resetRequestSchema       = schemaOf[resetRequest]()
)

// registrationJSON answers a registration.
type registrationJSON struct {
	UserID               string `json:"userId"`
	Email                string `json:"email"`
	ConfirmationRequired bool   `json:"confirmationRequired"`
}

// tokensJSON answers a login or a refresh. expiresIn is in seconds, as in
// OAuth 2.0 token responses.
type tokensJSON struct {
	AccessToken  string `json:"accessToken"`
	IDToken      string `json:"idToken"`
	RefreshToken string `json:"refreshToken"`
	ExpiresIn    int64  `json:"expiresIn"`
	TokenType    string `json:"tokenType"`
}

// register answers POST /api/auth/register: 201 with the new user; a code
// is sent to the email address.
func (h *Handler) register(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in registerRequest
	if err := decodeJSON(&req, registerRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	reg, err := h.auth.Register(app.WithClient(ctx, req.RequestContext.HTTP.SourceIP), in.Email, in.Password, in.Name)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return marshalResponse(201, registrationJSON{UserID: reg.UserID, Email: reg.Email, ConfirmationRequired: reg.ConfirmationRequired})
}

// confirm answers POST /api/auth/confirm: 204 once the account is confirmed.
func (h *Handler) confirm(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in confirmRequest
	if err := decodeJSON(&req, confirmRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.auth.Confirm(ctx, in.Email, in.Code); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return noContent(), nil
}

// login answers POST /api/auth/login: 200 with the tokens.
func (h *Handler) login(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in credentialsRequest
	if err := decodeJSON(&req, credentialsRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	signIn := app.WithClient(ctx, req.RequestContext.HTTP.SourceIP)
	if in.Device != "" {
		if !app.ValidDeviceID(in.Device) {
			return events.APIGatewayV2HTTPResponse{}, fieldError("device",
				fmt.Sprintf("must be %d base64url characters (16 random bytes, no padding)", app.DeviceIDLen))
		}
		signIn = app.WithDevice(signIn, in.Device)
	}
	t, err := h.auth.Login(signIn, in.Email, in.Password)
	switch {
	case errors.Is(err, domain.ErrTooManyAttempts):
		h.metrics.Record(ctx, app.MetricSignInsRateLimited, 1)
		return events.APIGatewayV2HTTPResponse{}, err
	case errors.Is(err, domain.ErrUnauthenticated):
		h.metrics.Record(ctx, app.MetricSignInFailures, 1)
		return events.APIGatewayV2HTTPResponse{}, err
	case err != nil:
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return tokensResponse(t.AccessToken, t.IDToken, t.RefreshToken, t.ExpiresIn)
}

// refresh answers POST /api/auth/refresh: 200 with new tokens.
func (h *Handler) refresh(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in refreshRequest
	if err := decodeJSON(&req, refreshRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	t, err := h.auth.Refresh(ctx, in.RefreshToken)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return tokensResponse(t.AccessToken, t.IDToken, t.RefreshToken, t.ExpiresIn)
}

// resend answers POST /api/auth/resend: 204 whether or not the account
// exists or needs a code, so the answer tells nothing about accounts.
func (h *Handler) resend(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in emailRequest
	if err := decodeJSON(&req, emailRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.auth.ResendCode(ctx, in.Email); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return noContent(), nil
}

// forgotPassword answers POST /api/auth/password/forgot: 202 whether or
// not the account exists (a reset code is emailed if it does), so the
// answer tells nothing about accounts; 429 for a client address over its
// budget.
func (h *Handler) forgotPassword(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in emailRequest
	if err := decodeJSON(&req, emailRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.auth.RequestPasswordReset(app.WithClient(ctx, req.RequestContext.HTTP.SourceIP), in.Email); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp := noContent()
	resp.StatusCode = 202
	return resp, nil
}

// resetPassword answers POST /api/auth/password/reset: 204 once the new
// password is set; a wrong code is a 400 naming "code", as for confirm.
func (h *Handler) resetPassword(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in resetRequest
	if err := decodeJSON(&req, resetRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.auth.ResetPassword(ctx, in.Email, in.Code, in.Password); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return noContent(), nil
}

// logout answers POST /api/auth/logout: 204 once the refresh token is
// revoked (also when it was unknown or revoked already).
func (h *Handler) logout(ctx context.Context, req events.APIGatewayV2HTTPRequest, _ pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in refreshRequest
	if err := decodeJSON(&req, refreshRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.auth.Logout(ctx, in.RefreshToken); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return noContent(), nil
}

// tokensResponse encodes tokens; responses carrying them must not be cached.
func tokensResponse(access, id, refresh string, expiresIn time.Duration) (events.APIGatewayV2HTTPResponse, error) {
	resp, err := marshalResponse(200, tokensJSON{
		AccessToken: access, IDToken: id, RefreshToken: refresh, ExpiresIn: int64(expiresIn / time.Second), TokenType: "Bearer",
	})
	if err == nil {
		resp.Headers["Cache-Control"] = "no-store"
	}
	return resp, err
}
