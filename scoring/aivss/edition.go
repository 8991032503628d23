package aivss

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// NumFactors is the number of agentic risk factors in every edition.
const NumFactors = 10

// Default is the id of the edition used when none is named.
const Default = "v0.8"

// Edition is one way of computing AIVSS, exactly as its source does. Its
// fields are for display (the UI and `threatcard editions`); the
// computation itself is fixed by the edition.
type Edition struct {
	ID     string // "v0.8", "v0.5", "card"
	Name   string // a short title: "OWASP AIVSS v0.8"
	Called string // the edition in a sentence: "OWASP AIVSS v0.8", "the AgentReady threat-model cards edition"
	Date   string // publication month, "2026-03"
	Status string // "current", "archived" or "published cards"
	Source string // where the edition's numbers come from

	// Factors lists the agentic risk factors in the order the edition sums
	// them; Inputs.Factors follows this order.
	Factors [NumFactors]Factor
	Levels  Scale // the values every factor takes
	ThM     Scale // threat multiplier
	MF      Scale // mitigation factor; v0.5 has none (HasMF false)
	HasMF   bool

	Formula  []string // the formula, one line of text each
	Rounding string   // how the shown score is rounded, in words
	Bands    string   // how the severity is found, in words

	score func(e *Edition, cvss decimal.Decimal, f *[NumFactors]decimal.Decimal, thm, mf decimal.Decimal) Result
}

// Factor is one agentic risk factor of an edition.
type Factor struct {
	ID   string // stable id, as in the edition's JSON: "tools", "tool_use"
	Name string // display name, as the edition's source writes it
}

// Scale is the set of values one input takes in an edition: either a list
// of Choices, or (Choices nil) any value from Min to Max with at most two
// decimals.
type Scale struct {
	Choices  []Choice
	Min, Max decimal.Decimal
	Default  decimal.Decimal // used when a ThM or MF is left out; unused for factors
}

// Choice is one allowed value with its label.
type Choice struct {
	Value decimal.Decimal
	Label string // "Partial", "Proof-of-Concept"
}

// Allows reports whether d is one of the scale's values.
func (s *Scale) Allows(d decimal.Decimal) bool {
	if s.Choices == nil {
		return d >= s.Min && d <= s.Max
	}
	for _, c := range s.Choices {
		if c.Value == d {
			return true
		}
	}
	return false
}

// Values describes the allowed values for a person: "0, 0.5 or 1", or
// "0 to 2" for a continuous scale (whose values have at most two decimals).
func (s *Scale) Values() string {
	if s.Choices == nil {
		return s.Min.Format(0) + " to " + s.Max.Format(0)
	}
	parts := make([]string, len(s.Choices))
	for i, c := range s.Choices {
		parts[i] = c.Value.Format(0)
	}
	return orList(parts)
}

// Labelled describes the choices with their labels:
// "1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.50 (Unreported)", or the
// range for a continuous scale.
func (s *Scale) Labelled() string {
	if s.Choices == nil {
		return s.Values()
	}
	parts := make([]string, len(s.Choices))
	for i, c := range s.Choices {
		parts[i] = c.Value.Format(2) + " (" + c.Label + ")"
	}
	return orList(parts)
}

// orList joins "a, b or c".
func orList(parts []string) string {
	if len(parts) < 2 {
		return strings.Join(parts, "")
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}

// Describe writes d with its label on the scale, if it has one, and with
// the given number of decimals (0: the shortest form): "0.97
// (Proof-of-Concept)", "0.5 (Partial)", "0.35".
func (s *Scale) Describe(d decimal.Decimal, places int) string {
	for _, c := range s.Choices {
		if c.Value == d {
			return d.Format(places) + " (" + c.Label + ")"
		}
	}
	return d.Format(places)
}

// FactorIndex returns the position of the factor with the given id.
func (e *Edition) FactorIndex(id string) (int, bool) {
	for i, f := range e.Factors {
		if f.ID == id {
			return i, true
		}
	}
	return -1, false
}

// editions are in the order Editions returns them: the default first.
var editions = []*Edition{&editionV08, &editionV05, &editionCard}

// Editions returns every edition, the default first. The editions are
// shared: do not modify them.
func Editions() []*Edition {
	return append([]*Edition(nil), editions...)
}

// Lookup returns the edition with the given id. "" is no edition: a
// caller that means the default says so (Lookup(Default)).
func Lookup(id string) (*Edition, error) {
	for _, e := range editions {
		if e.ID == id {
			return e, nil
		}
	}
	return nil, &UnknownEditionError{ID: id}
}
