package ui

import (
	"slices"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The edits the MAESTRO editor makes. A section is a layer 1…7, or 0 for
// Cross-Layer, as in the catalog.
//
// Every edit is copy-on-write: it never writes into a slice the card held
// before, it builds a new one. So an edit can be tried on a shallow copy of
// a card without touching the card (MaestroEditor.apply does that before
// passing it on), and a component still holding the old values sees the
// difference.
//
// An edit that no longer fits the card, because the threat it was made for
// has moved or gone since (a double click on Delete), does nothing.

// threatsIn returns the threats of section sec.
func threatsIn(m *maestro.Model, sec maestro.Layer) []maestro.Threat {
	switch {
	case sec == 0:
		return m.CrossLayer
	case sec.Valid():
		return m.Layers[sec-1].Threats
	}
	return nil
}

// setThreatsIn replaces the threats of section sec; an empty list is nil.
func setThreatsIn(m *maestro.Model, sec maestro.Layer, ts []maestro.Threat) {
	if len(ts) == 0 {
		ts = nil
	}
	switch {
	case sec == 0:
		m.CrossLayer = ts
	case sec.Valid():
		m.Layers[sec-1].Threats = ts
	}
}

// sameThreat reports whether a and b are the same threat, field by field;
// a nil and an empty Layers are the same.
func sameThreat(a, b *maestro.Threat) bool {
	return a.CatalogID == b.CatalogID && a.Title == b.Title && a.Description == b.Description &&
		slices.Equal(a.Layers, b.Layers) && a.ASI == b.ASI && a.Likelihood == b.Likelihood &&
		a.Impact == b.Impact && a.Mitigations == b.Mitigations && a.State == b.State
}

// threatAt returns the threats of sec if the one at i is still want.
func threatAt(c *card.Card, sec maestro.Layer, i int, want *maestro.Threat) ([]maestro.Threat, bool) {
	ts := threatsIn(&c.MAESTRO, sec)
	if i < 0 || i >= len(ts) || !sameThreat(&ts[i], want) {
		return nil, false
	}
	return ts, true
}

// editStatus sets the status of layer l.
func editStatus(l maestro.Layer, s maestro.Status) Edit {
	return func(c *card.Card) {
		if l.Valid() {
			c.MAESTRO.Layers[l-1].Status = s
		}
	}
}

// editNotes sets the notes of layer l.
func editNotes(l maestro.Layer, notes string) Edit {
	return func(c *card.Card) {
		if l.Valid() {
			c.MAESTRO.Layers[l-1].Notes = notes
		}
	}
}

// editAddThreat appends t to section sec.
func editAddThreat(sec maestro.Layer, t maestro.Threat) Edit {
	return func(c *card.Card) {
		if sec != 0 && !sec.Valid() {
			return
		}
		ts := threatsIn(&c.MAESTRO, sec)
		setThreatsIn(&c.MAESTRO, sec, append(slices.Clip(ts), t))
	}
}

// editDeleteThreat removes the threat at i of section sec, if it is want.
func editDeleteThreat(sec maestro.Layer, i int, want maestro.Threat) Edit {
	return func(c *card.Card) {
		ts, ok := threatAt(c, sec, i, &want)
		if !ok {
			return
		}
		setThreatsIn(&c.MAESTRO, sec, slices.Delete(slices.Clone(ts), i, i+1))
	}
}

// editMoveThreat swaps the threat at i of section sec, if it is want, with
// its neighbour at to.
func editMoveThreat(sec maestro.Layer, i, to int, want maestro.Threat) Edit {
	return func(c *card.Card) {
		ts, ok := threatAt(c, sec, i, &want)
		if !ok || to < 0 || to >= len(ts) || to == i {
			return
		}
		ts = slices.Clone(ts)
		ts[i], ts[to] = ts[to], ts[i]
		setThreatsIn(&c.MAESTRO, sec, ts)
	}
}

// editScoreThreat makes the threat at i of section sec, if it is want and
// has no assessment, a finding with the assessment a.
func editScoreThreat(sec maestro.Layer, i int, want maestro.Threat, a maestro.Assessment) Edit {
	return func(c *card.Card) {
		ts, ok := threatAt(c, sec, i, &want)
		if !ok || ts[i].AIVSS.Scored() {
			return
		}
		ts = slices.Clone(ts)
		ts[i].AIVSS = a
		setThreatsIn(&c.MAESTRO, sec, ts)
	}
}

// editThreat changes the threat at i of section sec with change, which sets
// fields of the copy it gets and must not write into its Layers.
func editThreat(sec maestro.Layer, i int, change func(t *maestro.Threat)) Edit {
	return func(c *card.Card) {
		ts := threatsIn(&c.MAESTRO, sec)
		if i < 0 || i >= len(ts) {
			return
		}
		ts = slices.Clone(ts)
		change(&ts[i])
		setThreatsIn(&c.MAESTRO, sec, ts)
	}
}

// retouch works out where a threat in section sec goes when layer l is
// ticked (on) or cleared among the layers it touches. A threat under a layer
// touches that layer and no other; ticking a second one makes it a
// cross-layer threat. A cross-layer threat touches none named or at least
// two; when only one is left ticked it moves under that layer. It returns
// the section the threat belongs in, the Layers it then lists, and false
// when the change is not possible (clearing the layer a threat sits under,
// or a box already in that state).
func retouch(sec maestro.Layer, layers []maestro.Layer, l maestro.Layer, on bool) (maestro.Layer, []maestro.Layer, bool) {
	var touched [maestro.NumLayers + 1]bool
	if sec != 0 {
		touched[sec] = true
	} else {
		for _, x := range layers {
			if x.Valid() {
				touched[x] = true
			}
		}
	}
	if !l.Valid() || touched[l] == on || (sec != 0 && l == sec) {
		return sec, layers, false
	}
	touched[l] = on
	var out []maestro.Layer
	for _, x := range maestro.Layers() {
		if touched[x] {
			out = append(out, x)
		}
	}
	switch len(out) {
	case 0:
		return 0, nil, true
	case 1:
		return out[0], nil, true
	}
	return 0, out, true
}

// editTouches ticks or clears layer l among the layers that the threat at i
// of section sec touches, if it is want, moving the threat between its layer
// and Cross-Layer as retouch says.
func editTouches(sec maestro.Layer, i int, l maestro.Layer, on bool, want maestro.Threat) Edit {
	return func(c *card.Card) {
		ts, ok := threatAt(c, sec, i, &want)
		if !ok {
			return
		}
		dest, layers, ok := retouch(sec, ts[i].Layers, l, on)
		if !ok {
			return
		}
		t := ts[i]
		t.Layers = layers
		if dest == sec {
			ts = slices.Clone(ts)
			ts[i] = t
			setThreatsIn(&c.MAESTRO, sec, ts)
			return
		}
		setThreatsIn(&c.MAESTRO, sec, slices.Delete(slices.Clone(ts), i, i+1))
		setThreatsIn(&c.MAESTRO, dest, append(slices.Clip(threatsIn(&c.MAESTRO, dest)), t))
	}
}
