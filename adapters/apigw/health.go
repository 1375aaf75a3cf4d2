package apigw

import (
	"context"

	"github.com/aws/aws-lambda-go/events"
)

var healthBody = []byte(`{"status":"ok"}`)

// health answers GET /api/health. It touches no dependency: it tells that
// the function runs and routes, not that storage is reachable.
func (h *Handler) health(context.Context, events.APIGatewayV2HTTPRequest, pathParams) (events.APIGatewayV2HTTPResponse, error) {
	return jsonResponse(200, string(healthBody)), nil
}
