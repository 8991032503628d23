// Package cardtext imports the plain text of a published agentic threat-model
// card (the "<agent> — agentic threat model" pages of AgentReady, copied from
// a browser) into a card.Card in the "card" AIVSS edition.
//
// Two layouts are read. The short one has a title line, a summary, the
// factor table as "| Factor | value | |" rows and one MAESTRO paragraph per
// layer, L1 to L7 in order. The full page adds a navigation line and a
// "← <agent>" back link, a headline "7.2AIVSS 7.2 · High", a line of chips
// (CVSS base, AARS uplift, factor sum, threat and mitigation multipliers),
// factor names and values on alternate lines, and a heading per layer with
// its status glued on ("L2 · Data Operations⚠ not certain from listing").
// The numbers a card prints are checked against what the card edition
// computes from its inputs; a difference is a warning, not an error.
package cardtext

import (
	"strconv"

	"github.com/threatcard/threatcard/scoring/card"
)

// Edition is the AIVSS edition every imported card is scored in: the
// formula and rounding the published cards use.
const Edition = "card"

// Result is an imported card with what the import noticed on the way.
type Result struct {
	Card     *card.Card
	Warnings []Warning // in the order found; none for a complete, consistent card
	Printed  Printed
}

// Warning is something the import did not take as it stood: a part of the
// card that is missing, text it skipped, or a printed number that differs
// from the computed one. The card is imported all the same.
type Warning struct {
	Line int    // 1-based line number; 0 when it concerns the text as a whole
	Msg  string // e.g. "printed AIVSS 7.2 but the card edition computes 7.3 from these inputs"
}

func (w Warning) String() string {
	if w.Line == 0 {
		return w.Msg
	}
	return "line " + strconv.Itoa(w.Line) + ": " + w.Msg
}

// Printed holds the numbers the card printed, as printed, "" for those the
// text does not have. The short layout prints none of them.
type Printed struct {
	Score     string // the headline AIVSS score, "7.2"
	Severity  string // the headline band, "High"
	CVSS      string // the "CVSS base" chip, "7.5"
	AARS      string // the "AARS uplift" chip, "1.02"
	FactorSum string // the "Factor sum" chip without its "/10", "4.1"
	ThM       string // the "Threat ×" chip, "1.0"
	MF        string // the "Mitigation ×" chip, "0.85"
}
