// Package definitions says, in threatcard's own words, what each input of
// a score means, for the page to show where the value is chosen: every
// agentic risk factor of every AIVSS edition and what each of its levels
// means, the threat multiplier (ThM) and the mitigation factor (MF), and
// every CVSS v4.0 metric and value.
//
// The text is a paraphrase of its sources (OWASP AIVSS v0.8 Tables 1, 2
// and 4, the v0.5 report's Phase 2 checklist, the CVSS v4.0 specification
// of FIRST); names and numbers are the sources', sentences are not. It is
// text only: nothing here takes part in a score, and it holds no markup.
package definitions

// Definition is what one input means.
type Definition struct {
	Meaning string  // what the input measures, in a sentence
	Levels  []Level // what each value means, in the scale's order; for a continuous scale, its ends and default
	Note    string  // a caveat, such as a rubric the source does not give; may be empty
	Source  string  // where the facts come from: "OWASP AIVSS v0.8, §2.2 Table 2"
}

// Level is what one value of an input means.
type Level struct {
	Value   string // as the page writes it: "0.5", "0.97" (decimal.Decimal.Format(0)), or a CVSS value's abbreviation, "N"
	Name    string // the value's label: "Partial", "Network"
	Meaning string
}

// Level returns what the value v means, if d says.
func (d *Definition) Level(v string) (Level, bool) {
	for _, l := range d.Levels {
		if l.Value == v {
			return l, true
		}
	}
	return Level{}, false
}

// lv is a Level, written short in the tables.
func lv(value, name, meaning string) Level {
	return Level{Value: value, Name: name, Meaning: meaning}
}

// The tables (aivss.go, cvss.go) are each built on first use rather than
// when the program starts: the page looks a definition up only when one is
// shown, and building them all at start was the largest init function run
// before the page's first paint, where the browser compiles each function
// the first time it runs.

// Factor returns what the agentic risk factor id of an edition means
// ("v0.8", "tools").
func Factor(edition, id string) (Definition, bool) {
	d, ok := factors()[edition][id]
	return d, ok
}

// Scale returns what the factor levels of an edition mean in general:
// OWASP's three levels, or the card edition's continuous scale, whose Note
// says what its source leaves out.
func Scale(edition string) (Definition, bool) {
	d, ok := scales()[edition]
	return d, ok
}

// ThM returns what the threat multiplier of an edition and its levels
// mean.
func ThM(edition string) (Definition, bool) {
	d, ok := thm()[edition]
	return d, ok
}

// MF returns what the mitigation factor of an edition and its levels
// mean. v0.5 has none, which its definition says.
func MF(edition string) (Definition, bool) {
	d, ok := mf()[edition]
	return d, ok
}

// Metric returns what the CVSS v4.0 metric abbreviated abbrev ("AV",
// "MSI") and its values mean, "Not Defined" (X) included.
func Metric(abbrev string) (Definition, bool) {
	d, ok := metrics()[abbrev]
	return d, ok
}

// Group returns what a CVSS v4.0 metric group is for, by the name
// cvss4.Group.String gives it: "Base", "Threat", "Environmental",
// "Supplemental".
func Group(name string) (Definition, bool) {
	d, ok := groups()[name]
	return d, ok
}
