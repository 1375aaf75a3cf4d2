package apigw

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// ordersPath is the customer's order collection; an order lives at
// ordersPath/{id}.
const ordersPath = "/api/orders"

// headerReplayed marks the answer to a checkout that repeated an earlier
// one's Idempotency-Key: the same status and body, and this header.
const headerReplayed = "Idempotent-Replayed"

// checkout answers POST /api/orders {"items":[{"bookId","qty"}]} with the
// Idempotency-Key header: 201, Location and the order. A retry with the same
// key and items answers the same: 201, the same Location and body, plus
// Idempotent-Replayed: true.
func (h *Handler) checkout(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	if err := app.RequireSignIn(ctx, "checkout"); err != nil { // signing in comes before reading the body
		return events.APIGatewayV2HTTPResponse{}, err
	}
	var in checkoutRequest
	if err := decodeJSON(&req, checkoutRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	items, err := in.cart()
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	res, err := h.orders.Checkout(ctx, headerValue(req.Headers, "idempotency-key"), items)
	switch {
	case errors.Is(err, domain.ErrOutOfStock):
		h.metrics.Record(ctx, app.MetricCheckoutOutOfStock, 1)
		return events.APIGatewayV2HTTPResponse{}, err
	case err != nil:
		return events.APIGatewayV2HTTPResponse{}, err
	case res.Replayed:
		h.metrics.Record(ctx, app.MetricIdempotentReplays, 1)
	default:
		h.metrics.Record(ctx, app.MetricOrdersPlaced, 1)
		h.metrics.Record(ctx, app.MetricOrderValueCents, float64(res.Order.Total().Cents()))
	}
	resp, err := marshalResponse(201, newOrderJSON(res.Order))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp.Headers["Location"] = ordersPath + "/" + url.PathEscape(string(res.Order.ID()))
	if res.Replayed {
		resp.Headers[headerReplayed] = "true"
	}
	return resp, nil
}

// listMyOrders answers GET /api/orders?limit=&cursor=: the caller's orders,
// newest first.
func (h *Handler) listMyOrders(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	lr, err := orderListRequest(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	page, err := h.orders.ListMyOrders(ctx, lr)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return marshalResponse(200, newOrderPageJSON(page))
}

// listOrders answers GET /api/admin/orders?status=&limit=&cursor= (admins).
func (h *Handler) listOrders(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	lr, err := orderListRequest(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	page, err := h.orders.ListOrders(ctx, lr)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return marshalResponse(200, newOrderPageJSON(page))
}

// getOrder answers GET /api/orders/{id}; another user's order is 404.
func (h *Handler) getOrder(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	order, err := h.orders.GetOrder(ctx, domain.OrderID(p.get("id")))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return marshalResponse(200, newOrderJSON(order))
}

// cancelOrder answers POST /api/orders/{id}/cancel (no body): 200 and the
// cancelled order.
func (h *Handler) cancelOrder(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	order, err := h.orders.CancelOrder(ctx, domain.OrderID(p.get("id")))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return marshalResponse(200, newOrderJSON(order))
}

// setOrderStatus answers POST /api/admin/orders/{id}/status {"status"}
// (admins): 200 and the order.
func (h *Handler) setOrderStatus(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	var in orderStatusRequest
	if err := decodeJSON(&req, orderStatusRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	order, err := h.orders.SetOrderStatus(ctx, domain.OrderID(p.get("id")), in.Status)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return marshalResponse(200, newOrderJSON(order))
}

// orderListRequest reads status, limit and cursor from the query string.
func orderListRequest(req *events.APIGatewayV2HTTPRequest) (app.ListOrdersRequest, error) {
	q, err := queryValues(req)
	if err != nil {
		return app.ListOrdersRequest{}, err
	}
	lr := app.ListOrdersRequest{Status: q.Get("status"), Cursor: q.Get("cursor")}
	if s := q.Get("limit"); s != "" {
		// The use case reads a zero limit as "default": refuse an explicit 0.
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			return app.ListOrdersRequest{}, fieldError("limit", "must be an integer")
		case n < 1:
			return app.ListOrdersRequest{}, fieldError("limit", fmt.Sprintf("must be between 1 and %d", app.MaxPageSize))
		}
		lr.Limit = n
	}
	return lr, nil
}

// checkoutRequest is the body of POST /api/orders. Items are decoded one by
// one, as strictly as the body itself (see cart).
type checkoutRequest struct {
	Items []json.RawMessage `json:"items" apigw:"required"`
}

var checkoutRequestSchema = schemaOf[checkoutRequest]()

// cartItemJSON is one element of checkoutRequest.Items.
type cartItemJSON struct {
	BookID string `json:"bookId" apigw:"required"`
	Qty    int    `json:"qty" apigw:"required"`
}

var cartItemSchema = schemaOf[cartItemJSON]()

// cart decodes every item strictly (unknown, repeated, null, missing and
// mistyped fields), naming fields "items[i].name", and reports all problems
// at once. Quantities and duplicates are the domain's to check.
func (r checkoutRequest) cart() ([]domain.CartItem, error) {
	var fields []domain.FieldError
	items := make([]domain.CartItem, len(r.Items))
	for i, raw := range r.Items {
		prefix := fmt.Sprintf("items[%d]", i)
		fe, err := checkFields(raw, cartItemSchema)
		if err != nil {
			fields = append(fields, domain.FieldError{Field: prefix, Message: "must be an object with bookId and qty"})
			continue
		}
		for _, f := range fe {
			fields = append(fields, domain.FieldError{Field: prefix + "." + f.Field, Message: f.Message})
		}
		var it cartItemJSON
		if err := json.Unmarshal(raw, &it); err != nil {
			var te *json.UnmarshalTypeError
			if errors.As(err, &te) && te.Field != "" {
				fields = append(fields, domain.FieldError{Field: prefix + "." + te.Field, Message: typeMessage(te.Type)})
			} else {
				fields = append(fields, domain.FieldError{Field: prefix, Message: "must be an object with bookId and qty"})
			}
			continue
		}
		items[i] = domain.CartItem{BookID: domain.BookID(it.BookID), Qty: it.Qty}
	}
	if len(fields) > 0 {
		return nil, &domain.ValidationError{Fields: fields}
	}
	return items, nil
}

// orderStatusRequest is the body of POST /api/admin/orders/{id}/status.
type orderStatusRequest struct {
	Status string `json:"status" apigw:"required"`
}

var orderStatusRequestSchema = schemaOf[orderStatusRequest]()

// orderJSON is the API representation of an order. Amounts are integer
// cents in the order's currency.
type orderJSON struct {
	ID            string          `json:"id"`
	UserID        string          `json:"userId"`
	Status        string          `json:"status"`
	Items         []orderLineJSON `json:"items"`
	Currency      string          `json:"currency"`
	SubtotalCents int64           `json:"subtotalCents"`
	ShippingCents int64           `json:"shippingCents"`
	TotalCents    int64           `json:"totalCents"`
	CreatedAt     string          `json:"createdAt"`
	UpdatedAt     string          `json:"updatedAt"`
	Version       int64           `json:"version"`
}

type orderLineJSON struct {
	BookID         string `json:"bookId"`
	Title          string `json:"title"`
	UnitPriceCents int64  `json:"unitPriceCents"`
	Qty            int    `json:"qty"`
	LineTotalCents int64  `json:"lineTotalCents"`
}

// orderPageJSON is one page of orders. NextCursor is null on the last page.
type orderPageJSON struct {
	Items      []orderJSON `json:"items"`
	NextCursor *string     `json:"nextCursor"`
}

// timeLayout formats order times: RFC 3339 in UTC with nanoseconds.
const timeLayout = "2006-01-02T15:04:05.999999999Z07:00"

func newOrderJSON(o domain.Order) orderJSON {
	lines := o.Lines()
	out := orderJSON{
		ID: string(o.ID()), UserID: o.UserID(), Status: o.Status().String(), Items: make([]orderLineJSON, len(lines)),
		Currency: o.Currency().String(), SubtotalCents: o.Subtotal().Cents(), ShippingCents: o.Shipping().Cents(),
		TotalCents: o.Total().Cents(), CreatedAt: o.CreatedAt().UTC().Format(timeLayout),
		UpdatedAt: o.UpdatedAt().UTC().Format(timeLayout), Version: o.Version(),
	}
	for i, l := range lines {
		out.Items[i] = orderLineJSON{BookID: string(l.BookID), Title: l.Title, UnitPriceCents: l.UnitPrice.Cents(),
			Qty: l.Qty, LineTotalCents: l.Total().Cents()}
	}
	return out
}

func newOrderPageJSON(page app.OrderPage) orderPageJSON {
	out := orderPageJSON{Items: make([]orderJSON, len(page.Orders))}
	for i, o := range page.Orders {
		out.Items[i] = newOrderJSON(o)
	}
	if page.NextCursor != "" {
		out.NextCursor = &page.NextCursor
	}
	return out
}
