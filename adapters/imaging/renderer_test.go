package imaging_test

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/bookshop/bookshop/adapters/imaging"
	"github.com/bookshop/bookshop/app"
	"github.com/bookshop/bookshop/domain"
)

var sizes = []app.ThumbnailSize{app.CoverThumbnail, app.CoverThumbnail2x}

// picture is a w×h image: a green square centred on red, so a centred crop
// keeps green in the middle.
func picture(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	side := min(w, h) / 2
	for y := range h {
		for x := range w {
			c := color.RGBA{R: 200, A: 255}
			if x >= (w-side)/2 && x < (w+side)/2 && y >= (h-side)/2 && y < (h+side)/2 {
				c = color.RGBA{G: 200, A: 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

func encodeJPEG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// pngClaiming is a valid 1×1 PNG whose header claims w×h pixels (with a
// correct checksum), the shape of a decompression bomb.
func pngClaiming(tb testing.TB, w, h uint32) []byte {
	tb.Helper()
	b := encodePNG(tb, image.NewGray(image.Rect(0, 0, 1, 1)))
	// 8-byte signature, then the IHDR chunk: length(4) "IHDR"(4) data(13) crc(4).
	binary.BigEndian.PutUint32(b[16:], w)
	binary.BigEndian.PutUint32(b[20:], h)
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestRenderMakesThumbnailsOfEveryFormat(t *testing.T) {
	webp, err := os.ReadFile("testdata/cover.webp")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		src  []byte
	}{
		{"jpeg portrait", encodeJPEG(t, picture(500, 800))},
		{"png landscape", encodePNG(t, picture(900, 300))},
		{"png smaller than the thumbnails", encodePNG(t, picture(50, 60))},
		{"webp", webp},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, err := imaging.New().Render(context.Background(), tc.src, sizes)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) != len(sizes) {
				t.Fatalf("got %d images for %d sizes", len(out), len(sizes))
			}
			for i, size := range sizes {
				img, format, err := image.Decode(bytes.NewReader(out[i]))
				if err != nil || format != "jpeg" {
					t.Fatalf("thumbnail %s: format %q, err %v; want a JPEG", size, format, err)
				}
				if b := img.Bounds(); b.Dx() != size.Width || b.Dy() != size.Height {
					t.Errorf("thumbnail %s is %dx%d", size, b.Dx(), b.Dy())
				}
			}
		})
	}
}

func TestRenderCropsAroundTheCentre(t *testing.T) {
	// A wide image: the crop to 5:7 keeps the middle, where the green
	// square is; the red bands left and right are cut away.
	out, err := imaging.New().Render(context.Background(), encodePNG(t, picture(1400, 400)), sizes[:1])
	if err != nil {
		t.Fatal(err)
	}
	img, err := jpeg.Decode(bytes.NewReader(out[0]))
	if err != nil {
		t.Fatal(err)
	}
	r, g, _, _ := img.At(100, 140).RGBA()
	if g < 0x8000 || r > 0x4000 {
		t.Errorf("centre pixel is r=%#x g=%#x, want green", r, g)
	}
	r, g, _, _ = img.At(1, 140).RGBA()
	if r < 0x8000 || g > 0x4000 {
		t.Errorf("left edge pixel is r=%#x g=%#x, want red: the crop is not centred", r, g)
	}
}

func TestRenderRefusesUnusableImages(t *testing.T) {
	jpg := encodeJPEG(t, picture(300, 420))
	var gifBytes bytes.Buffer
	if err := gif.Encode(&gifBytes, picture(30, 42), nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		src  []byte
		want app.ImageProblem
	}{
		{"empty", nil, app.ImageNotAnImage},
		{"text", []byte("this is not an image at all"), app.ImageNotAnImage},
		{"gif", gifBytes.Bytes(), app.ImageNotAnImage},
		{"truncated jpeg", jpg[:len(jpg)/2], app.ImageCorrupt},
		{"jpeg header only", jpg[:20], app.ImageCorrupt},
		{"png bomb 100000x100000", pngClaiming(t, 100000, 100000), app.ImageTooManyPixels},
		{"png side over the limit", pngClaiming(t, imaging.DefaultMaxSide+1, 10), app.ImageTooManyPixels},
		{"png claiming more pixels than it has", pngClaiming(t, 2000, 2000), app.ImageCorrupt},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out, err := imaging.New().Render(context.Background(), tc.src, sizes)
			var imgErr *app.CoverImageError
			if !errors.As(err, &imgErr) || imgErr.Problem != tc.want || !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("Render = %d images, %v; want a *app.CoverImageError %q joining domain.ErrInvalid", len(out), err, tc.want)
			}
		})
	}
}

func TestRenderRespectsLimits(t *testing.T) {
	r, err := imaging.NewWithLimits(imaging.Limits{MaxPixels: 100 * 100, MaxSide: 1000})
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Render(context.Background(), encodePNG(t, picture(101, 100)), sizes)
	var imgErr *app.CoverImageError
	if !errors.As(err, &imgErr) || imgErr.Problem != app.ImageTooManyPixels {
		t.Fatalf("Render of 10100 pixels with a 10000 pixel limit = %v, want ImageTooManyPixels", err)
	}
	if _, err := imaging.NewWithLimits(imaging.Limits{}); err == nil {
		t.Error("NewWithLimits accepted zero limits")
	}
}

func TestRenderIsSafeForConcurrentUse(t *testing.T) {
	r, src := imaging.New(), encodeJPEG(t, picture(600, 840))
	want, err := r.Render(context.Background(), src, sizes)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			out, err := r.Render(context.Background(), src, sizes)
			if err == nil && (!bytes.Equal(out[0], want[0]) || !bytes.Equal(out[1], want[1])) {
				err = errors.New("concurrent render differs from a sequential one")
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestRenderStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := imaging.New().Render(ctx, encodeJPEG(t, picture(100, 140)), sizes); !errors.Is(err, context.Canceled) {
		t.Fatalf("Render with a cancelled context = %v, want context.Canceled", err)
	}
}

// FuzzRender checks that arbitrary bytes never panic and fail only with a
// *app.CoverImageError: go test ./adapters/imaging -fuzz FuzzRender.
func FuzzRender(f *testing.F) {
	f.Add(encodeJPEG(f, picture(40, 56)))
	f.Add(encodePNG(f, picture(40, 56)))
	f.Add(pngClaiming(f, 100000, 100000))
	if webp, err := os.ReadFile("testdata/cover.webp"); err == nil {
		f.Add(webp)
	}
	r, err := imaging.NewWithLimits(imaging.Limits{MaxPixels: 1 << 20, MaxSide: 4096})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := r.Render(context.Background(), src, sizes)
		var imgErr *app.CoverImageError
		if err != nil && !errors.As(err, &imgErr) {
			t.Fatalf("Render failed with %T %v, want a *app.CoverImageError", err, err)
		}
	})
}

// BenchmarkRender measures both thumbnails of a 1600x2400 JPEG, a typical
// scanned or photographed cover. Besides ns/op (wall time, which a busy
// machine inflates) it reports cpu-ns/op, the process's user+system CPU time
// per render: go test ./adapters/imaging -run '^$' -bench Render -benchmem
func BenchmarkRender(b *testing.B) {
	src := encodeJPEG(b, photo(1600, 2400))
	r := imaging.New()
	b.ReportAllocs()
	start := cpuTime(b)
	for b.Loop() {
		if _, err := r.Render(context.Background(), src, sizes); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
}

// photo is a w×h image with smooth gradients and fine detail, which JPEG
// encodes to a realistic size (unlike flat colour).
func photo(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetRGBA(x, y, color.RGBA{R: uint8(x * 255 / w), G: uint8(y * 255 / h), B: uint8((x ^ y) & 0xff), A: 255})
		}
	}
	return img
}

func cpuTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
