package site

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"testing"
)

func TestIconPNGSizesAndShape(t *testing.T) {
	tests := []struct {
		size          int
		maskable      bool
		cornerOpaque  bool // the maskable icon fills its square; the plain one has round corners
		centreOpaque  bool
		backgroundRGB [3]uint8
	}{
		{192, false, false, true, [3]uint8{0x1d, 0x35, 0x57}},
		{512, false, false, true, [3]uint8{0x1d, 0x35, 0x57}},
		{512, true, true, true, [3]uint8{0x1d, 0x35, 0x57}},
	}
	for _, tt := range tests {
		data, err := IconPNG(tt.size, tt.maskable)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("size %d: not a PNG: %v", tt.size, err)
		}
		if b := img.Bounds(); b.Dx() != tt.size || b.Dy() != tt.size {
			t.Errorf("size %d maskable %v: image is %v", tt.size, tt.maskable, b)
		}
		_, _, _, a := img.At(0, 0).RGBA()
		if (a == 0xffff) != tt.cornerOpaque {
			t.Errorf("size %d maskable %v: corner alpha %#x, want opaque=%v", tt.size, tt.maskable, a, tt.cornerOpaque)
		}
		// A point on the left edge, halfway down, lies on the background.
		r, g, b, a := img.At(tt.size/20, tt.size/2).RGBA()
		if a != 0xffff || [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)} != tt.backgroundRGB {
			t.Errorf("size %d maskable %v: left edge is %x %x %x (alpha %x), want background %x", tt.size, tt.maskable, r>>8, g>>8, b>>8, a, tt.backgroundRGB)
		}
	}
}

func TestIconSVGIsWellFormedWithEightShapes(t *testing.T) {
	var doc struct {
		XMLName xml.Name `xml:"svg"`
		ViewBox string   `xml:"viewBox,attr"`
		Rects   []struct {
			Fill string `xml:"fill,attr"`
		} `xml:"rect"`
	}
	if err := xml.Unmarshal(IconSVG(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.ViewBox != "0 0 512 512" || len(doc.Rects) != 8 {
		t.Errorf("viewBox %q with %d rects; want 0 0 512 512 with a background and seven layer bars", doc.ViewBox, len(doc.Rects))
	}
}
