package aivss

// v08Meaning maps each v0.8 factor to the v0.5 (and card edition) factor
// that means the same. The v0.8 PDF does not state it; it is the mapping
// by meaning of research note aivss.md §4: Goal-Driven Planning was
// dropped in v0.8 and Natural Language Interface added, so neither has a
// counterpart. v0.5 and the card edition share their ids.
var v08Meaning = map[string]string{
	"autonomy":        "autonomy_of_action",
	"tools":           "tool_use",
	"context":         "contextual_awareness",
	"non_determinism": "non_determinism",
	"opacity":         "opacity_and_reflexivity",
	"persistence":     "memory_use",
	"identity":        "dynamic_identity",
	"multi_agent":     "multi_agent_interactions",
	"self_mod":        "self_modification",
}

// Counterpart returns the position in edition to of the factor that means
// the same as e's factor i, and false when to has none.
func (e *Edition) Counterpart(i int, to *Edition) (int, bool) {
	id := e.Factors[i].ID
	switch {
	case e.ID == "v0.8" && to.ID != "v0.8":
		id = v08Meaning[id]
	case e.ID != "v0.8" && to.ID == "v0.8":
		found := ""
		for v08, other := range v08Meaning {
			if other == id {
				found = v08
			}
		}
		id = found
	}
	if id == "" {
		return -1, false
	}
	return to.FactorIndex(id)
}
