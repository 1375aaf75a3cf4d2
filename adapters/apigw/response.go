package apigw

import (
	"encoding/json"
	"fmt"
	"unsafe"

	"github.com/aws/aws-lambda-go/events"
)

// contentTypeJSON is the media type of successful JSON responses.
const contentTypeJSON = "application/json"

// responseHeaderRoom sizes response header maps for the endpoint's own
// headers (Content-Type, ETag, Location) and the CORS ones (Vary,
// Access-Control-Allow-Origin, Access-Control-Expose-Headers) and the
// security ones (X-Content-Type-Options, Cache-Control), so adding them never
// grows the map.
const responseHeaderRoom = 8

// jsonResponse returns a JSON response with body.
func jsonResponse(status int, body string) events.APIGatewayV2HTTPResponse {
	headers := make(map[string]string, responseHeaderRoom)
	headers["Content-Type"] = contentTypeJSON
	return events.APIGatewayV2HTTPResponse{StatusCode: status, Headers: headers, Body: body}
}

// encoded returns the bytes json.Marshal just returned as a string without
// copying them. The caller hands b over: nothing may write to it afterwards.
func encoded(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// marshalResponse encodes v as a JSON response.
func marshalResponse(status int, v any) (events.APIGatewayV2HTTPResponse, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return events.APIGatewayV2HTTPResponse{}, fmt.Errorf("encode response: %w", err)
	}
	return jsonResponse(status, encoded(body)), nil
}

// noContent returns a 204 response.
func noContent() events.APIGatewayV2HTTPResponse {
	return events.APIGatewayV2HTTPResponse{StatusCode: 204, Headers: make(map[string]string, responseHeaderRoom)}
}
