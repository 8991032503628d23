// Package carddifftest changes one known input of a card, for tests of
// what scoring/carddiff and `threatcard diff` find: the change made is
// written down here, from the values set, not from a comparison.
package carddifftest

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Want is the one input change made: its path in the JSON export's names
// and its values before and after, as the export writes them ("" for
// none).
type Want struct {
	Path, A, B string
}

// Clone returns a deep copy of c: the two share no slice.
func Clone(c *card.Card) *card.Card {
	d := *c
	for i := range d.MAESTRO.Layers {
		d.MAESTRO.Layers[i].Threats = cloneThreats(c.MAESTRO.Layers[i].Threats)
	}
	d.MAESTRO.CrossLayer = cloneThreats(c.MAESTRO.CrossLayer)
	return &d
}

func cloneThreats(ts []maestro.Threat) []maestro.Threat {
	if ts == nil {
		return nil
	}
	out := slices.Clone(ts)
	for i := range out {
		out[i].Layers = slices.Clone(ts[i].Layers)
	}
	return out
}

// ChangeOne returns a copy of c with one input changed, drawn from r, and
// what changed. Which inputs it changes: the title, a factor, ThM, MF
// (editions with one), a metric of the card's CVSS vector, a layer's
// status or notes, a threat's state, likelihood or mitigations, and a
// finding's own factor. c must be valid and in a known edition; the copy
// is valid too.
func ChangeOne(r *rand.Rand, c *card.Card) (*card.Card, Want) {
	ed, err := aivss.Lookup(c.AIVSS.Edition)
	if err != nil {
		panic("carddifftest: a card without a known edition")
	}
	for {
		d := Clone(c)
		w, ok := changeOne(r, ed, d)
		if ok && d.Validate() == nil {
			return d, w
		}
	}
}

func changeOne(r *rand.Rand, ed *aivss.Edition, d *card.Card) (Want, bool) {
	in := &d.AIVSS
	switch r.IntN(9) {
	case 0:
		old := d.Title
		d.Title = "Renamed agent"
		if old == d.Title {
			d.Title = "Renamed agent 2"
		}
		return Want{"title", old, d.Title}, true
	case 1:
		i := r.IntN(card.NumFactors)
		old := in.Factors[i]
		in.Factors[i] = decimal.Some(other(r, &ed.Levels, old))
		return Want{"aivss.factors." + ed.Factors[i].ID, text(old, 0), text(in.Factors[i], 0)}, true
	case 2:
		old := in.ThM
		in.ThM = decimal.Some(other(r, &ed.ThM, old))
		return Want{"aivss.thm", text(old, 0), text(in.ThM, 0)}, true
	case 3:
		if !ed.HasMF {
			return Want{}, false
		}
		old := in.MF
		in.MF = decimal.Some(other(r, &ed.MF, old))
		return Want{"aivss.mf", text(old, 0), text(in.MF, 0)}, true
	case 4:
		// A Base metric of the vector: VA, whose values are H, L and N.
		i := strings.Index(in.CVSSVector, "/VA:")
		if i < 0 {
			return Want{}, false
		}
		old := in.CVSSVector[i+4 : i+5]
		vals := slices.DeleteFunc([]string{"H", "L", "N"}, func(v string) bool { return v == old })
		nv := vals[r.IntN(len(vals))]
		in.CVSSVector = in.CVSSVector[:i+4] + nv + in.CVSSVector[i+5:]
		return Want{"aivss.cvss_vector.VA", old, nv}, true
	case 5:
		l := maestro.Layer(1 + r.IntN(maestro.NumLayers))
		e := d.MAESTRO.Layer(l)
		path := card.Location{Section: card.SectionLayer, Layer: l}.Path()
		if r.IntN(2) == 0 {
			old := e.Status
			e.Status = (old + 1 + maestro.Status(r.IntN(2))) % 3
			return Want{path + ".status", old.String(), e.Status.String()}, true
		}
		old := e.Notes
		e.Notes = "Notes changed for the test."
		return Want{path + ".notes", old, e.Notes}, old != e.Notes
	case 6, 7:
		t, path := someThreat(r, d, false)
		if t == nil {
			return Want{}, false
		}
		switch r.IntN(3) {
		case 0:
			old := t.State
			t.State = (old + 1 + maestro.State(r.IntN(2))) % 3
			return Want{path + ".state", old.String(), t.State.String()}, true
		case 1:
			old := t.Likelihood
			t.Likelihood = (old + 1 + maestro.Level(r.IntN(3))) % 4
			return Want{path + ".likelihood", old.String(), t.Likelihood.String()}, true
		}
		old := t.Mitigations
		t.Mitigations = "Mitigation changed for the test"
		return Want{path + ".mitigations", old, t.Mitigations}, old != t.Mitigations
	}
	t, path := someThreat(r, d, true)
	if t == nil {
		return Want{}, false
	}
	i := r.IntN(card.NumFactors)
	old := t.AIVSS.Factors[i]
	t.AIVSS.Factors[i] = decimal.Some(other(r, &ed.Levels, old))
	return Want{path + ".aivss.factors." + ed.Factors[i].ID, text(old, 0), text(t.AIVSS.Factors[i], 0)}, true
}

// someThreat picks a threat of d (a finding, with findings) and its path.
func someThreat(r *rand.Rand, d *card.Card, findings bool) (*maestro.Threat, string) {
	type at struct {
		t    *maestro.Threat
		path string
	}
	var all []at
	for _, l := range maestro.Layers() {
		ts := d.MAESTRO.Layer(l).Threats
		for j := range ts {
			all = append(all, at{&ts[j], card.Location{Section: card.SectionLayer, Layer: l, Threat: j + 1}.Path()})
		}
	}
	for j := range d.MAESTRO.CrossLayer {
		all = append(all, at{&d.MAESTRO.CrossLayer[j], card.Location{Section: card.SectionCrossLayer, Threat: j + 1}.Path()})
	}
	if findings {
		all = slices.DeleteFunc(all, func(a at) bool { return !a.t.AIVSS.Scored() })
	}
	if len(all) == 0 {
		return nil, ""
	}
	a := all[r.IntN(len(all))]
	return a.t, a.path
}

// other is a value of s other than o's.
func other(r *rand.Rand, s *aivss.Scale, o decimal.Optional) decimal.Decimal {
	for {
		var v decimal.Decimal
		if s.Choices != nil {
			v = s.Choices[r.IntN(len(s.Choices))].Value
		} else {
			v = s.Min + decimal.FromHundredths(r.Int64N((s.Max-s.Min).Hundredths()+1))
		}
		if !o.Set || v != o.Value {
			return v
		}
	}
}

// text is o as the JSON export writes it.
func text(o decimal.Optional, places int) string {
	if !o.Set {
		return ""
	}
	return o.Value.Format(places)
}
