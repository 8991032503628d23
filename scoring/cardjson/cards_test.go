package cardjson

import (
	"github.com/threatcard/threatcard/scoring/card"
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
