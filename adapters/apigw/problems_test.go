package apigw_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/bookshop/bookshop/adapters/apigw"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

const (
	validBook   = `{"title":"Dune","author":"Frank Herbert","category":"science-fiction","priceCents":1999,"stock":3}`
	typeBase    = apigw.ProblemTypeBase
	invalidType = typeBase + "validation"
)

func validation(errs ...fieldError) problem {
	return problem{Type: invalidType, Title: "Invalid request", Status: 400, Errors: errs}
}

func malformedProblem(detail string) problem {
	return problem{Type: typeBase + "malformed-request", Title: "Malformed request", Status: 400, Detail: detail}
}

// badInputFixture holds three books; book-0001 (science fiction) has been
// updated once, so it is at version 2.
type badInputFixture struct {
	*fixture
	// sciFiCursor continues GET /api/books?category=science-fiction&limit=1.
	sciFiCursor string
}

func newBadInputFixture(t *testing.T) badInputFixture {
	f := newFixture(t)
	f.seed(t, dune, kindred, middlemarch)
	ctx := app.AsSystem(context.Background())
	if _, err := f.catalog.UpdateBook(ctx, "book-0001", 1, dune); err != nil {
		t.Fatal(err)
	}
	page, err := f.catalog.ListBooks(ctx, app.ListBooksRequest{Category: "science-fiction", Limit: 1})
	if err != nil || page.NextCursor == "" {
		t.Fatalf("ListBooks = %+v, %v; want a next cursor", page, err)
	}
	return badInputFixture{fixture: f, sciFiCursor: page.NextCursor}
}

// tamper flips one character of the cursor's signed payload.
func tamper(cursor string) string {
	b := []byte(cursor)
	if b[2] == 'A' {
		b[2] = 'B'
	} else {
		b[2] = 'A'
	}
	return string(b)
}

// TestBadInput sends requests that must fail, as an administrator. Each
// must answer a problem and leave the repository exactly as it was.
func TestBadInput(t *testing.T) {
	huge := `{"title":"Dune","author":"Frank Herbert","category":"x","priceCents":1,"stock":1,"description":"` +
		strings.Repeat("a", apigw.MaxBodyBytes) + `"}`
	tooLarge := problem{Type: typeBase + "payload-too-large", Title: "Payload too large", Status: 413,
		Detail: fmt.Sprintf("The request body exceeds %d bytes.", apigw.MaxBodyBytes)}
	unsupported := problem{Type: typeBase + "unsupported-media-type", Title: "Unsupported media type", Status: 415}
	preconditionRequired := problem{Type: typeBase + "precondition-required", Title: "Precondition required", Status: 428,
		Detail: `Send If-Match with the book's current ETag (for example "3"); a wildcard is not accepted.`}
	preconditionFailed := problem{Type: typeBase + "precondition-failed", Title: "Precondition failed", Status: 412}
	notFound := problem{Type: typeBase + "not-found", Title: "Not found", Status: 404}
	cursorErr := fieldError{"cursor", "is not a cursor issued for this listing"}
	badIfMatch := validation(fieldError{"If-Match", `must be one entity tag from the book's ETag, such as "3"`})

	tests := []struct {
		name  string
		event func(t *testing.T, f badInputFixture) events.APIGatewayV2HTTPRequest
		want  problem // an empty Detail only requires some detail
		allow string
	}{
		// Bodies.
		{name: "malformed JSON", event: post("/api/books", jsonBody(`{"title": "Dune",`)),
			want: malformedProblem("The request body is not valid JSON: it ends too early.")},
		{name: "JSON syntax error", event: post("/api/books", jsonBody(`{"title" "Dune"}`)),
			want: malformedProblem("The request body is not valid JSON: expected colon after object key (at byte 9).")},
		{name: "wrong type for an integer", event: post("/api/books", jsonBody(strings.Replace(validBook, `1999`, `"1999"`, 1))),
			want: validation(fieldError{"priceCents", "must be an integer"})},
		{name: "fraction for an integer", event: post("/api/books", jsonBody(strings.Replace(validBook, `1999`, `19.99`, 1))),
			want: validation(fieldError{"priceCents", "must be an integer"})},
		{name: "wrong type for a string", event: post("/api/books", jsonBody(strings.Replace(validBook, `"Dune"`, `42`, 1))),
			want: validation(fieldError{"title", "must be a string"})},
		{name: "unknown field", event: post("/api/books", jsonBody(strings.Replace(validBook, `{`, `{"isbn":"978-0441013593",`, 1))),
			want: validation(fieldError{"isbn", "is not a known field"})},
		{name: "field name in another case", event: post("/api/books", jsonBody(strings.Replace(validBook, `"title"`, `"Title"`, 1))),
			want: validation(fieldError{"Title", "is not a known field"}, fieldError{"title", "is required"})},
		{name: "repeated field", event: post("/api/books", jsonBody(strings.Replace(validBook, `{`, `{"stock":1,`, 1))),
			want: validation(fieldError{"stock", "is given more than once"})},
		{name: "null field", event: post("/api/books", jsonBody(strings.Replace(validBook, `1999`, `null`, 1))),
			want: validation(fieldError{"priceCents", "must not be null"})},
		{name: "missing required fields", event: post("/api/books", jsonBody(`{"description":"no"}`)),
			want: validation(fieldError{"title", "is required"}, fieldError{"author", "is required"},
				fieldError{"category", "is required"}, fieldError{"priceCents", "is required"}, fieldError{"stock", "is required"})},
		{name: "trailing data", event: post("/api/books", jsonBody(validBook+` {}`)),
			want: malformedProblem("The request body has data after the JSON object.")},
		{name: "trailing garbage", event: post("/api/books", jsonBody(validBook+`x`)),
			want: malformedProblem("The request body has data after the JSON object.")},
		{name: "empty body", event: post("/api/books", jsonBody("")),
			want: malformedProblem("The request body is empty; send a JSON object.")},
		{name: "blank body", event: post("/api/books", jsonBody(" \n")),
			want: malformedProblem("The request body is empty; send a JSON object.")},
		{name: "array body", event: post("/api/books", jsonBody(`[`+validBook+`]`)),
			want: malformedProblem("The request body must be a JSON object.")},
		{name: "oversized body", event: post("/api/books", jsonBody(huge)), want: tooLarge},
		{name: "oversized base64 body", event: post("/api/books", jsonBody(huge), base64Encoded),
			want: tooLarge},
		{name: "base64 body at the limit once decoded", event: post("/api/books",
			jsonBody(huge[:apigw.MaxBodyBytes-2]+`"}`), base64Encoded),
			want: validation(fieldError{"description", "must be at most 4000 characters"})},
		{name: "invalid base64", event: post("/api/books", jsonBody("{not base64}"), func(ev *events.APIGatewayV2HTTPRequest) {
			ev.IsBase64Encoded = true
		}),
			want: malformedProblem("The request body is not valid base64 although isBase64Encoded is set.")},
		{name: "unsupported media type", event: post("/api/books", body2("text/plain", validBook)),
			want: withDetail(unsupported, `Content-Type "text/plain" is not supported; send application/json.`)},
		{name: "JSON in another charset", event: post("/api/books", body2("application/json; charset=latin1", validBook)),
			want: unsupported},
		{name: "missing content type", event: post("/api/books", body2("", validBook)),
			want: withDetail(unsupported, "Send the request body as application/json.")},

		// Domain validation.
		{name: "negative price", event: post("/api/books", jsonBody(strings.Replace(validBook, `1999`, `-1`, 1))),
			want: validation(fieldError{"priceCents", fmt.Sprintf("must be between 0 and %d", domain.MaxPriceCents)})},
		{name: "several invalid fields", event: post("/api/books",
			jsonBody(`{"title":" ","author":"A","category":"!!","priceCents":1,"currency":"XXY","stock":-1}`)),
			want: validation(fieldError{"title", "is required"},
				fieldError{"category", "must contain letters or digits and be at most 64 characters as a slug"},
				fieldError{"currency", "must be an ISO 4217 currency code such as USD"},
				fieldError{"stock", "must be between 0 and 1000000"})},

		// Listing parameters.
		{name: "invalid cursor", event: get("/api/books?cursor=garbage"), want: validation(cursorErr)},
		{name: "tampered cursor", event: func(t *testing.T, f badInputFixture) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "GET", "/api/books?category=science-fiction&limit=1&cursor="+tamper(f.sciFiCursor))
		}, want: validation(cursorErr)},
		{name: "cursor from another category", event: func(t *testing.T, f badInputFixture) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "GET", "/api/books?category=classics&limit=1&cursor="+f.sciFiCursor)
		}, want: validation(cursorErr)},
		{name: "cursor from another order", event: func(t *testing.T, f badInputFixture) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "GET", "/api/books?category=science-fiction&sort=title&limit=1&cursor="+f.sciFiCursor)
		}, want: validation(cursorErr)},
		{name: "limit 0", event: get("/api/books?limit=0"), want: validation(fieldError{"limit", "must be between 1 and 100"})},
		{name: "limit 101", event: get("/api/books?limit=101"), want: validation(fieldError{"limit", "must be between 1 and 100"})},
		{name: "limit abc", event: get("/api/books?limit=abc"), want: validation(fieldError{"limit", "must be an integer"})},
		{name: "unknown sort", event: get("/api/books?sort=price"), want: validation(fieldError{"sort", `must be "newest" or "title"`})},
		{name: "invalid category", event: get("/api/books?category=!!!"), want: validation(fieldError{"category", "is not a valid category"})},
		{name: "malformed query string", event: get("/api/books?limit=%zz"),
			want: malformedProblem("The query string is not well formed.")},

		// Conditional requests.
		{name: "missing If-Match", event: put("/api/books/book-0001", jsonBody(validBook)), want: preconditionRequired},
		{name: "If-Match wildcard on PUT", event: put("/api/books/book-0001", jsonBody(validBook), header("If-Match", "*")),
			want: preconditionRequired},
		{name: "stale If-Match", event: put("/api/books/book-0001", jsonBody(validBook), header("If-Match", `"1"`)),
			want: withDetail(preconditionFailed, "The book is at version 2, not 1: fetch it again and retry with its new ETag.")},
		{name: "weak If-Match", event: put("/api/books/book-0001", jsonBody(validBook), header("If-Match", `W/"2"`)),
			want: withDetail(preconditionFailed, `Weak entity tags never match If-Match; send the book's strong ETag, such as "3".`)},
		{name: "If-Match naming no version", event: put("/api/books/book-0001", jsonBody(validBook), header("If-Match", `"v2"`)),
			want: withDetail(preconditionFailed, "If-Match does not name a version of this book; fetch it again and use its ETag.")},
		{name: "unquoted If-Match", event: put("/api/books/book-0001", jsonBody(validBook), header("If-Match", `2`)), want: badIfMatch},
		{name: "If-Match list", event: put("/api/books/book-0001", jsonBody(validBook), header("If-Match", `"1", "2"`)), want: badIfMatch},
		{name: "stale If-Match on DELETE", event: del("/api/books/book-0001", header("If-Match", `"1"`)), want: preconditionFailed},
		{name: "valid If-Match with invalid body", event: put("/api/books/book-0001", jsonBody(`{}`), header("If-Match", `"2"`)),
			want: validation(fieldError{"title", "is required"}, fieldError{"author", "is required"},
				fieldError{"category", "is required"}, fieldError{"priceCents", "is required"}, fieldError{"stock", "is required"})},

		// Missing resources and routes.
		{name: "unknown book", event: get("/api/books/nope"), want: withDetail(notFound, `There is no book with id "nope".`)},
		{name: "PUT of an unknown book", event: put("/api/books/nope", jsonBody(validBook), header("If-Match", `"1"`)),
			want: withDetail(notFound, `There is no book with id "nope".`)},
		{name: "DELETE of an unknown book", event: del("/api/books/nope"), want: withDetail(notFound, `There is no book with id "nope".`)},
		{name: "unknown route", event: get("/api/authors"), want: withDetail(notFound, "No resource lives at this path.")},
		{name: "path with trailing slash", event: get("/api/books/"), want: notFound},
		{name: "path too deep", event: get("/api/books/book-0001/cover/x"), want: notFound},
		{name: "path without leading slash", event: get("api/books"), want: notFound},
		{name: "wrong method on a book", event: func(t *testing.T, _ badInputFixture) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "PATCH", "/api/books/book-0001", jsonBody(validBook))
		}, want: problem{Type: typeBase + "method-not-allowed", Title: "Method not allowed", Status: 405,
			Detail: "This resource does not support PATCH."}, allow: "GET, PUT, DELETE, OPTIONS"},
		{name: "wrong method on the collection", event: del("/api/books"),
			want: problem{Type: typeBase + "method-not-allowed", Title: "Method not allowed", Status: 405}, allow: "GET, POST, OPTIONS"},
		{name: "HEAD is not served", event: func(t *testing.T, _ badInputFixture) events.APIGatewayV2HTTPRequest {
			return newEvent(t, "HEAD", "/api/health")
		}, want: problem{Type: typeBase + "method-not-allowed", Title: "Method not allowed", Status: 405}, allow: "GET, OPTIONS"},

		// Cover uploads.
		{name: "cover of an unsupported type", event: post("/api/books/book-0001/cover", jsonBody(`{"contentType":"image/gif","contentLength":10}`)),
			want: validation(fieldError{"contentType", "must be image/jpeg, image/png or image/webp"})},
		{name: "cover too large", event: post("/api/books/book-0001/cover", jsonBody(`{"contentType":"image/png","contentLength":5242881}`)),
			want: validation(fieldError{"contentLength", "must be between 1 and 5242880 bytes"})},
		{name: "cover request without length", event: post("/api/books/book-0001/cover", jsonBody(`{"contentType":"image/png"}`)),
			want: validation(fieldError{"contentLength", "is required"})},
		{name: "cover of an unknown book", event: post("/api/books/nope/cover", jsonBody(`{"contentType":"image/png","contentLength":10}`)),
			want: withDetail(notFound, `There is no book with id "nope".`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := newBadInputFixture(t)
			before := f.snapshot(t)

			ev := tt.event(t, f)
			asAdmin()(&ev) // input, not authorization, must be refused
			resp := f.serve(t, ev)

			if resp.StatusCode != tt.want.Status {
				t.Errorf("status = %d, want %d", resp.StatusCode, tt.want.Status)
			}
			got := decodeProblem(t, resp)
			if got.Detail == "" {
				t.Error("problem has no detail")
			}
			if tt.want.Detail == "" {
				got.Detail = ""
			}
			diff(t, "problem", tt.want, got)
			if resp.Headers["Allow"] != tt.allow {
				t.Errorf("Allow = %q, want %q", resp.Headers["Allow"], tt.allow)
			}
			diff(t, "repository contents", before, f.snapshot(t))
		})
	}
}

func withDetail(p problem, detail string) problem {
	p.Detail = detail
	return p
}

func base64Encoded(ev *events.APIGatewayV2HTTPRequest) {
	ev.Body = base64.StdEncoding.EncodeToString([]byte(ev.Body))
	ev.IsBase64Encoded = true
}

type eventFunc = func(t *testing.T, f badInputFixture) events.APIGatewayV2HTTPRequest

func request(method, target string, opts ...eventOption) eventFunc {
	return func(t *testing.T, _ badInputFixture) events.APIGatewayV2HTTPRequest {
		return newEvent(t, method, target, opts...)
	}
}

func get(target string, opts ...eventOption) eventFunc  { return request("GET", target, opts...) }
func post(target string, opts ...eventOption) eventFunc { return request("POST", target, opts...) }
func put(target string, opts ...eventOption) eventFunc  { return request("PUT", target, opts...) }
func del(target string, opts ...eventOption) eventFunc  { return request("DELETE", target, opts...) }
