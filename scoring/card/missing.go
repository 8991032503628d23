package card

import (
	"strconv"
	"strings"
)

// Label is an AIVSS input's short name, the card's or a finding's, as a
// list of what is missing writes it: "CVSS", "Execution Autonomy", "ThM",
// "MF". Other locations have their Name.
func (l Location) Label() string {
	if l.Section == SectionAIVSS || l.inFinding() {
		switch l.Input {
		case InputCVSSVector, InputCVSSScore:
			return "CVSS"
		case InputFactor:
			return l.Factor.Name
		case InputThM:
			return "ThM"
		case InputMF:
			return "MF"
		}
	}
	return l.Name()
}

// MissingText says what an incomplete evaluation still needs, in a
// person's words: factors by name ("CVSS, Execution Autonomy, ThM"), or
// counted when more than three are unset ("CVSS, 7 of 10 factors, ThM").
func (e *Evaluation) MissingText() string {
	factors := 0
	for _, m := range e.Missing {
		if m.Input == InputFactor {
			factors++
		}
	}
	parts := make([]string, 0, len(e.Missing))
	counted := false
	for _, m := range e.Missing {
		if m.Input == InputFactor && factors > 3 {
			if !counted {
				parts = append(parts, strconv.Itoa(factors)+" of "+strconv.Itoa(NumFactors)+" factors")
				counted = true
			}
			continue
		}
		parts = append(parts, m.Label())
	}
	return strings.Join(parts, ", ")
}
