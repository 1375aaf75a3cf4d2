package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/dynamodb/attributevalue"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/httpbridge"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
)

func TestMain(m *testing.M) {
	os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))())
}

// function is the catalog function as Lambda would run it, built by its
// wire injector from environment variables, against a DynamoDB Local table
// and a MinIO bucket, served over HTTP through the API Gateway bridge.
type function struct {
	url   string
	table string
	ddb   *dynamodb.Client
	// minio is the object store the function writes covers to.
	minio *s3test.Server
}

func startFunction(tb testing.TB) function {
	tb.Helper()
	return startFunctionOn(tb, dynamotest.Start(tb), 0)
}

// startFunctionOn is startFunction on the given DynamoDB Local; a timeout
// above zero gives each invocation Lambda's deadline, as the function's
// Timeout does.
func startFunctionOn(tb testing.TB, ddb *dynamotest.Server, timeout time.Duration) function {
	tb.Helper()
	return startFunctionWith(tb, ddb, s3test.Start(tb), timeout)
}

// startFunctionWith is startFunctionOn with the given MinIO.
func startFunctionWith(tb testing.TB, ddb *dynamotest.Server, minio *s3test.Server, timeout time.Duration) function {
	tb.Helper()
	table := dynamotest.NewTable(tb, ddb.DB)
	minio, bucket := s3test.NewBucketOn(tb, minio)
	creds, err := minio.Config.Credentials.Retrieve(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	env := validEnv()
	env["BOOKSHOP_TABLE"] = string(table)
	env["BOOKSHOP_BUCKET"] = string(bucket)
	env["BOOKSHOP_DYNAMODB_ENDPOINT"] = string(ddb.Endpoint)
	env["BOOKSHOP_S3_ENDPOINT"] = minio.Endpoint
	env["BOOKSHOP_S3_PUBLIC_ENDPOINT"] = minio.Endpoint
	env["LOG_LEVEL"] = "error"
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		tb.Fatal(err)
	}
	// Credentials come the standard way, from the environment, as they do
	// from the function's role on Lambda. DynamoDB Local accepts any.
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": creds.AccessKeyID, "AWS_SECRET_ACCESS_KEY": creds.SecretAccessKey,
		"AWS_SESSION_TOKEN": "", "AWS_PROFILE": "", "AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
	} {
		setenv(tb, k, v)
	}
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		tb.Fatal(err)
	}
	handle := h.Handle
	if timeout > 0 {
		handle = func(ctx context.Context, ev events.APIGatewayV2HTTPRequest) (events.APIGatewayV2HTTPResponse, error) {
			ctx, cancel := context.WithTimeout(ctx, timeout)
			defer cancel()
			return h.Handle(ctx, ev)
		}
	}
	srv := httptest.NewServer(httpbridge.NewHandler(handle, httpbridge.WithLogger(slog.New(slog.DiscardHandler)),
		httpbridge.WithAuthorizer(stubAuthorizer)))
	tb.Cleanup(srv.Close)
	client := dynamodb.NewFromConfig(ddb.Config, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(string(ddb.Endpoint)) })
	return function{url: srv.URL, table: string(table), ddb: client, minio: minio}
}

// Tokens of stubAuthorizer. f.do sends adminToken unless told otherwise.
const (
	adminToken  = "admin-token"
	readerToken = "reader-token"
)

// stubAuthorizer stands in for API Gateway's JWT authorizer, which is not
// part of the function: it hands the function the claims a verified admin
// or reader access token would carry.
func stubAuthorizer(_ context.Context, token string) (map[string]string, error) {
	claims := map[string]string{"token_use": "access", "client_id": "test-client", "email": "u@example.com"}
	switch token {
	case adminToken:
		claims["sub"], claims["cognito:groups"] = "admin-sub", "[admin]"
	case readerToken:
		claims["sub"] = "reader-sub"
	default:
		return nil, errors.New("unknown token")
	}
	return claims, nil
}

// setenv is t.Setenv for benchmarks too.
func setenv(tb testing.TB, k, v string) {
	old, had := os.LookupEnv(k)
	os.Setenv(k, v)
	tb.Cleanup(func() {
		if had {
			os.Setenv(k, old)
		} else {
			os.Unsetenv(k)
		}
	})
}

func (f function) do(tb testing.TB, method, path string, body any, header ...string) (*http.Response, map[string]any) {
	tb.Helper()
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			tb.Fatal(err)
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, f.url+path, r)
	if err != nil {
		tb.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Authorization", "Bearer "+adminToken)
	for i := 0; i+1 < len(header); i += 2 {
		if header[i+1] == "" {
			req.Header.Del(header[i]) // e.g. no Authorization: anonymous
			continue
		}
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	if b, _ := io.ReadAll(resp.Body); len(b) > 0 {
		if err := json.Unmarshal(b, &out); err != nil {
			tb.Fatalf("%s %s: body %q is not a JSON object", method, path, b)
		}
	}
	return resp, out
}

var dune = map[string]any{"title": "Dune", "author": "Frank Herbert", "category": "Science Fiction", "priceCents": 1899, "stock": 3}

// TestCatalogFunction drives the wired function through a book's life on
// DynamoDB Local and MinIO: the configuration, the injector and the
// adapters together.
func TestCatalogFunction(t *testing.T) {
	f := startFunction(t)

	if resp, p := f.do(t, "POST", "/api/books", dune, "Authorization", ""); resp.StatusCode != 401 {
		t.Errorf("anonymous create: %d %v, want 401", resp.StatusCode, p)
	}
	if resp, p := f.do(t, "POST", "/api/books", dune, "Authorization", "Bearer "+readerToken); resp.StatusCode != 403 {
		t.Errorf("create as a reader: %d %v, want 403", resp.StatusCode, p)
	}

	resp, book := f.do(t, "POST", "/api/books", dune)
	if resp.StatusCode != 201 || resp.Header.Get("ETag") != `"1"` || book["category"] != "science-fiction" {
		t.Fatalf("create: %d %v %v", resp.StatusCode, resp.Header, book)
	}
	id := book["id"].(string)
	if loc := resp.Header.Get("Location"); loc != "/api/books/"+id {
		t.Errorf("Location = %q", loc)
	}

	resp, page := f.do(t, "GET", "/api/books?category=science-fiction", nil)
	if items, _ := page["items"].([]any); resp.StatusCode != 200 || len(items) != 1 {
		t.Fatalf("list: %d %v", resp.StatusCode, page)
	}

	revised := map[string]any{"title": "Dune", "author": "Frank Herbert", "category": "classics", "priceCents": 2099, "stock": 3}
	if resp, p := f.do(t, "PUT", "/api/books/"+id, revised, "If-Match", `"7"`); resp.StatusCode != 412 {
		t.Errorf("stale If-Match: %d %v", resp.StatusCode, p)
	}
	if resp, p := f.do(t, "PUT", "/api/books/"+id, revised, "If-Match", `"1"`); resp.StatusCode != 200 || resp.Header.Get("ETag") != `"2"` {
		t.Errorf("update: %d %v", resp.StatusCode, p)
	}

	resp, upload := f.do(t, "POST", "/api/books/"+id+"/cover", map[string]any{"contentType": "image/png", "contentLength": 4})
	if resp.StatusCode != 200 {
		t.Fatalf("cover upload: %d %v", resp.StatusCode, upload)
	}
	put, _ := http.NewRequest("PUT", upload["uploadUrl"].(string), strings.NewReader("\x89PNG"))
	for k, v := range upload["headers"].(map[string]any) {
		put.Header.Set(k, v.(string))
	}
	if r, err := http.DefaultClient.Do(put); err != nil || r.StatusCode != 200 {
		t.Fatalf("PUT to the presigned URL: %v %v", r, err)
	}
	key := upload["key"].(string)
	if !strings.HasPrefix(key, "covers/"+id+"/") {
		t.Errorf("cover key %q is not under covers/%s/", key, id)
	}

	objectURL := strings.Split(upload["uploadUrl"].(string), "?")[0]
	if !stored(t, f.minio, objectURL) {
		t.Fatalf("the uploaded cover %s is not stored", objectURL)
	}

	if resp, _ := f.do(t, "DELETE", "/api/books/"+id, nil); resp.StatusCode != 204 {
		t.Errorf("delete: %d", resp.StatusCode)
	}
	if resp, _ := f.do(t, "GET", "/api/books/"+id, nil); resp.StatusCode != 404 {
		t.Errorf("get after delete: %d", resp.StatusCode)
	}
	if stored(t, f.minio, objectURL) {
		t.Errorf("cover object %s survived the book's deletion", key)
	}
}

// BenchmarkGetBook compares GET /api/books/{id} through the whole catalog
// function (handler, use case, guregu/dynamo, JSON, logging) with the floor
// it is built on: one bare aws-sdk-go-v2 GetItem (strongly consistent, as the
// repository reads), attributevalue decoding
// and json.Marshal, against the same DynamoDB Local table in the same run.
// Both call the function directly (no HTTP hop) so the ratio shows the
// function's own overhead:
//
//	go test ./cmd/catalog -run '^$' -bench GetBook -benchmem -count 6 | benchstat -col /path -
func BenchmarkGetBook(b *testing.B) {
	ddb := dynamotest.Start(b)
	table := dynamotest.NewTable(b, ddb.DB)
	minio, bucket := s3test.NewBucket(b)
	env := validEnv()
	env["BOOKSHOP_TABLE"], env["BOOKSHOP_BUCKET"] = string(table), string(bucket)
	env["BOOKSHOP_DYNAMODB_ENDPOINT"], env["BOOKSHOP_S3_ENDPOINT"] = string(ddb.Endpoint), minio.Endpoint
	env["LOG_LEVEL"] = "error"
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		b.Fatal(err)
	}
	setenv(b, "AWS_ACCESS_KEY_ID", "bench")
	setenv(b, "AWS_SECRET_ACCESS_KEY", "bench")
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(httpbridge.NewHandler(h.Handle, httpbridge.WithAuthorizer(stubAuthorizer)))
	defer srv.Close()
	f := function{url: srv.URL}
	_, book := f.do(b, "POST", "/api/books", dune)
	id := book["id"].(string)
	ctx := context.Background()
	ev := getEvent(id)
	// DynamoDB Local is a JVM whose JIT keeps speeding reads up for many
	// seconds; whichever path ran first would pay for it. Warm it up first.
	for start := time.Now(); time.Since(start) < 20*time.Second; {
		if resp, err := h.Handle(ctx, ev); err != nil || resp.StatusCode != 200 {
			b.Fatal(resp.StatusCode, err)
		}
	}

	b.Run("path=function", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resp, err := h.Handle(ctx, ev)
			if err != nil || resp.StatusCode != 200 {
				b.Fatal(resp.StatusCode, err)
			}
		}
	})
	b.Run("path=bare-sdk", func(b *testing.B) {
		client := dynamodb.NewFromConfig(ddb.Config, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(string(ddb.Endpoint)) })
		key := map[string]types.AttributeValue{
			"pk": &types.AttributeValueMemberS{Value: "BOOK#" + id}, "sk": &types.AttributeValueMemberS{Value: "BOOK"},
		}
		var item struct {
			ID          string `dynamodbav:"id" json:"id"`
			Title       string `dynamodbav:"title" json:"title"`
			Author      string `dynamodbav:"author" json:"author"`
			Category    string `dynamodbav:"category" json:"category"`
			Description string `dynamodbav:"description" json:"description"`
			PriceCents  int64  `dynamodbav:"price_cents" json:"priceCents"`
			Currency    string `dynamodbav:"currency" json:"currency"`
			Stock       int    `dynamodbav:"stock" json:"stock"`
			CreatedAt   string `dynamodbav:"created_at" json:"createdAt"`
			UpdatedAt   string `dynamodbav:"updated_at" json:"updatedAt"`
			Version     int64  `dynamodbav:"version" json:"version"`
		}
		b.ReportAllocs()
		for b.Loop() {
			out, err := client.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(string(table)), Key: key, ConsistentRead: aws.Bool(true)})
			if err != nil || out.Item == nil {
				b.Fatal(err)
			}
			if err := attributevalue.UnmarshalMap(out.Item, &item); err != nil {
				b.Fatal(err)
			}
			if _, err := json.Marshal(&item); err != nil {
				b.Fatal(err)
			}
		}
		if item.ID != id {
			b.Fatalf("bare GetItem read %q, want %q", item.ID, id)
		}
	})
}

// getEvent is the event API Gateway sends for GET /api/books/{id}.
func getEvent(id string) events.APIGatewayV2HTTPRequest {
	path := "/api/books/" + id
	return events.APIGatewayV2HTTPRequest{
		Version: "2.0", RouteKey: "GET /api/books/{id}", RawPath: path,
		Headers:        map[string]string{"accept": "application/json", "host": "api.example"},
		PathParameters: map[string]string{"id": id},
		RequestContext: events.APIGatewayV2HTTPRequestContext{
			RequestID: "bench", HTTP: events.APIGatewayV2HTTPRequestContextHTTPDescription{Method: "GET", Path: path, Protocol: "HTTP/1.1"},
		},
	}
}
