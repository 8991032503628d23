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

// handCard is a small card with every kind of field, whose exports the
// tests spell out in full. Its score, worked by hand in v0.8: CVSS 9.3
// (the vector below), factor sum 4.5, ThM 0.97, MF 1:
// AARS = (10 − 9.3) × 0.45 × 0.97 = 0.30555, AIVSS = 9.60555 → 9.6 Critical.
func handCard() *card.Card {
	c := &card.Card{Title: "Ticket triage bot", Summary: "Reads support tickets\nand labels them."}
	c.AIVSS = card.Inputs{
		Edition:    "v0.8",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		ThM:        dec("0.97"),
		MF:         dec("1"),
	}
	for i, v := range []string{"1", "1", "1", "0.5", "0.5", "0.5", "0", "0", "0", "0"} {
		c.AIVSS.Factors[i] = dec(v)
	}
	m := &c.MAESTRO
	l1 := m.Layer(maestro.FoundationModels)
	l1.Status = maestro.Mapped
	l1.Notes = "Reads untrusted ticket text."
	l1.Threats = []maestro.Threat{
		{CatalogID: "l1-prompt-injection", ASI: 1, Likelihood: maestro.High, Impact: maestro.Medium,
			Mitigations: "Strip markup\nReview labels", State: maestro.Mitigated},
		{Title: "Label flooding", Description: "Many bogus labels.", State: maestro.Accepted},
	}
	l2 := m.Layer(maestro.DataOperations)
	l2.Status = maestro.Uncertain
	l2.Notes = "Ticket storage is not described."
	m.Layer(maestro.SecurityCompliance).Status = maestro.Mapped
	m.CrossLayer = []maestro.Threat{{CatalogID: "x-lateral-movement", Description: "Via the shared queue.",
		Layers: []maestro.Layer{2, 4}, Likelihood: maestro.Low, Impact: maestro.High}}
	return c
}

// incompleteCard is handCard without its last factor and its ThM.
func incompleteCard() *card.Card {
	c := handCard()
	c.AIVSS.Factors[9] = decimal.Optional{}
	c.AIVSS.ThM = decimal.Optional{}
	return c
}

// findingsCard is handCard with three findings, scored by hand in v0.8
// (AARS = (10 − CVSS) × Factor_Sum/10 × ThM; AIVSS = RoundHalfUp((CVSS +
// AARS) × MF, 1)):
//
//   - F-001 on the L1 catalog threat: CVSS 7.5, tools overridden to 0 (sum
//     3.5), ThM the card's 0.97, MF its own 0.83: AARS 2.5 × 0.35 × 0.97 =
//     0.84875; 8.34875 × 0.83 = 6.9294625 → 6.9 Medium;
//   - F-002, a custom threat under L2 with no title: the E:U vector (base
//     9.3), whose Exploit Maturity sets ThM 0.5; the card's factors (sum
//     4.5) and MF 1: AARS 0.7 × 0.45 × 0.5 = 0.1575 → 9.4575 → 9.5 Critical;
//   - VULN-7 on the cross-layer threat: no CVSS yet, no category.
func findingsCard() *card.Card {
	c := handCard()
	l1 := c.MAESTRO.Layer(maestro.FoundationModels)
	l1.Threats[0].AIVSS = maestro.Assessment{ID: "F-001", Category: corerisk.GoalManipulation, CVSSScore: dec("7.5"), MF: dec("0.83")}
	l1.Threats[0].AIVSS.Factors[1] = dec("0")
	c.MAESTRO.Layer(maestro.DataOperations).Threats = []maestro.Threat{{Description: "Poisoned ticket history.",
		AIVSS: maestro.Assessment{ID: "F-002", Category: corerisk.MemoryManipulation,
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}}}
	c.MAESTRO.CrossLayer[0].AIVSS = maestro.Assessment{ID: "VULN-7"}
	return c
}

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
