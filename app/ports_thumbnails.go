package app

import (
	"context"
	"fmt"

	"github.com/bookshop/bookshop/domain"
)

// ThumbnailSize is the size of a generated thumbnail in pixels.
type ThumbnailSize struct{ Width, Height int }

// String returns "WxH", the suffix of the thumbnail's key.
func (s ThumbnailSize) String() string { return fmt.Sprintf("%dx%d", s.Width, s.Height) }

// ThumbnailContentType is the media type of every generated thumbnail.
const ThumbnailContentType = "image/jpeg"

// ImageProblem says why an object is not a usable cover image.
type ImageProblem int

// Reasons an image is refused. The zero value is not a problem.
const (
	// ImageNotAnImage: the bytes are not a JPEG, PNG or WebP image.
	ImageNotAnImage ImageProblem = iota + 1
	// ImageCorrupt: the image is truncated or its data is malformed.
	ImageCorrupt
	// ImageTooManyPixels: the declared dimensions exceed the renderer's
	// limits (a decompression bomb, or simply too large to process).
	ImageTooManyPixels
	// ImageTooManyBytes: the object is larger than MaxCoverBytes.
	ImageTooManyBytes
)

func (p ImageProblem) String() string {
	switch p {
	case ImageNotAnImage:
		return "not a JPEG, PNG or WebP image"
	case ImageCorrupt:
		return "truncated or corrupt image"
	case ImageTooManyPixels:
		return "image dimensions too large"
	case ImageTooManyBytes:
		return "image file too large"
	default:
		return fmt.Sprintf("ImageProblem(%d)", int(p))
	}
}

// CoverImageError reports an object that cannot become a cover image. It
// joins domain.ErrInvalid: retrying will not help.
type CoverImageError struct {
	Problem ImageProblem
	// Err is the underlying decoder error, if any.
	Err error
}

// Error names the problem and the decoder's explanation.
func (e *CoverImageError) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("cover image: %s: %v", e.Problem, e.Err)
	}
	return "cover image: " + e.Problem.String()
}

// Is makes errors.Is(err, domain.ErrInvalid) true.
func (e *CoverImageError) Is(target error) bool { return target == domain.ErrInvalid }

// Unwrap returns the underlying decoder error.
func (e *CoverImageError) Unwrap() error { return e.Err }

// ThumbnailRenderer turns an encoded image into thumbnails.
//
// Implementations must be safe for concurrent use. Render returns one
// encoded image of ThumbnailContentType per size, in the order of sizes,
// each filling its size exactly (cropped to its aspect ratio, centred). Any
// input that is not a usable image yields a *CoverImageError, never a panic;
// the image's dimensions are checked before its pixels are decoded.
type ThumbnailRenderer interface {
	Render(ctx context.Context, image []byte, sizes []ThumbnailSize) ([][]byte, error)
}
