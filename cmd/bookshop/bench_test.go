package main

import (
	"context"
	"net/http/httptest"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// BenchmarkAuthorizer measures what the in-process JWT authorizer adds to a
// request of the embedded mode (GET /api/health, served in memory): the
// same request anonymous and with an administrator's access token (RS256
// verification; the JWKS is fetched once).
//
//	go test ./cmd/bookshop -run '^$' -bench Authorizer -benchmem
func BenchmarkAuthorizer(b *testing.B) {
	cfg, err := configFromEnv(func(k string) string { return map[string]string{"LOG_LEVEL": "error", "BOOKSHOP_SEED": "false"}[k] })
	if err != nil {
		b.Fatal(err)
	}
	cfg.BcryptCost = bcrypt.MinCost
	srv, err := initializeServer(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	tok, err := srv.idp.SignIn(context.Background(), cfg.AdminEmail, cfg.AdminPassword)
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, authorization string }{{"token=none", ""}, {"token=admin", "Bearer " + tok.AccessToken}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req := httptest.NewRequest("GET", "/api/health", nil)
				if bc.authorization != "" {
					req.Header.Set("Authorization", bc.authorization)
				}
				w := httptest.NewRecorder()
				srv.handler.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatal(w.Code, w.Body)
				}
			}
		})
	}
}
