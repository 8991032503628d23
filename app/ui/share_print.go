package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/internal/release"
	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// PrintReport is the card as a printed report: title, score, AIVSS inputs,
// the seven MAESTRO layers with their notes and threats, and the link, all
// as plain text. The screen never shows it; the print stylesheet shows it
// alone, so that a printout carries values instead of form controls.
//
// The page mounts it as a direct child of its div.tc-page, beside the
// header, <main> and footer: the print stylesheet hides those siblings.
type PrintReport struct {
	app.Compo

	Card     *card.Card // nil renders an empty report
	Fragment string     // Card's link fragment, as the page's address carries it; "" to encode Card
	Rev      int        // the page's edit counter: a new value means the card changed
}

func (r *PrintReport) Render() app.UI {
	report := el("section", "id", "print-report", "class", "tc-print-report",
		"aria-labelledby", "print-title")
	c := r.Card
	if c == nil {
		return report.Body(textEl("h2", "No card", "id", "print-title"))
	}
	ev := card.Evaluate(c)
	title := strings.TrimSpace(c.Title)
	if title == "" {
		title = "Untitled card"
	}
	body := []app.UI{
		textEl("h2", title, "id", "print-title"),
		textEl("p", scoreLine(&ev), "class", "tc-print-score"),
	}
	fs := c.Findings()
	card.RankFindings(fs)
	if line := findingsLine(fs); line != "" {
		body = append(body, textEl("p", line, "class", "tc-print-findings-line"))
	}
	if s := strings.TrimSpace(c.Summary); s != "" {
		body = append(body, textEl("p", s, "class", "tc-print-text"))
	}
	if ev.Edition != nil {
		body = append(body, textEl("h3", "AIVSS inputs"), inputsTable(c, &ev))
	}
	body = append(body, textEl("h3", "MAESTRO threat model"))
	for _, l := range maestro.Layers() {
		e := c.MAESTRO.Layer(l)
		layer := []app.UI{textEl("h4", l.Code()+" · "+l.Name()+" — "+e.Status.Label())}
		if n := strings.TrimSpace(e.Notes); n != "" {
			layer = append(layer, textEl("p", n, "class", "tc-print-text"))
		}
		if len(e.Threats) > 0 {
			layer = append(layer, threatList(e.Threats, false))
		}
		body = append(body, el("div", "class", "tc-print-layer").Body(layer...))
	}
	if len(c.MAESTRO.CrossLayer) > 0 {
		body = append(body, el("div", "class", "tc-print-layer").Body(
			textEl("h4", maestro.CrossLayerName()),
			threatList(c.MAESTRO.CrossLayer, true),
		))
	}
	if len(fs) > 0 {
		body = append(body, textEl("h3", "AIVSS findings, highest first"), findingList(c, fs, ev.Edition))
	}
	if l, err := r.link(); err == nil {
		body = append(body, el("p", "class", "tc-print-link").Body(
			app.Text("Link: "),
			textEl("span", l),
		))
	}
	body = append(body, textEl("p", "Scored with threatcard "+release.Version+".", "class", "tc-print-footer"))
	return report.Body(body...)
}

// link is the card's link at the page's address.
func (r *PrintReport) link() (string, error) {
	if r.Fragment != "" {
		return linkAt(app.Window().URL(), r.Fragment), nil
	}
	return ShareLink(app.Window().URL(), r.Card)
}

// scoreLine is the report's headline: the score and severity in words, or
// what keeps the card from having one, and the edition.
func scoreLine(ev *card.Evaluation) string {
	var line string
	switch {
	case ev.Err != nil:
		line = "AIVSS not scored: " + ev.Err.Error()
	case ev.Complete():
		line = "AIVSS " + ev.Result.Score + " " + string(ev.Result.Severity)
	default:
		line = "AIVSS incomplete, missing " + ev.MissingText()
	}
	if ev.Edition != nil {
		line += " (" + ev.Edition.Name + ")"
	}
	return line
}

// findingsLine is the report's headline of the findings fs, which
// RankFindings has ordered: the highest, and how many per severity; ""
// without findings.
func findingsLine(fs []card.Finding) string {
	if len(fs) == 0 {
		return ""
	}
	t := card.Tally(fs)
	if t.Top == nil {
		return findingsCount(t.Findings) + ", none scored yet."
	}
	r := &t.Top.Eval.Result
	line := "Highest finding: " + r.Score + " " + string(r.Severity) + " — " + threatName(t.Top.Threat) +
		". Findings by severity: " + t.Text()
	if n := t.Findings - t.Scored; n > 0 {
		line += "; " + strconv.Itoa(n) + " not scored yet"
	}
	return line + "."
}

// findingList lists the findings fs, ranked, each with its score or what
// it misses, its category, where its threat is, and its inputs: its own,
// and those it inherits from the card, said so.
func findingList(c *card.Card, fs []card.Finding, ed *aivss.Edition) app.UI {
	items := make([]app.UI, len(fs))
	for i := range fs {
		f := &fs[i]
		a := &f.Threat.AIVSS
		score := "not scored: missing " + f.Eval.MissingText()
		switch {
		case f.Eval.Err != nil:
			score = "not scored: " + f.Eval.Err.Error()
		case f.Eval.Complete():
			score = "AIVSS " + f.Eval.Result.Score + " " + string(f.Eval.Result.Severity)
		}
		facts := []string{score}
		if a.Category.Valid() {
			facts = append(facts, a.Category.String())
		}
		sec := f.Loc.Layer
		if f.Loc.Section == card.SectionCrossLayer {
			sec = 0
		}
		facts = append(facts, sectionName(sec))
		item := []app.UI{
			textEl("strong", a.ID+" "+threatName(f.Threat)),
			app.Text(" — " + strings.Join(facts, " · ")),
		}
		if ed != nil {
			item = append(item, textEl("p", findingInputsText(c, f, ed), "class", "tc-print-text"))
		}
		items[i] = el("li", "class", "tc-print-threat").Body(item...)
	}
	return el("ol", "class", "tc-print-threats").Body(items...)
}

// findingInputsText writes a finding's inputs in one line: "CVSS 9.3 from
// CVSS:4.0/…; own: Execution Autonomy 1 (Full); from the card: the other
// factors, ThM 0.97 (Proof-of-Concept), MF 1.00 (None)".
func findingInputsText(c *card.Card, f *card.Finding, ed *aivss.Edition) string {
	a := &f.Threat.AIVSS
	cvss := "CVSS not set"
	switch {
	case f.Eval.Vector != nil:
		cvss = "CVSS " + f.Eval.Vector.BaseScore().Format(1) + " from " + a.CVSSVector
	case a.CVSSScore.Set:
		cvss = "CVSS " + a.CVSSScore.Value.Format(1)
	}
	var own, inherited []string
	for i, v := range a.Factors {
		if !f.Inherited[i] {
			own = append(own, ed.Factors[i].Name+" "+scaleText(&ed.Levels, v))
		}
	}
	switch n := len(own); {
	case n == 0:
		inherited = append(inherited, "all 10 factors")
	case n < card.NumFactors:
		inherited = append(inherited, "the other "+strconv.Itoa(card.NumFactors-n)+" factors")
	}
	thm := "ThM " + scaleText(&ed.ThM, f.Eval.ThM)
	switch {
	case f.Eval.ThMFromVector:
		own = append(own, thm+", "+f.Eval.ThMSource())
	case f.ThMInherited:
		inherited = append(inherited, thm)
	default:
		own = append(own, thm)
	}
	if ed.HasMF {
		if f.MFInherited {
			inherited = append(inherited, "MF "+scaleText(&ed.MF, c.FindingInputs(a).MF))
		} else {
			own = append(own, "MF "+scaleText(&ed.MF, a.MF))
		}
	}
	line := cvss
	if len(own) > 0 {
		line += "; its own: " + strings.Join(own, ", ")
	}
	if len(inherited) > 0 {
		line += "; the card's: " + strings.Join(inherited, ", ")
	}
	return line + "."
}

// inputsTable lists the AIVSS inputs with their values and labels.
func inputsTable(c *card.Card, ev *card.Evaluation) app.UI {
	ed := ev.Edition
	in := &c.AIVSS
	cvss := "not set"
	switch {
	case ev.Vector != nil:
		cvss = ev.Vector.BaseScore().Format(1) + " from " + in.CVSSVector
	case in.CVSSScore.Set:
		cvss = in.CVSSScore.Value.Format(1)
	}
	rows := []app.UI{inputRow("CVSS v4.0 base score", cvss)}
	if name, score, ok := ev.OtherCVSS(); ok {
		rows = append(rows, inputRow(name+" score (for reference; AIVSS takes the base score)", score.Format(1)))
	}
	for i, f := range ed.Factors {
		rows = append(rows, inputRow(f.Name, scaleText(&ed.Levels, in.Factors[i])))
	}
	thm := scaleText(&ed.ThM, ev.ThM)
	if src := ev.ThMSource(); src != "" {
		thm += ", " + src
	}
	rows = append(rows, inputRow("Threat multiplier (ThM)", thm))
	if ed.HasMF {
		rows = append(rows, inputRow("Mitigation factor (MF)", scaleText(&ed.MF, in.MF)))
	}
	return el("table", "class", "tc-print-inputs").Body(el("tbody").Body(rows...))
}

func inputRow(name, value string) app.UI {
	return el("tr").Body(textEl("th", name, "scope", "row"), textEl("td", value))
}

// scaleText shows a value with its label on the scale, if it has one.
func scaleText(s *aivss.Scale, o decimal.Optional) string {
	v, ok := o.Get()
	if !ok {
		return "not set"
	}
	return s.Describe(v, 0)
}

// threatList lists threats with their ratings, description and mitigations.
func threatList(ts []maestro.Threat, cross bool) app.UI {
	items := make([]app.UI, len(ts))
	for i := range ts {
		t := &ts[i]
		facts := []string{}
		if cross && len(t.Layers) > 0 {
			codes := make([]string, len(t.Layers))
			for j, l := range t.Layers {
				codes[j] = l.Code()
			}
			facts = append(facts, "layers "+strings.Join(codes, ", "))
		}
		if t.ASI != 0 {
			facts = append(facts, t.ASI.Code()+" "+t.ASI.Name())
		}
		if t.Likelihood != maestro.Unrated {
			facts = append(facts, "likelihood "+t.Likelihood.String())
		}
		if t.Impact != maestro.Unrated {
			facts = append(facts, "impact "+t.Impact.String())
		}
		if r := t.Risk(); r != maestro.RiskUnrated {
			facts = append(facts, "risk "+r.String())
		}
		facts = append(facts, t.State.String())
		desc := t.Description
		if desc == "" && t.CatalogID != "" {
			if e, ok := maestro.LookupThreat(t.CatalogID); ok {
				desc = e.Description
			}
		}
		item := []app.UI{
			textEl("strong", strings.TrimSpace(t.Name())),
			app.Text(" — " + strings.Join(facts, " · ")),
		}
		if d := strings.TrimSpace(desc); d != "" {
			item = append(item, textEl("p", d, "class", "tc-print-text"))
		}
		if m := strings.TrimSpace(t.Mitigations); m != "" {
			item = append(item, textEl("p", "Mitigations: "+m, "class", "tc-print-text"))
		}
		items[i] = el("li", "class", "tc-print-threat").Body(item...)
	}
	return el("ul", "class", "tc-print-threats").Body(items...)
}
