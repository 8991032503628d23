//go:build !wasm

package ui

import "testing"

func TestFactorSliderAndFieldSetTheFactor(t *testing.T) {
	g := loadGoldenLink(t, "card-edition-full-model")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	panel := &FactorsPanel{Editor: p, Edition: "card", Factors: p.card.AIVSS.Factors}
	s := &factorSlider{Panel: panel, Edition: "card", Index: 2, ID: "self_modification", Name: "Self-Modification"}

	s.slide(ctx, "37")
	if got := p.card.AIVSS.Factors[2].Value.Format(2); got != "0.37" {
		t.Errorf("slider at 37: factor %s", got)
	}
	panel.Factors = p.card.AIVSS.Factors
	s.typed(ctx, "0.", false) // 0 itself, on the way to 0.9
	if s.msg != "" || p.card.AIVSS.Factors[2].Value.Format(2) != "0.00" {
		t.Errorf("0.: message %q, factor %s", s.msg, p.card.AIVSS.Factors[2].Value)
	}
	s.typed(ctx, "0.9", true)
	if s.msg != "" || s.textSet || p.card.AIVSS.Factors[2].Value.Format(2) != "0.90" {
		t.Errorf("0.9: message %q, still typed %v, factor %s", s.msg, s.textSet, p.card.AIVSS.Factors[2].Value)
	}
	panel.Factors = p.card.AIVSS.Factors
	s.typed(ctx, "", true)
	if p.card.AIVSS.Factors[2].Set {
		t.Error("an emptied field left the factor set")
	}
	// A click from a factor drawn for another edition changes nothing.
	before := p.fragment
	if msg := panel.set(ctx, "v0.8", 2, "1"); msg != "" || p.fragment != before {
		t.Errorf("a stale edition's click: message %q, changed %v", msg, p.fragment != before)
	}
}
