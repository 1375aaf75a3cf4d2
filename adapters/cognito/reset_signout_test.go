package cognito

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// stubCognito answers Cognito's JSON API: each operation (X-Amz-Target) in
// fail answers that error code, every other one {}; it records the
// operations called.
type stubCognito struct {
	mu    sync.Mutex
	calls []string
	fail  map[string]string
}

func (s *stubCognito) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	op := strings.TrimPrefix(r.Header.Get("X-Amz-Target"), "AWSCognitoIdentityProviderService.")
	s.mu.Lock()
	s.calls = append(s.calls, op)
	code := s.fail[op]
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	if code != "" {
		w.WriteHeader(http.StatusBadRequest)
		_, _ = w.Write([]byte(`{"__type":"` + code + `","message":"stub"}`))
		return
	}
	_, _ = w.Write([]byte(`{}`))
}

func newStubProvider(t *testing.T, stub *stubCognito) *Provider {
	t.Helper()
	srv := httptest.NewServer(stub)
	t.Cleanup(srv.Close)
	cfg := aws.Config{Region: "us-east-1", Credentials: credentials.NewStaticCredentialsProvider("k", "s", ""), RetryMaxAttempts: 1}
	client, err := NewClient(cfg, Endpoint(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(client, "us-east-1_pool", "client")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestAPasswordResetSignsTheUserOutEverywhere: after ConfirmForgotPassword
// the adapter calls AdminUserGlobalSignOut, so the refresh tokens issued
// before the reset stop working; a stand-in without that API (cognito-local
// answers "Unsupported") keeps the reset; any other failure of the sign-out
// is reported; a refused code signs nobody out.
func TestAPasswordResetSignsTheUserOutEverywhere(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name      string
		fail      map[string]string
		wantCalls string
		wantErr   bool
	}{
		{"signed out", nil, "ConfirmForgotPassword AdminUserGlobalSignOut", false},
		{"stand-in without the sign-out", map[string]string{"AdminUserGlobalSignOut": "Unsupported"}, "ConfirmForgotPassword AdminUserGlobalSignOut", false},
		{"sign-out fails", map[string]string{"AdminUserGlobalSignOut": "InternalErrorException"}, "ConfirmForgotPassword AdminUserGlobalSignOut", true},
		{"wrong code", map[string]string{"ConfirmForgotPassword": "CodeMismatchException"}, "ConfirmForgotPassword", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stub := &stubCognito{fail: tc.fail}
			err := newStubProvider(t, stub).ConfirmForgotPassword(ctx, "reader@example.com", "123456", "New-pass-123")
			if got := strings.Join(stub.calls, " "); got != tc.wantCalls {
				t.Errorf("operations %q, want %q", got, tc.wantCalls)
			}
			if (err != nil) != tc.wantErr {
				t.Errorf("err = %v, want error: %v", err, tc.wantErr)
			}
			if errors.Is(err, errors.ErrUnsupported) {
				t.Errorf("err = %v: an unsupported sign-out is not the caller's problem", err)
			}
		})
	}
}
