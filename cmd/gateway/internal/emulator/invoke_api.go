package emulator

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
)

// maxInvokePayloadBytes is Lambda's synchronous request payload limit.
const maxInvokePayloadBytes = 6 << 20

// serveInvoke implements the Lambda Invoke API,
// POST /2015-03-31/functions/{FunctionName}/invocations, where FunctionName
// is a logical id of the template (an ARN or a :qualifier suffix is
// accepted). X-Amz-Invocation-Type Event answers 202 and invokes in the
// background; DryRun answers 204; RequestResponse (default) returns the
// function's payload, with X-Amz-Function-Error when it failed.
func (s *Server) serveInvoke(w http.ResponseWriter, r *http.Request, entry *accessEntry) {
	rest := strings.TrimPrefix(r.URL.Path, invokeFunctionsPath)
	name, ok := strings.CutSuffix(rest, "/invocations")
	if !ok || name == "" {
		writeLambdaError(w, http.StatusNotFound, "ResourceNotFoundException", "Unknown operation")
		return
	}
	function := functionName(name)
	entry.function = function
	if !s.functions[function] {
		writeLambdaError(w, http.StatusNotFound, "ResourceNotFoundException", "Function not found: "+function)
		return
	}
	payload, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxInvokePayloadBytes))
	if err != nil {
		writeLambdaError(w, http.StatusRequestEntityTooLarge, "RequestTooLargeException", "Request must be smaller than 6291456 bytes for the InvokeFunction operation")
		return
	}
	if len(payload) == 0 {
		payload = []byte("{}")
	}
	if !json.Valid(payload) {
		writeLambdaError(w, http.StatusBadRequest, "InvalidRequestContentException", "Could not parse request body into json")
		return
	}
	switch r.Header.Get("X-Amz-Invocation-Type") {
	case "Event":
		s.invokeAsync(function, payload, entry.requestID)
		w.WriteHeader(http.StatusAccepted)
		return
	case "DryRun":
		w.WriteHeader(http.StatusNoContent)
		return
	case "", "RequestResponse":
	default:
		writeLambdaError(w, http.StatusBadRequest, "InvalidParameterValueException", "Unknown invocation type")
		return
	}
	// The function's timeout bounds the run (invoker): a synchronous
	// Invoke waits as long as the function may run, and for an endpoint.
	ctx, cancel := context.WithTimeout(r.Context(), 2*s.cfg.Template.FunctionTimeout(function))
	defer cancel()
	inv, err := s.invoker.invoke(ctx, function, payload)
	switch {
	case errors.Is(err, errThrottled):
		writeLambdaError(w, http.StatusTooManyRequests, "TooManyRequestsException", "Rate Exceeded.")
		return
	case errors.Is(err, context.DeadlineExceeded):
		entry.err = "timeout"
		inv = timedOut(s.cfg.Template.FunctionTimeout(function))
	case err != nil:
		// Lambda's ServiceException is a 500
		// (https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html).
		entry.err = err.Error()
		writeLambdaError(w, http.StatusInternalServerError, "ServiceException", "The function could not be invoked.")
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Amz-Executed-Version", "$LATEST")
	if inv.functionError {
		h.Set("X-Amz-Function-Error", "Unhandled")
	}
	_, _ = w.Write(inv.payload)
}

// functionName extracts the function name from an ARN
// (arn:aws:lambda:region:account:function:Name[:qualifier]) or a
// Name:qualifier.
func functionName(s string) string {
	if rest, ok := strings.CutPrefix(s, "arn:"); ok {
		parts := strings.Split(rest, ":")
		if len(parts) >= 6 {
			return parts[5]
		}
	}
	name, _, _ := strings.Cut(s, ":")
	return name
}

// writeLambdaError writes an error of the Lambda API.
func writeLambdaError(w http.ResponseWriter, status int, errorType, message string) {
	body, _ := json.Marshal(map[string]string{"Type": "User", "message": message})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", errorType)
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
