package jwtauth_test

import (
	"context"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// BenchmarkVerify measures verifying a valid access token with the JWKS
// cached: what a protected request pays in the local gateway.
func BenchmarkVerify(b *testing.B) {
	good, _ := testKeys(b)
	srv, _ := jwksServer(b, good)
	v := newVerifier(b, srv.URL, func() time.Time { return now })
	tok := sign(b, good, jose.RS256, kid, accessClaims())
	ctx := context.Background()
	if _, err := v.Verify(ctx, tok); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := v.Verify(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}
}
