// Package localidp is an embedded identity provider for the embedded mode
// and tests: it implements app.IdentityProvider without AWS. Accounts,
// refresh tokens and the signing key live in a Store: MemoryStore, gone
// with the process, or BoltStore, in the embedded mode's bbolt file, so
// accounts and the tokens issued before a restart stay valid after it.
//
// It behaves like an Amazon Cognito user pool whose users sign in with their
// email: passwords are stored as bcrypt hashes, sign-ups are confirmed with
// a six-digit code (logged at info level and readable through
// ConfirmationCode, since no email is sent), forgotten passwords are reset
// with a six-digit code logged the same way (ResetCode), which revokes the
// account's refresh tokens, and tokens are RS256 JWTs whose
// claims have the shape of Cognito's access and id tokens (iss, sub,
// client_id or aud, token_use, cognito:groups, auth_time, jti, exp, iat,
// username or cognito:username and email). The public key is served as a JWKS
// with an OpenID configuration (Handler), so the same verifier that checks
// Cognito tokens checks these.
package localidp
