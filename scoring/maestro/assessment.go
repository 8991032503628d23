package maestro

import (
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// NumFactors is the number of agentic risk factors in every AIVSS edition.
const NumFactors = 10

// Assessment is a threat's AIVSS assessment: a threat that has one is a
// finding, scored on its own, as OWASP AIVSS v0.8 scores each
// vulnerability of a system. Its inputs are read in the card's edition
// (package card scores it). An input left unset here is the card's: the
// factors, ThM and MF start from the agent-level profile and any of them
// can be overridden. The CVSS input is the finding's own.
//
// The zero Assessment is none: a finding always has an ID.
type Assessment struct {
	// ID names the finding in a report ("F-001", or a report's own
	// "VULN-001"); it stays the same across edits and round trips.
	ID       string
	Category corerisk.Risk // the OWASP core-risk category; 0 until chosen
	// CVSSVector is a canonical CVSS v4.0 vector, or "". When it is set,
	// CVSSScore is unset.
	CVSSVector string
	CVSSScore  decimal.Optional             // a bare CVSS v4.0 base score
	Factors    [NumFactors]decimal.Optional // unset: the card's factor
	ThM        decimal.Optional             // unset: the card's (or the vector's Exploit Maturity)
	MF         decimal.Optional             // unset: the card's
}

// Scored reports whether a is an assessment, not none.
func (a *Assessment) Scored() bool { return a.ID != "" }

// Overrides reports whether a sets any factor, ThM or MF of its own.
func (a *Assessment) Overrides() bool {
	for _, f := range a.Factors {
		if f.Set {
			return true
		}
	}
	return a.ThM.Set || a.MF.Set
}
