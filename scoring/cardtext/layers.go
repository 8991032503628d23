package cardtext

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/maestro"
)

// layerName matches, at the start of a text, the names a card may give a
// layer: the official one, with "&" or "and", and the short forms tools
// use. A layer's name is always the fixed one (maestro.Layer.Name); these
// only recognise it.
var layerName = [maestro.NumLayers + 1]*lazyRegexp{
	nil,
	lazy(`(?i)^foundation\s+models?`),
	lazy(`(?i)^data\s+op(?:eration)?s`),
	lazy(`(?i)^agent\s+frameworks?`),
	lazy(`(?i)^deployment\s*(?:&|\band\b)?\s*infrastructure`),
	lazy(`(?i)^evaluation\s*(?:&|\band\b)\s*observability`),
	lazy(`(?i)^security\s*(?:&|\band\b)\s*compliance(?:\s*\(\s*vertical(?:\s+layer)?\s*\))?`),
	lazy(`(?i)^agent\s+ecosystem`),
}

var (
	// headingStart matches "L3" or "Layer 3" and what follows it.
	headingStart = lazy(`(?i)^(?:L|Layer\s*)([0-9]+)(.*)$`)
	// headingSep is the separator between the label and the name or text.
	headingSep = lazy(`^\s*[·•:|.\-–—]\s*`)
	// badge matches the status a card prints next to a layer, with or
	// without its symbol: "✓ mapped", "⚠ not certain from listing".
	badge     = lazy(`(?i)^[✓✔⚠\x{FE0F}\s]*(mapped|not\s+certain\s+from\s+(?:the\s+)?listing|not\s+assessed)`)
	badgeOnly = lazy(`(?i)^[✓✔⚠\x{FE0F}\s]*(mapped|not\s+certain\s+from\s+(?:the\s+)?listing|not\s+assessed)$`)
	// leadingSep is what may stand between a heading and text on its line.
	leadingSep = lazy(`^[\s·•:|\-–—]+`)
	// uncertainPrefix is how an uncertain paragraph begins.
	uncertainPrefix = lazy(`(?i)^not\s+certain\s+from\s+(?:the\s+)?listing\s*(?:(?:—|–|--|-|:)\s*|$)`)
)

// heading is a layer label read from a line.
type heading struct {
	layer    maestro.Layer
	named    maestro.Layer // the layer whose name the heading gives; 0 for none
	status   maestro.Status
	hasBadge bool
	rest     string // text after the heading on the same line
}

// parseHeading reads a layer label at the start of s: "L1 · Foundation
// Models✓ mapped", "L3: text…", "L2 · Data Operations". A label is
// "L<n>" followed by a separator, a layer name, a status, or nothing; "L2s
// are…" is text. ok is false for text; msg is set for a label of a layer
// that does not exist.
func parseHeading(s string) (h heading, ok bool, msg string) {
	if s == "" || (s[0] != 'L' && s[0] != 'l') {
		return h, false, ""
	}
	m := headingStart.FindStringSubmatch(s)
	if m == nil {
		return h, false, ""
	}
	rest := m[2]
	labelled := rest == ""
	if sep := headingSep.FindString(rest); sep != "" {
		rest = rest[len(sep):]
		labelled = true
	} else {
		rest = strings.TrimLeft(rest, " ")
	}
	for l := maestro.Layer(1); l <= maestro.NumLayers; l++ {
		if n := layerName[l].FindString(rest); n != "" {
			h.named = l
			rest = rest[len(n):]
			labelled = true
			break
		}
	}
	if b := badge.FindStringSubmatch(rest); b != nil {
		h.status, h.hasBadge = statusOf(b[1]), true
		rest = rest[len(b[0]):]
		labelled = true
	}
	if !labelled {
		return h, false, ""
	}
	n, err := strconv.Atoi(m[1])
	if err != nil || n < 1 || n > maestro.NumLayers {
		return h, false, "there is no layer L" + m[1] + "; MAESTRO has L1 to L7"
	}
	h.layer = maestro.Layer(n)
	h.rest = strings.TrimSpace(rest[len(leadingSep.FindString(rest)):])
	return h, true, ""
}

// parseBadge reads a line that is only a status, as when a heading's badge
// is copied onto a line of its own.
func parseBadge(s string) (maestro.Status, bool) {
	m := badgeOnly.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	return statusOf(m[1]), true
}

func statusOf(badgeText string) maestro.Status {
	switch k := key(badgeText); {
	case k == "mapped":
		return maestro.Mapped
	case strings.HasPrefix(k, "not certain"):
		return maestro.Uncertain
	}
	return maestro.NotAssessed
}

// cutUncertain removes the "Not certain from the listing — " a paragraph
// of an uncertain layer begins with, accepting an em dash, an en dash,
// "--", "-" or ":" after it.
func cutUncertain(s string) (string, bool) {
	m := uncertainPrefix.FindString(s)
	if m == "" {
		return s, false
	}
	return s[len(m):], true
}

// endsSentence reports whether s ends like a finished sentence, perhaps
// inside quotes or brackets; a paragraph that does not was likely cut
// short when it was copied.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)]»")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…", r)
}
