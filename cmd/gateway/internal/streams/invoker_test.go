package streams

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// LambdaAPI speaks the Invoke API as the gateway serves it.
func TestLambdaAPIInvoke(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		switch {
		case r.URL.Path == "/2015-03-31/functions/Broken/invocations":
			w.Header().Set("X-Amz-Function-Error", "Unhandled")
			_, _ = w.Write([]byte(`{"errorMessage":"boom"}`))
		case r.URL.Path == "/2015-03-31/functions/Echo/invocations" && r.Header.Get("X-Amz-Invocation-Type") == "RequestResponse":
			_, _ = w.Write(body)
		default:
			http.Error(w, `{"message":"Function not found"}`, http.StatusNotFound)
		}
	}))
	defer srv.Close()
	inv := LambdaAPI{BaseURL: srv.URL + "/", Client: srv.Client()}
	ctx := context.Background()
	if out, fnErr, err := inv.Invoke(ctx, "Echo", []byte(`{"Records":[]}`)); err != nil || fnErr || string(out) != `{"Records":[]}` {
		t.Errorf("Echo = %s, %v, %v", out, fnErr, err)
	}
	if out, fnErr, err := inv.Invoke(ctx, "Broken", []byte(`{}`)); err != nil || !fnErr || string(out) != `{"errorMessage":"boom"}` {
		t.Errorf("Broken = %s, %v, %v; want a function error", out, fnErr, err)
	}
	if _, _, err := inv.Invoke(ctx, "Missing", []byte(`{}`)); err == nil {
		t.Error("a 404 is not an error")
	}
}
