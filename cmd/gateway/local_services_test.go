package main

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/mailbox"
)

func TestStreamsConfigFromEnv(t *testing.T) {
	cfg, err := streamsConfigFromEnv(lookup(map[string]string{
		"BOOKSHOP_TABLES": "ShopTable=bookshop; Other=x-table", "BOOKSHOP_DYNAMODB_ENDPOINT": "http://dynamodb:8000",
		"BOOKSHOP_STREAM_POLL_INTERVAL": "250ms",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Tables["ShopTable"] != "bookshop" || cfg.Tables["Other"] != "x-table" || cfg.Endpoint != "http://dynamodb:8000" || cfg.PollInterval != 250*time.Millisecond {
		t.Errorf("config = %+v", cfg)
	}
	if cfg, err := streamsConfigFromEnv(lookup(nil)); err != nil || len(cfg.Tables) != 0 || cfg.PollInterval != time.Second {
		t.Errorf("defaults = %+v, %v; want no stream polled", cfg, err)
	}
	_, err = streamsConfigFromEnv(lookup(map[string]string{"BOOKSHOP_TABLES": "ShopTable", "BOOKSHOP_STREAM_POLL_INTERVAL": "soon"}))
	for _, want := range []string{"LogicalId=table-name", "BOOKSHOP_STREAM_POLL_INTERVAL"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not mention %q", err, want)
		}
	}
	_, err = streamsConfigFromEnv(lookup(map[string]string{"BOOKSHOP_TABLES": "ShopTable=bookshop"}))
	if err == nil || !strings.Contains(err.Error(), "BOOKSHOP_DYNAMODB_ENDPOINT is required") {
		t.Errorf("tables without endpoint: %v", err)
	}
}

// adminVerifier stands in for the gateway's JWT authorizers: it accepts
// "admin" (group admin) and "reader" (no group).
func adminVerifier(_ context.Context, token string) (map[string]string, error) {
	switch strings.TrimPrefix(token, "Bearer ") {
	case "admin":
		return map[string]string{"sub": "a1", "cognito:groups": "[admin]"}, nil
	case "reader":
		return map[string]string{"sub": "r1"}, nil
	}
	return nil, errors.New("bad token")
}

// The gateway serves the mailbox next to the API: the notifier posts to it
// with the secret, administrators read it; nobody else does either; every
// other path still reaches the API.
func TestGatewayServesTheMailbox(t *testing.T) {
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusTeapot) })
	h, err := startLocalServices(context.Background(), streamsConfig{MailboxSecret: "s3cret"}, "us-east-1", nil, api,
		adminVerifier, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	do := func(method, token, secret, body string) *http.Response {
		req, _ := http.NewRequest(method, srv.URL+"/_local/mailbox", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		if secret != "" {
			req.Header.Set(mailbox.SecretHeader, secret)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return resp
	}
	const msg = `{"kind":"order-placed","orderId":"O1","subject":"Order placed: O1","text":"2 x Kindred"}`
	for _, tc := range []struct {
		name, method, token, secret string
		want                        int
	}{
		{"post without the secret", "POST", "", "", http.StatusForbidden},
		{"read anonymously", "GET", "", "", http.StatusUnauthorized},
		{"read as a plain user", "GET", "reader", "", http.StatusForbidden},
	} {
		resp := do(tc.method, tc.token, tc.secret, msg)
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s: %s, want %d", tc.name, resp.Status, tc.want)
		}
	}
	resp := do("POST", "", "s3cret", msg)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent {
		t.Fatalf("POST mailbox = %s", resp.Status)
	}
	resp = do("GET", "admin", "", "")
	var msgs []struct{ Kind, OrderID, Subject string }
	err = json.NewDecoder(resp.Body).Decode(&msgs)
	resp.Body.Close()
	if err != nil || len(msgs) != 1 || msgs[0].Kind != "order-placed" || msgs[0].OrderID != "O1" {
		t.Fatalf("GET mailbox = %+v, %v", msgs, err)
	}
	resp, err = srv.Client().Get(srv.URL + "/api/books")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTeapot {
		t.Errorf("GET /api/books = %s; want the API's answer", resp.Status)
	}
}
