package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/maestro"
)

// The MAESTRO editor's element ids and the words it shows. The ids are
// stable: end-to-end tests and links within the page use them.

// sectionID is the id of a section's element: "layer-3", or "layer-cross"
// for Cross-Layer (section 0).
func sectionID(sec maestro.Layer) string {
	if sec == 0 {
		return "layer-cross"
	}
	return "layer-" + strconv.Itoa(int(sec))
}

// isSectionAnchor reports whether a fragment is a section's id, as the
// links of the layer overview name them.
func isSectionAnchor(fragment string) bool {
	if fragment == sectionID(0) {
		return true
	}
	for _, l := range maestro.Layers() {
		if fragment == sectionID(l) {
			return true
		}
	}
	return false
}

// threatID is the id of the i-th threat's element in section sec; the ids
// of its fields start with it.
func threatID(sec maestro.Layer, i int) string {
	return sectionID(sec) + "-threat-" + strconv.Itoa(i)
}

// sectionName is "L3 Agent Frameworks", or "Cross-Layer". Layer names are
// the framework's and never editable.
func sectionName(sec maestro.Layer) string {
	if sec == 0 {
		return maestro.CrossLayerName()
	}
	return sec.String()
}

// statusIcon goes with the status word, never instead of it.
func statusIcon(s maestro.Status) string {
	switch s {
	case maestro.Mapped:
		return "✓"
	case maestro.Uncertain:
		return "⚠"
	}
	return "○"
}

// threatCount is "no threats", "1 threat", "4 threats".
func threatCount(n int) string {
	switch n {
	case 0:
		return "no threats"
	case 1:
		return "1 threat"
	}
	return strconv.Itoa(n) + " threats"
}

// layerThreatCount is a layer's threats in words: its own, and the
// cross-layer threats that touch it. "2 threats", "1 cross-layer threat",
// "2 threats and 1 cross-layer threat", "no threats".
func layerThreatCount(own, cross int) string {
	switch {
	case cross == 0:
		return threatCount(own)
	case cross == 1:
		return withOwnThreats(own, "1 cross-layer threat")
	}
	return withOwnThreats(own, strconv.Itoa(cross)+" cross-layer threats")
}

// withOwnThreats puts a layer's own threats, if any, before its cross-layer ones.
func withOwnThreats(own int, cross string) string {
	if own == 0 {
		return cross
	}
	return threatCount(own) + " and " + cross
}

// notAssessedNote says that the layer named name, with own threats of its
// own and cross cross-layer threats touching it, is still marked not
// assessed.
func notAssessedNote(name string, own, cross int) string {
	var why string
	switch {
	case cross == 0:
		why = "it has " + threatCount(own)
	case cross == 1:
		why = "1 cross-layer threat touches it"
	default:
		why = strconv.Itoa(cross) + " cross-layer threats touch it"
	}
	if own > 0 && cross > 0 {
		why = "it has " + threatCount(own) + " and " + why
	}
	return name + " is still marked not assessed, though " + why + "."
}

// charsLeft says how much more text a field with limit max takes; limits
// count characters (code points), as card.Validate does.
func charsLeft(s string, max int) string {
	return thousands(max-utf8.RuneCountInString(s)) + " of " + thousands(max) + " characters left"
}

// threatName is what a threat is called in headings and button names.
func threatName(t *maestro.Threat) string {
	if n := t.Name(); strings.TrimSpace(n) != "" {
		return n
	}
	return "untitled threat"
}

// layerList is "L1, L3 and L4".
func layerList(ls []maestro.Layer) string {
	codes := make([]string, len(ls))
	for i, l := range ls {
		codes[i] = l.Code()
	}
	if len(codes) < 2 {
		return strings.Join(codes, "")
	}
	return strings.Join(codes[:len(codes)-1], ", ") + " and " + codes[len(codes)-1]
}

// maestroRefusal tells why an edit was not made, from the rule of
// card.Validate it would have broken, naming the field in words.
func maestroRefusal(err error) string {
	return "Not changed: " + err.Error() + "."
}
