package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/bookshop/bookshop/adapters/dynamodb"
	"github.com/bookshop/bookshop/adapters/dynamodb/dynamotest"
	"github.com/bookshop/bookshop/adapters/s3/s3test"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

func TestMain(m *testing.M) {
	os.Exit(dynamotest.Wrap(s3test.Wrap(m.Run))())
}

// The book and upload the golden event testdata/s3-put-event.json names.
const (
	goldenBucket = "bookshop-covers"
	goldenBook   = domain.BookID("01JBOOKTHUMBNA1LER000000001")
	goldenKey    = "covers/01JBOOKTHUMBNA1LER000000001/01JD0000000000000000000001.jpg"
)

// function is the thumbnailer as Lambda runs it: built by its wire injector
// from environment variables, invoked with raw event JSON through
// aws-lambda-go's handler adapter, against DynamoDB Local and MinIO.
type function struct {
	invoke func(ctx context.Context, payload []byte) ([]byte, error)
	books  *dynamodb.BookRepository
	s3     *s3.Client
	bucket string
}

func startFunction(t *testing.T) function {
	t.Helper()
	ddb := dynamotest.Start(t)
	table := dynamotest.NewTable(t, ddb.DB)
	minio, bucket := s3test.NewBucket(t)
	creds, err := minio.Config.Credentials.Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	env := validEnv()
	env["BOOKSHOP_TABLE"] = string(table)
	env["BOOKSHOP_BUCKET"] = string(bucket)
	env["BOOKSHOP_DYNAMODB_ENDPOINT"] = string(ddb.Endpoint)
	env["BOOKSHOP_S3_ENDPOINT"] = minio.Endpoint
	env["LOG_LEVEL"] = "error"
	cfg, err := configFromEnv(envOf(env))
	if err != nil {
		t.Fatal(err)
	}
	// Credentials come from the environment, as from the role on Lambda.
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": creds.AccessKeyID, "AWS_SECRET_ACCESS_KEY": creds.SecretAccessKey,
		"AWS_SESSION_TOKEN": "", "AWS_PROFILE": "", "AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
	} {
		t.Setenv(k, v)
	}
	h, err := initializeHandler(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	books, err := dynamodb.NewBookRepository(ddb.DB, table)
	if err != nil {
		t.Fatal(err)
	}
	return function{invoke: lambda.NewHandler(h.Handle).Invoke, books: books, s3: minio.Client, bucket: string(bucket)}
}

// goldenEvent is testdata/s3-put-event.json (shaped like the events S3
// sends) for the test's own bucket.
func (f function) goldenEvent(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/s3-put-event.json")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.ReplaceAll(b, []byte(goldenBucket), []byte(f.bucket))
}

func (f function) put(t *testing.T, key, contentType string, body []byte) {
	t.Helper()
	_, err := f.s3.PutObject(context.Background(), &s3.PutObjectInput{
		Bucket: aws.String(f.bucket), Key: aws.String(key), ContentType: aws.String(contentType), Body: bytes.NewReader(body),
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (f function) imageSize(t *testing.T, key string) (w, h int, format string) {
	t.Helper()
	out, err := f.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(f.bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer out.Body.Close()
	cfg, format, err := image.DecodeConfig(out.Body)
	if err != nil {
		t.Fatalf("decode %s: %v", key, err)
	}
	return cfg.Width, cfg.Height, format
}

func photo(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{uint8(x / 7), uint8(y / 9), 120, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestThumbnailerFunction uploads a real JPEG to MinIO, delivers the S3
// event for it (twice, as S3 may) and checks the thumbnails and the book.
func TestThumbnailerFunction(t *testing.T) {
	f := startFunction(t)
	ctx := context.Background()
	book, err := domain.NewBook(goldenBook, domain.BookDetails{Title: "Dune", Author: "Frank Herbert", Category: "sf", PriceCents: 1899, Stock: 3}, clockNow())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.books.Create(ctx, book); err != nil {
		t.Fatal(err)
	}
	f.put(t, goldenKey, "image/jpeg", photo(t, 1200, 1800))

	if out, err := f.invoke(ctx, f.goldenEvent(t)); err != nil {
		t.Fatalf("invoke = %s, %v", out, err)
	}

	got, err := f.books.Get(ctx, goldenBook)
	if err != nil {
		t.Fatal(err)
	}
	_, thumb, thumb2x, _ := app.ThumbnailKeys(goldenKey)
	want := domain.Cover{OriginalKey: goldenKey, ThumbnailKey: thumb, Thumbnail2xKey: thumb2x}
	if got.Cover() != want || got.Version() != 2 {
		t.Fatalf("book cover = %+v at version %d, want %+v at version 2", got.Cover(), got.Version(), want)
	}
	for key, size := range map[string]app.ThumbnailSize{thumb: app.CoverThumbnail, thumb2x: app.CoverThumbnail2x} {
		if w, h, format := f.imageSize(t, key); w != size.Width || h != size.Height || format != "jpeg" {
			t.Errorf("%s is a %dx%d %s, want a %s jpeg", key, w, h, format, size)
		}
	}

	t.Run("redelivery is harmless", func(t *testing.T) {
		if out, err := f.invoke(ctx, f.goldenEvent(t)); err != nil {
			t.Fatalf("second invoke = %s, %v", out, err)
		}
		again, err := f.books.Get(ctx, goldenBook)
		if err != nil {
			t.Fatal(err)
		}
		if again.Version() != got.Version() || again.Cover() != got.Cover() {
			t.Fatalf("redelivery changed the book: %+v v%d", again.Cover(), again.Version())
		}
	})

	t.Run("a non-image upload is dropped without an error", func(t *testing.T) {
		key := "covers/" + string(goldenBook) + "/01JD0000000000000000000002.jpg"
		f.put(t, key, "image/jpeg", []byte("<?php not a cover ?>"))
		ev := bytes.ReplaceAll(f.goldenEvent(t), []byte("01JD0000000000000000000001"), []byte("01JD0000000000000000000002"))
		if out, err := f.invoke(ctx, ev); err != nil {
			t.Fatalf("invoke for a non-image = %s, %v; want no error, so Lambda does not retry", out, err)
		}
		again, err := f.books.Get(ctx, goldenBook)
		if err != nil {
			t.Fatal(err)
		}
		if again.Cover() != want {
			t.Fatalf("a non-image replaced the cover: %+v", again.Cover())
		}
	})
}

func clockNow() time.Time { return time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC) }

// TestThumbnailerConcurrentDeliveries delivers the same event from several
// invokes at once, as S3's at-least-once delivery and Lambda's retries may:
// DynamoDB's conditional write lets exactly one of them record the cover.
func TestThumbnailerConcurrentDeliveries(t *testing.T) {
	f := startFunction(t)
	ctx := context.Background()
	const id = domain.BookID("01JBOOKC0NCURRENT000000001")
	book, err := domain.NewBook(id, domain.BookDetails{Title: "Kindred", Author: "Octavia E. Butler", Category: "sf", Stock: 1}, clockNow())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.books.Create(ctx, book); err != nil {
		t.Fatal(err)
	}
	key := strings.Replace(goldenKey, string(goldenBook), string(id), 1)
	f.put(t, key, "image/jpeg", photo(t, 800, 1200))
	ev := bytes.ReplaceAll(f.goldenEvent(t), []byte(goldenBook), []byte(id))

	const n = 6
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			if out, err := f.invoke(ctx, ev); err != nil {
				t.Errorf("invoke = %s, %v", out, err)
			}
		})
	}
	wg.Wait()

	got, err := f.books.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Cover().OriginalKey != key || got.Cover().Thumbnail2xKey == "" || got.Version() != 2 {
		t.Fatalf("after %d concurrent deliveries: cover %+v at version %d, want it recorded by exactly one write (version 2)", n, got.Cover(), got.Version())
	}
}
