package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
)

// BenchmarkGetBook compares GET /api/books/{id} through the gateway (HTTP
// client → gateway → HTTP fake RIE → the real catalog handler over memory
// adapters) with calling that handler directly; the difference is the
// gateway's overhead (two HTTP hops, event and response JSON). Real
// containers add the RIE's own cost, measured with the compose stack.
func BenchmarkGetBook(b *testing.B) {
	s := newShop(b)
	h, err := apigw.NewHandler(apigw.Services{Catalog: s.catalog, Reviews: s.reviews}, apigw.Config{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("direct", func(b *testing.B) {
		ev := events.APIGatewayV2HTTPRequest{
			Version: "2.0", RouteKey: "GET /api/books/{id}", RawPath: "/api/books/" + s.bookID,
			PathParameters: map[string]string{"id": s.bookID},
			RequestContext: events.APIGatewayV2HTTPRequestContext{HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "GET", Path: "/api/books/" + s.bookID}},
		}
		ctx := context.Background()
		for b.Loop() {
			resp, err := h.Handle(ctx, ev)
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("%d %v", resp.StatusCode, err)
			}
		}
	})
	b.Run("gateway", func(b *testing.B) {
		tmpl, err := samtemplate.Load(templatePath)
		if err != nil {
			b.Fatal(err)
		}
		fn := rietest.New(b, rietest.JSON(h.Handle))
		gw, _, err := emulator.New(emulator.Config{Template: tmpl, Endpoints: map[string][]string{"CatalogFunction": {fn.URL}}})
		if err != nil {
			b.Fatal(err)
		}
		srv := httptest.NewServer(gw)
		b.Cleanup(srv.Close)
		url := srv.URL + "/api/books/" + s.bookID
		for b.Loop() {
			resp, err := http.Get(url)
			if err != nil {
				b.Fatal(err)
			}
			var book map[string]any
			err = json.NewDecoder(resp.Body).Decode(&book)
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if err != nil || resp.StatusCode != 200 {
				b.Fatalf("%d %v", resp.StatusCode, err)
			}
		}
	})
}
