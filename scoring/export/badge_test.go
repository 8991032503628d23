package export

import (
	"encoding/xml"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
)

// The widths below are worked by hand from the Verdana advance widths in
// badge.go (units of 1/2048 em, at 11px, rounded up):
//
//	"AIVSS"        1401+863+1401+1399+1399 = 6463 units → 34.7 → 35 px; box 35+12 = 47
//	"9.6 Critical" 1302+745+1302+720+1430+874+562+807+562+1067+1229+562 = 11162 → 59.95 → 60 px; box 72
//	"incomplete"   562+1296+1067+1247+1992+1273+562+1219+807+1219 = 11244 → 60.4 → 61 px; box 73
const wantHandBadge = `<svg xmlns="http://www.w3.org/2000/svg" width="119" height="20" viewBox="0 0 119 20" role="img">
<title>AIVSS 9.6 Critical (OWASP AIVSS v0.8) — Ticket triage bot</title>
<rect width="47" height="20" fill="#555555"/>
<rect x="47" width="72" height="20" fill="#a8071a"/>
<g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14" textLength="35" lengthAdjust="spacing">AIVSS</text>
<text x="53" y="14" textLength="60" lengthAdjust="spacing">9.6 Critical</text>
</g>
</svg>
`

const wantIncompleteBadge = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="20" viewBox="0 0 120 20" role="img">
<title>AIVSS incomplete (OWASP AIVSS v0.8) — R&amp;D &lt;bot&gt; &#34;x&#34;</title>
<rect width="47" height="20" fill="#555555"/>
<rect x="47" width="73" height="20" fill="#6a6a6a"/>
<g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">
<text x="6" y="14" textLength="35" lengthAdjust="spacing">AIVSS</text>
<text x="53" y="14" textLength="61" lengthAdjust="spacing">incomplete</text>
</g>
</svg>
`

func TestBadgeIsAsWrittenByHand(t *testing.T) {
	incomplete := cardtest.Incomplete()
	incomplete.Title = `R&D <bot> "x"`
	for _, tt := range []struct {
		name string
		card *card.Card
		want string
	}{
		{"complete", cardtest.Hand(), wantHandBadge},
		{"incomplete, title with XML syntax", incomplete, wantIncompleteBadge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Badge(tt.card)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("badge differs from the hand-written one:\n%s", lineDiff(tt.want, got))
			}
		})
	}
}

// TestBadgesAreWellFormedAndSelfContained parses the badges of random
// cards as XML and checks they refer to nothing outside themselves, hold
// their words as text, and come out the same every time.
func TestBadgesAreWellFormedAndSelfContained(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 16))
	for range 300 {
		c := cardtest.Random(r)
		svg, err := Badge(c)
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := Badge(c); again != svg {
			t.Fatalf("two badges of one card differ:\n%s\n%s", svg, again)
		}
		var text strings.Builder
		var title string
		inTitle := false
		d := xml.NewDecoder(strings.NewReader(svg))
		for {
			tok, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("badge is not well-formed XML: %v\n%s", err, svg)
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inTitle = tok.Name.Local == "title"
				for _, a := range tok.Attr {
					if a.Name.Local == "href" || strings.Contains(a.Value, "url(") {
						t.Fatalf("badge refers outside itself: %s=%q", a.Name.Local, a.Value)
					}
				}
				if n := tok.Name.Local; n != "svg" && n != "title" && n != "rect" && n != "g" && n != "text" {
					t.Fatalf("badge has a <%s> element", n)
				}
			case xml.CharData:
				if inTitle {
					title += string(tok)
				} else {
					text.Write(tok)
				}
			case xml.EndElement:
				inTitle = false
			}
		}
		ev := card.Evaluate(c)
		words := "AIVSS incomplete"
		if ev.Complete() {
			words = "AIVSS " + ev.Result.Score + " " + string(ev.Result.Severity)
		}
		if got := strings.Join(strings.Fields(text.String()), " "); got != words {
			t.Errorf("badge text is %q; want %q", got, words)
		}
		if want := words + " (" + ev.Edition.Name + ")"; !strings.HasPrefix(title, want) || (c.Title != "" && !strings.HasSuffix(title, " — "+c.Title)) {
			t.Errorf("badge title is %q; want %q and the card's title %q", title, want, c.Title)
		}
	}
}

// contrast is the WCAG 2 contrast ratio of two "#rrggbb" colours.
func contrast(a, b string) float64 {
	lum := func(h string) float64 {
		var c [3]float64
		for i := range c {
			v, _ := strconv.ParseUint(h[1+2*i:3+2*i], 16, 8)
			x := float64(v) / 255
			if x <= 0.03928 {
				c[i] = x / 12.92
			} else {
				c[i] = math.Pow((x+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
	}
	la, lb := lum(a), lum(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func TestBadgeColoursKeepTheTextReadable(t *testing.T) {
	for _, sev := range []aivss.Severity{aivss.None, aivss.Low, aivss.Medium, aivss.High, aivss.Critical, ""} {
		bg, ok := badgeColours[sev]
		if !ok {
			t.Errorf("no badge colour for %q", sev)
			continue
		}
		if r := contrast(badgeTextColor, bg); r < 4.5 {
			t.Errorf("%q: white on %s has contrast %.2f; want at least 4.5", sev, bg, r)
		}
	}
	if r := contrast(badgeTextColor, badgeLabelColor); r < 4.5 {
		t.Errorf("label: contrast %.2f; want at least 4.5", r)
	}
}
