package seed

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/jpeg"
)

// CoverJPEG draws a 400×600 cover for title: a vertical gradient between two
// colours derived from the title, with a band whose position depends on i.
// The same inputs give the same bytes.
func CoverJPEG(title string, i int) []byte {
	h := fnv.New32a()
	h.Write([]byte(title))
	sum := h.Sum32()
	top := color.RGBA{uint8(sum), uint8(sum >> 8), uint8(sum >> 16), 255}
	bottom := color.RGBA{255 - top.R/2, 255 - top.G/2, 255 - top.B/2, 255}
	const w, ht = 400, 600
	img := image.NewRGBA(image.Rect(0, 0, w, ht))
	band := 120 + (i%5)*80
	for y := range ht {
		c := mix(top, bottom, y, ht)
		if y >= band && y < band+40 {
			c = color.RGBA{240, 240, 235, 255}
		}
		for x := range w {
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		// Encoding into memory fails only on an invalid image, which this is not.
		return nil
	}
	return buf.Bytes()
}

// mix interpolates linearly from a (at 0) to b (at n).
func mix(a, b color.RGBA, i, n int) color.RGBA {
	f := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i) / n) }
	return color.RGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), 255}
}
