package card

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// MaxFindingID is the longest finding id a card keeps, in characters.
const MaxFindingID = 64

// Finding is a scored threat of a card (one with an AIVSS assessment),
// with what its inputs give in the card's edition.
type Finding struct {
	Loc    Location        // the threat: its Section, Layer and Threat
	Threat *maestro.Threat // in the card
	// Inherited marks the factors the finding takes from the card's
	// profile, in the edition's order; ThMInherited and MFInherited say
	// the same of ThM and MF. A ThM set by the finding's own vector is
	// not inherited.
	Inherited                 [NumFactors]bool
	ThMInherited, MFInherited bool
	Eval                      Evaluation // locations in it are the finding's
}

// Findings returns the card's findings in card order (layer by layer,
// then the cross-layer threats), each evaluated.
func (c *Card) Findings() []Finding {
	var fs []Finding
	c.eachThreat(func(loc Location, t *maestro.Threat) {
		if t.AIVSS.Scored() {
			fs = append(fs, c.finding(loc, t))
		}
	})
	return fs
}

// eachThreat calls f with every threat of the card and its location.
func (c *Card) eachThreat(f func(Location, *maestro.Threat)) {
	m := &c.MAESTRO
	for i := range m.Layers {
		for j := range m.Layers[i].Threats {
			f(Location{Section: SectionLayer, Layer: maestro.Layer(i + 1), Threat: j + 1}, &m.Layers[i].Threats[j])
		}
	}
	for j := range m.CrossLayer {
		f(Location{Section: SectionCrossLayer, Threat: j + 1}, &m.CrossLayer[j])
	}
}

// FindingInputs returns the inputs a finding is scored with: its own,
// and the card's where it has none (the factors, ThM and MF; the CVSS
// input is always the finding's). When the finding's CVSS vector has an
// Exploit Maturity that sets ThM in the card's edition, the card's ThM is
// not inherited: the vector's counts.
func (c *Card) FindingInputs(a *maestro.Assessment) Inputs {
	in, _ := c.findingInputs(a)
	return in
}

// OwnInputs are the inputs a finding sets itself, read in edition, with
// none of the card's: what its editor shows as overridden, and what a
// finding is checked against its edition with.
func OwnInputs(edition string, a *maestro.Assessment) Inputs {
	return Inputs{Edition: edition, CVSSVector: a.CVSSVector, CVSSScore: a.CVSSScore,
		Factors: a.Factors, ThM: a.ThM, MF: a.MF}
}

func (c *Card) findingInputs(a *maestro.Assessment) (Inputs, Finding) {
	var f Finding
	in := OwnInputs(c.AIVSS.Edition, a)
	for i, v := range a.Factors {
		if !v.Set {
			in.Factors[i] = c.AIVSS.Factors[i]
			f.Inherited[i] = true
		}
	}
	if !a.ThM.Set && !c.vectorSetsThM(a.CVSSVector) {
		in.ThM, f.ThMInherited = c.AIVSS.ThM, true
	}
	if !a.MF.Set {
		in.MF, f.MFInherited = c.AIVSS.MF, true
	}
	return in, f
}

// vectorSetsThM reports whether the CVSS vector s has an Exploit Maturity
// that sets ThM in the card's edition.
func (c *Card) vectorSetsThM(s string) bool {
	if s == "" {
		return false
	}
	ed, err := aivss.Lookup(c.AIVSS.Edition)
	if err != nil {
		return false
	}
	v, err := cvss4.Parse(s)
	if err != nil {
		return false
	}
	_, ok := ed.ThMOfExploitMaturity(v.ExploitMaturity())
	return ok
}

// finding evaluates the threat t at loc.
func (c *Card) finding(loc Location, t *maestro.Threat) Finding {
	in, f := c.findingInputs(&t.AIVSS)
	f.Loc, f.Threat = loc, t
	f.Eval = evaluate(&in)
	if fe, ok := errors.AsType[*FieldError](f.Eval.Err); ok {
		moved := *fe
		moved.Loc = loc.withInput(fe.Loc)
		f.Eval.Err = &moved
	}
	for i, m := range f.Eval.Missing {
		f.Eval.Missing[i] = loc.withInput(m)
	}
	return f
}

// withInput returns the threat location l with the AIVSS input of in.
func (l Location) withInput(in Location) Location {
	l.Input, l.Factor, l.Field = in.Input, in.Factor, ""
	return l
}

// RankFindings orders findings highest score first, as a report lists
// them; findings without a score come last. Ties keep card order.
func RankFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		ac, bc := a.Eval.Complete(), b.Eval.Complete()
		switch {
		case ac && bc:
			return cmp.Compare(b.Eval.Result.Value, a.Eval.Result.Value)
		case ac:
			return -1
		case bc:
			return 1
		}
		return 0
	})
}

// FindingTally sums up a card's findings for its headline. Scores are
// ordinal (OWASP AIVSS v0.8 §3.2): it counts them by severity and names
// the highest, and never averages them.
type FindingTally struct {
	Findings   int                    // findings on the card
	Scored     int                    // of them, those with a score
	BySeverity map[aivss.Severity]int // scored findings per severity
	Top        *Finding               // the highest scored finding (the first in card order on a tie), or nil
}

// Tally sums up fs, which RankFindings has ordered.
func Tally(fs []Finding) FindingTally {
	t := FindingTally{Findings: len(fs), BySeverity: map[aivss.Severity]int{}}
	for i := range fs {
		if !fs[i].Eval.Complete() {
			continue
		}
		t.Scored++
		t.BySeverity[fs[i].Eval.Result.Severity]++
		if t.Top == nil {
			t.Top = &fs[i]
		}
	}
	return t
}

// Severities lists the severities, highest first, as a tally counts them.
var Severities = []aivss.Severity{aivss.Critical, aivss.High, aivss.Medium, aivss.Low, aivss.None}

// Text says the tally in words: "3 Critical, 1 High"; "" when no finding
// has a score.
func (t *FindingTally) Text() string {
	var parts []string
	for _, s := range Severities {
		if n := t.BySeverity[s]; n > 0 {
			parts = append(parts, strconv.Itoa(n)+" "+string(s))
		}
	}
	return strings.Join(parts, ", ")
}

// NextFindingID returns the id a new finding of c gets: "F-" and one more
// than the highest number of an id of that form on the card, three
// digits at least ("F-001"). Ids are never reused, so that a deleted
// finding's id does not come back naming another.
func (c *Card) NextFindingID() string {
	high := 0
	c.eachThreat(func(_ Location, t *maestro.Threat) {
		digits, ok := strings.CutPrefix(t.AIVSS.ID, "F-")
		if !ok || digits == "" || strings.Trim(digits, "0123456789") != "" {
			return
		}
		if n, err := strconv.Atoi(digits); err == nil && n > high {
			high = n
		}
	})
	return fmt.Sprintf("F-%03d", high+1)
}

// NewAssessment returns the assessment that makes t, a threat of c under
// layer (0 for a cross-layer threat), a finding: a new id, and the core
// risk its ASI code maps to (Appendix B), else the first that Appendix C
// lists for its layer (a cross-layer threat's first layer). Its inputs
// are all the card's until overridden.
func (c *Card) NewAssessment(t *maestro.Threat, layer maestro.Layer) maestro.Assessment {
	a := maestro.Assessment{ID: c.NextFindingID()}
	if r, ok := t.ASI.CoreRisk(); ok {
		a.Category = r
		return a
	}
	if layer == 0 && len(t.Layers) > 0 {
		layer = t.Layers[0]
	}
	if rs := layer.CoreRisks(); len(rs) > 0 {
		a.Category = rs[0]
	}
	return a
}

// validateFinding checks the assessment of the threat at loc; ids holds
// the finding ids seen so far.
func (c *Card) validateFinding(loc Location, t *maestro.Threat, ids map[string]bool) error {
	a := &t.AIVSS
	at := func(field string) Location { l := loc; l.Field = field; return l }
	if !a.Scored() {
		if *a != (maestro.Assessment{}) {
			return &FieldError{Loc: at("id"), Msg: "is empty, but the threat has AIVSS inputs; a finding needs an id"}
		}
		return nil
	}
	if strings.TrimSpace(a.ID) != a.ID {
		return &FieldError{Loc: at("id"), Msg: "begins or ends with a space"}
	}
	if err := checkText(at("id"), a.ID, MaxFindingID, false); err != nil {
		return err
	}
	if ids[a.ID] {
		return &FieldError{Loc: at("id"), Msg: "is " + strconv.Quote(a.ID) + ", which another finding has; each finding has its own id"}
	}
	ids[a.ID] = true
	if a.Category != 0 && !a.Category.Valid() {
		return &FieldError{Loc: at("category"), Msg: "is out of range"}
	}
	in := OwnInputs(c.AIVSS.Edition, a)
	if err := in.validate(); err != nil {
		if fe, ok := errors.AsType[*FieldError](err); ok {
			moved := *fe
			moved.Loc = loc.withInput(fe.Loc)
			return &moved
		}
		return err
	}
	return nil
}

// AddScenarios adds the ten worked examples of OWASP AIVSS v0.8 §3.6 to
// the card as findings, each a custom threat under the first layer whose
// Appendix C row lists its core risk, with its vector, its ten factors,
// ThM 0.97 and MF 1.0 set as its own. The card must be in v0.8, the
// edition the examples are scored in, and have room for ten threats.
func (c *Card) AddScenarios() error {
	if c.AIVSS.Edition != "v0.8" {
		ed, err := aivss.Lookup(c.AIVSS.Edition)
		called := strconv.Quote(c.AIVSS.Edition)
		if err == nil {
			called = ed.Called
		}
		return &FieldError{Loc: Location{Section: SectionAIVSS, Input: InputEdition},
			Msg: "is " + called + "; the OWASP scenarios are scored in OWASP AIVSS v0.8: switch the card to v0.8 to add them"}
	}
	scenarios := corerisk.Scenarios()
	if n := c.MAESTRO.NumThreats(); n+len(scenarios) > MaxThreats {
		return &FieldError{Loc: Location{Section: SectionMAESTRO},
			Msg: fmt.Sprintf("has %d threats; with the %d OWASP scenarios it would have more than %d", n, len(scenarios), MaxThreats)}
	}
	for _, s := range scenarios {
		l, _ := maestro.CoreRiskLayer(s.Risk)
		t := maestro.Threat{Title: s.Title, Description: "OWASP AIVSS v0.8 worked example " + s.Section + "."}
		t.AIVSS = maestro.Assessment{ID: c.NextFindingID(), Category: s.Risk, CVSSVector: s.Vector,
			ThM: decimal.Some(s.ThM), MF: decimal.Some(s.MF)}
		for i, f := range s.Factors {
			t.AIVSS.Factors[i] = decimal.Some(f)
		}
		e := c.MAESTRO.Layer(l)
		e.Threats = append(e.Threats, t)
	}
	return nil
}
