package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // thumbnails may be PNG or WebP
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	_ "golang.org/x/image/webp"
)

// thumbnailTimeout bounds the wait for the thumbnailer (upload → MinIO
// webhook → gateway → thumbnailer → DynamoDB).
const thumbnailTimeout = 120 * time.Second

// TestLocalStack drives one stack over HTTP only: the administrator that
// localinit created signs in and walks a book through its life (create,
// upload a cover to the presigned URL, wait for the thumbnails, list,
// delete, and check that the book and its objects are gone); then the
// identity, authorization and order checks of identity_test.go and the
// discovery checks of discovery_test.go run.
func TestLocalStack(t *testing.T) {
	s := startStack(t)
	admin := login(t, s, adminEmail, adminPassword)

	t.Run("seeded", func(t *testing.T) {
		// `up --wait` returned after localinit created the books; their covers show once the thumbnailer has
		// processed the uploads.
		eventually(t, thumbnailTimeout, func() error {
			var page struct{ Items []book }
			call(t, http.MethodGet, s.API+"/api/books?limit=100", nil, http.StatusOK, &page)
			if len(page.Items) == 0 {
				t.Fatal("the seeded stack lists no books (see localinit's log)")
			}
			for _, b := range page.Items {
				if b.Cover == nil || b.Cover.ThumbnailURL == "" {
					return fmt.Errorf("seed book %q has no cover thumbnails yet", b.Title)
				}
			}
			return nil
		})
	})

	t.Run("book lifecycle", func(t *testing.T) { bookLifecycle(t, s, admin) })
	t.Run("identity", func(t *testing.T) { identity(t, s) })
	t.Run("orders", func(t *testing.T) { orders(t, s, admin) })
	t.Run("discovery", func(t *testing.T) { discovery(t, s, admin) })
	t.Run("storefront", func(t *testing.T) { storefront(t, s, admin) })
}

// bookLifecycle creates a book as the administrator, uploads its cover,
// waits for the thumbnails and deletes it again.
func bookLifecycle(t *testing.T, s *stack, admin string) {
	var created book
	h := callAs(t, admin, http.MethodPost, s.API+"/api/books", map[string]any{
		"title": "Kindred", "author": "Octavia E. Butler", "category": "Science Fiction",
		"priceCents": 1499, "stock": 4,
	}, http.StatusCreated, &created)
	if want := "/api/books/" + created.ID; created.ID == "" || !strings.HasSuffix(h.Get("Location"), want) {
		t.Fatalf("created %+v at Location %q", created, h.Get("Location"))
	}
	bookURL := s.API + "/api/books/" + created.ID

	cover := testJPEG(t, 640, 960)
	var up coverUpload
	callAs(t, admin, http.MethodPost, bookURL+"/cover", map[string]any{
		"contentType": "image/jpeg", "contentLength": len(cover),
	}, http.StatusOK, &up)
	if !strings.HasPrefix(up.UploadURL, s.S3) && !strings.HasPrefix(up.UploadURL, strings.Replace(s.S3, "127.0.0.1", "localhost", 1)) {
		t.Errorf("upload URL %q is not on the host's S3 endpoint %s", up.UploadURL, s.S3)
	}
	putObject(t, up, cover)

	var withThumbs book
	eventually(t, thumbnailTimeout, func() error {
		status, _, body := do(t, http.MethodGet, bookURL, nil, nil)
		if status != http.StatusOK {
			return errStatus(http.MethodGet, bookURL, status, http.StatusOK)
		}
		withThumbs = book{}
		if err := json.Unmarshal(body, &withThumbs); err != nil {
			return err
		}
		if c := withThumbs.Cover; c == nil || c.ThumbnailURL == "" || c.Thumbnail2xURL == "" {
			return fmt.Errorf("no thumbnails yet: %s", body)
		}
		return nil
	})
	// Cover URLs are stable paths on the shop's origin, served by the gateway
	// from the covers bucket as CloudFront's /covers/* and /thumbnails/*.
	urls := []string{withThumbs.Cover.URL, withThumbs.Cover.ThumbnailURL, withThumbs.Cover.Thumbnail2xURL}
	for i, u := range urls {
		if !strings.HasPrefix(u, "/covers/") && !strings.HasPrefix(u, "/thumbnails/") {
			t.Fatalf("cover URL %q is not a stable path on the shop's origin", u)
		}
		urls[i] = s.API + u
		requireImage(t, urls[i])
	}

	var page struct{ Items []book }
	call(t, http.MethodGet, s.API+"/api/books?limit=100", nil, http.StatusOK, &page)
	if !slices.ContainsFunc(page.Items, func(b book) bool { return b.ID == created.ID }) {
		t.Errorf("the listing does not show book %s", created.ID)
	}

	callAs(t, admin, http.MethodDelete, bookURL, nil, http.StatusNoContent, nil)
	call(t, http.MethodGet, bookURL, nil, http.StatusNotFound, nil)
	for _, u := range urls {
		// S3 answers 403 for a missing key to readers without s3:ListBucket.
		if status, _, body := do(t, http.MethodGet, u, nil, nil); status != http.StatusNotFound && status != http.StatusForbidden {
			t.Errorf("GET %s after DELETE: status %d, want 404 or 403: %.200s", u, status, body)
		}
	}
}

// requireImage fails unless url answers 200 with an image that decodes.
func requireImage(t *testing.T, url string) {
	t.Helper()
	status, h, body := do(t, http.MethodGet, url, nil, nil)
	if status != http.StatusOK {
		t.Fatalf("GET %s: status %d: %.200s", url, status, body)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("GET %s (Content-Type %q): not an image: %v", url, h.Get("Content-Type"), err)
	}
	t.Logf("%s image %d×%d, %d bytes", format, cfg.Width, cfg.Height, len(body))
}

// testJPEG encodes a w×h JPEG with a diagonal gradient.
func testJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
