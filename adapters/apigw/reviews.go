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

// mineSegment addresses the caller's own review:
// /api/books/{id}/reviews/mine is the same as .../reviews/<own userId>.
const mineSegment = "mine"

// reviewPath is where the user's review of the book lives.
func reviewPath(book domain.BookID, user domain.UserID) string {
	return booksPath + "/" + url.PathEscape(string(book)) + "/reviews/" + url.PathEscape(string(user))
}

// reviewUser reads the {userId} path segment; the .../reviews/mine routes
// (no {userId}) and a "mine" segment name the caller, which needs a signed-in
// caller (domain.ErrUnauthenticated: 401, never a 404 about an empty id).
func reviewUser(ctx context.Context, p pathParams) (domain.UserID, error) {
	u := p.get("userId")
	if u != "" && u != mineSegment {
		return domain.UserID(u), nil
	}
	if err := app.RequireSignIn(ctx, "your review"); err != nil {
		return "", err
	}
	return domain.UserID(app.PrincipalFrom(ctx).UserID), nil
}

// listReviews answers GET /api/books/{id}/reviews?limit=&cursor=.
func (h *Handler) listReviews(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	q, err := queryValues(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	lr := app.ListReviewsRequest{Book: domain.BookID(p.get("id")), Cursor: q.Get("cursor")}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		switch {
		case err != nil:
			return events.APIGatewayV2HTTPResponse{}, fieldError("limit", "must be an integer")
		case n < 1:
			return events.APIGatewayV2HTTPResponse{}, fieldError("limit", fmt.Sprintf("must be between 1 and %d", app.MaxPageSize))
		}
		lr.Limit = n
	}
	page, err := h.reviews.ListReviews(ctx, lr)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	out := reviewPageJSON{Items: make([]reviewJSON, len(page.Reviews))}
	for i, r := range page.Reviews {
		out.Items[i] = newReviewJSON(r)
	}
	if page.NextCursor != "" {
		out.NextCursor = &page.NextCursor
	}
	return marshalResponse(200, out)
}

// addReview answers POST /api/books/{id}/reviews: 201 with the review, its
// Location and its ETag.
func (h *Handler) addReview(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	if err := app.RequireSignIn(ctx, "add review"); err != nil { // signing in comes before reading the body
		return events.APIGatewayV2HTTPResponse{}, err
	}
	var in reviewRequest
	if err := decodeJSON(&req, reviewRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	r, err := h.reviews.AddReview(ctx, domain.BookID(p.get("id")), in.draft())
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp, err := reviewResponse(201, r)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp.Headers["Location"] = reviewPath(r.BookID(), r.UserID())
	return resp, nil
}

// getReview answers GET /api/books/{id}/reviews/{userId}.
func (h *Handler) getReview(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	user, err := reviewUser(ctx, p)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	r, err := h.reviews.GetReview(ctx, domain.BookID(p.get("id")), user)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return reviewResponse(200, r)
}

// editReview answers PUT /api/books/{id}/reviews/{userId}: the author
// replaces rating and text; If-Match must name the review's version.
func (h *Handler) editReview(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	version, err := parseIfMatch(headerValue(req.Headers, "if-match"))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	var in reviewRequest
	if err := decodeJSON(&req, reviewRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	user, err := reviewUser(ctx, p)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	r, err := h.reviews.EditReview(ctx, domain.BookID(p.get("id")), user, version, in.draft())
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return reviewResponse(200, r)
}

// deleteReview answers DELETE /api/books/{id}/reviews/{userId}: 204. Its
// author or an admin may delete it; If-Match is optional.
func (h *Handler) deleteReview(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	version, err := parseIfMatch(headerValue(req.Headers, "if-match"))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	user, err := reviewUser(ctx, p)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.reviews.DeleteReview(ctx, domain.BookID(p.get("id")), user, version); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return noContent(), nil
}

// reviewResponse encodes a review with its ETag.
func reviewResponse(status int, r domain.Review) (events.APIGatewayV2HTTPResponse, error) {
	resp, err := marshalResponse(status, newReviewJSON(r))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp.Headers["ETag"] = etag(r.Version())
	return resp, nil
}
