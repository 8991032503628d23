package export

import (
	"fmt"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
)

// badgeColours is the background of the badge's right half for each
// severity, and for a card still incomplete. The words carry the meaning;
// the colour only decorates, and each keeps white text at a contrast of
// at least 4.5:1 (WCAG AA).
var badgeColours = map[aivss.Severity]string{
	aivss.Critical: "#a8071a",
	aivss.High:     "#c2410c",
	aivss.Medium:   "#8a6d00",
	aivss.Low:      "#1a7f37",
	aivss.None:     "#4b5563",
	"":             "#6a6a6a", // incomplete
}

const (
	badgeLabel      = "AIVSS"
	badgeLabelColor = "#555555"
	badgeTextColor  = "#ffffff"
	badgeHeight     = 20
	badgePad        = 6 // px each side of a text
)

// Badge returns an SVG badge of c's score: "AIVSS 9.5 Critical", or
// "AIVSS incomplete" while inputs are missing. It draws text in generic
// fonts and refers to nothing outside itself; its <title>, which screen
// readers announce, adds the edition and the card's title. The same card
// always gives the same bytes.
func Badge(c *card.Card) (string, error) {
	if err := c.Validate(); err != nil {
		return "", err
	}
	ev := card.Evaluate(c)
	value, sev := "incomplete", aivss.Severity("")
	if ev.Complete() {
		value, sev = ev.Result.Score+" "+string(ev.Result.Severity), ev.Result.Severity
	}
	title := badgeLabel + " " + value + " (" + ev.Edition.Name + ")"
	if c.Title != "" {
		title += " — " + c.Title
	}
	lw, vw := textWidth(badgeLabel), textWidth(value)
	left, right := lw+2*badgePad, vw+2*badgePad
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img">`+"\n",
		left+right, badgeHeight, left+right, badgeHeight)
	sb.WriteString("<title>")
	writeXMLText(&sb, title)
	sb.WriteString("</title>\n")
	fmt.Fprintf(&sb, `<rect width="%d" height="%d" fill="%s"/>`+"\n", left, badgeHeight, badgeLabelColor)
	fmt.Fprintf(&sb, `<rect x="%d" width="%d" height="%d" fill="%s"/>`+"\n", left, right, badgeHeight, badgeColours[sev])
	fmt.Fprintf(&sb, `<g fill="%s" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`+"\n", badgeTextColor)
	fmt.Fprintf(&sb, `<text x="%d" y="14" textLength="%d" lengthAdjust="spacing">%s</text>`+"\n", badgePad, lw, badgeLabel)
	fmt.Fprintf(&sb, `<text x="%d" y="14" textLength="%d" lengthAdjust="spacing">%s</text>`+"\n", left+badgePad, vw, value)
	sb.WriteString("</g>\n</svg>\n")
	return sb.String(), nil
}

// verdana holds the advance widths, in units of 1/2048 em, of Verdana's
// characters that a badge shows; textLength then makes any font fill the
// same width. An array, not a map: it is data in the binary, where a map
// was built by code at every start of the web app.
var verdana = [128]int{
	' ': 720, '.': 745,
	'0': 1302, '1': 1302, '2': 1302, '3': 1302, '4': 1302, '5': 1302, '6': 1302, '7': 1302, '8': 1302, '9': 1302,
	'A': 1401, 'C': 1430, 'H': 1540, 'I': 863, 'L': 1168, 'M': 1727, 'N': 1532, 'S': 1399, 'V': 1401,
	'a': 1229, 'c': 1067, 'd': 1273, 'e': 1219, 'g': 1273, 'h': 1296, 'i': 562, 'l': 562, 'm': 1992,
	'n': 1296, 'o': 1247, 'p': 1273, 'r': 874, 's': 1067, 't': 807, 'u': 1296, 'w': 1675,
}

// textWidth is the width in whole pixels of s in Verdana at 11px.
func textWidth(s string) int {
	units := 0
	for _, r := range s {
		w := 1300
		if r >= 0 && r < rune(len(verdana)) && verdana[r] != 0 {
			w = verdana[r]
		}
		units += w
	}
	return (units*11 + 2047) / 2048
}
