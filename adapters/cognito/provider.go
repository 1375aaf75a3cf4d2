package cognito

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/google/wire"

	"github.com/bookshop/bookshop/adapters/internal/awsfault"
	"github.com/bookshop/bookshop/app"
)

var _ app.IdentityProvider = (*Provider)(nil)

// UserPoolID names the user pool, e.g. "eu-west-1_AbCdEf".
type UserPoolID string

// ClientID names the app client (without a secret).
type ClientID string

// Endpoint overrides the Cognito endpoint, e.g. "http://cognito:9229" for
// cognito-local. Empty means the AWS endpoint of the config's region.
type Endpoint string

// ProviderSet provides the Cognito IdentityProvider as app.IdentityProvider.
// Its inputs are an aws.Config, an Endpoint, a UserPoolID and a ClientID.
var ProviderSet = wire.NewSet(NewClient, New, wire.Bind(new(app.IdentityProvider), new(*Provider)))

// NewClient returns a Cognito client for cfg, talking to endpoint when set.
func NewClient(cfg aws.Config, endpoint Endpoint) (*cip.Client, error) {
	if cfg.Region == "" {
		return nil, errors.New("cognito.NewClient: the aws.Config names no region")
	}
	return cip.NewFromConfig(cfg, func(o *cip.Options) {
		o.APIOptions = append(o.APIOptions, awsfault.Middleware("Cognito"))
		if endpoint != "" {
			o.BaseEndpoint = aws.String(string(endpoint))
		}
	}), nil
}

// Provider is the Cognito IdentityProvider. It is safe for concurrent use.
type Provider struct {
	client   *cip.Client
	poolID   string
	clientID string
}

// New returns the provider for the pool and app client. The Admin* calls
// need IAM permission (see IAMActions); the others need none.
func New(client *cip.Client, pool UserPoolID, clientID ClientID) (*Provider, error) {
	switch {
	case client == nil:
		return nil, errors.New("cognito.New: nil client")
	case pool == "":
		return nil, errors.New("cognito.New: no user pool id")
	case clientID == "":
		return nil, errors.New("cognito.New: no app client id")
	}
	return &Provider{client: client, poolID: string(pool), clientID: string(clientID)}, nil
}

// SignUp registers the user; Cognito emails the confirmation code.
func (p *Provider) SignUp(ctx context.Context, email, password string) (app.SignUpResult, error) {
	out, err := p.client.SignUp(ctx, &cip.SignUpInput{
		ClientId: aws.String(p.clientID), Username: aws.String(email), Password: aws.String(password),
		UserAttributes: []types.AttributeType{{Name: aws.String("email"), Value: aws.String(email)}},
	})
	if err != nil {
		return app.SignUpResult{}, translate("sign up", err, call{op: opSignUp})
	}
	return app.SignUpResult{UserID: aws.ToString(out.UserSub), Confirmed: out.UserConfirmed}, nil
}

// ConfirmSignUp confirms the user with the emailed code.
func (p *Provider) ConfirmSignUp(ctx context.Context, email, code string) error {
	_, err := p.client.ConfirmSignUp(ctx, &cip.ConfirmSignUpInput{
		ClientId: aws.String(p.clientID), Username: aws.String(email), ConfirmationCode: aws.String(code),
	})
	return translate("confirm sign-up", err, call{op: opConfirm})
}

// SignIn runs the USER_PASSWORD_AUTH flow.
func (p *Provider) SignIn(ctx context.Context, email, password string) (app.Tokens, error) {
	out, err := p.client.InitiateAuth(ctx, &cip.InitiateAuthInput{
		ClientId: aws.String(p.clientID), AuthFlow: types.AuthFlowTypeUserPasswordAuth,
		AuthParameters: map[string]string{"USERNAME": email, "PASSWORD": password},
	})
	if err != nil {
		return app.Tokens{}, translate("sign in", err, call{op: opSignIn})
	}
	return tokens(out)
}

// Refresh runs the REFRESH_TOKEN_AUTH flow.
func (p *Provider) Refresh(ctx context.Context, refreshToken string) (app.Tokens, error) {
	out, err := p.client.InitiateAuth(ctx, &cip.InitiateAuthInput{
		ClientId: aws.String(p.clientID), AuthFlow: types.AuthFlowTypeRefreshTokenAuth,
		AuthParameters: map[string]string{"REFRESH_TOKEN": refreshToken},
	})
	if err != nil {
		return app.Tokens{}, translate("refresh", err, call{op: opRefresh})
	}
	return tokens(out)
}

// RevokeRefreshToken revokes the refresh token with RevokeToken (the app
// client must have token revocation enabled, the default for new clients):
// Cognito then also refuses the access tokens it issued. Cognito rotates
// refresh tokens only with refresh token rotation turned on for the client
// (then GetTokensFromRefreshToken); this pool keeps them for their
// lifetime, so signing out revokes them.
func (p *Provider) RevokeRefreshToken(ctx context.Context, refreshToken string) error {
	_, err := p.client.RevokeToken(ctx, &cip.RevokeTokenInput{ClientId: aws.String(p.clientID), Token: aws.String(refreshToken)})
	return translate("revoke token", err, call{op: opRefresh})
}

// ResendCode asks Cognito to email a new confirmation code
// (ResendConfirmationCode); Cognito's own limits on codes apply too.
func (p *Provider) ResendCode(ctx context.Context, email string) error {
	_, err := p.client.ResendConfirmationCode(ctx, &cip.ResendConfirmationCodeInput{ClientId: aws.String(p.clientID), Username: aws.String(email)})
	return translate("resend code", err, call{op: opResend, user: email})
}

// ForgotPassword asks Cognito to email a password reset code
// (ForgotPassword). Cognito refuses unknown users, and users with no
// verified email (unconfirmed ones): both are a *domain.NotFoundError. A pool
// with PreventUserExistenceErrors answers them with success instead.
func (p *Provider) ForgotPassword(ctx context.Context, email string) error {
	_, err := p.client.ForgotPassword(ctx, &cip.ForgotPasswordInput{ClientId: aws.String(p.clientID), Username: aws.String(email)})
	return translate("forgot password", err, call{op: opForgot, user: email})
}

// ConfirmForgotPassword sets the new password with the emailed code
// (ConfirmForgotPassword), then signs the user out everywhere
// (AdminUserGlobalSignOut: every refresh token issued before stops working;
// it needs IAM permission for cognito-idp:AdminUserGlobalSignOut). A
// Cognito stand-in that lacks the sign-out (cognito-local) keeps the old
// sessions. A sign-out that fails after the password changed is reported:
// the caller asks for a new code and resets again.
func (p *Provider) ConfirmForgotPassword(ctx context.Context, email, code, newPassword string) error {
	_, err := p.client.ConfirmForgotPassword(ctx, &cip.ConfirmForgotPasswordInput{
		ClientId: aws.String(p.clientID), Username: aws.String(email),
		ConfirmationCode: aws.String(code), Password: aws.String(newPassword),
	})
	if err != nil {
		return translate("confirm forgot password", err, call{op: opConfirm})
	}
	_, err = p.client.AdminUserGlobalSignOut(ctx, &cip.AdminUserGlobalSignOutInput{
		UserPoolId: aws.String(p.poolID), Username: aws.String(email),
	})
	if err := translate("sign out everywhere after a password reset", err, call{op: opAdmin, user: email}); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	return nil
}

// DeleteUnconfirmed deletes the user with AdminDeleteUser when AdminGetUser
// says it is UNCONFIRMED and was created before createdBefore. It needs IAM
// permission for cognito-idp:AdminGetUser and cognito-idp:AdminDeleteUser.
func (p *Provider) DeleteUnconfirmed(ctx context.Context, email string, createdBefore time.Time) (bool, error) {
	out, err := p.client.AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: aws.String(p.poolID), Username: aws.String(email)})
	if err != nil {
		return false, translate("get user", err, call{op: opAdmin, user: email})
	}
	if out.UserStatus != types.UserStatusTypeUnconfirmed || out.UserCreateDate == nil || !out.UserCreateDate.Before(createdBefore) {
		return false, nil
	}
	_, err = p.client.AdminDeleteUser(ctx, &cip.AdminDeleteUserInput{UserPoolId: aws.String(p.poolID), Username: aws.String(email)})
	if err != nil {
		return false, translate("delete unconfirmed user", err, call{op: opAdmin, user: email})
	}
	return true, nil
}

// AddToGroup adds the user to a group of the pool.
func (p *Provider) AddToGroup(ctx context.Context, email, group string) error {
	_, err := p.client.AdminAddUserToGroup(ctx, &cip.AdminAddUserToGroupInput{
		UserPoolId: aws.String(p.poolID), Username: aws.String(email), GroupName: aws.String(group),
	})
	return translate("add to group", err, call{op: opAdmin, user: email, group: group})
}

// AdminConfirm confirms the user without a code.
func (p *Provider) AdminConfirm(ctx context.Context, email string) error {
	_, err := p.client.AdminConfirmSignUp(ctx, &cip.AdminConfirmSignUpInput{
		UserPoolId: aws.String(p.poolID), Username: aws.String(email),
	})
	return translate("confirm user", err, call{op: opAdmin, user: email})
}

// tokens reads an authentication result. A flow that ends in a challenge
// (MFA, a new password) is not supported by this pool's configuration.
func tokens(out *cip.InitiateAuthOutput) (app.Tokens, error) {
	r := out.AuthenticationResult
	if r == nil || aws.ToString(r.AccessToken) == "" {
		return app.Tokens{}, errors.New("cognito: authentication ended in challenge " + string(out.ChallengeName))
	}
	t := app.Tokens{
		AccessToken: aws.ToString(r.AccessToken), IDToken: aws.ToString(r.IdToken),
		RefreshToken: aws.ToString(r.RefreshToken), ExpiresIn: time.Duration(r.ExpiresIn) * time.Second,
	}
	if t.ExpiresIn <= 0 {
		t.ExpiresIn = lifetime(t.AccessToken)
	}
	t.UserID = claims(t.AccessToken).Sub
	return t, nil
}

// tokenClaims are the claims read from a token Cognito just issued.
type tokenClaims struct {
	Exp, Iat int64
	Sub      string
}

// claims reads the payload of a token Cognito just issued; the zero value
// when it cannot. The token's signature is verified by whoever accepts it.
func claims(token string) tokenClaims {
	var c tokenClaims
	parts := strings.Split(token, ".")
	if len(parts) != 3 {
		return c
	}
	payload, err := base64.RawURLEncoding.DecodeString(parts[1])
	if err != nil {
		return c
	}
	_ = json.Unmarshal(payload, &c)
	return c
}

// lifetime reads exp - iat from a token Cognito just issued, for servers
// (cognito-local) that leave ExpiresIn out.
func lifetime(token string) time.Duration {
	c := claims(token)
	if c.Exp <= c.Iat {
		return 0
	}
	return time.Duration(c.Exp-c.Iat) * time.Second
}
