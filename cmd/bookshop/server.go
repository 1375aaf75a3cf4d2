package main

//go:generate go tool wire

import (
	"context"
	"log/slog"
	"net/http"
	"os"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/httpbridge"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
)

// objectsPath is where the in-memory object store serves presigned URLs.
const objectsPath = "/_objects"

// server is the embedded process: one HTTP handler for the API and the
// object store.
type server struct {
	handler http.Handler
	logger  *slog.Logger
}

func newObjectStore(cfg config) (*memory.ObjectStore, error) {
	return memory.NewObjectStore(cfg.PublicURL+objectsPath, cfg.SigningKey)
}

func newCursorCodec(cfg config) (*app.CursorCodec, error) { return app.NewCursorCodec(cfg.SigningKey) }

func newLogger(cfg config) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}

func newAPIConfig(cfg config) apigw.Config { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// newServices gives the embedded handler every use case: it plays all the
// functions at once.
func newServices(catalog *app.Catalog) apigw.Services { return apigw.Services{Catalog: catalog} }

// newServer seeds the catalog (unless disabled) and routes object-store URLs
// to the store and everything else, through the API Gateway v2 bridge, to
// the Lambda handler.
func newServer(ctx context.Context, cfg config, catalog *app.Catalog, objects *memory.ObjectStore, api *apigw.Handler, logger *slog.Logger) (*server, error) {
	if cfg.Seed {
		if err := seed(ctx, catalog); err != nil {
			return nil, err
		}
	}
	mux := http.NewServeMux()
	mux.Handle(objectsPath+"/", objects)
	mux.Handle("/", httpbridge.NewHandler(api.Handle))
	return &server{handler: mux, logger: logger}, nil
}
