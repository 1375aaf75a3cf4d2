package apigw_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/adapters/memory"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/app/apptest"
	"github.com/bookshop/bookshop/domain"
)

// orderFixture is a handler serving the catalog and orders over memory
// adapters, with seeded books.
type orderFixture struct {
	*fixture
	orders *memory.OrderRepository
	dune   domain.Book
	kind   domain.Book
}

func newOrderFixture(t testing.TB) *orderFixture {
	t.Helper()
	return newOrderFixtureWith(t, func(r app.OrderRepository) app.OrderRepository { return r })
}

// newOrderFixtureWith is newOrderFixture with the memory order repository
// as wrap returns it to the use cases.
func newOrderFixtureWith(t testing.TB, wrap func(app.OrderRepository) app.OrderRepository) *orderFixture {
	t.Helper()
	books := memory.NewBookRepository()
	base := newFixtureWith(t, books, testConfig)
	orderRepo, err := memory.NewOrderRepository(books)
	if err != nil {
		t.Fatal(err)
	}
	cursors, err := app.NewCursorCodec([]byte("cursor-signing-key-0123456789"))
	if err != nil {
		t.Fatal(err)
	}
	orders, err := app.NewOrders(wrap(orderRepo), books, newClock(), apptest.NewIDs("order-", 4), cursors, domain.DefaultShippingPolicy)
	if err != nil {
		t.Fatal(err)
	}
	base.handler, err = apigw.NewHandler(apigw.Services{Catalog: base.catalog, Orders: orders}, testConfig, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	seeded := base.seed(t, dune, kindred)
	return &orderFixture{fixture: base, orders: orderRepo, dune: seeded[0], kind: seeded[1]}
}

// asUser adds the JWT authorizer claims of the fixture event with sub and
// groups ("" for none) replaced.
func asUser(t *testing.T, sub, groups string) eventOption {
	signedIn := loadEvent(t, "apigw-v2-request-jwt-authorizer.json")
	return func(ev *events.APIGatewayV2HTTPRequest) {
		a := *signedIn.RequestContext.Authorizer
		jwt := *a.JWT
		claims := make(map[string]string, len(jwt.Claims))
		for k, v := range jwt.Claims {
			claims[k] = v
		}
		jwt.Claims = claims
		jwt.Claims["sub"] = sub
		jwt.Claims["cognito:groups"] = groups
		a.JWT = &jwt
		ev.RequestContext.Authorizer = &a
	}
}

func (f *orderFixture) checkout(t *testing.T, user, key, body string) events.APIGatewayV2HTTPResponse {
	t.Helper()
	opts := []eventOption{asUser(t, user, ""), jsonBody(body)}
	if key != "" {
		opts = append(opts, header("Idempotency-Key", key))
	}
	return f.serve(t, newEvent(t, "POST", "/api/orders", opts...))
}

// allOrders returns every stored order, to prove a request wrote nothing.
func (f *orderFixture) allOrders(t *testing.T) []string {
	t.Helper()
	var ids []string
	for _, s := range []domain.OrderStatus{domain.OrderPending, domain.OrderConfirmed, domain.OrderShipped, domain.OrderDelivered, domain.OrderCancelled} {
		page, err := f.orders.ListByStatus(context.Background(), s, app.MaxPageSize, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range page.Orders {
			ids = append(ids, string(o.ID()))
		}
	}
	return ids
}

func TestCheckoutPlacesOrderAndReplays(t *testing.T) {
	f := newOrderFixture(t)
	body := fmt.Sprintf(`{"items":[{"bookId":%q,"qty":2},{"bookId":%q,"qty":1}]}`, f.dune.ID(), f.kind.ID())
	first := f.checkout(t, "user-a", "key-1", body)
	wantStatus(t, first, 201)
	got := decodeJSON(t, first)
	id, _ := got["id"].(string)
	if loc := first.Headers["Location"]; loc != "/api/orders/"+id || id == "" {
		t.Fatalf("Location = %q for order %q", loc, id)
	}
	diff(t, "amounts", map[string]any{
		"status": "PENDING", "currency": "USD", "userId": "user-a",
		"subtotalCents": float64(2*1899 + 1499), "shippingCents": float64(1000), "totalCents": float64(2*1899 + 1499 + 1000),
	}, map[string]any{
		"status": got["status"], "currency": got["currency"], "userId": got["userId"],
		"subtotalCents": got["subtotalCents"], "shippingCents": got["shippingCents"], "totalCents": got["totalCents"],
	})
	items, _ := got["items"].([]any)
	if len(items) != 2 || items[0].(map[string]any)["title"] != "Dune" || items[0].(map[string]any)["unitPriceCents"] != float64(1899) {
		t.Errorf("items = %v", items)
	}

	replay := f.checkout(t, "user-a", "key-1", body)
	wantStatus(t, replay, 201)
	if replay.Body != first.Body || replay.Headers["Location"] != first.Headers["Location"] || replay.Headers["Idempotent-Replayed"] != "true" {
		t.Errorf("replay differs:\n%s %v\n%s %v", first.Body, first.Headers, replay.Body, replay.Headers)
	}
	if b, _ := f.books.Get(context.Background(), f.dune.ID()); b.Stock() != 18 {
		t.Errorf("stock after checkout and replay = %d, want 18", b.Stock())
	}

	other := f.checkout(t, "user-a", "key-1", fmt.Sprintf(`{"items":[{"bookId":%q,"qty":3}]}`, f.dune.ID()))
	wantStatus(t, other, 422)
	if p := decodeProblem(t, other); !strings.HasSuffix(p.Type, "/idempotency-key-reused") {
		t.Errorf("problem type %q", p.Type)
	}
	// The key is scoped per user.
	wantStatus(t, f.checkout(t, "user-b", "key-1", body), 201)
}

func TestCheckoutRefusesMalformedCarts(t *testing.T) {
	lines := func(n int) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = fmt.Sprintf(`{"bookId":"b-%02d","qty":1}`, i)
		}
		return `{"items":[` + strings.Join(parts, ",") + `]}`
	}
	tests := []struct {
		name       string
		key        string
		body       func(f *orderFixture) string
		wantFields []string
	}{
		{"qty 0", "k", func(f *orderFixture) string { return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":0}]}`, f.dune.ID()) }, []string{"items[0].qty"}},
		{"qty 11", "k", func(f *orderFixture) string { return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":11}]}`, f.dune.ID()) }, []string{"items[0].qty"}},
		{"unknown book", "k", func(f *orderFixture) string {
			return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1},{"bookId":"no-such-book","qty":1}]}`, f.dune.ID())
		}, []string{"items[1].bookId"}},
		{"26 lines", "k", func(*orderFixture) string { return lines(26) }, []string{"items"}},
		{"duplicate lines", "k", func(f *orderFixture) string {
			return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1},{"bookId":%q,"qty":2}]}`, f.dune.ID(), f.dune.ID())
		}, []string{"items[1].bookId"}},
		{"missing key", "", func(f *orderFixture) string { return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, f.dune.ID()) }, []string{"Idempotency-Key"}},
		{"key with spaces", "a key", func(f *orderFixture) string { return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, f.dune.ID()) }, []string{"Idempotency-Key"}},
		{"empty cart", "k", func(*orderFixture) string { return `{"items":[]}` }, []string{"items"}},
		{"no items", "k", func(*orderFixture) string { return `{}` }, []string{"items"}},
		{"client-sent price", "k", func(f *orderFixture) string {
			return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1,"unitPriceCents":1}]}`, f.dune.ID())
		}, []string{"items[0].unitPriceCents"}},
		{"qty not an integer", "k", func(f *orderFixture) string { return fmt.Sprintf(`{"items":[{"bookId":%q,"qty":"2"}]}`, f.dune.ID()) }, []string{"items[0].qty"}},
		{"item not an object", "k", func(*orderFixture) string { return `{"items":[7]}` }, []string{"items[0]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newOrderFixture(t)
			before := f.snapshot(t)
			resp := f.checkout(t, "user-a", tt.key, tt.body(f))
			wantStatus(t, resp, 400)
			p := decodeProblem(t, resp)
			var got []string
			for _, e := range p.Errors {
				got = append(got, e.Field)
			}
			diff(t, "fields", tt.wantFields, got)
			diff(t, "books", before, f.snapshot(t))
			if orders := f.allOrders(t); len(orders) != 0 {
				t.Errorf("orders written: %v", orders)
			}
		})
	}
}

func TestCheckoutOutOfStockNamesTheBooks(t *testing.T) {
	f := newOrderFixture(t)
	before := f.snapshot(t)
	resp := f.checkout(t, "user-a", "k", fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1},{"bookId":%q,"qty":5}]}`, f.dune.ID(), f.kind.ID()))
	wantStatus(t, resp, 409)
	var p struct {
		Type       string   `json:"type"`
		OutOfStock []string `json:"outOfStock"`
	}
	if err := json.Unmarshal([]byte(resp.Body), &p); err != nil {
		t.Fatal(err)
	}
	diff(t, "problem", []string{string(f.kind.ID())}, p.OutOfStock)
	if !strings.HasSuffix(p.Type, "/out-of-stock") {
		t.Errorf("type %q", p.Type)
	}
	diff(t, "books", before, f.snapshot(t))
}

func TestCheckoutNeedsSignIn(t *testing.T) {
	f := newOrderFixture(t)
	resp := f.serve(t, newEvent(t, "POST", "/api/orders", header("Idempotency-Key", "k"),
		jsonBody(fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, f.dune.ID()))))
	wantStatus(t, resp, 401)
	// Signing in comes first: an anonymous malformed cart learns nothing about validation.
	resp = f.serve(t, newEvent(t, "POST", "/api/orders", jsonBody(`{"items":[{"bookId":"","qty":0}],"extra":1}`)))
	wantStatus(t, resp, 401)
	if p := decodeProblem(t, resp); len(p.Errors) != 0 {
		t.Errorf("anonymous caller was shown field errors %+v", p.Errors)
	}
}

func TestOrdersAreInvisibleToOtherUsers(t *testing.T) {
	f := newOrderFixture(t)
	resp := f.checkout(t, "user-a", "k", fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, f.dune.ID()))
	wantStatus(t, resp, 201)
	path := resp.Headers["Location"]

	wantStatus(t, f.serve(t, newEvent(t, "GET", path, asUser(t, "user-a", ""))), 200)
	for _, ev := range []events.APIGatewayV2HTTPRequest{
		newEvent(t, "GET", path, asUser(t, "user-b", "")),
		newEvent(t, "POST", path+"/cancel", asUser(t, "user-b", "")),
	} {
		got := f.serve(t, ev)
		wantStatus(t, got, 404)
		decodeProblem(t, got)
	}
	page := decodeJSON(t, f.serve(t, newEvent(t, "GET", "/api/orders", asUser(t, "user-b", ""))))
	if items, _ := page["items"].([]any); len(items) != 0 {
		t.Errorf("user B lists %v", items)
	}
	// The owner can cancel; the stock comes back.
	cancelled := decodeJSON(t, f.serve(t, newEvent(t, "POST", path+"/cancel", asUser(t, "user-a", ""))))
	if cancelled["status"] != "CANCELLED" {
		t.Fatalf("status %v", cancelled["status"])
	}
	if b, _ := f.books.Get(context.Background(), f.dune.ID()); b.Stock() != 20 {
		t.Errorf("stock after cancel = %d, want 20", b.Stock())
	}
	wantStatus(t, f.serve(t, newEvent(t, "POST", path+"/cancel", asUser(t, "user-a", ""))), 409)
}

func TestAdminOrderRoutes(t *testing.T) {
	f := newOrderFixture(t)
	var paths []string
	for i := range 3 {
		resp := f.checkout(t, "user-a", fmt.Sprint("k", i), fmt.Sprintf(`{"items":[{"bookId":%q,"qty":1}]}`, f.dune.ID()))
		wantStatus(t, resp, 201)
		paths = append(paths, resp.Headers["Location"])
	}
	admin := asUser(t, "staff-1", "[admin]")
	wantStatus(t, f.serve(t, newEvent(t, "GET", "/api/admin/orders?status=PENDING", asUser(t, "user-a", ""))), 403)
	wantStatus(t, f.serve(t, newEvent(t, "GET", "/api/admin/orders?status=PENDING")), 401)
	wantStatus(t, f.serve(t, newEvent(t, "GET", "/api/admin/orders?status=LOST", admin)), 400)

	page := decodeJSON(t, f.serve(t, newEvent(t, "GET", "/api/admin/orders?status=PENDING&limit=2", admin)))
	cursor, _ := page["nextCursor"].(string)
	if items, _ := page["items"].([]any); len(items) != 2 || cursor == "" {
		t.Fatalf("first page %v", page)
	}
	page = decodeJSON(t, f.serve(t, newEvent(t, "GET", "/api/admin/orders?status=PENDING&limit=2&cursor="+cursor, admin)))
	if items, _ := page["items"].([]any); len(items) != 1 || page["nextCursor"] != nil {
		t.Fatalf("second page %v", page)
	}
	// The cursor is bound to its listing.
	wantStatus(t, f.serve(t, newEvent(t, "GET", "/api/orders?cursor="+cursor, asUser(t, "user-a", ""))), 400)

	setStatus := func(path, status string, opt eventOption) events.APIGatewayV2HTTPResponse {
		return f.serve(t, newEvent(t, "POST", "/api/admin"+strings.TrimPrefix(path, "/api")+"/status", opt, jsonBody(`{"status":"`+status+`"}`)))
	}
	wantStatus(t, setStatus(paths[0], "CONFIRMED", asUser(t, "user-a", "")), 403)
	wantStatus(t, setStatus(paths[0], "SHIPPED", admin), 409)
	wantStatus(t, setStatus(paths[0], "CONFIRMED", admin), 200)
	wantStatus(t, setStatus(paths[0], "SHIPPED", admin), 200)
	wantStatus(t, setStatus(paths[0], "CANCELLED", admin), 409)
	wantStatus(t, setStatus(paths[1], "CONFIRMED", admin), 200)
	// The owner cannot cancel a confirmed order; an admin can.
	wantStatus(t, f.serve(t, newEvent(t, "POST", paths[1]+"/cancel", asUser(t, "user-a", ""))), 409)
	wantStatus(t, setStatus(paths[1], "CANCELLED", admin), 200)
	wantStatus(t, setStatus("/orders/order-9999", "CONFIRMED", admin), 404)
	got := setStatus(paths[2], "confirmed", admin)
	wantStatus(t, got, 200)
	if decodeJSON(t, got)["status"] != "CONFIRMED" {
		t.Errorf("status not set: %s", got.Body)
	}
	// Admins may read any order.
	wantStatus(t, f.serve(t, newEvent(t, "GET", paths[0], admin)), 200)
}
