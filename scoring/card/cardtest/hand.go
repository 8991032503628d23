package cardtest

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func dec(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// Hand is a small card with every kind of field, whose exports the tests
// of the writers spell out in full. Its score, worked by hand in v0.8:
// CVSS 9.3 (the vector below), factor sum 4.5, ThM 0.97, MF 1:
// AARS = (10 − 9.3) × 0.45 × 0.97 = 0.30555, AIVSS = 9.60555 → 9.6 Critical.
func Hand() *card.Card {
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

// Incomplete is Hand without its last factor and its ThM.
func Incomplete() *card.Card {
	c := Hand()
	c.AIVSS.Factors[9] = decimal.Optional{}
	c.AIVSS.ThM = decimal.Optional{}
	return c
}

// HandWithFindings is Hand with three findings, scored by hand in v0.8
// (AARS = (10 − CVSS) × Factor_Sum/10 × ThM; AIVSS = RoundHalfUp((CVSS +
// AARS) × MF, 1)):
//
//   - F-001 on the L1 catalog threat: CVSS 7.5, tools overridden to 0 (sum
//     3.5), ThM the card's 0.97, MF its own 0.83: AARS 2.5 × 0.35 × 0.97 =
//     0.84875; 8.34875 × 0.83 = 6.9294625 → 6.9 Medium;
//   - F-002, a custom threat under L2 with no title: the E:U vector (base
//     9.3, CVSS-BT 8.1), whose Exploit Maturity sets ThM 0.5; the card's
//     factors (sum 4.5) and MF 1: AARS 0.7 × 0.45 × 0.5 = 0.1575 → 9.4575
//     → 9.5 Critical;
//   - VULN-7 on the cross-layer threat: no CVSS yet, no category.
func HandWithFindings() *card.Card {
	c := Hand()
	l1 := c.MAESTRO.Layer(maestro.FoundationModels)
	l1.Threats[0].AIVSS = maestro.Assessment{ID: "F-001", Category: corerisk.GoalManipulation, CVSSScore: dec("7.5"), MF: dec("0.83")}
	l1.Threats[0].AIVSS.Factors[1] = dec("0")
	c.MAESTRO.Layer(maestro.DataOperations).Threats = []maestro.Threat{{Description: "Poisoned ticket history.",
		AIVSS: maestro.Assessment{ID: "F-002", Category: corerisk.MemoryManipulation,
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}}}
	c.MAESTRO.CrossLayer[0].AIVSS = maestro.Assessment{ID: "VULN-7"}
	return c
}

// Hostile are strings that would inject a link, an image, HTML or a table
// cell into unescaped Markdown, HTML or SVG.
var Hostile = []string{
	"<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "[x](javascript:alert(1))",
	"![i](http://evil/x.png)", "http://evil.example", "https://evil.example", "www.evil.example",
	"| pipe |", "<http://evil.example>", "[ref]: http://evil.example", "a@evil.example",
	"```\ncode", "# heading\n- item\n> quote\n    indented", "&lt;b&gt;", "<!-- comment -->",
}

// HostileCard puts s into every text field of Hand.
func HostileCard(s string) *card.Card {
	c := Hand()
	c.Title = strings.ReplaceAll(s, "\n", " ")
	c.Summary = s
	for i := range c.MAESTRO.Layers {
		e := &c.MAESTRO.Layers[i]
		e.Status = maestro.Status(i % 3)
		e.Notes = s
		e.Threats = []maestro.Threat{{Title: c.Title, Description: s, Mitigations: s}}
	}
	// A catalog id the catalog does not know is shown as the threat's name.
	id := []rune(c.Title)
	if len(id) > card.MaxCatalogID {
		id = id[:card.MaxCatalogID]
	}
	l1 := c.MAESTRO.Layer(maestro.FoundationModels)
	l1.Threats = append(l1.Threats, maestro.Threat{CatalogID: string(id)})
	c.MAESTRO.CrossLayer = []maestro.Threat{{Title: c.Title, Description: s, Mitigations: s, Layers: []maestro.Layer{1, 7}}}
	return c
}
