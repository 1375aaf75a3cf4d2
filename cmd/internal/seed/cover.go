package seed

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Cover size in pixels: the 2:3 of a paperback.
const coverWidth, coverHeight = 400, 600

// fonts are the fonts covers are lettered in: Go Bold for the title, Go
// Regular for the author (BSD-licensed, shipped with golang.org/x/image),
// parsed once. A parsed font is safe for concurrent use; a font.Face is not,
// so each cover gets its own (newFaces): servers in one process (tests) seed
// their catalogues at the same time.
var fonts = sync.OnceValues(func() ([2]*opentype.Font, error) {
	var out [2]*opentype.Font
	for i, ttf := range [][]byte{gobold.TTF, goregular.TTF} {
		parsed, err := opentype.Parse(ttf)
		if err != nil {
			return out, err
		}
		out[i] = parsed
	}
	return out, nil
})

// newFaces returns faces of fonts for one cover: the title's, 30 px, and
// the author's, 20 px.
func newFaces() ([2]font.Face, error) {
	var out [2]font.Face
	parsed, err := fonts()
	if err != nil {
		return out, err
	}
	for i, size := range []float64{30, 20} {
		if out[i], err = opentype.NewFace(parsed[i], &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull}); err != nil {
			return out, err
		}
	}
	return out, nil
}

// CoverJPEG draws a 400×600 cover for the book: a vertical gradient between
// two colours derived from the title, and a light panel, placed by i, with
// the title and the author. The same inputs give the same bytes.
func (b Book) CoverJPEG(i int) []byte {
	h := fnv.New32a()
	h.Write([]byte(b.Title))
	sum := h.Sum32()
	top := color.RGBA{uint8(sum), uint8(sum >> 8), uint8(sum >> 16), 255}
	bottom := color.RGBA{255 - top.R/2, 255 - top.G/2, 255 - top.B/2, 255}
	img := image.NewRGBA(image.Rect(0, 0, coverWidth, coverHeight))
	for y := range coverHeight {
		c := mix(top, bottom, y, coverHeight)
		for x := range coverWidth {
			img.SetRGBA(x, y, c)
		}
	}
	if f, err := newFaces(); err == nil { // the embedded fonts always parse; without them the cover is plain
		letter(img, f, b.Title, b.Author, 90+(i%4)*70)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		// Encoding into memory fails only on an invalid image, which this is not.
		return nil
	}
	return buf.Bytes()
}

// letter draws a light panel from y = top with the title (bold, wrapped,
// centred) and the author below it.
func letter(img *image.RGBA, f [2]font.Face, title, author string, top int) {
	const margin = 28
	titleLines := wrap(f[0], title, coverWidth-2*margin)
	authorLines := wrap(f[1], author, coverWidth-2*margin)
	lineHeight := func(face font.Face) int { return face.Metrics().Height.Ceil() + 4 }
	height := 2*margin + len(titleLines)*lineHeight(f[0]) + 16 + len(authorLines)*lineHeight(f[1])
	panel := image.Rect(0, top, coverWidth, min(top+height, coverHeight))
	draw.Draw(img, panel, image.NewUniform(color.RGBA{247, 244, 236, 255}), image.Point{}, draw.Src)
	y := top + margin
	for _, part := range []struct {
		face  font.Face
		lines []string
		ink   color.Color
		gap   int
	}{{f[0], titleLines, color.RGBA{28, 28, 30, 255}, 16}, {f[1], authorLines, color.RGBA{80, 80, 86, 255}, 0}} {
		for _, line := range part.lines {
			y += lineHeight(part.face)
			d := font.Drawer{Dst: img, Src: image.NewUniform(part.ink), Face: part.face}
			x := (coverWidth - d.MeasureString(line).Ceil()) / 2
			d.Dot = fixed.P(x, y-6)
			d.DrawString(line)
		}
		y += part.gap
	}
}

// wrap splits text into lines no wider than width in face, at spaces.
func wrap(face font.Face, text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		candidate := strings.TrimSpace(line + " " + word)
		if line != "" && font.MeasureString(face, candidate).Ceil() > width {
			lines = append(lines, line)
			candidate = word
		}
		line = candidate
	}
	return append(lines, line)
}

// mix interpolates linearly from a (at 0) to b (at n).
func mix(a, b color.RGBA, i, n int) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i) / n) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}
