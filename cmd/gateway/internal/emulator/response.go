package emulator

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// httpAPIResponse is a function's answer in payload format 2.0. StatusCode
// is raw so that "absent" (nil), null and a number differ.
type httpAPIResponse struct {
	StatusCode        json.RawMessage     `json:"statusCode"`
	Headers           map[string]string   `json:"headers"`
	MultiValueHeaders map[string][]string `json:"multiValueHeaders"`
	Cookies           []string            `json:"cookies"`
	Body              string              `json:"body"`
	IsBase64Encoded   bool                `json:"isBase64Encoded"`
}

// errMalformedResponse marks a function answer API Gateway cannot map.
var errMalformedResponse = errors.New("malformed Lambda proxy response")

// parsedResponse is an answer ready to be written.
type parsedResponse struct {
	status int
	header http.Header
	body   []byte
}

// parseResponse interprets payload as API Gateway does for format 2.0: a
// JSON object with "statusCode" is a structured response; any other valid
// JSON is the body of a 200 application/json response. A structured
// response, the usual answer, is decoded in one pass.
func parseResponse(payload []byte) (parsedResponse, error) {
	trimmed := bytes.TrimSpace(payload)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var resp httpAPIResponse
		err := json.Unmarshal(trimmed, &resp)
		switch {
		case err == nil && resp.StatusCode != nil:
			return structuredResponse(resp)
		case err != nil && hasStatusCode(trimmed):
			// A structured response with a field of the wrong type.
			return parsedResponse{}, fmt.Errorf("%w: %v", errMalformedResponse, err)
		}
		// An object without statusCode (valid JSON or not: checked below).
	}
	if !json.Valid(trimmed) {
		return parsedResponse{}, fmt.Errorf("%w: not JSON", errMalformedResponse)
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	return parsedResponse{status: http.StatusOK, header: h, body: trimmed}, nil
}

// hasStatusCode reports whether the JSON object obj has a statusCode
// member; false when obj is not a JSON object.
func hasStatusCode(obj []byte) bool {
	var probe map[string]json.RawMessage
	if json.Unmarshal(obj, &probe) != nil {
		return false
	}
	_, ok := probe["statusCode"]
	return ok
}

func structuredResponse(resp httpAPIResponse) (parsedResponse, error) {
	if string(resp.StatusCode) == "null" {
		return parsedResponse{}, fmt.Errorf("%w: statusCode is null", errMalformedResponse)
	}
	status, err := strconv.Atoi(string(resp.StatusCode))
	if err != nil {
		return parsedResponse{}, fmt.Errorf("%w: statusCode %s is not an integer", errMalformedResponse, resp.StatusCode)
	}
	if status < 100 || status > 599 {
		return parsedResponse{}, fmt.Errorf("%w: status code %d", errMalformedResponse, status)
	}
	body := []byte(resp.Body)
	if resp.IsBase64Encoded {
		var err error
		if body, err = base64.StdEncoding.DecodeString(resp.Body); err != nil {
			return parsedResponse{}, fmt.Errorf("%w: isBase64Encoded but the body is not base64", errMalformedResponse)
		}
	}
	h := make(http.Header, len(resp.Headers)+len(resp.MultiValueHeaders)+1)
	for k, vs := range resp.MultiValueHeaders {
		for _, v := range vs {
			h.Add(k, v)
		}
	}
	for k, v := range resp.Headers {
		h.Set(k, v)
	}
	for _, c := range resp.Cookies {
		h.Add("Set-Cookie", c)
	}
	if h.Get("Content-Type") == "" && len(body) > 0 {
		h.Set("Content-Type", "application/json")
	}
	return parsedResponse{status: status, header: h, body: body}, nil
}

// write sends the response.
func (p parsedResponse) write(w http.ResponseWriter) {
	h := w.Header()
	for k, vs := range p.header {
		h[k] = vs
	}
	noBody := p.status == http.StatusNoContent || p.status == http.StatusNotModified || p.status < 200
	if !noBody {
		h.Set("Content-Length", strconv.Itoa(len(p.body)))
	}
	w.WriteHeader(p.status)
	if !noBody {
		_, _ = w.Write(p.body) // the client went away: nothing to do
	}
}

// integrationFailed is an HTTP API's status when its Lambda integration
// fails: the invocation failed, the function returned an error (a timeout
// too, errorType Sandbox.Timedout), or its answer is not a valid payload
// format 2.0 response. The body is {"message":"Internal Server Error"}.
// REST APIs answer 502 {"message": "Internal server error"} instead, as the
// Lambda guide says for "API Gateway"; HTTP APIs answer 500, as captured
// from a deployed HTTP API in
// https://github.com/aws/aws-sam-cli/issues/2590 and documented in
// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html
// and (malformed responses)
// https://repost.aws/knowledge-center/api-gateway-status-codes-http-api.
// The integration timeout is another answer, 503 (Config.Timeout).
const integrationFailed = http.StatusInternalServerError

// writeMessage writes one of API Gateway's own answers, such as
// {"message":"Not Found"}.
func writeMessage(w http.ResponseWriter, status int) {
	message := http.StatusText(status)
	if status == http.StatusRequestEntityTooLarge {
		message = "Request Entity Too Large"
	}
	body := `{"message":"` + message + `"}`
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// isFunctionError reports whether an RIE answer is a function error: the
// X-Amz-Function-Error header, or an {"errorMessage","errorType"} object
// without a statusCode.
func isFunctionError(header http.Header, payload []byte) bool {
	if header.Get("X-Amz-Function-Error") != "" {
		return true
	}
	trimmed := bytes.TrimSpace(payload)
	if len(trimmed) == 0 || trimmed[0] != '{' || !bytes.Contains(trimmed, []byte(`"errorType"`)) {
		return false
	}
	var probe map[string]json.RawMessage
	if json.Unmarshal(trimmed, &probe) != nil {
		return false
	}
	_, hasType := probe["errorType"]
	_, hasMessage := probe["errorMessage"]
	_, hasStatus := probe["statusCode"]
	return hasType && hasMessage && !hasStatus && !strings.Contains(string(probe["errorType"]), "\"\"")
}
