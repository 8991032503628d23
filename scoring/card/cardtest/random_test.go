package cardtest_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/link"
)

// TestRandomCardsAreValidAndFitInALink checks the generator's promise on
// many seeds: every card passes card.Validate and link.Encode.
func TestRandomCardsAreValidAndFitInALink(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 1000 {
		c := cardtest.Random(r)
		if err := c.Validate(); err != nil {
			t.Fatalf("card %d: Validate: %v", i, err)
		}
		if _, err := link.Encode(c); err != nil {
			t.Fatalf("card %d: link.Encode: %v", i, err)
		}
	}
}

// TestRandomCardsCoverEveryKindOfField checks that, over many cards, the
// generator produces each case the round-trip tests rely on.
func TestRandomCardsCoverEveryKindOfField(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	seen := map[string]bool{}
	for range 500 {
		c := cardtest.Random(r)
		in := &c.AIVSS
		seen["edition "+in.Edition] = true
		seen["cvss vector"] = seen["cvss vector"] || in.CVSSVector != ""
		seen["cvss vector with more than Base"] = seen["cvss vector with more than Base"] || strings.Count(in.CVSSVector, "/") > 11
		seen["cvss score"] = seen["cvss score"] || in.CVSSScore.Set
		seen["cvss unset"] = seen["cvss unset"] || (in.CVSSVector == "" && !in.CVSSScore.Set)
		for _, f := range in.Factors {
			seen["factor unset"] = seen["factor unset"] || !f.Set
		}
		seen["thm unset"] = seen["thm unset"] || !in.ThM.Set
		seen["mf unset in an edition with one"] = seen["mf unset in an edition with one"] || (in.Edition != "v0.5" && !in.MF.Set)
		ev := card.Evaluate(c)
		seen["complete"] = seen["complete"] || ev.Complete()
		text := c.Title + c.Summary
		for _, e := range c.MAESTRO.Layers {
			seen["status "+e.Status.String()] = true
			text += e.Notes
			for _, th := range e.Threats {
				seen["catalog threat"] = seen["catalog threat"] || th.CatalogID != ""
				seen["custom threat"] = seen["custom threat"] || th.Title != ""
				seen["threat with every field"] = seen["threat with every field"] || (th.Title != "" && th.Description != "" &&
					th.Mitigations != "" && th.ASI != 0 && th.Likelihood != 0 && th.Impact != 0 && th.State != 0)
				text += th.Title + th.Description + th.Mitigations
			}
		}
		for _, th := range c.MAESTRO.CrossLayer {
			seen["cross-layer threat"] = true
			seen["cross-layer threat touching no named layer"] = seen["cross-layer threat touching no named layer"] || len(th.Layers) == 0
			seen["cross-layer threat touching layers"] = seen["cross-layer threat touching layers"] || len(th.Layers) >= 2
		}
		seen["multi-line text"] = seen["multi-line text"] || strings.Contains(text, "\n")
		seen["non-ASCII text"] = seen["non-ASCII text"] || strings.ContainsFunc(text, func(r rune) bool { return r > 0x7f })
		seen["HTML in text"] = seen["HTML in text"] || strings.Contains(text, "<script>")
	}
	want := []string{"cvss vector", "cvss vector with more than Base", "cvss score", "cvss unset", "factor unset", "thm unset",
		"mf unset in an edition with one", "complete", "status not-assessed", "status mapped", "status uncertain",
		"catalog threat", "custom threat", "threat with every field", "cross-layer threat",
		"cross-layer threat touching no named layer", "cross-layer threat touching layers",
		"multi-line text", "non-ASCII text", "HTML in text"}
	for _, ed := range aivss.Editions() {
		want = append(want, "edition "+ed.ID)
	}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("500 random cards had no %s", w)
		}
	}
}

// TestRandomFindingsAreValidAndVaried checks AddFindings's promise: valid
// cards whose findings have every kind of id and input.
func TestRandomFindingsAreValidAndVaried(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	seen := map[string]bool{}
	for i := range 500 {
		c := cardtest.RandomWithFindings(r)
		if err := c.Validate(); err != nil {
			t.Fatalf("card %d: Validate: %v", i, err)
		}
		for _, f := range c.Findings() {
			a := &f.Threat.AIVSS
			seen["finding"] = true
			seen["new id"] = seen["new id"] || strings.HasPrefix(a.ID, "F-")
			seen["report id"] = seen["report id"] || strings.HasPrefix(a.ID, "VULN-")
			seen["no category"] = seen["no category"] || a.Category == 0
			seen["vector"] = seen["vector"] || a.CVSSVector != ""
			seen["bare score"] = seen["bare score"] || a.CVSSScore.Set
			seen["overridden factor"] = seen["overridden factor"] || a.Overrides()
			seen["inherits all"] = seen["inherits all"] || !a.Overrides()
			seen["no title"] = seen["no title"] || (f.Threat.Title == "" && f.Threat.CatalogID == "")
			seen["scored"] = seen["scored"] || f.Eval.Complete()
			seen["cross-layer finding"] = seen["cross-layer finding"] || f.Loc.Section == card.SectionCrossLayer
		}
	}
	for _, w := range []string{"finding", "new id", "report id", "no category", "vector", "bare score",
		"overridden factor", "inherits all", "no title", "scored", "cross-layer finding"} {
		if !seen[w] {
			t.Errorf("500 random cards had no finding with %s", w)
		}
	}
}
