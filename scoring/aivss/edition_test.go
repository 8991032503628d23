package aivss

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// The factor lists as the sources give them (v0.8 §2.2; v0.5 §3.2 and its
// reference calculator; the AgentReady cards).
func TestEditionFactors(t *testing.T) {
	for _, c := range []struct {
		id      string
		factors string // id=Name;…
	}{
		{"v0.8", "autonomy=Execution Autonomy;tools=External Tool Control Surface;language=Natural Language Interface;" +
			"context=Contextual Awareness;non_determinism=Behavioral Non-Determinism;opacity=Opacity & Reflexivity;" +
			"persistence=Persistent State Retention;identity=Dynamic Identity;multi_agent=Multi-Agent Interactions;" +
			"self_mod=Self-Modification"},
		{"v0.5", "autonomy_of_action=Autonomy of Action;tool_use=Tool Use;memory_use=Memory Use;" +
			"dynamic_identity=Dynamic Identity;multi_agent_interactions=Multi-Agent Interactions;" +
			"non_determinism=Non-Determinism;self_modification=Self-Modification;goal_driven_planning=Goal-Driven Planning;" +
			"contextual_awareness=Contextual Awareness;opacity_and_reflexivity=Opacity and Reflexivity"},
		{"card", "autonomy_of_action=Autonomy of Action;goal_driven_planning=Goal-Driven Planning;" +
			"self_modification=Self-Modification;tool_use=Dynamic Tool Use;memory_use=Persistent Memory;" +
			"contextual_awareness=Contextual Awareness;dynamic_identity=Dynamic Identity;" +
			"multi_agent_interactions=Multi-Agent Interactions;non_determinism=Non-Determinism;" +
			"opacity_and_reflexivity=Opacity & Reflexivity"},
	} {
		e, err := Lookup(c.id)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range e.Factors {
			got = append(got, f.ID+"="+f.Name)
		}
		if g := strings.Join(got, ";"); g != c.factors {
			t.Errorf("%s factors\n%s\nwant\n%s", c.id, g, c.factors)
		}
		if i, ok := e.FactorIndex(e.Factors[9].ID); !ok || i != 9 {
			t.Errorf("%s FactorIndex(%s) = %d, %v", c.id, e.Factors[9].ID, i, ok)
		}
	}
}

func TestEditionChoices(t *testing.T) {
	for _, c := range []struct {
		id, status, levels, thm, mf string
		thmDefault, mfDefault       string
		hasMF                       bool
	}{
		{"v0.8", "current", "0 (None), 0.5 (Partial), 1 (Full)",
			"1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.50 (Unreported)",
			"1.00 (None), 0.83 (Partial) or 0.67 (Strong)", "0.97", "1.0", true},
		{"v0.5", "archived", "0 (None), 0.5 (Partial), 1 (Full)",
			"1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.91 (Unreported)",
			"1.00 (None)", "0.97", "1.0", false},
		{"card", "published cards", "0 to 1", "0 to 2", "0 to 1", "1.0", "1.0", true},
	} {
		e, err := Lookup(c.id)
		if err != nil {
			t.Fatal(err)
		}
		levels := e.Levels.Values()
		if e.Levels.Choices != nil {
			var parts []string
			for _, ch := range e.Levels.Choices {
				parts = append(parts, ch.Value.Format(0)+" ("+ch.Label+")")
			}
			levels = strings.Join(parts, ", ")
		}
		if e.Status != c.status || levels != c.levels || e.ThM.Labelled() != c.thm || e.MF.Labelled() != c.mf ||
			e.ThM.Default.String() != c.thmDefault || e.MF.Default.String() != c.mfDefault || e.HasMF != c.hasMF {
			t.Errorf("%s: status %q, levels %q, ThM %q default %s, MF %q default %s, has MF %v",
				c.id, e.Status, levels, e.ThM.Labelled(), e.ThM.Default, e.MF.Labelled(), e.MF.Default, e.HasMF)
		}
		if len(e.Formula) == 0 || e.Name == "" || e.Date == "" || e.Source == "" || e.Rounding == "" || e.Bands == "" {
			t.Errorf("%s: display metadata missing: %+v", c.id, e)
		}
	}
}

func TestEditionsAndLookup(t *testing.T) {
	var ids []string
	for _, e := range Editions() {
		ids = append(ids, e.ID)
	}
	if got := strings.Join(ids, " "); got != "v0.8 v0.5 card" {
		t.Errorf("Editions() = %s, want the default first: v0.8 v0.5 card", got)
	}
	if e, err := Lookup(Default); err != nil || e.ID != "v0.8" {
		t.Errorf(`Lookup(Default) = %v, %v; want v0.8`, e, err)
	}
	if e, err := Lookup(""); err == nil {
		t.Errorf(`Lookup("") = %v; want an error, "" names no edition`, e.ID)
	}
	if _, err := Lookup("0.8"); err == nil {
		t.Error(`Lookup("0.8") succeeded; ids are exact`)
	}
}

func TestScaleAllows(t *testing.T) {
	d := decimal.MustParse
	for _, c := range []struct {
		scale *Scale
		v     string
		want  bool
	}{
		{&editionV08.Levels, "0.5", true},
		{&editionV08.Levels, "0.50", true},
		{&editionV08.Levels, "0.49", false},
		{&editionCard.Levels, "0", true},
		{&editionCard.Levels, "1", true},
		{&editionCard.Levels, "1.01", false},
		{&editionCard.ThM, "2", true},
		{&editionV05.MF, "1", true},
		{&editionV05.MF, "0.99", false},
	} {
		if got := c.scale.Allows(d(c.v)); got != c.want {
			t.Errorf("%s allows %s: %v, want %v", c.scale.Values(), c.v, got, c.want)
		}
	}
}
