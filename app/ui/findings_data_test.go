package ui

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// plannerLink is a v0.8 card with a complete profile (CVSS 9.3, the
// factors 1,1,1,1,1,1,0.5,1,1,0.5, ThM 0.97, MF 1: 9.9 Critical, worked
// example 3.6.1) and one threat, "Planner loop", under L3, with no ASI code.
func plannerLink(t *testing.T) string {
	t.Helper()
	c := card.NewCard()
	c.AIVSS.CVSSScore = decimal.Some(decimal.FromHundredths(930))
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = decimal.Some(decimal.FromInt(1))
	}
	half := decimal.Some(decimal.FromHundredths(50))
	c.AIVSS.Factors[6], c.AIVSS.Factors[9] = half, half // persistence, self-modification
	c.MAESTRO.Layers[2].Threats = []maestro.Threat{{Title: "Planner loop"}}
	l, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}
