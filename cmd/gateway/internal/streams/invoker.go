package streams

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Invoker invokes a function synchronously (RequestResponse), as Lambda's
// event source mapping does. functionError reports a function that failed
// (its payload describes the error); err reports an invocation that did not
// happen.
type Invoker interface {
	Invoke(ctx context.Context, function string, payload []byte) (response []byte, functionError bool, err error)
}

// LambdaAPI invokes functions through the Lambda Invoke API at BaseURL
// (the gateway's own, which queues invocations like the API's routes).
type LambdaAPI struct {
	BaseURL string
	Client  *http.Client
}

// maxResponseBytes is Lambda's synchronous response limit.
const maxResponseBytes = 6 << 20

// Invoke implements Invoker.
func (l LambdaAPI) Invoke(ctx context.Context, function string, payload []byte) ([]byte, bool, error) {
	u := strings.TrimSuffix(l.BaseURL, "/") + "/2015-03-31/functions/" + url.PathEscape(function) + "/invocations"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(payload))
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Amz-Invocation-Type", "RequestResponse")
	hc := l.Client
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, false, fmt.Errorf("invoke %s: %w", function, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes))
	if err != nil {
		return nil, false, fmt.Errorf("invoke %s: read response: %w", function, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, false, fmt.Errorf("invoke %s: %s: %s", function, resp.Status, bytes.TrimSpace(body))
	}
	return body, resp.Header.Get("X-Amz-Function-Error") != "", nil
}
