// Package card is a threatcard: one agent's AIVSS inputs together with its
// MAESTRO threat model, with the limits every card must keep.
package card

import (
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// NumFactors is the number of agentic risk factors in every AIVSS edition.
const NumFactors = maestro.NumFactors

// Card is everything a threatcard link carries.
type Card struct {
	Title   string // the agent's name
	Summary string
	AIVSS   Inputs
	MAESTRO maestro.Model
}

// Inputs are the AIVSS inputs of a card. Any of them may be still unset;
// the score then names what is missing instead of assuming a default.
type Inputs struct {
	Edition string // an AIVSS edition id (aivss.Lookup)
	// CVSSVector is a canonical CVSS v4.0 vector, or "". When it is set,
	// CVSSScore is unset: the score comes from the vector.
	CVSSVector string
	CVSSScore  decimal.Optional // a bare CVSS v4.0 base score
	Factors    [NumFactors]decimal.Optional
	ThM        decimal.Optional
	MF         decimal.Optional // unset in editions without one (v0.5)
}
