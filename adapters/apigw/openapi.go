package apigw

import (
	"context"
	_ "embed"

	"github.com/aws/aws-lambda-go/events"
)

// openAPIDocument is the OpenAPI 3.1 description of the API, hand-written in
// openapi.json; tests keep its operations equal to the route table and
// validate the handler tests' requests and responses against it.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPI returns the OpenAPI 3.1 description of the API (JSON), the body of
// GET /api/openapi.json. The caller must not modify it.
func OpenAPI() []byte { return openAPIDocument }

func (h *Handler) openAPI(context.Context, events.APIGatewayV2HTTPRequest, pathParams) (events.APIGatewayV2HTTPResponse, error) {
	resp := jsonResponse(200, string(openAPIDocument))
	resp.Headers["Cache-Control"] = "no-cache"
	return resp, nil
}
