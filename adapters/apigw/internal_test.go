package apigw

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestParseIfMatch(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr error // category; nil for success
	}{
		{"", 0, nil},
		{"*", 0, nil},
		{` "3" `, 3, nil},
		{`"9223372036854775807"`, 9223372036854775807, nil},
		{`W/"3"`, 0, domain.ErrVersionConflict},
		{`"0"`, 0, domain.ErrVersionConflict},
		{`"-1"`, 0, domain.ErrVersionConflict},
		{`"03"`, 0, domain.ErrVersionConflict},
		{`"abc"`, 0, domain.ErrVersionConflict},
		{`""`, 0, domain.ErrVersionConflict},
		{`"99999999999999999999"`, 0, domain.ErrVersionConflict},
		{`3`, 0, domain.ErrInvalid},
		{`"3`, 0, domain.ErrInvalid},
		{`"`, 0, domain.ErrInvalid},
		{`"1", "2"`, 0, domain.ErrInvalid},
		{`"1","2"`, 0, domain.ErrInvalid},
		{`"a b"`, 0, domain.ErrInvalid},
		{`w/"3"`, 0, domain.ErrInvalid},
		{`**`, 0, domain.ErrInvalid},
	}
	for _, tt := range tests {
		got, err := parseIfMatch(tt.in)
		if got != tt.want || (tt.wantErr == nil) != (err == nil) || (tt.wantErr != nil && !errors.Is(err, tt.wantErr)) {
			t.Errorf("parseIfMatch(%q) = %d, %v; want %d, %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestETag(t *testing.T) {
	for v, want := range map[int64]string{1: `"1"`, 42: `"42"`, 9223372036854775807: `"9223372036854775807"`} {
		if got := etag(v); got != want {
			t.Errorf("etag(%d) = %s, want %s", v, got, want)
		}
		if back, err := parseIfMatch(want); err != nil || back != v {
			t.Errorf("parseIfMatch(etag(%d)) = %d, %v", v, back, err)
		}
	}
}

func TestParseGroups(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"[]", nil},
		{"admin", []string{"admin"}},
		{"[admin]", []string{"admin"}},
		{"[admin other]", []string{"admin", "other"}},
		{" [admin  other] ", []string{"admin", "other"}},
		{`["admin","other"]`, []string{"admin", "other"}},
		{`["admin", ""]`, []string{"admin"}},
		{"admin,other", []string{"admin", "other"}},
		{"[eu-west-1_AbC_Google admin]", []string{"eu-west-1_AbC_Google", "admin"}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, parseGroups(tt.in)); d != "" {
			t.Errorf("parseGroups(%q) mismatch (-want +got):\n%s", tt.in, d)
		}
	}
}

func TestPrincipalFrom(t *testing.T) {
	req := &events.APIGatewayV2HTTPRequest{}
	if _, ok := principalFrom(req); ok {
		t.Error("principal without an authorizer")
	}
	req.RequestContext.Authorizer = &events.APIGatewayV2HTTPRequestContextAuthorizerDescription{
		JWT: &events.APIGatewayV2HTTPRequestContextAuthorizerJWTDescription{Claims: map[string]string{"sub": "u1"}},
	}
	p, ok := principalFrom(req)
	if d := cmp.Diff(app.Principal{UserID: "u1"}, p); !ok || d != "" {
		t.Errorf("principalFrom: ok=%v %s", ok, d)
	}
}

func TestMatchResource(t *testing.T) {
	tests := []struct {
		path, pattern, id string
	}{
		{"/api/health", "/api/health", ""},
		{"/api/books", "/api/books", ""},
		{"/api/books/01J", "/api/books/{id}", "01J"},
		{"/api/books/01J/cover", "/api/books/{id}/cover", "01J"},
		{"/api/books/", "", ""},
		{"/api/books//cover", "", ""},
		{"/api/books/01J/", "", ""},
		{"/api/books/01J/covers", "", ""},
		{"/api/health/", "", ""},
		{"/API/books", "", ""},
		{"/", "", ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		res, params, ok := matchResource(tt.path)
		switch {
		case ok != (tt.pattern != ""):
			t.Errorf("matchResource(%q) ok = %v", tt.path, ok)
		case ok && (res.pattern != tt.pattern || params.get("id") != tt.id):
			t.Errorf("matchResource(%q) = %s id %q; want %s id %q", tt.path, res.pattern, params.get("id"), tt.pattern, tt.id)
		}
	}
}

func TestClassifyFirstMatchWins(t *testing.T) {
	tests := []struct {
		err    error
		status int
	}{
		{&domain.ValidationError{}, 400},
		{fmt.Errorf("get: %w", &domain.NotFoundError{Entity: "book", ID: "x"}), 404},
		{errors.Join(domain.ErrNotFound, domain.ErrInvalid), 400},
		{&domain.VersionConflictError{}, 412},
		{domain.ErrPreconditionRequired, 428},
		{domain.ErrUnauthenticated, 401},
		{domain.ErrForbidden, 403},
		{domain.ErrConflict, 409},
		{&requestError{kind: errRouteNotFound}, 404},
		{&requestError{kind: errMethodNotAllowed}, 405},
		{&requestError{kind: errPayloadTooLarge}, 413},
		{&requestError{kind: errUnsupportedMediaType}, 415},
		{&requestError{kind: errMalformedRequest}, 400},
		{errors.New("boom"), 500},
	}
	for _, tt := range tests {
		if k, _ := classify(tt.err); k.status != tt.status {
			t.Errorf("classify(%v) = %d, want %d", tt.err, k.status, tt.status)
		}
	}
}

// sinkResponse keeps responses on the heap in allocation tests, as Handle's
// caller does.
var sinkResponse events.APIGatewayV2HTTPResponse

// TestRoutingAllocatesNothing: GET /api/health through Handle allocates what
// the health method's response does and nothing more, so neither the route
// table's indirect call nor anything else on the way moves the event to the
// heap.
func TestRoutingAllocatesNothing(t *testing.T) {
	h, err := NewHandler(Services{Catalog: &app.Catalog{}}, Config{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ev := events.APIGatewayV2HTTPRequest{RawPath: "/api/health"}
	ev.RequestContext.HTTP.Method = "GET"
	ctx := context.Background()
	handled := testing.AllocsPerRun(100, func() { sinkResponse, _ = h.Handle(ctx, ev) })
	answered := testing.AllocsPerRun(100, func() { sinkResponse, _ = h.health(ctx, ev, pathParams{}) })
	if sinkResponse.StatusCode != 200 {
		t.Fatalf("health answered %d", sinkResponse.StatusCode)
	}
	if handled != answered {
		t.Errorf("Handle allocates %v times, the health method %v: routing allocates", handled, answered)
	}
}

func TestBookTimesEncodeAsTimeDoes(t *testing.T) {
	for _, tc := range [][2]time.Time{
		{time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC), time.Date(2026, 11, 27, 9, 0, 0, 500, time.UTC)},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.FixedZone("", -7*3600))},
	} {
		created, updated := bookTimes(tc[0], tc[1])
		for i, got := range []string{created, updated} {
			want, _ := tc[i].MarshalJSON()
			if `"`+got+`"` != string(want) {
				t.Errorf("bookTimes(%v)[%d] = %s, want %s", tc, i, got, want)
			}
		}
	}
}
