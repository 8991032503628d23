package cardtext

import (
	"strings"
)

// headlineRE matches the score a card prints under its title: "AIVSS 7.2 ·
// High", or as a browser copies the big number and its label together,
// "7.2AIVSS 7.2 · High".
var headlineRE = lazy(`(?i)^(?:([0-9][0-9.]*)\s*)?AIVSS(?:\s+score)?\s*:?\s*([0-9][0-9.]*)(?:\s*[·•|:\-–—]?\s*(None|Low|Medium|High|Critical))?$`)

// headline is the printed score.
type headline struct {
	big      string // the big number before "AIVSS", if copied
	score    string
	severity string
}

func parseHeadline(s string) (headline, bool) {
	m := headlineRE.FindStringSubmatch(s)
	if m == nil {
		return headline{}, false
	}
	return headline{big: m[1], score: m[2], severity: m[3]}, true
}

// chipKind is one of the numbers the rationale prints in a row of chips.
type chipKind int

const (
	chipCVSS chipKind = iota
	chipAARS
	chipSum
	chipThM
	chipMF
	numChips
)

var chipNames = [numChips]string{"CVSS base", "AARS uplift", "Factor sum", "Threat ×", "Mitigation ×"}

// chipRE matches each chip at the start of a text; group 1 is its number.
// A browser copies the chips with nothing between them ("CVSS base
// 7.5AARS uplift 1.02Factor sum 4.1/10Threat ×1.0Mitigation ×0.85"), so each
// number ends where the next label's letters begin.
var chipRE = [numChips]*lazyRegexp{
	lazy(`(?i)^CVSS(?:\s*v?4(?:\.0)?)?\s*base(?:\s+score)?\s*:?\s*([0-9]+(?:\.[0-9]+)?)`),
	lazy(`(?i)^AARS(?:\s+uplift)?\s*:?\s*([0-9]+(?:\.[0-9]+)?)`),
	lazy(`(?i)^Factor\s+sum\s*:?\s*([0-9]+(?:\.[0-9]+)?)(?:\s*/\s*10(?:\.0+)?)?`),
	lazy(`(?i)^Threat(?:\s+multiplier)?(?:\s*\(ThM\))?\s*:?\s*[×x*]?\s*([0-9]+(?:\.[0-9]+)?)`),
	lazy(`(?i)^Mitigation(?:\s+(?:multiplier|factor))?(?:\s*\(MF\))?\s*:?\s*[×x*]?\s*([0-9]+(?:\.[0-9]+)?)`),
}

var chipSep = lazy(`^[\s·•|,;]+`)

// chip is one printed number of the rationale.
type chip struct {
	kind  chipKind
	value string
}

// parseChips reads a line made only of chips. A line that begins with text
// that is not a chip, or holds a single chip followed by other text, is not
// a chips line (ok false). A line of two or more chips followed by
// something unreadable is an error (msg set).
func parseChips(s string) (chips []chip, ok bool, msg string) {
	rest := s[len(chipSep.FindString(s)):]
	if rest == "" || !strings.ContainsRune("CcAaFfTtMm", rune(rest[0])) {
		return nil, false, "" // every chip's label begins with one of these
	}
	for {
		rest = rest[len(chipSep.FindString(rest)):]
		if rest == "" {
			return chips, len(chips) > 0, ""
		}
		found := false
		for k, re := range chipRE {
			if m := re.FindStringSubmatchIndex(rest); m != nil {
				chips = append(chips, chip{kind: chipKind(k), value: rest[m[2]:m[3]]})
				rest = rest[m[1]:]
				found = true
				break
			}
		}
		if !found {
			if len(chips) >= 2 {
				return nil, false, "cannot read the chip that begins " + quoteStart(rest) +
					"; chips are " + strings.Join(chipNames[:], ", ")
			}
			return nil, false, ""
		}
	}
}

// quoteStart quotes the beginning of s for a message.
func quoteStart(s string) string {
	return `"` + shorten(s) + `"`
}
