// Package imaging renders cover thumbnails with the standard library's
// decoders and golang.org/x/image: JPEG, PNG and WebP in, JPEG out.
package imaging

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	_ "image/png" // registers the PNG decoder
	"slices"

	"github.com/google/wire"
	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers the WebP decoder

	"github.com/bookshop/bookshop/app"
)

// Default limits of a Renderer.
const (
	// DefaultMaxPixels bounds width × height of an input image (40 Mpx):
	// decoding allocates about 4 bytes per pixel, so this bounds memory.
	DefaultMaxPixels = 40_000_000
	// DefaultMaxSide bounds each side of an input image.
	DefaultMaxSide = 12_000
	// DefaultQuality is the JPEG quality of thumbnails.
	DefaultQuality = 85
)

// acceptedFormats are the formats image.DecodeConfig may report. Other
// decoders registered elsewhere in the binary (GIF, say) are refused.
var acceptedFormats = []string{"jpeg", "png", "webp"}

// Limits bound the images a Renderer accepts.
type Limits struct {
	MaxPixels int64
	MaxSide   int
}

// Renderer makes thumbnails. It is safe for concurrent use.
type Renderer struct {
	limits  Limits
	quality int
}

var _ app.ThumbnailRenderer = (*Renderer)(nil)

// New returns a Renderer with the default limits and quality.
func New() *Renderer {
	return &Renderer{limits: Limits{MaxPixels: DefaultMaxPixels, MaxSide: DefaultMaxSide}, quality: DefaultQuality}
}

// NewWithLimits returns a Renderer with the given limits, which must be
// positive.
func NewWithLimits(l Limits) (*Renderer, error) {
	if l.MaxPixels < 1 || l.MaxSide < 1 {
		return nil, fmt.Errorf("imaging: limits %+v must be positive", l)
	}
	return &Renderer{limits: l, quality: DefaultQuality}, nil
}

// ProviderSet provides the default Renderer as app.ThumbnailRenderer.
var ProviderSet = wire.NewSet(New, wire.Bind(new(app.ThumbnailRenderer), new(*Renderer)))

// Render implements app.ThumbnailRenderer. It reads the image's header
// first and refuses dimensions beyond the limits before decoding a single
// pixel. The largest size is scaled from the image with Catmull-Rom; smaller
// sizes are scaled from that result, which is as sharp and much cheaper.
func (r *Renderer) Render(ctx context.Context, src []byte, sizes []app.ThumbnailSize) (out [][]byte, err error) {
	for _, s := range sizes {
		if s.Width < 1 || s.Height < 1 {
			return nil, fmt.Errorf("imaging: thumbnail size %s is not positive", s)
		}
	}
	img, err := r.decode(src)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	order := make([]int, len(sizes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return sizes[b].Width*sizes[b].Height - sizes[a].Width*sizes[a].Height })
	out = make([][]byte, len(sizes))
	var larger *image.RGBA
	for _, i := range order {
		from := img
		if larger != nil && sameAspect(larger.Bounds(), sizes[i]) {
			from = larger
		}
		thumb := fill(from, sizes[i])
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, thumb, &jpeg.Options{Quality: r.quality}); err != nil {
			return nil, fmt.Errorf("imaging: encode %s thumbnail: %w", sizes[i], err)
		}
		out[i] = buf.Bytes()
		if larger == nil {
			larger = thumb
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// decode checks the header, then decodes. Decoders of untrusted input are
// not expected to panic, but a panic here would take the whole function
// down with it, so one is reported as a corrupt image.
func (r *Renderer) decode(src []byte) (img image.Image, err error) {
	defer func() {
		if p := recover(); p != nil {
			img, err = nil, &app.CoverImageError{Problem: app.ImageCorrupt, Err: fmt.Errorf("decoder panicked: %v", p)}
		}
	}()
	cfg, format, err := image.DecodeConfig(bytes.NewReader(src))
	switch {
	case errors.Is(err, image.ErrFormat):
		return nil, &app.CoverImageError{Problem: app.ImageNotAnImage}
	case err != nil:
		return nil, &app.CoverImageError{Problem: app.ImageCorrupt, Err: err}
	case !slices.Contains(acceptedFormats, format):
		return nil, &app.CoverImageError{Problem: app.ImageNotAnImage, Err: fmt.Errorf("format %s", format)}
	case cfg.Width < 1 || cfg.Height < 1:
		return nil, &app.CoverImageError{Problem: app.ImageCorrupt, Err: fmt.Errorf("%dx%d image", cfg.Width, cfg.Height)}
	case cfg.Width > r.limits.MaxSide || cfg.Height > r.limits.MaxSide || int64(cfg.Width)*int64(cfg.Height) > r.limits.MaxPixels:
		return nil, &app.CoverImageError{Problem: app.ImageTooManyPixels, Err: fmt.Errorf(
			"%dx%d exceeds %d pixels per side or %d pixels", cfg.Width, cfg.Height, r.limits.MaxSide, r.limits.MaxPixels)}
	}
	img, _, err = image.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, &app.CoverImageError{Problem: app.ImageCorrupt, Err: err}
	}
	return img, nil
}

// fill scales the centred crop of src with size's aspect ratio to exactly
// size.
func fill(src image.Image, size app.ThumbnailSize) *image.RGBA {
	b := src.Bounds()
	crop := b
	// Compare b.Dx()/b.Dy() with size.Width/size.Height without division.
	if b.Dx()*size.Height > b.Dy()*size.Width {
		w := max(1, b.Dy()*size.Width/size.Height)
		crop.Min.X += (b.Dx() - w) / 2
		crop.Max.X = crop.Min.X + w
	} else {
		h := max(1, b.Dx()*size.Height/size.Width)
		crop.Min.Y += (b.Dy() - h) / 2
		crop.Max.Y = crop.Min.Y + h
	}
	// Catmull-Rom's cost grows with the reduction factor. A source more than
	// twice the target is first halved-ish with the cheap bilinear filter
	// (which averages 2x2 pixels at that ratio, losing nothing visible) to
	// twice the target, then finished with Catmull-Rom.
	if crop.Dx() > preScale*size.Width && crop.Dy() > preScale*size.Height {
		mid := image.NewRGBA(image.Rect(0, 0, preScale*size.Width, preScale*size.Height))
		draw.ApproxBiLinear.Scale(mid, mid.Bounds(), src, crop, draw.Src, nil)
		src, crop = mid, mid.Bounds()
	}
	dst := image.NewRGBA(image.Rect(0, 0, size.Width, size.Height))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, crop, draw.Src, nil)
	return dst
}

// preScale is the multiple of the target size that fill reduces large
// sources to before its final Catmull-Rom pass.
const preScale = 2

// sameAspect reports whether r has exactly size's aspect ratio and is at
// least as large, so scaling r down to size loses nothing.
func sameAspect(r image.Rectangle, size app.ThumbnailSize) bool {
	return r.Dx()*size.Height == r.Dy()*size.Width && r.Dx() >= size.Width
}
