// Package cognito implements app.IdentityProvider on an Amazon Cognito
// user pool whose users sign in with their email (UsernameAttributes email)
// through an app client without a secret that allows USER_PASSWORD_AUTH and
// REFRESH_TOKEN_AUTH. The same code talks to cognito-local when Endpoint is
// set.
//
// Cognito's error codes are translated into the domain's identity errors
// (see errors.go); provider messages never reach clients.
package cognito
