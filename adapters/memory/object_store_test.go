package memory_test

import (
	"net/http/httptest"
	"testing"

	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/porttest"
)

func TestObjectStoreContract(t *testing.T) {
	t.Run("memory", func(t *testing.T) {
		porttest.ObjectStore(t, func(t *testing.T) app.ObjectStore {
			srv := httptest.NewServer(nil)
			t.Cleanup(srv.Close)
			store, err := memory.NewObjectStore(srv.URL+"/objects", []byte("0123456789abcdef"))
			if err != nil {
				t.Fatal(err)
			}
			srv.Config.Handler = store
			return store
		})
	})
}

func TestPublicHandlerServesOnlyItsPrefixes(t *testing.T) {
	store, err := memory.NewObjectStore("http://objects.test/o", []byte("0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	store.Put("covers/b1/x.jpg", "image/jpeg", []byte("jpeg"))
	store.Put("private/y.txt", "text/plain", []byte("secret"))
	h := store.PublicHandler("covers/", "thumbnails/")
	for _, tt := range []struct {
		name, method, path string
		want               int
	}{
		{"public object", "GET", "/covers/b1/x.jpg", 200},
		{"head", "HEAD", "/covers/b1/x.jpg", 200},
		{"missing public object", "GET", "/covers/b1/none.jpg", 404},
		{"object outside the prefixes", "GET", "/private/y.txt", 404},
		{"write", "PUT", "/covers/b1/x.jpg", 405},
	} {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
			if rec.Code != tt.want {
				t.Fatalf("%s %s = %d, want %d", tt.method, tt.path, rec.Code, tt.want)
			}
			if tt.want == 200 {
				for k, v := range map[string]string{"Content-Type": "image/jpeg", "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=31536000, immutable"} {
					if got := rec.Header().Get(k); got != v {
						t.Errorf("%s = %q, want %q", k, got, v)
					}
				}
			}
		})
	}
}
