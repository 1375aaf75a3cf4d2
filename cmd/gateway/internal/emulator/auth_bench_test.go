package emulator_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// BenchmarkJWTAuthorizer measures what the JWT authorizer adds to a request
// through the gateway (fake RIE, in-process): "public" is a route without
// an authorizer, "jwt" one whose RS256 access token is verified (keys
// cached after the first request).
func BenchmarkJWTAuthorizer(b *testing.B) {
	iss := newIssuer(b)
	good, _ := testKeys(b)
	token := "Bearer " + signRS256(b, good, "bookshop-local-1", iss.accessClaims(time.Now()))
	fn := endpoint(b, echoResponse)
	gw := newAuthGateway(b, iss.verifier(b, nil), fn)
	for _, bc := range []struct{ name, method, path string }{
		{"public", "GET", "/api/books"},
		{"jwt", "POST", "/api/books"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				req, err := http.NewRequest(bc.method, gw.URL+bc.path, strings.NewReader("{}"))
				if err != nil {
					b.Fatal(err)
				}
				req.Header.Set("Authorization", token)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				resp.Body.Close()
				if resp.StatusCode != 200 {
					b.Fatalf("status %d", resp.StatusCode)
				}
			}
		})
	}
}
