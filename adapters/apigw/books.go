package apigw

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// booksPath is the collection's path; a book lives at booksPath/{id}.
const booksPath = "/api/books"

// getBook answers GET /api/books/{id}: the book and its ETag.
func (h *Handler) getBook(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	book, err := h.catalog.GetBook(ctx, domain.BookID(p.get("id")))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return h.bookResponse(200, book)
}

// listBooks answers GET /api/books?category=&sort=&limit=&cursor=.
func (h *Handler) listBooks(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	q, err := queryValues(&req)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	limit, err := limitParam(q.Get("limit"), app.MaxPageSize)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	page, err := h.catalog.ListBooks(ctx, app.ListBooksRequest{Category: q.Get("category"), Sort: q.Get("sort"), Limit: limit, Cursor: q.Get("cursor")})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return h.bookPageResponse(page)
}

// bookPageResponse encodes a page of books.
func (h *Handler) bookPageResponse(page app.BookPage) (events.APIGatewayV2HTTPResponse, error) {
	out := bookPageJSON{Items: make([]bookJSON, len(page.Books))}
	for i, b := range page.Books {
		out.Items[i] = h.bookJSON(b)
	}
	if page.NextCursor != "" {
		out.NextCursor = &page.NextCursor
	}
	return marshalResponse(200, out)
}

// createBook answers POST /api/books: 201 with the book, its Location and
// its ETag.
func (h *Handler) createBook(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	if err := h.catalog.AuthorizeManagement(ctx); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	var in bookRequest
	if err := decodeJSON(&req, bookRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	book, err := h.catalog.CreateBook(ctx, in.details())
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp, err := h.bookResponse(201, book)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	resp.Headers["Location"] = booksPath + "/" + url.PathEscape(string(book.ID()))
	return resp, nil
}

// updateBook answers PUT /api/books/{id}, which replaces the book's details
// if If-Match names its current version (see doc.go).
func (h *Handler) updateBook(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	if err := h.catalog.AuthorizeManagement(ctx); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	version, err := parseIfMatch(headerValue(req.Headers, "if-match"))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	var in bookRequest
	if err := decodeJSON(&req, bookRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	// A version of 0 (no If-Match, or *) makes the use case report
	// domain.ErrPreconditionRequired.
	book, err := h.catalog.UpdateBook(ctx, domain.BookID(p.get("id")), version, in.details())
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return h.bookResponse(200, book)
}

// deleteBook answers DELETE /api/books/{id}: 204, or 404 when there is no
// such book, which includes repeating a delete that succeeded. If-Match is
// optional; when given it must name the current version.
func (h *Handler) deleteBook(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	version, err := parseIfMatch(headerValue(req.Headers, "if-match"))
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	if err := h.catalog.DeleteBook(ctx, domain.BookID(p.get("id")), version); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	return noContent(), nil
}

// bookResponse encodes book with its ETag.
func (h *Handler) bookResponse(status int, book domain.Book) (events.APIGatewayV2HTTPResponse, error) {
	v := h.bookJSON(book)
	body, err := json.Marshal(&v)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("encode book: %w", err)
	}
	resp := jsonResponse(status, encoded(body))
	resp.Headers["ETag"] = etag(book.Version())
	return resp, nil
}

// queryValues parses the query string. rawQueryString is authoritative;
// queryStringParameters, where API Gateway joins repeated names with commas,
// is only used by events that lack it.
func queryValues(ev *events.APIGatewayV2HTTPRequest) (url.Values, error) {
	if ev.RawQueryString == "" {
		q := make(url.Values, len(ev.QueryStringParameters))
		for k, v := range ev.QueryStringParameters {
			q.Set(k, v)
		}
		return q, nil
	}
	q, err := url.ParseQuery(ev.RawQueryString)
	if err != nil {
		return nil, &requestError{kind: errMalformedRequest, detail: "The query string is not well formed."}
	}
	return q, nil
}

// fieldError is a validation error on one field.
func fieldError(field, message string) error {
	return &domain.ValidationError{Fields: []domain.FieldError{{Field: field, Message: message}}}
}
