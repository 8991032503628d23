package export

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func dec(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// withFindings makes every threat of c a finding whose id is s on one
// line (cut to fit, and numbered: ids are unique), with a CVSS score and
// a category of its own; its other inputs are the card's.
func withFindings(c *card.Card, s string) *card.Card {
	base := []rune(strings.Join(strings.Fields(s), " "))
	if len(base) > card.MaxFindingID-4 {
		base = base[:card.MaxFindingID-4]
	}
	n := 0
	add := func(t *maestro.Threat) {
		n++
		id := strings.TrimSpace(string(base) + " " + strconv.Itoa(n))
		t.AIVSS = maestro.Assessment{ID: id, Category: corerisk.Risk(n % (corerisk.NumRisks + 1)), CVSSScore: dec(strconv.Itoa(n%10) + ".5")}
	}
	for i := range c.MAESTRO.Layers {
		for j := range c.MAESTRO.Layers[i].Threats {
			add(&c.MAESTRO.Layers[i].Threats[j])
		}
	}
	for j := range c.MAESTRO.CrossLayer {
		add(&c.MAESTRO.CrossLayer[j])
	}
	return c
}
