package cognito

// IAMActions maps each method of app.IdentityProvider
// ("IdentityProvider.Method") to the IAM actions its Cognito calls need (see
// the deploy package's least-privilege test). SignUp, ConfirmSignUp,
// InitiateAuth, RevokeToken, ResendConfirmationCode, ForgotPassword and
// ConfirmForgotPassword (the reset itself) are unauthenticated
// Cognito APIs that the app client calls with its client id: they need no IAM
// permission. The Admin* calls are signed and need one.
var IAMActions = map[string][]string{
	"IdentityProvider.SignUp":             nil,
	"IdentityProvider.ConfirmSignUp":      nil,
	"IdentityProvider.SignIn":             nil,
	"IdentityProvider.Refresh":            nil,
	"IdentityProvider.AddToGroup":         {"cognito-idp:AdminAddUserToGroup"},
	"IdentityProvider.AdminConfirm":       {"cognito-idp:AdminConfirmSignUp"},
	"IdentityProvider.RevokeRefreshToken": nil,
	"IdentityProvider.ResendCode":         nil,
	"IdentityProvider.ForgotPassword":     nil,
	// The reset, then a sign-out everywhere (every refresh token revoked).
	"IdentityProvider.ConfirmForgotPassword": {"cognito-idp:AdminUserGlobalSignOut"},
	// Read the account's status and age, then delete it.
	"IdentityProvider.DeleteUnconfirmed": {"cognito-idp:AdminGetUser", "cognito-idp:AdminDeleteUser"},
}
