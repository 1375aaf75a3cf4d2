package apigw

import (
	"context"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

// coverUploadRequest is the body of POST /api/books/{id}/cover.
type coverUploadRequest struct {
	ContentType   string `json:"contentType" apigw:"required"`
	ContentLength int64  `json:"contentLength" apigw:"required"`
}

var coverUploadRequestSchema = schemaOf[coverUploadRequest]()

// coverUploadJSON tells the client how to upload the cover: send Method to
// UploadURL with exactly Headers and the announced number of bytes before
// ExpiresAt.
type coverUploadJSON struct {
	UploadURL string            `json:"uploadUrl"`
	Method    string            `json:"method"`
	Headers   map[string]string `json:"headers"`
	ExpiresAt time.Time         `json:"expiresAt"`
	Key       string            `json:"key"`
}

// requestCoverUpload answers POST /api/books/{id}/cover with a presigned
// upload. The cover is attached to the book once the upload has been
// processed, not by this request.
func (h *Handler) requestCoverUpload(ctx context.Context, req events.APIGatewayV2HTTPRequest, p pathParams) (events.APIGatewayV2HTTPResponse, error) {
	if err := h.catalog.AuthorizeManagement(ctx); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	var in coverUploadRequest
	if err := decodeJSON(&req, coverUploadRequestSchema, &in); err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	up, err := h.catalog.RequestCoverUpload(ctx, domain.BookID(p.get("id")),
		app.CoverUploadRequest{ContentType: in.ContentType, ContentLength: in.ContentLength})
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, err
	}
	headers := up.Headers
	if headers == nil {
		headers = map[string]string{}
	}
	return marshalResponse(200, coverUploadJSON{
		UploadURL: up.URL, Method: up.Method, Headers: headers, ExpiresAt: up.ExpiresAt.UTC(), Key: up.Key,
	})
}
