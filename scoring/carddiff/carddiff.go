// Package carddiff compares two cards: what changed between them, input
// by input, and what the change did to their scores. It answers a
// reviewer's "what changed, and what did the mitigations buy?": the web
// app's compare view and `threatcard diff` both show a Diff, and neither
// computes one itself.
//
// A Change is named by its path in threatcard's JSON export
// (scoring/cardjson): "title", "aivss.factors.autonomy", "aivss.mf",
// "maestro.layers[2].status", "maestro.layers[2].threats[0].state",
// "maestro.cross_layer[1].aivss.score". Inside a CVSS vector the path
// goes on with the metric: "aivss.cvss_vector.VA",
// "maestro.layers[0].threats[1].aivss.cvss_vector.E". Its values are
// written as the export writes them ("0.5", "9.3", "mapped", "open", a
// vector metric's abbreviated value "H"), "" where the card has none (an
// unset input, a metric left Not Defined, a threat or finding the card
// does not have).
//
// What is compared, in this order:
//
//   - the title and summary;
//   - the AIVSS edition, then the CVSS input (metric by metric when both
//     cards have a vector, else the vector and the bare score as wholes),
//     the factors by their edition's ids (cards in two editions: the
//     edition's change, then each edition's factors under their own ids),
//     ThM and MF;
//   - derived from those: the agent-level score and severity
//     ("aivss.score", "aivss.severity"), and the findings' headline, the
//     highest finding ("findings.highest": its id, score and severity) and
//     the count per severity ("findings.counts": "3 Critical, 1 High"),
//     paths that are not in the export, which has no headline;
//   - each MAESTRO layer's status and notes, then its threats, then the
//     cross-layer threats. Threats are matched within their section: two
//     findings by their finding id; otherwise by catalog id, or a custom
//     threat's title; and what is left, two custom threats in the same
//     place that are not two findings of different ids (a threat retitled).
//     A threat of one card only is added or removed as a whole, named by
//     its path in the card that has it; a matched threat's path is its
//     place in b. Its catalog id, title, description, layers (cross-layer
//     threats), ASI code, likelihood, impact, mitigations and state are
//     compared, and when it is a finding in both, the finding's category
//     and its own inputs (an input it leaves to the card is "") and, derived,
//     its score and severity. A threat that becomes a finding, or stops
//     being one, is the change of "….aivss" (its finding id), with its
//     score beside.
//
// Derived changes follow from the inputs: a card whose only change is a
// factor may show its score, its severity and its findings' scores changed
// too. Change.Derived marks them.
package carddiff

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Kind is what happened to a field between a and b.
type Kind string

// The kinds of change.
const (
	Added   Kind = "added"   // a has no value, b has one
	Removed Kind = "removed" // a has a value, b has none
	Changed Kind = "changed" // both have a value, and they differ
)

// Change is one field that differs between the two cards.
type Change struct {
	Path string // in the JSON export's names, see the package doc
	A, B string // the values as the JSON export writes them; "" for none
	Kind Kind
	// Derived marks a value computed from the inputs (a score, a
	// severity, the findings' headline) rather than entered.
	Derived bool

	// For a person: Where the field is ("" on the card itself, "L3 Agent
	// Frameworks", "L3 Agent Frameworks · Tool Misuse"), the field's
	// name ("Execution Autonomy", "state", "threat") and the values in
	// words ("Partial (0.5)", "not set").
	Where, Field string
	AText, BText string
}

// Words says the change in a sentence-like line, with no colour needed:
// "Execution Autonomy: Partial (0.5) → Full (1)", "L3 Agent Frameworks —
// threat added: “Tool Misuse”".
func (c *Change) Words() string {
	var sb strings.Builder
	if c.Where != "" {
		sb.WriteString(c.Where + " — ")
	}
	sb.WriteString(c.Field)
	switch {
	case c.Kind == Added && c.AText == "":
		sb.WriteString(" added: " + c.BText)
	case c.Kind == Removed && c.BText == "":
		sb.WriteString(" removed: " + c.AText)
	default:
		sb.WriteString(": " + c.AText + " → " + c.BText)
	}
	return sb.String()
}

// Side is one card's headline.
type Side struct {
	Title    string // the card's title, as typed
	Score    string // the agent-level score, "9.4"; "" when the card has none
	Severity string // "Critical"; "" when the card has no score
	Edition  string // the edition's name, "OWASP AIVSS v0.8"
	// Unscored says why a card has no score: "missing CVSS, ThM", or the
	// error of an input; "" when it has one.
	Unscored string
	Highest  string // the highest finding: "9.4 Critical — Tool Misuse (F-001)"; "" for none
	Counts   string // the scored findings per severity: "3 Critical, 1 High"; "" for none
}

// Diff is the comparison of card a with card b.
type Diff struct {
	A, B Side
	// Delta is b's score − a's, exactly, with one decimal and a '-' when
	// negative ("-0.3", "0.0", "1.2"); "" when either card has no score.
	Delta   string
	Changes []Change
}

// Same reports whether the cards do not differ at all.
func (d Diff) Same() bool { return len(d.Changes) == 0 }

// Compare compares a with b: a is the card before, b the card after.
func Compare(a, b *card.Card) Diff {
	ea, eb := card.Evaluate(a), card.Evaluate(b)
	fa, fb := findingsOf(a), findingsOf(b)
	ta, tb := card.Tally(rankedFindings(a)), card.Tally(rankedFindings(b))
	d := Diff{A: sideOf(a, &ea, &ta), B: sideOf(b, &eb, &tb)}
	if ea.Complete() && eb.Complete() {
		d.Delta = (eb.Result.Value - ea.Result.Value).Format(1)
	}
	w := &differ{a: a, b: b, eda: editionOf(a), edb: editionOf(b), fa: fa, fb: fb}
	w.text("", "title", "title", a.Title, b.Title)
	w.text("", "summary", "summary", a.Summary, b.Summary)
	w.edition()
	w.inputs("", "aivss", inputsOf(&a.AIVSS), inputsOf(&b.AIVSS), "not set")
	w.outcome("", "aivss", "AIVSS score", &ea, &eb)
	w.value(Change{Path: "findings.highest", Field: "Highest finding", Derived: true,
		A: highestValue(&ta), B: highestValue(&tb), AText: orNone(d.A.Highest), BText: orNone(d.B.Highest)})
	w.value(Change{Path: "findings.counts", Field: "Findings by severity", Derived: true,
		A: d.A.Counts, B: d.B.Counts, AText: orNone(d.A.Counts), BText: orNone(d.B.Counts)})
	for _, l := range maestro.Layers() {
		la, lb := a.MAESTRO.Layer(l), b.MAESTRO.Layer(l)
		base := card.Location{Section: card.SectionLayer, Layer: l}.Path()
		w.value(Change{Path: base + ".status", Where: l.String(), Field: "status",
			A: la.Status.String(), B: lb.Status.String(), AText: la.Status.Label(), BText: lb.Status.Label()})
		w.text(l.String(), base+".notes", "notes", la.Notes, lb.Notes)
		w.threats(card.SectionLayer, l, la.Threats, lb.Threats)
	}
	w.threats(card.SectionCrossLayer, 0, a.MAESTRO.CrossLayer, b.MAESTRO.CrossLayer)
	d.Changes = w.changes
	return d
}

// differ collects the changes of one comparison.
type differ struct {
	a, b     *card.Card
	eda, edb *aivss.Edition // nil for an edition the card does not know
	fa, fb   map[*maestro.Threat]*card.Finding
	changes  []Change
}

// value adds c if its values differ, with its kind.
func (w *differ) value(c Change) {
	if c.A == c.B {
		return
	}
	switch {
	case c.A == "":
		c.Kind = Added
	case c.B == "":
		c.Kind = Removed
	default:
		c.Kind = Changed
	}
	w.changes = append(w.changes, c)
}

// maxWords is the most characters of free text a change's words quote.
const maxWords = 80

// text adds the change of a free-text field; its words are the text on
// one line, cut after maxWords characters.
func (w *differ) text(where, path, field, a, b string) {
	w.value(Change{Path: path, Where: where, Field: field, A: a, B: b, AText: clip(a), BText: clip(b)})
}

// clip is s on one line, at most maxWords characters, quoted; "empty"
// for none.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "empty"
	}
	if r := []rune(s); len(r) > maxWords {
		s = string(r[:maxWords-1]) + "…"
	}
	return "“" + s + "”"
}

// orNone is s, or "none" for "".
func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// editionOf is c's edition, or nil.
func editionOf(c *card.Card) *aivss.Edition {
	ed, err := aivss.Lookup(c.AIVSS.Edition)
	if err != nil {
		return nil
	}
	return ed
}

// editionName is the edition's name, or its id as given.
func editionName(ed *aivss.Edition, id string) string {
	if ed == nil {
		if id == "" {
			return "no edition"
		}
		return strconv.Quote(id)
	}
	return ed.Name
}

func (w *differ) edition() {
	a, b := w.a.AIVSS.Edition, w.b.AIVSS.Edition
	w.value(Change{Path: "aivss.edition", Field: "AIVSS edition", A: a, B: b,
		AText: editionName(w.eda, a), BText: editionName(w.edb, b)})
}

// someInputs are the AIVSS inputs a card and a finding both have.
type someInputs struct {
	vector  string
	score   decimal.Optional
	factors [card.NumFactors]decimal.Optional
	thm, mf decimal.Optional
}

func inputsOf(in *card.Inputs) someInputs {
	return someInputs{in.CVSSVector, in.CVSSScore, in.Factors, in.ThM, in.MF}
}

func assessmentInputs(a *maestro.Assessment) someInputs {
	return someInputs{a.CVSSVector, a.CVSSScore, a.Factors, a.ThM, a.MF}
}

// inputs adds the changes of the AIVSS inputs at base ("aivss", or a
// finding's "….aivss"); unset is the words for an input not set.
func (w *differ) inputs(where, base string, a, b someInputs, unset string) {
	w.cvss(where, base, a.vector, b.vector, unset)
	w.value(Change{Path: base + ".cvss_score", Where: where, Field: "CVSS score",
		A: optText(a.score, 1), B: optText(b.score, 1),
		AText: optWords(nil, a.score, 1, unset), BText: optWords(nil, b.score, 1, unset)})
	// The factors by id: a's in a's order, then b's that a's edition has
	// not (the same when both are in one edition).
	type factor struct {
		name   string
		ia, ib int // index in a's and b's edition, or -1
	}
	var fs []factor
	seen := map[string]int{}
	add := func(ed *aivss.Edition, inA bool) {
		for i := range card.NumFactors {
			id, name := factorID(ed, i)
			k, ok := seen[id]
			if !ok {
				k = len(fs)
				seen[id] = k
				fs = append(fs, factor{name: name, ia: -1, ib: -1})
			}
			if inA {
				fs[k].ia = i
			} else {
				fs[k].ib = i
			}
		}
	}
	add(w.eda, true)
	add(w.edb, false)
	for _, f := range fs {
		var va, vb decimal.Optional
		if f.ia >= 0 {
			va = a.factors[f.ia]
		}
		if f.ib >= 0 {
			vb = b.factors[f.ib]
		}
		id, _ := factorIDOf(w.eda, w.edb, f.ia, f.ib)
		w.value(Change{Path: base + ".factors." + id, Where: where, Field: f.name,
			A: optText(va, 0), B: optText(vb, 0),
			AText: factorWords(w.eda, f.ia, va, unset), BText: factorWords(w.edb, f.ib, vb, unset)})
	}
	w.value(Change{Path: base + ".thm", Where: where, Field: "ThM",
		A: optText(a.thm, 0), B: optText(b.thm, 0),
		AText: optWords(scaleOf(w.eda, true), a.thm, 0, unset), BText: optWords(scaleOf(w.edb, true), b.thm, 0, unset)})
	w.value(Change{Path: base + ".mf", Where: where, Field: "MF",
		A: optText(a.mf, 0), B: optText(b.mf, 0),
		AText: optWords(scaleOf(w.eda, false), a.mf, 0, unset), BText: optWords(scaleOf(w.edb, false), b.mf, 0, unset)})
}

// factorID is the id and name of factor i of ed; for an unknown edition,
// its place ("factor1") and words ("factor 1").
func factorID(ed *aivss.Edition, i int) (id, name string) {
	if ed == nil {
		return "factor" + strconv.Itoa(i+1), "factor " + strconv.Itoa(i+1)
	}
	return ed.Factors[i].ID, ed.Factors[i].Name
}

// factorIDOf is the id of a factor found at ia in a's edition or ib in b's.
func factorIDOf(eda, edb *aivss.Edition, ia, ib int) (string, string) {
	if ia >= 0 {
		return factorID(eda, ia)
	}
	return factorID(edb, ib)
}

// factorWords is a factor's value in words: "Partial (0.5)", "0.35".
func factorWords(ed *aivss.Edition, i int, v decimal.Optional, unset string) string {
	if i < 0 {
		return "not in " + editionName(ed, "")
	}
	var s *aivss.Scale
	if ed != nil {
		s = &ed.Levels
	}
	return optWords(s, v, 0, unset)
}

// scaleOf is the ThM (thm) or MF scale of ed, or nil.
func scaleOf(ed *aivss.Edition, thm bool) *aivss.Scale {
	switch {
	case ed == nil:
		return nil
	case thm:
		return &ed.ThM
	}
	return &ed.MF
}

// optText is o as the JSON export writes it: places decimals (0: the
// shortest form), or "" when unset.
func optText(o decimal.Optional, places int) string {
	if !o.Set {
		return ""
	}
	return o.Value.Format(places)
}

// optWords is o in words: its label on scale s first, if it has one
// ("Partial (0.5)"), else the number; unset when it is not set.
func optWords(s *aivss.Scale, o decimal.Optional, places int, unset string) string {
	if !o.Set {
		return unset
	}
	n := o.Value.Format(places)
	if s != nil {
		for _, c := range s.Choices {
			if c.Value == o.Value {
				return c.Label + " (" + n + ")"
			}
		}
	}
	return n
}

// cvss adds the changes of a CVSS vector at base: metric by metric when
// both are vectors cvss4 reads, else the vector as a whole.
func (w *differ) cvss(where, base, a, b, unset string) {
	path := base + ".cvss_vector"
	va, erra := cvss4.Parse(a)
	vb, errb := cvss4.Parse(b)
	if a == "" || b == "" || erra != nil || errb != nil {
		w.value(Change{Path: path, Where: where, Field: "CVSS vector", A: a, B: b,
			AText: orWord(a, unset), BText: orWord(b, unset)})
		return
	}
	for _, m := range cvss4.Metrics() {
		x, _ := va.Get(m.Abbrev)
		y, _ := vb.Get(m.Abbrev)
		w.value(Change{Path: path + "." + m.Abbrev, Where: where, Field: "CVSS " + m.Name + " (" + m.Abbrev + ")",
			A: metricValue(x), B: metricValue(y), AText: metricWords(m, x), BText: metricWords(m, y)})
	}
}

// metricValue is a metric's value as a vector writes it; "" for Not
// Defined, which a canonical vector leaves out.
func metricValue(v string) string {
	if v == "X" {
		return ""
	}
	return v
}

// metricWords is "High (H)", "Not Defined".
func metricWords(m cvss4.Metric, v string) string {
	for _, val := range m.Values {
		if val.Abbrev == v {
			if v == "X" {
				return val.Name
			}
			return val.Name + " (" + v + ")"
		}
	}
	return v
}

func orWord(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// outcome adds the derived changes of a score and its severity at base.
func (w *differ) outcome(where, base, name string, a, b *card.Evaluation) {
	sa, va := scoreOf(a)
	sb, vb := scoreOf(b)
	w.value(Change{Path: base + ".score", Where: where, Field: name, Derived: true,
		A: sa, B: sb, AText: scoreWords(a), BText: scoreWords(b)})
	sev := "severity"
	if where == "" {
		sev = "AIVSS severity"
	}
	w.value(Change{Path: base + ".severity", Where: where, Field: sev, Derived: true,
		A: va, B: vb, AText: orWord(va, "none"), BText: orWord(vb, "none")})
}

// scoreOf is an evaluation's score and severity, or "" and "".
func scoreOf(ev *card.Evaluation) (score, severity string) {
	if !ev.Complete() {
		return "", ""
	}
	return ev.Result.Score, string(ev.Result.Severity)
}

// scoreWords is "9.4 Critical", or why there is no score.
func scoreWords(ev *card.Evaluation) string {
	if ev.Complete() {
		return ev.Result.Score + " " + string(ev.Result.Severity)
	}
	return "not scored (" + unscored(ev) + ")"
}

// unscored says why an evaluation has no score.
func unscored(ev *card.Evaluation) string {
	if ev.Err != nil {
		return ev.Err.Error()
	}
	return "missing " + ev.MissingText()
}

// findingsOf maps each finding's threat of c to its finding.
func findingsOf(c *card.Card) map[*maestro.Threat]*card.Finding {
	fs := c.Findings()
	m := make(map[*maestro.Threat]*card.Finding, len(fs))
	for i := range fs {
		m[fs[i].Threat] = &fs[i]
	}
	return m
}

// sideOf is c's headline; t is its findings' tally.
func sideOf(c *card.Card, ev *card.Evaluation, t *card.FindingTally) Side {
	s := Side{Title: c.Title, Edition: editionName(ev.Edition, c.AIVSS.Edition), Counts: t.Text()}
	if ev.Complete() {
		s.Score, s.Severity = ev.Result.Score, string(ev.Result.Severity)
	} else {
		s.Unscored = unscored(ev)
	}
	if top := t.Top; top != nil {
		s.Highest = top.Eval.Result.Score + " " + string(top.Eval.Result.Severity) + " — " + top.Threat.Name()
		if id := top.Threat.AIVSS.ID; top.Threat.Name() != "Finding "+id {
			s.Highest += " (" + id + ")"
		}
	}
	return s
}

// rankedFindings are c's findings, highest first.
func rankedFindings(c *card.Card) []card.Finding {
	fs := c.Findings()
	card.RankFindings(fs)
	return fs
}

// highestValue is the highest finding as "F-001 9.4 Critical", or "".
func highestValue(t *card.FindingTally) string {
	top := t.Top
	if top == nil {
		return ""
	}
	return top.Threat.AIVSS.ID + " " + top.Eval.Result.Score + " " + string(top.Eval.Result.Severity)
}
