package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// BenchmarkStorage compares the data directory's store (bbolt file, one
// fsync per write transaction) with memory, in the same run, through the
// whole embedded handler: GET /api/books/{id} (anonymous, one read
// transaction) and POST /api/orders (signed in, one write transaction
// taking stock and storing the order and its idempotency record).
//
//	go test ./cmd/bookshop -run '^$' -bench Storage -benchmem
func BenchmarkStorage(b *testing.B) {
	for _, store := range []string{"memory", "bolt"} {
		b.Run("store="+store, func(b *testing.B) {
			dir := memoryDataDir
			if store == "bolt" {
				dir = b.TempDir()
			}
			cfg, err := configFromEnv(func(k string) string {
				return map[string]string{"LOG_LEVEL": "error", "BOOKSHOP_SEED": "false", "BOOKSHOP_DATA_DIR": dir}[k]
			})
			if err != nil {
				b.Fatal(err)
			}
			cfg.BcryptCost = bcrypt.MinCost
			srv, err := initializeServer(context.Background(), cfg)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(srv.Close)
			tok, err := srv.idp.SignIn(context.Background(), cfg.AdminEmail, cfg.AdminPassword)
			if err != nil {
				b.Fatal(err)
			}
			serve := func(method, path, body string, header map[string]string) *httptest.ResponseRecorder {
				req := httptest.NewRequest(method, path, strings.NewReader(body))
				if body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				for k, v := range header {
					req.Header.Set(k, v)
				}
				w := httptest.NewRecorder()
				srv.handler.ServeHTTP(w, req)
				return w
			}
			auth := map[string]string{"Authorization": "Bearer " + tok.AccessToken}
			w := serve("POST", "/api/books", `{"title":"Bench","author":"B","category":"Fiction","priceCents":100,"stock":1000000}`, auth)
			var book struct{ ID string }
			if w.Code != 201 || json.Unmarshal(w.Body.Bytes(), &book) != nil {
				b.Fatal(w.Code, w.Body)
			}
			b.Run("op=GetBook", func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if w := serve("GET", "/api/books/"+book.ID, "", nil); w.Code != 200 {
						b.Fatal(w.Code, w.Body)
					}
				}
			})
			b.Run("op=Checkout", func(b *testing.B) {
				b.ReportAllocs()
				body := fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, book.ID)
				n := 0
				for b.Loop() {
					n++
					h := map[string]string{"Authorization": auth["Authorization"], "Idempotency-Key": fmt.Sprintf("bench-%s-%d", b.Name(), n)}
					if w := serve("POST", "/api/orders", body, h); w.Code != 201 {
						b.Fatal(w.Code, w.Body)
					}
				}
			})
		})
	}
}
