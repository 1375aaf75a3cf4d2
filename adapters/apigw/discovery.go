package apigw

import (
	"context"
	"fmt"
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
	q, err := queryValues(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	limit, err := limitParam(q.Get("limit"), app.MaxSearchPageSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	page, err := h.discovery.Search(ctx, app.SearchRequest{Query: q.Get("q"), Category: q.Get("category"), Limit: limit, Cursor: q.Get("cursor")})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	out := bookPageJSON{Items: make([]bookJSON, len(page.Books))}
	for i, b := range page.Books {
		out.Items[i] = h.bookJSON(b)
	}
	if page.NextCursor != "" {
		out.NextCursor = &page.NextCursor
	}
	return marshalResponse(200, out)
}

// bestSellers answers GET /api/bestsellers?category=&period=all|30d&limit=.
func (h *Handler) bestSellers(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	q, err := queryValues(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	limit, err := limitParam(q.Get("limit"), app.MaxRankingSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	ranked, err := h.discovery.BestSellers(ctx, app.BestSellersRequest{Category: q.Get("category"), Period: q.Get("period"), Limit: limit})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return h.rankingResponse(ranked)
}

// alsoBought answers GET /api/books/{id}/also-bought?limit=.
func (h *Handler) alsoBought(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	q, err := queryValues(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	limit, err := limitParam(q.Get("limit"), app.MaxRankingSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	ranked, err := h.discovery.AlsoBought(ctx, domain.BookID(p.get("id")), limit)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return h.rankingResponse(ranked)
}

func (h *Handler) rankingResponse(ranked []app.RankedBook) (events.APIGatewayV2HTTPResponse, error) {
	out := rankingJSON{Items: make([]rankedBookJSON, len(ranked))}
	for i, r := range ranked {
		out.Items[i] = rankedBookJSON{Book: h.bookJSON(r.Book), Count: r.Count}
	}
	return marshalResponse(200, out)
}

// limitParam parses an optional limit query parameter: "" is 0 (the use
// case's default); anything but an integer from 1 to max is a field error.
// The use cases read 0 as "default", so an explicit 0 is refused here.
func limitParam(s string, max int) (int, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		return 0, fieldError("limit", "must be an integer")
	case n < 1 || n > max:
		return 0, fieldError("limit", fmt.Sprintf("must be between 1 and %d", max))
	}
	return n, nil
}
