package card

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Switch says what changing a card's edition did to its AIVSS inputs, for
// the person who changed it.
type Switch struct {
	From, To *aivss.Edition
	Carried  []string // factors whose value carried over, by their name in To
	NotTaken []string // factors of To whose counterpart's value To does not take, with the value
	Gone     []string // factors set in From that To has no counterpart for, by their name in From
	ToSet    []string // factors of To left unset, by their name in To
	ThM, MF  string   // what became of ThM and MF, in words
	Findings []string // per finding (SwitchCard), its own values that did not carry over: "F-002: Execution Autonomy (it was 0.7)"
}

// SwitchEdition returns in moved to edition to. The CVSS input means the
// same in every edition and is kept. A factor set in in's edition carries
// over to the factor of to that means the same (aivss.Edition.Counterpart)
// when to takes its value; otherwise it is left unset, and Switch says
// why. ThM carries over by its label (Proof-of-Concept stays
// Proof-of-Concept, whose value may differ), or by value where to's scale
// takes it; MF by value; otherwise they take to's defaults. Nothing is
// guessed: a value that does not carry over is named in Switch.
func SwitchEdition(in Inputs, to *aivss.Edition) (Inputs, Switch) {
	from, err := aivss.Lookup(in.Edition)
	sw := Switch{From: from, To: to}
	out := Inputs{Edition: to.ID, CVSSVector: in.CVSSVector, CVSSScore: in.CVSSScore}
	if err != nil {
		out.ThM = decimal.Some(to.ThM.Default)
		if to.HasMF {
			out.MF = decimal.Some(to.MF.Default)
		}
		return out, sw
	}
	for i, f := range in.Factors {
		if !f.Set {
			continue
		}
		name := from.Factors[i].Name
		j, ok := from.Counterpart(i, to)
		switch {
		case !ok:
			sw.Gone = append(sw.Gone, name)
		case !to.Levels.Allows(f.Value):
			what := to.Factors[j].Name + " (" + name + " was " + f.Value.String() + ")"
			if to.Factors[j].Name == name {
				what = name + " (it was " + f.Value.String() + ")"
			}
			sw.NotTaken = append(sw.NotTaken, what)
		default:
			out.Factors[j] = f
			sw.Carried = append(sw.Carried, to.Factors[j].Name)
		}
	}
	for j, f := range out.Factors {
		if !f.Set {
			sw.ToSet = append(sw.ToSet, to.Factors[j].Name)
		}
	}
	out.ThM, sw.ThM = carryScale(in.ThM, &from.ThM, &to.ThM, "ThM")
	if to.HasMF {
		mf := in.MF
		if !from.HasMF {
			mf = decimal.Optional{}
		}
		out.MF, sw.MF = carryScale(mf, &from.MF, &to.MF, "MF")
	} else if in.MF.Set {
		sw.MF = to.Called + " has no MF"
	}
	return out, sw
}

// carryScale carries a ThM or MF from one scale to another: by label
// where both label their values, else by value; else to's default.
func carryScale(v decimal.Optional, from, to *aivss.Scale, name string) (decimal.Optional, string) {
	def := decimal.Some(to.Default)
	if !v.Set {
		return def, name + " set to the default, " + to.Describe(to.Default, 2)
	}
	label := ""
	for _, c := range from.Choices {
		if c.Value == v.Value {
			label = c.Label
		}
	}
	for _, c := range to.Choices {
		if label != "" && c.Label == label {
			if c.Value != v.Value {
				return decimal.Some(c.Value), name + " kept as " + label + ", which is " + c.Value.Format(2) + " here (it was " + v.Value.Format(2) + ")"
			}
			return decimal.Some(c.Value), name + " kept as " + to.Describe(c.Value, 2)
		}
	}
	if to.Allows(v.Value) {
		return v, name + " kept as " + to.Describe(v.Value, 2)
	}
	return def, name + " " + from.Describe(v.Value, 2) + " is not taken here; set to the default, " + to.Describe(to.Default, 2)
}

// Text says the switch in sentences: what carried over, what did not and
// why, and what is left to set.
func (s *Switch) Text() string {
	if s.From == nil {
		return "Switched to " + s.To.Name + "."
	}
	var b strings.Builder
	b.WriteString("Switched from " + s.From.Name + " to " + s.To.Name + ". The CVSS input is kept. ")
	switch n := len(s.Carried); {
	case n == NumFactors:
		b.WriteString("All 10 factors carried over. ")
	case n > 0:
		b.WriteString("Carried over: " + strings.Join(s.Carried, ", ") + ". ")
	}
	if len(s.NotTaken) > 0 {
		b.WriteString("Not carried over, as " + s.To.Called + " takes only " + s.To.Levels.Values() + ": " + strings.Join(s.NotTaken, "; ") + ". ")
	}
	if len(s.Gone) > 0 {
		b.WriteString(s.To.Name + " has no counterpart of " + strings.Join(s.Gone, ", ") + ". ")
	}
	if len(s.ToSet) > 0 && len(s.ToSet) < NumFactors {
		b.WriteString("To set: " + strings.Join(s.ToSet, ", ") + ". ")
	}
	b.WriteString(s.ThM + ".")
	if s.MF != "" {
		b.WriteString(" " + s.MF + ".")
	}
	if len(s.Findings) > 0 {
		b.WriteString(" In findings, not carried over: " + strings.Join(s.Findings, "; ") + ".")
	}
	b.WriteString(" Switching back to " + s.From.Name + " restores its inputs as you left them.")
	return b.String()
}

// SwitchCard moves the whole card c to edition to: its own inputs as
// SwitchEdition does, and each finding's overrides the same way, except
// that an input a finding leaves to the card stays left to it. What of a
// finding's own values did not carry over is in Switch.Findings.
func SwitchCard(c *Card, to *aivss.Edition) Switch {
	from := c.AIVSS.Edition
	next, sw := SwitchEdition(c.AIVSS, to)
	c.AIVSS = next
	c.eachThreat(func(_ Location, t *maestro.Threat) {
		a := &t.AIVSS
		if !a.Scored() || !a.Overrides() {
			return
		}
		out, fsw := SwitchEdition(OwnInputs(from, a), to)
		a.Factors = out.Factors
		var lost []string
		lost = append(lost, fsw.NotTaken...)
		for _, g := range fsw.Gone {
			lost = append(lost, g+" (no counterpart)")
		}
		if a.ThM.Set {
			if !strings.Contains(fsw.ThM, " kept as ") {
				lost = append(lost, fsw.ThM)
			}
			a.ThM = out.ThM
		}
		if a.MF.Set {
			if !out.MF.Set || !strings.Contains(fsw.MF, " kept as ") {
				lost = append(lost, fsw.MF)
			}
			a.MF = out.MF
		}
		if len(lost) > 0 {
			sw.Findings = append(sw.Findings, a.ID+": "+strings.Join(lost, "; "))
		}
	})
	return sw
}
