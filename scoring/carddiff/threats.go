package carddiff

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// match pairs the threats of one section of a and b (see the package
// doc): pair[j] is the index in ta of b's threat j, or -1 when it is new.
func match(ta, tb []maestro.Threat) []int {
	pair := make([]int, len(tb))
	taken := make([]bool, len(ta))
	for j := range pair {
		pair[j] = -1
	}
	find := func(ok func(i, j int) bool) {
		for j := range tb {
			if pair[j] >= 0 {
				continue
			}
			for i := range ta {
				if !taken[i] && ok(i, j) {
					pair[j], taken[i] = i, true
					break
				}
			}
		}
	}
	both := func(i, j int) bool { return ta[i].AIVSS.Scored() && tb[j].AIVSS.Scored() }
	// Two findings by their id.
	find(func(i, j int) bool { return both(i, j) && ta[i].AIVSS.ID == tb[j].AIVSS.ID })
	// Else by catalog id, or a custom threat's title.
	find(func(i, j int) bool { return !both(i, j) && key(&ta[i]) == key(&tb[j]) })
	// Two custom threats in the same place: one retitled.
	find(func(i, j int) bool {
		return i == j && !both(i, j) && ta[i].CatalogID == "" && tb[j].CatalogID == ""
	})
	return pair
}

// key is what matches a threat that is not a finding in both cards.
func key(t *maestro.Threat) string {
	if t.CatalogID != "" {
		return "catalog " + t.CatalogID
	}
	return "title " + t.Title
}

// threats adds the changes of one section's threats: under layer l, or
// the cross-layer threats (l 0). Threats come in b's order, each removed
// one where it stood in a.
func (w *differ) threats(sec card.Section, l maestro.Layer, ta, tb []maestro.Threat) {
	pair := match(ta, tb)
	matched := make([]bool, len(ta))
	for _, i := range pair {
		if i >= 0 {
			matched[i] = true
		}
	}
	section := maestro.CrossLayerName()
	if sec == card.SectionLayer {
		section = l.String()
	}
	loc := func(i int) string { return card.Location{Section: sec, Layer: l, Threat: i + 1}.Path() }
	next := 0 // a's threats before next are listed
	removedUpTo := func(end int) {
		for ; next < end; next++ {
			if !matched[next] {
				t := &ta[next]
				w.value(Change{Path: loc(next), Where: section, Field: "threat",
					A: t.Name(), AText: threatWords(t, w.fa[t])})
			}
		}
	}
	for j := range tb {
		t := &tb[j]
		i := pair[j]
		if i < 0 {
			w.value(Change{Path: loc(j), Where: section, Field: "threat",
				B: t.Name(), BText: threatWords(t, w.fb[t])})
			continue
		}
		if i >= next {
			removedUpTo(i)
		}
		w.threat(section, loc(j), sec == card.SectionCrossLayer, &ta[i], t)
	}
	removedUpTo(len(ta))
}

// threatWords names a threat added or removed: "Tool Misuse", "Tool
// Misuse, finding F-001 9.4 Critical".
func threatWords(t *maestro.Threat, f *card.Finding) string {
	s := "“" + t.Name() + "”"
	if f != nil {
		s += ", finding " + t.AIVSS.ID
		if f.Eval.Complete() {
			s += " " + f.Eval.Result.Score + " " + string(f.Eval.Result.Severity)
		}
	}
	return s
}

// threat adds the changes of a threat of both cards, at path.
func (w *differ) threat(section, path string, cross bool, a, b *maestro.Threat) {
	where := section + " · " + b.Name()
	w.value(Change{Path: path + ".catalog_id", Where: where, Field: "catalog id",
		A: a.CatalogID, B: b.CatalogID, AText: orWord(a.CatalogID, "none"), BText: orWord(b.CatalogID, "none")})
	w.text(where, path+".title", "title", a.Title, b.Title)
	w.text(where, path+".description", "description", a.Description, b.Description)
	w.value(Change{Path: path + ".layers", Where: where, Field: "layers",
		A: layersValue(a.Layers, cross), B: layersValue(b.Layers, cross), AText: layersWords(a.Layers), BText: layersWords(b.Layers)})
	w.value(Change{Path: path + ".asi", Where: where, Field: "ASI",
		A: a.ASI.Code(), B: b.ASI.Code(), AText: asiWords(a.ASI), BText: asiWords(b.ASI)})
	w.value(Change{Path: path + ".likelihood", Where: where, Field: "likelihood",
		A: a.Likelihood.String(), B: b.Likelihood.String(),
		AText: orWord(a.Likelihood.String(), "not rated"), BText: orWord(b.Likelihood.String(), "not rated")})
	w.value(Change{Path: path + ".impact", Where: where, Field: "impact",
		A: a.Impact.String(), B: b.Impact.String(),
		AText: orWord(a.Impact.String(), "not rated"), BText: orWord(b.Impact.String(), "not rated")})
	w.text(where, path+".mitigations", "mitigations", a.Mitigations, b.Mitigations)
	w.value(Change{Path: path + ".state", Where: where, Field: "state",
		A: a.State.String(), B: b.State.String(), AText: a.State.String(), BText: b.State.String()})

	base := path + ".aivss"
	fa, fb := w.fa[a], w.fb[b]
	if fa == nil || fb == nil {
		// A threat that becomes a finding, or stops being one.
		w.value(Change{Path: base, Where: where, Field: "finding",
			A: a.AIVSS.ID, B: b.AIVSS.ID, AText: findingWords(fa), BText: findingWords(fb)})
		sa, sb := "", ""
		if fa != nil {
			sa, _ = scoreOf(&fa.Eval)
		}
		if fb != nil {
			sb, _ = scoreOf(&fb.Eval)
		}
		w.value(Change{Path: base + ".score", Where: where, Field: "finding's score", Derived: true,
			A: sa, B: sb, AText: orWord(sa, "none"), BText: orWord(sb, "none")})
		return
	}
	ca, cb := a.AIVSS.Category, b.AIVSS.Category
	w.value(Change{Path: base + ".category", Where: where, Field: "OWASP core-risk category",
		A: ca.String(), B: cb.String(), AText: orWord(ca.String(), "none"), BText: orWord(cb.String(), "none")})
	w.inputs(where, base, assessmentInputs(&a.AIVSS), assessmentInputs(&b.AIVSS), "the card's")
	w.outcome(where, base, "finding's score", &fa.Eval, &fb.Eval)
}

// findingWords names a finding: "F-001 (9.4 Critical)"; "none".
func findingWords(f *card.Finding) string {
	if f == nil {
		return ""
	}
	return f.Threat.AIVSS.ID + " (" + scoreWords(&f.Eval) + ")"
}

// layersValue is a cross-layer threat's layers as the export writes them,
// a JSON array: "[2,4]", "[]"; "" for a threat under a layer (not cross),
// which has none.
func layersValue(ls []maestro.Layer, cross bool) string {
	if !cross {
		return ""
	}
	n := make([]string, len(ls))
	for i, l := range ls {
		n[i] = strconv.Itoa(int(l))
	}
	return "[" + strings.Join(n, ",") + "]"
}

// layersWords is "L2, L4", or "none".
func layersWords(ls []maestro.Layer) string {
	if len(ls) == 0 {
		return "none"
	}
	n := make([]string, len(ls))
	for i, l := range ls {
		n[i] = l.Code()
	}
	return strings.Join(n, ", ")
}

// asiWords is "ASI01 Agent Goal Hijack", or "none".
func asiWords(a maestro.ASI) string {
	if a == 0 {
		return "none"
	}
	return a.Code() + " " + a.Name()
}
