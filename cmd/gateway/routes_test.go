package main

import (
	"cmp"
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/localidp"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/domain"
)

// functionFixture is one template function served in-process: its Lambda
// handler and the path parameter values its routes are called with.
type functionFixture struct {
	handle func(context.Context, []byte) ([]byte, error)
	params map[string]string
}

// shop is the in-memory state shared by the functions' handlers.
type shop struct {
	catalog   *app.Catalog
	reviews   *app.Reviews
	orders    *app.Orders
	auth      *app.Auth
	discovery *app.Discovery
	bookID    string
	// idp is the user pool behind auth; its JWKS is served at jwksURL.
	idp     *localidp.Provider
	jwksURL string
}

func newShop(t testing.TB) *shop {
	t.Helper()
	books := memory.NewBookRepository()
	key := []byte("0123456789abcdef0123456789abcdef")
	objects, err := memory.NewObjectStore("http://localhost/_objects", key)
	if err != nil {
		t.Fatal(err)
	}
	cursors, err := app.NewCursorCodec(key)
	if err != nil {
		t.Fatal(err)
	}
	clock, ids := system.Clock{}, system.NewULIDGenerator()
	s := &shop{catalog: app.NewCatalog(books, objects, clock, ids, cursors)}
	reviewRepo, err := memory.NewReviewRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	s.reviews = app.NewReviews(reviewRepo, books, memory.NewProfileRepository(), clock, cursors)
	orderRepo, err := memory.NewOrderRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	if s.orders, err = app.NewOrders(orderRepo, books, clock, ids, cursors, domain.DefaultShippingPolicy); err != nil {
		t.Fatal(err)
	}
	if s.discovery, err = app.NewDiscovery(memory.NewSearchIndex(), memory.NewSalesLedger(), books, clock, cursors); err != nil {
		t.Fatal(err)
	}
	idp, err := localidp.New(localidp.Options{Issuer: "http://localhost/idp", BcryptCost: bcrypt.MinCost})
	if err != nil {
		t.Fatal(err)
	}
	jwks := httptest.NewServer(idp.Handler())
	t.Cleanup(jwks.Close)
	s.idp, s.jwksURL = idp, jwks.URL+"/idp/.well-known/jwks.json"
	if s.auth, err = app.NewAuth(idp, memory.NewAttemptStore(), memory.NewProfileRepository(), clock); err != nil {
		t.Fatal(err)
	}
	book, err := s.catalog.CreateBook(app.AsSystem(context.Background()), domain.BookDetails{
		Title: "Kindred", Author: "Octavia E. Butler", Category: "science-fiction", PriceCents: 1499, Stock: 4,
	})
	if err != nil {
		t.Fatal(err)
	}
	s.bookID = string(book.ID())
	return s
}

// handler returns the apigw handler serving services.
func handler(t testing.TB, services apigw.Services) func(context.Context, []byte) ([]byte, error) {
	t.Helper()
	h, err := apigw.NewHandler(services, apigw.Config{AllowedOrigins: []string{"*"}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return rietest.JSON(h.Handle)
}

// fixtures maps each function of the template to its handler, wired as its
// cmd/<fn> wires it but over in-memory adapters. To add a function: add an
// entry with the apigw.Services its cmd/<fn>/providers.go sets, and path
// parameter values that exist in the shop (others answer 404 and fail).
// Functions without HttpApi routes need no entry.
func fixtures(t testing.TB, s *shop) map[string]functionFixture {
	params := map[string]string{"id": s.bookID, "userId": "user-1"}
	return map[string]functionFixture{
		"CatalogFunction": {handler(t, apigw.Services{Catalog: s.catalog, Reviews: s.reviews, Discovery: s.discovery}), params},
		"OrdersFunction":  {handler(t, apigw.Services{Orders: s.orders}), params},
		"AuthFunction":    {handler(t, apigw.Services{Auth: s.auth}), params},
	}
}

// TestTemplateRoutesAreTheAPIRoutes: deploy/template.yaml has an HttpApi
// route for every route of the API's table (apigw.Routes) and no other.
func TestTemplateRoutesAreTheAPIRoutes(t *testing.T) {
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	api := map[string]bool{}
	for _, r := range apigw.Routes() {
		api[r.Method+" "+r.Path] = true
	}
	templated := map[string]bool{}
	for _, r := range tmpl.Routes {
		templated[r.Key()] = true
	}
	for _, k := range slices.Sorted(maps.Keys(api)) {
		if !templated[k] {
			t.Errorf("%s is a route of apigw but not of %s", k, templatePath)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(templated)) {
		if !api[k] {
			t.Errorf("%s is a route of %s but not of apigw", k, templatePath)
		}
	}
}

// TestEveryTemplateRouteReachesAHandler sends a request for every HttpApi
// route of deploy/template.yaml through the gateway to the real function
// handler (in-process, behind a fake RIE) and checks that the handler knows
// the route: no "no such route" 404, no 405, no function failure.
func TestEveryTemplateRouteReachesAHandler(t *testing.T) {
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	s := newShop(t)
	fx := fixtures(t, s)
	endpoints := map[string][]string{}
	withRoutes := map[string]bool{}
	for _, r := range tmpl.Routes {
		withRoutes[r.Function] = true
	}
	for _, fn := range tmpl.Functions {
		f, ok := fx[fn]
		if !ok {
			if withRoutes[fn] {
				t.Errorf("function %s has HttpApi routes but no fixture: add it to fixtures in %s", fn, "cmd/gateway/routes_test.go")
			}
			continue
		}
		endpoints[fn] = []string{rietest.New(t, f.handle).URL}
	}
	gw, _, err := emulator.New(emulator.Config{Template: tmpl, Endpoints: endpoints, Timeout: 10 * time.Second, Authorizers: s.verifiers(t, tmpl)})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	// An administrator's token: routes behind the JWT authorizer reach the
	// function, public routes ignore it.
	token := s.signIn(t, "admin@example.com", app.AdminGroup)

	// DELETE routes run last, so the fixtures' resources exist for the others.
	routes := slices.Clone(tmpl.Routes)
	slices.SortStableFunc(routes, func(a, b samtemplate.Route) int {
		return cmp.Compare(boolInt(a.Method == http.MethodDelete), boolInt(b.Method == http.MethodDelete))
	})
	for _, r := range routes {
		f, ok := fx[r.Function]
		if !ok {
			continue
		}
		t.Run(r.Function+"/"+r.Key(), func(t *testing.T) {
			path := r.Path
			for name, v := range f.params {
				path = strings.ReplaceAll(path, "{"+name+"}", v)
				path = strings.ReplaceAll(path, "{"+name+"+}", v)
			}
			if strings.Contains(path, "{") {
				t.Fatalf("no value for a path parameter of %s: add it to the fixture's params", r.Path)
			}
			method := r.Method
			if method == "ANY" {
				method = http.MethodGet
			}
			body := strings.NewReader("")
			if method == http.MethodPost || method == http.MethodPut {
				body = strings.NewReader("{}")
			}
			req, err := http.NewRequest(method, srv.URL+path, body)
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("If-Match", `"1"`)
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var problem struct{ Type, Detail, Message string }
			_ = json.NewDecoder(resp.Body).Decode(&problem)
			switch {
			case resp.StatusCode == http.StatusUnauthorized && problem.Message == "Unauthorized":
				t.Errorf("401 from the gateway: its JWT authorizer refused an administrator's token")
			case resp.StatusCode == http.StatusMethodNotAllowed:
				t.Errorf("405: the handler does not serve %s %s", method, r.Path)
			case resp.StatusCode == http.StatusNotFound && problem.Message == "Not Found":
				t.Errorf("404 from the gateway: the route did not match")
			case resp.StatusCode == http.StatusNotFound && (problem.Type != apigw.ProblemTypeBase+"not-found" || problem.Detail == "No resource lives at this path."):
				t.Errorf("404 %+v: the handler has no such route", problem)
			case resp.StatusCode >= 500:
				t.Errorf("%d %+v: the function failed", resp.StatusCode, problem)
			}
			t.Logf("%s %s → %d", method, path, resp.StatusCode)
		})
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestTemplateGuardsExactlyTheGuardedRoutes: the routes of
// deploy/template.yaml with a JWT authorizer are apigw.GuardedRoutes, so the
// embedded mode (which asks apigw which routes are guarded) and AWS agree on
// which routes look at a token.
func TestTemplateGuardsExactlyTheGuardedRoutes(t *testing.T) {
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, r := range apigw.GuardedRoutes() {
		want = append(want, r.Method+" "+r.Path)
	}
	for _, r := range tmpl.Routes {
		a := cmp.Or(r.Authorizer, tmpl.DefaultAuthorizer)
		if a != "" && a != "NONE" {
			got = append(got, r.Key())
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(want, got) {
		t.Errorf("guarded routes differ:\napigw:    %v\ntemplate: %v", want, got)
	}
}
