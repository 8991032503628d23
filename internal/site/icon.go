package site

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
)

// The app icon: seven bars, one for each MAESTRO layer, on a rounded square.
// One geometry in a unit square drives both the SVG and the PNG files, so they
// always match. The maskable variant fills the whole square and shrinks the
// bars into the safe zone (a centred circle of radius 0.4).

const (
	iconBackground = "#1d3557"
	iconBar        = "#f1faee"
	iconAccent     = "#ffb703"
	iconCorner     = 0.1875 // corner radius of the plain icon, in icon widths
)

// rect is an axis-aligned rectangle with round corners, in unit coordinates.
type rect struct {
	x, y, w, h, r float64
	fill          string
}

// contains reports whether the point (px, py) lies inside r.
func (r rect) contains(px, py float64) bool {
	if px < r.x || px > r.x+r.w || py < r.y || py > r.y+r.h {
		return false
	}
	// Distance to the nearest corner centre, if the point is in a corner box.
	cx := min(max(px, r.x+r.r), r.x+r.w-r.r)
	cy := min(max(py, r.y+r.r), r.y+r.h-r.r)
	dx, dy := px-cx, py-cy
	return dx*dx+dy*dy <= r.r*r.r
}

// iconShapes lists the shapes of the icon from back to front.
func iconShapes(maskable bool) []rect {
	corner, scale := iconCorner, 1.0
	if maskable {
		corner, scale = 0, 0.78
	}
	shapes := []rect{{0, 0, 1, 1, corner, iconBackground}}
	lengths := []float64{0.60, 0.46, 0.54, 0.38, 0.50, 0.30, 0.42}
	const barH, gap, left = 0.068, 0.03, 0.2
	top := (1 - (7*barH + 6*gap)) / 2
	for i, l := range lengths {
		fill := iconBar
		if i == 0 {
			fill = iconAccent
		}
		b := rect{left, top + float64(i)*(barH+gap), l, barH, barH / 2, fill}
		// Scale about the centre.
		b.x, b.y = 0.5+(b.x-0.5)*scale, 0.5+(b.y-0.5)*scale
		b.w, b.h, b.r = b.w*scale, b.h*scale, b.r*scale
		shapes = append(shapes, b)
	}
	return shapes
}

// IconSVG returns the icon as an SVG document.
func IconSVG() []byte {
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">` + "\n")
	for _, s := range iconShapes(false) {
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>`+"\n",
			round(s.x*512), round(s.y*512), round(s.w*512), round(s.h*512), round(s.r*512), s.fill)
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

func round(v float64) float64 {
	return float64(int64(v*100+0.5)) / 100
}

// IconPNG draws the icon as a size×size PNG, anti-aliased by sampling each
// pixel on a 4×4 grid.
func IconPNG(size int, maskable bool) ([]byte, error) {
	const grid = 4
	shapes := iconShapes(maskable)
	colours := make([]color.NRGBA, len(shapes))
	for i, s := range shapes {
		colours[i] = parseHex(s.fill)
	}
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			var r, g, b, a float64
			for sy := 0; sy < grid; sy++ {
				for sx := 0; sx < grid; sx++ {
					px := (float64(x) + (float64(sx)+0.5)/grid) / float64(size)
					py := (float64(y) + (float64(sy)+0.5)/grid) / float64(size)
					for i := len(shapes) - 1; i >= 0; i-- {
						if shapes[i].contains(px, py) {
							c := colours[i]
							r, g, b, a = r+float64(c.R), g+float64(c.G), b+float64(c.B), a+1
							break
						}
					}
				}
			}
			if a == 0 {
				continue
			}
			// Colour averaged over covered samples; alpha is the coverage.
			img.SetNRGBA(x, y, color.NRGBA{
				R: uint8(r/a + 0.5), G: uint8(g/a + 0.5), B: uint8(b/a + 0.5),
				A: uint8(a*255/(grid*grid) + 0.5),
			})
		}
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// parseHex reads a "#rrggbb" colour from the constants above.
func parseHex(s string) color.NRGBA {
	var c color.NRGBA
	fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B)
	c.A = 255
	return c
}
