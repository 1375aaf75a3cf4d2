package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-cmp/cmp"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/adapters/s3"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/adapters/s3event"
	"github.com/bookshop/bookshop/adapters/system"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/cmd/gateway/internal/emulator"
	"github.com/bookshop/bookshop/cmd/gateway/internal/rietest"
	"github.com/bookshop/bookshop/cmd/gateway/internal/samtemplate"
	"github.com/bookshop/bookshop/cmd/internal/seed"
	"github.com/bookshop/bookshop/domain"
)

// hangTimeout replaces the template's 30 s Timeout of ThumbnailerFunction
// where the first invocation hangs, so that the hang costs a few seconds;
// the retry must finish within it too (the handler takes about 0.4 s under
// the race detector on an idle machine, several on a loaded one).
const hangTimeout = 5 * time.Second

// TestThumbnailerRetriedThroughTheGateway proves issue 15's "the
// thumbnailer failing (or timing out) → the S3 event is retried like
// Lambda's asynchronous invoke, thumbnails appear eventually, a duplicate
// event does no harm" with real parts: a JPEG uploaded to MinIO, MinIO's
// notification for it posted to the gateway (deploy/template.yaml's S3
// trigger, asynchronous invocation with two retries), and the thumbnailer's
// handler (s3event over app.Thumbnails, MinIO and DynamoDB Local) behind a
// fake RIE endpoint whose first invocation fails (an error, or a hang past
// the function's timeout). After the retry both
// thumbnails are in MinIO and the cover is recorded on the book; the same
// notification delivered again succeeds and changes nothing.
func TestThumbnailerRetriedThroughTheGateway(t *testing.T) {
	t.Run("the first invocation fails", func(t *testing.T) {
		t.Parallel()
		testThumbnailerRetried(t, 0, func(ctx context.Context) error { return errors.New("dynamodb: connection reset") })
	})
	t.Run("the first invocation hangs past the function timeout", func(t *testing.T) {
		t.Parallel()
		testThumbnailerRetried(t, hangTimeout, func(ctx context.Context) error {
			<-ctx.Done() // a dependency that never answers, until the runtime ends the invoke
			return ctx.Err()
		})
	})
}

// testThumbnailerRetried runs the scenario with a first invocation that
// runs firstAttempt instead of the handler. A non-zero timeout replaces the
// thumbnailer's Timeout in the template, and the first invocation is then
// expected to run into it: the retry cannot come sooner.
func testThumbnailerRetried(t *testing.T, timeout time.Duration, firstAttempt func(ctx context.Context) error) {
	ctx := context.Background()
	tmpl := thumbnailerTemplate(t, timeout)
	f := newThumbnailerFunction(t, tmpl.FunctionTimeout("ThumbnailerFunction"), firstAttempt)
	gw := newThumbnailGateway(t, tmpl, f)

	const book = domain.BookID("01JBOOKRETRY00000000000001")
	key := "covers/" + string(book) + "/01JUPLOADRETRY000000000001.jpg"
	created, err := domain.NewBook(book, domain.BookDetails{Title: "Dune", Author: "Frank Herbert", Category: "sf", PriceCents: 1899, Stock: 3}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.books.Create(ctx, created); err != nil {
		t.Fatal(err)
	}
	notification := f.upload(t, key, seed.Books[1].CoverJPEG(1)) // Dune's 400×600 seed cover

	start := time.Now()
	gw.deliver(t, notification)
	_, thumb, thumb2x, _ := app.ThumbnailKeys(key)
	for k, want := range map[string]image.Point{thumb: {200, 280}, thumb2x: {400, 560}} {
		if got := f.imageSize(t, k); got != want {
			t.Errorf("%s is %v, want %v", k, got, want)
		}
	}
	if got := f.errors(); len(got) != 2 || got[0] == nil || got[1] != nil {
		t.Fatalf("invocation errors %v, want the injected failure then success", got)
	}
	if elapsed := time.Since(start); elapsed < timeout {
		t.Errorf("retried after %v, before the function's %v timeout", elapsed, timeout)
	}
	recorded, err := f.books.Get(ctx, book)
	if err != nil {
		t.Fatal(err)
	}
	wantCover := domain.Cover{OriginalKey: key, ThumbnailKey: thumb, Thumbnail2xKey: thumb2x}
	if recorded.Cover() != wantCover {
		t.Fatalf("cover %+v, want %+v", recorded.Cover(), wantCover)
	}
	thumbnails := f.objects(t, app.ThumbnailPrefix(book))

	// S3 may deliver an event twice: the duplicate succeeds and writes nothing.
	gw.deliver(t, notification)
	if got := f.errors(); len(got) != 3 || got[2] != nil {
		t.Fatalf("invocation errors %v, want the duplicate to succeed", got)
	}
	if diff := cmp.Diff(thumbnails, f.objects(t, app.ThumbnailPrefix(book))); diff != "" {
		t.Errorf("thumbnails after the duplicate event (-before +after):\n%s", diff)
	}
	again, err := f.books.Get(ctx, book)
	if err != nil {
		t.Fatal(err)
	}
	if again.Cover() != wantCover || again.Version() != recorded.Version() || !again.UpdatedAt().Equal(recorded.UpdatedAt()) {
		t.Errorf("book after the duplicate event: cover %+v version %d updated %v, want it unchanged (version %d, updated %v)",
			again.Cover(), again.Version(), again.UpdatedAt(), recorded.Version(), recorded.UpdatedAt())
	}
}

// thumbnailerFunction is the thumbnailer's handler over DynamoDB Local and
// MinIO, run as the Lambda runtime runs it (aws-lambda-go's handler
// adapter) behind a fake RIE endpoint, whose first invocation runs
// firstAttempt instead. Like the RIE of a container with
// AWS_LAMBDA_FUNCTION_TIMEOUT, the endpoint ends an invocation at timeout.
type thumbnailerFunction struct {
	endpoint *rietest.Endpoint
	books    *dynamodb.BookRepository
	minio    *s3test.Server
	bucket   string

	calls atomic.Int32
	mu    sync.Mutex
	errs  []error
}

func newThumbnailerFunction(t *testing.T, timeout time.Duration, firstAttempt func(context.Context) error) *thumbnailerFunction {
	t.Helper()
	ddb := dynamotest.Start(t)
	table := dynamotest.NewTable(t, ddb.DB)
	minio, bucket := s3test.NewBucket(t)
	books, err := dynamodb.NewBookRepository(ddb.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	client, err := s3.NewClient(minio.Config, minio.Options())
	if err != nil {
		t.Fatal(err)
	}
	presign, err := s3.NewPresignClient(minio.Config, minio.Options())
	if err != nil {
		t.Fatal(err)
	}
	store, err := s3.New(client, presign, bucket)
	if err != nil {
		t.Fatal(err)
	}
	h, err := s3event.NewHandler(app.NewThumbnails(books, store, imaging.New(), system.Clock{}), s3event.Bucket(bucket), slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	invoke := lambda.NewHandler(h.Handle).Invoke
	f := &thumbnailerFunction{books: books, minio: minio, bucket: string(bucket)}
	f.endpoint = rietest.New(t, func(ctx context.Context, payload []byte) ([]byte, error) {
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		var out []byte
		var err error
		if f.calls.Add(1) == 1 {
			err = firstAttempt(ctx)
		} else {
			out, err = invoke(ctx, payload)
		}
		f.mu.Lock()
		f.errs = append(f.errs, err)
		f.mu.Unlock()
		return out, err
	})
	return f
}

// errors returns the outcome of each invocation so far.
func (f *thumbnailerFunction) errors() []error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]error(nil), f.errs...)
}

// thumbnailerTemplate returns deploy/template.yaml, with the thumbnailer's
// Timeout replaced by timeout unless it is 0.
func thumbnailerTemplate(t *testing.T, timeout time.Duration) *samtemplate.Template {
	t.Helper()
	tmpl, err := samtemplate.Load(templatePath)
	if err != nil {
		t.Fatal(err)
	}
	if timeout == 0 {
		return tmpl
	}
	fn, err := tmpl.Raw.GetServerlessFunctionWithName("ThumbnailerFunction")
	if err != nil {
		t.Fatal(err)
	}
	fn.Timeout = aws.Int(int(timeout / time.Second))
	return tmpl
}

// thumbnailGateway is the gateway over tmpl with the function's endpoint
// and short retry delays.
type thumbnailGateway struct {
	gw  *emulator.Server
	url string
}

func newThumbnailGateway(t *testing.T, tmpl *samtemplate.Template, f *thumbnailerFunction) thumbnailGateway {
	t.Helper()
	gw, _, err := emulator.New(emulator.Config{Template: tmpl,
		Endpoints:        map[string][]string{"ThumbnailerFunction": {f.endpoint.URL}},
		Buckets:          map[string]string{"CoversBucket": f.bucket},
		AsyncRetryDelays: []time.Duration{10 * time.Millisecond, 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gw)
	t.Cleanup(srv.Close)
	return thumbnailGateway{gw: gw, url: srv.URL}
}

// deliver posts a MinIO notification to the gateway, as MinIO's webhook
// does, and waits until its invocations succeeded or ran out of retries.
func (g thumbnailGateway) deliver(t *testing.T, notification []byte) {
	t.Helper()
	resp, err := http.Post(g.url+"/_local/s3-events", "application/json", bytes.NewReader(notification))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("notification answered %s, want 202", resp.Status)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := g.gw.WaitAsync(ctx); err != nil {
		t.Fatal(err)
	}
}

// upload puts a cover in the bucket and returns the notification MinIO
// sends for it: internal/emulator/testdata/minio-put-notification.json
// (captured from MinIO) for this bucket, key, size and ETag.
func (f *thumbnailerFunction) upload(t *testing.T, key string, jpg []byte) []byte {
	t.Helper()
	out, err := f.minio.Client.PutObject(context.Background(), &awss3.PutObjectInput{
		Bucket: aws.String(f.bucket), Key: aws.String(key), ContentType: aws.String("image/jpeg"), Body: bytes.NewReader(jpg),
	})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("internal/emulator/testdata/minio-put-notification.json")
	if err != nil {
		t.Fatal(err)
	}
	var n struct {
		EventName string
		Key       string
		Records   []map[string]any
	}
	if err := json.Unmarshal(raw, &n); err != nil {
		t.Fatal(err)
	}
	// MinIO, as S3, URL-encodes each segment of the key ('+' for a space).
	segments := strings.Split(key, "/")
	for i, s := range segments {
		segments[i] = url.QueryEscape(s)
	}
	escaped := strings.Join(segments, "/")
	n.Key = f.bucket + "/" + escaped
	s3rec := n.Records[0]["s3"].(map[string]any)
	bucket := s3rec["bucket"].(map[string]any)
	bucket["name"], bucket["arn"] = f.bucket, "arn:aws:s3:::"+f.bucket
	object := s3rec["object"].(map[string]any)
	object["key"], object["size"], object["eTag"] = escaped, len(jpg), strings.Trim(aws.ToString(out.ETag), `"`)
	body, err := json.Marshal(n)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

// imageSize returns the dimensions of the JPEG at key.
func (f *thumbnailerFunction) imageSize(t *testing.T, key string) image.Point {
	t.Helper()
	out, err := f.minio.Client.GetObject(context.Background(), &awss3.GetObjectInput{Bucket: aws.String(f.bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer out.Body.Close()
	cfg, format, err := image.DecodeConfig(out.Body)
	if err != nil || format != "jpeg" {
		t.Fatalf("decode %s: %s, %v", key, format, err)
	}
	return image.Pt(cfg.Width, cfg.Height)
}

// objects lists the objects under prefix: key → ETag and last modified.
func (f *thumbnailerFunction) objects(t *testing.T, prefix string) map[string]string {
	t.Helper()
	out, err := f.minio.Client.ListObjectsV2(context.Background(), &awss3.ListObjectsV2Input{Bucket: aws.String(f.bucket), Prefix: aws.String(prefix)})
	if err != nil {
		t.Fatal(err)
	}
	objects := map[string]string{}
	for _, o := range out.Contents {
		objects[aws.ToString(o.Key)] = aws.ToString(o.ETag) + " " + aws.ToTime(o.LastModified).Format(time.RFC3339Nano)
	}
	return objects
}
