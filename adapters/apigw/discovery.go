package apigw

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// rankedBookJSON is a book of a ranking: best sellers (Count is units sold)
// or also-bought (Count is orders shared with the book asked about).
type rankedBookJSON struct {
	Book  bookJSON `json:"book"`
	Count int64    `json:"count"`
}

// rankingJSON is a whole ranking; it has no pages.
type rankingJSON struct {
	Items []rankedBookJSON `json:"items"`
}

// search answers GET /api/search?q=&category=&limit=&cursor=.
func (h *Handler) search(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	q, limit, err := queryWithLimit(&req, app.MaxSearchPageSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	page, err := h.discovery.Search(ctx, app.SearchRequest{Query: q.Get("q"), Category: q.Get("category"), Limit: limit, Cursor: q.Get("cursor")})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return h.bookPageResponse(page)
}

// bestSellers answers GET /api/bestsellers?category=&period=all|30d&limit=.
func (h *Handler) bestSellers(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	q, limit, err := queryWithLimit(&req, app.MaxRankingSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	ranked, err := h.discovery.BestSellers(ctx, app.BestSellersRequest{Category: q.Get("category"), Period: q.Get("period"), Limit: limit})
	return h.rankingResponse(ranked, err)
}

// alsoBought answers GET /api/books/{id}/also-bought?limit=.
func (h *Handler) alsoBought(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	_, limit, err := queryWithLimit(&req, app.MaxRankingSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	ranked, err := h.discovery.AlsoBought(ctx, domain.BookID(p.get("id")), limit)
	return h.rankingResponse(ranked, err)
}

// queryWithLimit parses the query string and its optional limit (see
// limitParam).
func queryWithLimit(req *events.APIGatewayV2HTTPRequest, max int) (url.Values, int, error) {
	q, err := queryValues(req)
	if err != nil {
		return nil, 0, err
	}
	limit, err := limitParam(q.Get("limit"), max)
	return q, limit, err
}

// rankingResponse encodes a ranking, or passes on the use case's error.
func (h *Handler) rankingResponse(ranked []app.RankedBook, err error) (events.APIGatewayV2HTTPResponse, error) {
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	out := rankingJSON{Items: make([]rankedBookJSON, len(ranked))}
	for i, r := range ranked {
		out.Items[i] = rankedBookJSON{Book: h.bookJSON(r.Book), Count: r.Count}
	}
	return marshalResponse(200, out)
}

// limitParam parses an optional limit query parameter: "" is 0 (the use
// case's default). Anything but an integer, and integers below 1, are field
// errors here, because the use cases read 0 as "default"; the use case
// checks the upper bound max, together with the request's other fields.
func limitParam(s string, max int) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, fieldError("limit", "must be an integer")
	case n < 1:
		return 0, fieldError("limit", fmt.Sprintf("must be between 1 and %d", max))
	}
	return n, nil
}
