package aivssreport

import (
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// TestRandomCardsExport checks random cards with findings of every kind,
// switched to v0.8: each report validates against the schema; every
// finding is in it or skipped, once; and the card it makes gives the
// same report again, with no warning.
func TestRandomCardsExport(t *testing.T) {
	s := compileSchema(t)
	ed, err := aivss.Lookup(Edition)
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(20, 26))
	vulns, skips := 0, 0
	for i := range 300 {
		c := cardtest.RandomWithFindings(r)
		card.SwitchCard(c, ed)
		if i%2 == 0 {
			// A full profile, so that more findings, inheriting from it,
			// are scored.
			levels := ed.Levels.Choices
			for j := range c.AIVSS.Factors {
				if !c.AIVSS.Factors[j].Set {
					c.AIVSS.Factors[j] = decimal.Some(levels[r.IntN(len(levels))].Value)
				}
			}
		}
		if err := c.Validate(); err != nil {
			t.Fatalf("card %d after the switch: %v", i, err)
		}
		m := Metadata{Date: "2026-08-01", Assessor: "fuzzy", Link: "https://threatcard.example/#v2&e=v0.8"}
		doc, skipped, err := Marshal(c, m)
		if err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
		if err := validate(t, s, doc); err != nil {
			t.Fatalf("card %d: the report does not validate: %v\n%s", i, err, doc)
		}
		got := map[string]int{}
		written := normalized(t, doc)["vulnerabilities"].(map[string]any)
		for id := range written {
			got[id]++
		}
		for _, sk := range skipped {
			got[sk.ID]++
		}
		fs := c.Findings()
		for _, f := range fs {
			if got[f.Threat.AIVSS.ID] != 1 {
				t.Errorf("card %d: finding %s is written or skipped %d times", i, f.Threat.AIVSS.ID, got[f.Threat.AIVSS.ID])
			}
		}
		if len(got) != len(fs) {
			t.Errorf("card %d: %d findings, %d written or skipped", i, len(fs), len(got))
		}
		vulns, skips = vulns+len(written), skips+len(skipped)

		res, err := Parse(doc)
		if err != nil {
			t.Fatalf("card %d: its report is refused: %v\n%s", i, err, doc)
		}
		if len(res.Warnings) > 0 {
			t.Errorf("card %d: warnings %q", i, res.Warnings)
		}
		if res.Metadata != m {
			t.Errorf("card %d: metadata %+v, want %+v", i, res.Metadata, m)
		}
		if res.Card.Title != c.Title || res.Card.Summary != c.Summary {
			t.Errorf("card %d: title %q summary %q, want %q %q", i, res.Card.Title, res.Card.Summary, c.Title, c.Summary)
		}
		again, skipped, err := Marshal(res.Card, res.Metadata)
		if err != nil || len(skipped) > 0 {
			t.Fatalf("card %d: %v, skipped %v", i, err, skipped)
		}
		if !reflect.DeepEqual(normalized(t, again), normalized(t, doc)) {
			t.Errorf("card %d: report → card → report changed it:\n%s\n%s", i, doc, again)
		}
	}
	t.Logf("%d findings written, %d skipped", vulns, skips)
	if vulns < 300 || skips < 100 {
		t.Errorf("only %d findings written and %d skipped in all; the random cards should exercise both", vulns, skips)
	}
}
