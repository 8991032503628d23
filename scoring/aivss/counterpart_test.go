package aivss

import "testing"

// The factors that mean the same across editions, by name (research note
// aivss.md §4): nine of v0.8's ten have a v0.5 counterpart; Natural
// Language Interface (v0.8) and Goal-Driven Planning (v0.5) have none.
func TestCounterpartPairsTheFactorsThatMeanTheSame(t *testing.T) {
	v08, _ := Lookup("v0.8")
	v05, _ := Lookup("v0.5")
	card, _ := Lookup("card")
	pairs := map[string]string{
		"Execution Autonomy":            "Autonomy of Action",
		"External Tool Control Surface": "Tool Use",
		"Contextual Awareness":          "Contextual Awareness",
		"Behavioral Non-Determinism":    "Non-Determinism",
		"Opacity & Reflexivity":         "Opacity and Reflexivity",
		"Persistent State Retention":    "Memory Use",
		"Dynamic Identity":              "Dynamic Identity",
		"Multi-Agent Interactions":      "Multi-Agent Interactions",
		"Self-Modification":             "Self-Modification",
	}
	for i, f := range v08.Factors {
		j, ok := v08.Counterpart(i, v05)
		want, has := pairs[f.Name]
		if ok != has || ok && v05.Factors[j].Name != want {
			t.Errorf("v0.8 %s → v0.5 %v (%v); want %q", f.Name, j, ok, want)
		}
		if ok {
			if back, ok := v05.Counterpart(j, v08); !ok || back != i {
				t.Errorf("v0.5 %s → v0.8 %d, %v; want %d back", v05.Factors[j].Name, back, ok, i)
			}
		}
	}
	for i, f := range v05.Factors {
		j, ok := v05.Counterpart(i, card)
		if !ok || card.Factors[j].ID != f.ID {
			t.Errorf("v0.5 %s → card %d, %v; want the same id", f.ID, j, ok)
		}
	}
	if _, ok := v05.Counterpart(7, v08); ok || v05.Factors[7].Name != "Goal-Driven Planning" {
		t.Errorf("Goal-Driven Planning has a v0.8 counterpart")
	}
}
