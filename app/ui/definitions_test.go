//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/definitions"
)

// openDefs draws d open, as after a click on its summary.
func openDefs(t *testing.T, d *definitionsDisclosure) view {
	t.Helper()
	d.open = true
	return render(t, d)
}

// wantDefinition checks that the open disclosure d shows def: its meaning,
// and each level's name, value and meaning, in order, as text.
func wantDefinition(t *testing.T, d *definitionsDisclosure, def definitions.Definition) {
	t.Helper()
	v := openDefs(t, d)
	if got := v.text(d.ID + "-summary"); got != d.words()+" "+d.Name {
		t.Errorf("%s: summary %q", d.ID, got)
	}
	body := v.root.byID(d.ID + "-body")
	if body == nil {
		t.Fatalf("%s: open, no body", d.ID)
	}
	if got := body.all(func(n *htmlNode) bool { return n.attrs["class"] == "tc-defs-meaning" }); len(got) != 1 || got[0].textContent() != def.Meaning {
		t.Errorf("%s: meaning not shown", d.ID)
	}
	dts := body.all(func(n *htmlNode) bool { return n.tag == "dt" })
	dds := body.all(func(n *htmlNode) bool { return n.tag == "dd" })
	if len(dts) != len(def.Levels) || len(dds) != len(def.Levels) {
		t.Fatalf("%s: %d terms and %d descriptions for %d levels", d.ID, len(dts), len(dds), len(def.Levels))
	}
	for i, l := range def.Levels {
		if got := dts[i].textContent(); got != l.Name+" "+d.shown(l.Value) {
			t.Errorf("%s: level %d reads %q", d.ID, i, got)
		}
		if got := dds[i].textContent(); got != l.Meaning {
			t.Errorf("%s: level %s means %q, want %q", d.ID, l.Value, got, l.Meaning)
		}
	}
}

// Every factor of every edition, ThM and MF of every edition, and every
// CVSS metric: its disclosure shows its definition once opened, and
// nothing of it while closed.
func TestEveryDisclosureShowsItsDefinitionWhenOpen(t *testing.T) {
	for _, ed := range aivss.Editions() {
		for _, f := range ed.Factors {
			def, _ := definitions.Factor(ed.ID, f.ID)
			d := &definitionsDisclosure{ID: "factor-" + f.ID + "-defs", Kind: defsFactor, Edition: ed.ID, Key: f.ID, Name: f.Name}
			if closed := render(t, d); closed.has(d.ID+"-body") || strings.Contains(closed.text(d.ID), def.Meaning) {
				t.Errorf("%s %s: the closed disclosure draws its text", ed.ID, f.ID)
			}
			wantDefinition(t, d, def)
			if scale, _ := definitions.Scale(ed.ID); scale.Note != "" && !strings.Contains(openDefs(t, d).text(d.ID), scale.Note) {
				t.Errorf("%s %s: the scale's note is not shown", ed.ID, f.ID)
			}
		}
		thm, _ := definitions.ThM(ed.ID)
		wantDefinition(t, &definitionsDisclosure{ID: "thm-defs", Kind: defsThM, Edition: ed.ID, Name: "Threat multiplier (ThM)"}, thm)
		mf, _ := definitions.MF(ed.ID)
		wantDefinition(t, &definitionsDisclosure{ID: "mf-defs", Kind: defsMF, Edition: ed.ID, Name: "Mitigation factor (MF)"}, mf)
	}
	for _, m := range cvss4.Metrics() {
		def, _ := definitions.Metric(m.Abbrev)
		wantDefinition(t, &definitionsDisclosure{ID: "cvss-" + m.Abbrev + "-defs", Kind: defsMetric, Key: m.Abbrev, Name: m.Name}, def)
	}
}

// The v0.8 rubric reads as Table 2 gives it, ThM and MF with two decimals
// as their menus show them.
func TestTheV08RubricOfAFactorAndThM(t *testing.T) {
	v := openDefs(t, &definitionsDisclosure{ID: "factor-tools-defs", Kind: defsFactor, Edition: "v0.8", Key: "tools", Name: "External Tool Control Surface"})
	// The text of each element, one after the other (textContent).
	if got, want := v.text("factor-tools-defs-body"), "How many external tools and APIs the agent can call, and with how much authority."+
		"None 0"+"No external tools, or read-only access to them."+
		"Partial 0.5"+"A mix of reading and writing tools, each scoped or on an allowlist."+
		"Full 1"+"Broad tools with high authority: cloud control, CI/CD, SQL databases, operational technology."+
		"Source: OWASP AIVSS v0.8, §2.2 Table 2."; got != want {
		t.Errorf("tools:\n got %s\nwant %s", got, want)
	}
	v = openDefs(t, &definitionsDisclosure{ID: "thm-defs", Kind: defsThM, Edition: "v0.8", Name: "Threat multiplier (ThM)"})
	for _, want := range []string{"Attacked 1.00", "Proof-of-Concept 0.97", "Unreported 0.50"} {
		if !strings.Contains(words(v.text("thm-defs-body")), want) {
			t.Errorf("ThM lacks %q: %s", want, words(v.text("thm-defs-body")))
		}
	}
}

// hasDefs reports whether the element id holds a closed definitions
// disclosure of its own, summary first.
func hasDefs(v view, id string) bool {
	n := v.root.byID(id + "-defs")
	if n == nil || n.tag != "details" || n.attrs["class"] != "tc-defs" {
		return false
	}
	inside := v.root.byID(id).byID(id + "-defs")
	s := n.all(func(n *htmlNode) bool { return n.tag == "summary" })
	return inside != nil && len(s) == 1 && !strings.Contains(n.textContent(), "Source:")
}

// Where a value is chosen, its disclosure is there: the card's factors
// (choices and sliders), its CVSS metrics, ThM and MF, and the same in a
// finding's editor, with the editor's own ids.
func TestEveryInputHasItsDisclosure(t *testing.T) {
	for _, edition := range []string{"v0.8", "v0.5", "card"} {
		ed, _ := aivss.Lookup(edition)
		v := render(t, &FactorsPanel{Editor: newPage(), Edition: edition})
		for _, f := range ed.Factors {
			id := "factor-" + f.ID
			if ed.Levels.Choices == nil {
				id = factorFieldID(f.ID)
				if !v.has(id) {
					t.Fatalf("%s: no factor field %s", edition, id)
				}
				// A slider's disclosure sits in the factor's box.
				if n := v.root.byID(id + "-defs"); n == nil || n.tag != "details" {
					t.Errorf("%s: factor %s has no disclosure", edition, f.ID)
				}
				continue
			}
			if !hasDefs(v, id) {
				t.Errorf("%s: factor %s has no disclosure inside its group", edition, f.ID)
			}
		}
		m := render(t, &Multipliers{Editor: newPage(), Edition: edition})
		for _, which := range []string{"thm", "mf"} {
			if which == "mf" && !ed.HasMF {
				continue
			}
			if n := m.root.byID(which + "-defs"); n == nil || n.tag != "details" {
				t.Errorf("%s: %s has no disclosure", edition, which)
			}
		}
	}
	c := &CVSSInput{Editor: newPage()}
	for g := cvss4.Threat; g <= cvss4.Supplemental; g++ {
		c.opened[g] = true
	}
	v := render(t, c)
	for _, m := range cvss4.Metrics() {
		if !hasDefs(v, "cvss-"+m.Abbrev) {
			t.Errorf("metric %s has no disclosure inside its group", m.Abbrev)
		}
	}

	ctx, p, me := findingsPage(t)
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	v = render(t, fe)
	pre := fe.prefix()
	for _, id := range []string{pre + "factor-autonomy", pre + "cvss-AV"} {
		if !hasDefs(v, id) {
			t.Errorf("the finding's editor: %s has no disclosure", id)
		}
	}
	if n := v.root.byID(pre + "thm-defs"); n == nil {
		t.Error("the finding's editor: ThM has no disclosure")
	}
}
