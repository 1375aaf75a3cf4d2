package main

import (
	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/app"
)

func newCursorCodec(cfg config) (*app.CursorCodec, error) { return app.NewCursorCodec(cfg.CursorKey) }
func newAPIConfig(cfg config) apigw.Config                { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// newServices: the catalog function serves the catalog routes, the books'
// reviews and discovery (search, best sellers, also-bought).
func newServices(catalog *app.Catalog, reviews *app.Reviews, discovery *app.Discovery) apigw.Services {
	return apigw.Services{Catalog: catalog, Reviews: reviews, Discovery: discovery}
}
