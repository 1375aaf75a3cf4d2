package main

//go:generate go tool wire

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/httpbridge"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/adapters/mailbox"
	"github.com/bookshop/bookshop/adapters/webui"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// objectsPath is where the in-memory object store serves presigned URLs.
const objectsPath = "/_objects"

// coverPrefixes are the object key prefixes served publicly at "/<key>", as
// CloudFront serves them from the covers bucket on AWS.
var coverPrefixes = []string{"covers/", "thumbnails/"}

// apiPath is where the API is served; the web app has every other path.
const apiPath = "/api"

// server is the embedded process: one HTTP handler for the API and the
// object store.
type server struct {
	handler http.Handler
	logger  *slog.Logger
	// idp is the embedded identity provider (tests read confirmation
	// codes from it).
	idp *localidp.Provider
	// objects runs the thumbnailer after uploads; objects.WaitForHooks
	// waits for it.
	objects objectServer
	// cleanup releases the data directory (nil in memory mode).
	cleanup func()
}

// Close waits for the thumbnails being made, then releases the data
// directory. Call it after the HTTP server has stopped.
func (s *server) Close() {
	s.objects.WaitForHooks()
	if s.cleanup != nil {
		s.cleanup()
	}
}

// newWebOptions lets the web app load covers from, and upload covers to,
// this process by its public URL too: presigned URLs name
// BOOKSHOP_PUBLIC_URL, which may differ from the address the browser used
// (localhost vs 127.0.0.1).
func newWebOptions(cfg config) webui.Options {
	u, err := url.Parse(cfg.PublicURL)
	if err != nil || u.Scheme == "" || u.Host == "" || strings.ContainsAny(u.Host, " ;,'") {
		return webui.Options{}
	}
	origin := []string{u.Scheme + "://" + u.Host}
	return webui.Options{ImageOrigins: origin, ConnectOrigins: origin}
}

func newCursorCodec(key signingKey) (*app.CursorCodec, error) { return app.NewCursorCodec(key) }

func newLogger(cfg config) *slog.Logger {
	return slog.New(slog.NewJSONHandler(os.Stderr, &slog.HandlerOptions{Level: cfg.LogLevel}))
}

func newAPIConfig(cfg config) apigw.Config { return apigw.Config{AllowedOrigins: cfg.AllowedOrigins} }

// newServices gives the embedded handler every use case: it plays all the
// functions at once.
func newServices(catalog *app.Catalog, orders *app.Orders, reviews *app.Reviews, auth *app.Auth, discovery *app.Discovery) apigw.Services {
	return apigw.Services{Catalog: catalog, Orders: orders, Reviews: reviews, Auth: auth, Discovery: discovery}
}

// shippingPolicy is the shop's shipping policy.
func shippingPolicy() domain.ShippingPolicy { return domain.DefaultShippingPolicy }

// newServer seeds a fresh store's catalog (unless disabled; after the
// projection hook is in place, so the seed books are searchable) and routes
// object-store URLs to the store, the identity provider's issuer URL to the
// provider, /api/ through the API Gateway v2 bridge and its JWT authorizer
// stand-in to the Lambda handler, backupPath to backups, and everything
// else to the storefront web app.
func newServer(ctx context.Context, cfg config, catalog *app.Catalog, objects objectServer, api *apigw.Handler, logger *slog.Logger, _ thumbnailHook,
	idp *localidp.Provider, authorize httpbridge.Authorizer, _ adminAccount, box *mailbox.Mailbox, _ notificationHook, _ projectionHook,
	fresh freshStore, backup backupRoute) (*server, error) {
	if cfg.Seed && bool(fresh) {
		if err := seedCatalog(ctx, catalog); err != nil {
			return nil, err
		}
	}
	mux := http.NewServeMux()
	mux.Handle(objectsPath+"/", objects)
	covers := objects.PublicHandler(coverPrefixes...)
	for _, p := range coverPrefixes {
		mux.Handle("/"+p, covers) // the stable cover URLs of the API (apigw.Config.AssetBaseURL)
	}
	mux.Handle(authPath+"/", idp.Handler())
	// The mailbox: administrators read it (the same token check as the
	// API's); orders reach it in-process, so it takes no posts over HTTP.
	mux.Handle(mailbox.Path, box.Handler(mailbox.Access{Verify: mailbox.TokenVerifier(authorize)}))
	mux.Handle(backupPath, backup)
	bridge := httpbridge.NewHandler(api.Handle, httpbridge.WithAuthorizer(authorize), httpbridge.WithGuardedRoutes(apigw.Guarded),
		httpbridge.WithLogger(logger))
	mux.Handle(apiPath, bridge)
	mux.Handle(apiPath+"/", bridge)
	mux.Handle("/", webui.Handler(newWebOptions(cfg)))
	return &server{handler: mux, logger: logger, idp: idp, objects: objects}, nil
}
