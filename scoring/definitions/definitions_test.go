package definitions

import (
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
)

// checkScale checks that d defines the scale s: a choice scale's values in
// its order with its labels, or a continuous scale's ends (and default,
// for ThM and MF) with values inside it.
func checkScale(t *testing.T, what string, d Definition, s *aivss.Scale, withDefault bool) {
	t.Helper()
	if s.Choices != nil {
		if len(d.Levels) != len(s.Choices) {
			t.Errorf("%s: %d levels defined, the scale has %d", what, len(d.Levels), len(s.Choices))
			return
		}
		for i, ch := range s.Choices {
			if l := d.Levels[i]; l.Value != ch.Value.Format(0) || l.Name != ch.Label {
				t.Errorf("%s: level %d is %s %q, the scale's is %s %q", what, i, l.Value, l.Name, ch.Value.Format(0), ch.Label)
			}
		}
		return
	}
	need := []string{s.Min.Format(0), s.Max.Format(0)}
	if withDefault {
		need = append(need, s.Default.Format(0))
	}
	for _, v := range need {
		if _, ok := d.Level(v); !ok {
			t.Errorf("%s: no level %s (the scale runs from %s to %s)", what, v, s.Min.Format(0), s.Max.Format(0))
		}
	}
	for _, l := range d.Levels {
		if l.Name == "" {
			t.Errorf("%s: level %s has no name", what, l.Value)
		}
	}
}

func TestEveryFactorOfEveryEditionIsDefined(t *testing.T) {
	for _, ed := range aivss.Editions() {
		seen := 0
		for _, f := range ed.Factors {
			d, ok := Factor(ed.ID, f.ID)
			if !ok {
				t.Errorf("%s: factor %s (%s) has no definition", ed.ID, f.ID, f.Name)
				continue
			}
			seen++
			checkScale(t, ed.ID+" "+f.ID, d, &ed.Levels, false)
		}
		if len(factors()[ed.ID]) != seen {
			t.Errorf("%s: %d factors defined, %d of them the edition's", ed.ID, len(factors()[ed.ID]), seen)
		}
		d, ok := Scale(ed.ID)
		if !ok {
			t.Errorf("%s: the factor scale has no definition", ed.ID)
		} else {
			checkScale(t, ed.ID+" factor scale", d, &ed.Levels, false)
		}
		if ed.Levels.Choices == nil && d.Note == "" {
			t.Errorf("%s: a continuous scale without a rubric says so in a note", ed.ID)
		}
	}
	if len(factors()) != len(aivss.Editions()) || len(scales()) != len(aivss.Editions()) {
		t.Errorf("factors of %d editions and scales of %d defined; there are %d editions", len(factors()), len(scales()), len(aivss.Editions()))
	}
}

func TestEveryThMAndMFIsDefined(t *testing.T) {
	for _, ed := range aivss.Editions() {
		for _, x := range []struct {
			name string
			get  func(string) (Definition, bool)
			s    *aivss.Scale
		}{{"ThM", ThM, &ed.ThM}, {"MF", MF, &ed.MF}} {
			d, ok := x.get(ed.ID)
			if !ok {
				t.Errorf("%s: %s has no definition", ed.ID, x.name)
				continue
			}
			checkScale(t, ed.ID+" "+x.name, d, x.s, true)
		}
	}
	if len(thm()) != len(aivss.Editions()) || len(mf()) != len(aivss.Editions()) {
		t.Errorf("ThM of %d editions and MF of %d defined; there are %d editions", len(thm()), len(mf()), len(aivss.Editions()))
	}
}

func TestEveryCVSSMetricAndValueIsDefined(t *testing.T) {
	ms := cvss4.Metrics()
	for _, m := range ms {
		d, ok := Metric(m.Abbrev)
		if !ok {
			t.Errorf("metric %s (%s) has no definition", m.Abbrev, m.Name)
			continue
		}
		if len(d.Levels) != len(m.Values) {
			t.Errorf("%s: %d values defined, the metric has %d", m.Abbrev, len(d.Levels), len(m.Values))
			continue
		}
		for i, v := range m.Values {
			if l := d.Levels[i]; l.Value != v.Abbrev || l.Name != v.Name {
				t.Errorf("%s: value %d is %s %q, the metric's is %s %q", m.Abbrev, i, l.Value, l.Name, v.Abbrev, v.Name)
			}
		}
	}
	if len(metrics()) != len(ms) {
		t.Errorf("%d metrics defined, CVSS v4.0 has %d", len(metrics()), len(ms))
	}
	for g := cvss4.Base; g <= cvss4.Supplemental; g++ {
		if _, ok := Group(g.String()); !ok {
			t.Errorf("metric group %s has no definition", g)
		}
	}
}

// all lists every definition with where it is.
func all() map[string]Definition {
	out := map[string]Definition{}
	for ed, fs := range factors() {
		for id, d := range fs {
			out[ed+" factor "+id] = d
		}
	}
	for ed, d := range scales() {
		out[ed+" factor scale"] = d
	}
	for ed, d := range thm() {
		out[ed+" ThM"] = d
	}
	for ed, d := range mf() {
		out[ed+" MF"] = d
	}
	for k, d := range metrics() {
		out["CVSS "+k] = d
	}
	for k, d := range groups() {
		out["CVSS group "+k] = d
	}
	return out
}

// No text is empty, holds markup or repeats another: a definition pasted
// for the wrong factor or value shows as a copy.
func TestNoDefinitionIsEmptyOrACopy(t *testing.T) {
	seen := map[string]string{}
	check := func(where, text string, may bool) {
		switch {
		case text == "" && !may:
			t.Errorf("%s is empty", where)
		case text == "":
		case strings.ContainsAny(text, "<>&"):
			t.Errorf("%s holds markup: %q", where, text)
		case strings.TrimSpace(text) != text || !strings.HasSuffix(text, "."):
			t.Errorf("%s is not one sentence ending with a full stop: %q", where, text)
		case seen[text] != "":
			t.Errorf("%s repeats %s: %q", where, seen[text], text)
		default:
			seen[text] = where
		}
	}
	for where, d := range all() {
		check(where+": meaning", d.Meaning, false)
		check(where+": note", d.Note, true)
		if d.Source == "" {
			t.Errorf("%s names no source", where)
		}
		values := map[string]bool{}
		for _, l := range d.Levels {
			if values[l.Value] {
				t.Errorf("%s: value %s defined twice", where, l.Value)
			}
			values[l.Value] = true
			check(where+" "+l.Value+" ("+l.Name+")", l.Meaning, false)
		}
	}
}

func TestLookups(t *testing.T) {
	d, ok := Factor("v0.8", "tools")
	if !ok || !strings.Contains(d.Meaning, "external tools") {
		t.Fatalf("v0.8 tools: %v %q", ok, d.Meaning)
	}
	if l, ok := d.Level("0.5"); !ok || l.Name != "Partial" || !strings.Contains(l.Meaning, "allowlist") {
		t.Errorf("v0.8 tools 0.5: %v %+v", ok, l)
	}
	if _, ok := d.Level("0.25"); ok {
		t.Error("a level 0.25 of a three-level factor")
	}
	if _, ok := Factor("v0.8", "tool_use"); ok {
		t.Error("v0.5's factor id found in v0.8")
	}
	if _, ok := Factor("v9", "tools"); ok {
		t.Error("a factor of an unknown edition")
	}
	if _, ok := Metric("XX"); ok {
		t.Error("an unknown metric")
	}
	m, _ := Metric("MSI")
	if l, ok := m.Level("S"); !ok || l.Name != "Safety" {
		t.Errorf("MSI:S %v %+v", ok, l)
	}
}
