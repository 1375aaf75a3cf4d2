// Package jwtauth verifies bearer tokens as strictly as API Gateway's JWT
// authorizer does, for the places where no API Gateway stands in front of the
// handler (the local gateway, the embedded mode).
//
// A token is accepted only when it is a compact JWS signed with RS256 by a key
// whose kid is in the issuer's JWKS, its iss equals the configured issuer
// exactly, it has not expired (exp is required; nbf and iat are checked too,
// with a small leeway), its token_use is the one required, and its audience
// — aud for id tokens, client_id for access tokens (which have no aud) — is
// one of the configured app client ids. Claims come back in the shape API
// Gateway puts in requestContext.authorizer.jwt.claims.
package jwtauth
