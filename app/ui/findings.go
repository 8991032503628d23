package ui

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// A scored threat is a finding (maestro.Assessment): scored on its own in
// the card's edition, with the card's factors, ThM and MF where it has
// none of its own. The card's result keeps the agent-level score and adds
// the highest finding and the count of findings per severity: OWASP AIVSS
// v0.8 §3.2 calls scores ordinal, so they are never averaged.

// findingsHeadline sums up a card's findings for its result.
type findingsHeadline struct {
	Findings, Scored int    // findings on the card, and of them those with a score
	TopScore         string // the highest finding's score, "10.0" …
	TopSeverity      string // … its severity …
	TopTitle         string // … and its threat's name
	Counts           string // scored findings per severity: "7 Critical, 3 High"
}

// headlineOf sums up the findings of c.
func headlineOf(c *card.Card) findingsHeadline {
	fs := c.Findings()
	if len(fs) == 0 {
		return findingsHeadline{}
	}
	card.RankFindings(fs)
	t := card.Tally(fs)
	h := findingsHeadline{Findings: t.Findings, Scored: t.Scored, Counts: t.Text()}
	if t.Top != nil {
		h.TopScore, h.TopSeverity = t.Top.Eval.Result.Score, string(t.Top.Eval.Result.Severity)
		h.TopTitle = threatName(t.Top.Threat)
	}
	return h
}

// findingsCount is "1 finding", "3 findings".
func findingsCount(n int) string {
	if n == 1 {
		return "1 finding"
	}
	return strconv.Itoa(n) + " findings"
}

// notScoredText says how many findings have no score yet, after a count
// of those that have: "; 2 more not scored yet".
func notScoredText(h *findingsHeadline) string {
	switch n := h.Findings - h.Scored; {
	case n <= 0:
		return ""
	case h.Scored == 0 && n == 1:
		return "1 finding, not scored yet"
	case h.Scored == 0:
		return strconv.Itoa(n) + " findings, none scored yet"
	case n == 1:
		return "; 1 more not scored yet"
	default:
		return "; " + strconv.Itoa(n) + " more not scored yet"
	}
}

// findingsView is the part of the card's result about its findings: the
// highest finding's score, severity and title, and the scored findings
// per severity. It is always there, empty without findings, so that the
// parts after it keep their places.
type findingsView struct {
	app.Compo

	Headline findingsHeadline
}

func (c *findingsView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the findings' headline")
	h := &c.Headline
	box := el("div", "id", "findings-headline", "class", "tc-findings-headline")
	if h.Findings == 0 {
		return box
	}
	if h.Scored == 0 {
		return box.Body(textEl("p", notScoredText(h)+".", "id", "findings-counts"))
	}
	return box.Body(
		el("p", "id", "findings-top", "class", "tc-findings-top tc-sev-"+strings.ToLower(h.TopSeverity)).Body(
			app.Text("Highest finding: "),
			textEl("span", h.TopScore+" "+h.TopSeverity, "class", "tc-finding-score"),
			app.Text(" — "),
			textEl("span", h.TopTitle, "class", "tc-finding-title"),
		),
		el("p", "id", "findings-counts").Body(
			app.Text("Findings by severity: "),
			textEl("span", h.Counts, "id", "findings-severities"),
			app.Text(notScoredText(h)),
		),
		textEl("p", "Each finding is scored on its own; scores are ordinal, so they are counted, never averaged.",
			"class", "tc-hint"),
	)
}

// findingRow is one finding in the list of findings.
type findingRow struct {
	ID       string // the finding's id
	Score    string // its score; "" when it has none
	Severity string
	Missing  string // what it still needs, or why it has no score
	Category string // its core-risk category; "" when not chosen
	Title    string // its threat's name
	Where    string // the threat's section: "L3 Agent Frameworks", "Cross-Layer"
	Section  maestro.Layer
	Index    int // the threat's place in its section
}

// findingRows lists the findings fs, which RankFindings has ordered.
func findingRows(fs []card.Finding) []findingRow {
	rows := make([]findingRow, len(fs))
	for i := range fs {
		f := &fs[i]
		sec := f.Loc.Layer
		if f.Loc.Section == card.SectionCrossLayer {
			sec = 0
		}
		r := findingRow{ID: f.Threat.AIVSS.ID, Category: f.Threat.AIVSS.Category.String(), Title: threatName(f.Threat),
			Where: sectionName(sec), Section: sec, Index: f.Loc.Threat - 1}
		switch ev := &f.Eval; {
		case ev.Err != nil:
			r.Missing = capitalSentence(ev.Err.Error())
		case !ev.Complete():
			r.Missing = "Missing " + ev.MissingText() + "."
		default:
			r.Score, r.Severity = ev.Result.Score, string(ev.Result.Severity)
		}
		rows[i] = r
	}
	return rows
}

// FindingsList lists the card's findings, highest first, each with a
// button to its threat's editor, and offers OWASP AIVSS v0.8's ten worked
// examples as findings.
type FindingsList struct {
	app.Compo

	Rows   []findingRow
	Editor *MaestroEditor

	message string // the outcome of the last "Load the OWASP scenarios"
	failed  bool   // message says why they were not loaded
}

func (c *FindingsList) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the findings")
	intro := "A threat scored with AIVSS is a finding, scored on its own in the card's edition with the card's " +
		"factors, ThM and MF where it does not override them. Highest first."
	var list app.UI
	if len(c.Rows) == 0 {
		list = textEl("p", "No finding yet: score a threat with AIVSS in its editor below, or load the OWASP scenarios.",
			"id", "findings-empty", "class", "tc-empty")
	} else {
		items := make([]app.UI, len(c.Rows))
		for i, r := range c.Rows {
			items[i] = c.row(i, &r)
		}
		list = el("ol", "id", "findings-list", "class", "tc-findings-list", "aria-labelledby", "findings-title").Body(items...)
	}
	msgClass := "tc-findings-message"
	if c.failed {
		msgClass += " tc-refusal"
	}
	return el("section", "id", "findings", "class", "tc-findings", "aria-labelledby", "findings-title").Body(
		textEl("h3", "Findings", "id", "findings-title", "tabindex", "-1"),
		textEl("p", intro, "class", "tc-hint"),
		list,
		el("div", "class", "tc-findings-actions").Body(
			el("button", "id", "findings-scenarios", "type", "button", "aria-describedby", "findings-scenarios-about").
				OnClick(c.Editor.guard("loading the OWASP scenarios", c.onScenarios)).Text("Load the OWASP scenarios"),
			textEl("p", "The ten worked examples of OWASP AIVSS v0.8 §3.6, one per core risk, as findings with their "+
				"own CVSS vectors, factors, ThM and MF, each under the first layer Appendix C lists for its risk.",
				"id", "findings-scenarios-about", "class", "tc-hint"),
		),
		textEl("p", c.message, "id", "findings-message", "class", msgClass, "role", "status"),
	)
}

// row draws the i-th finding of the list.
func (c *FindingsList) row(i int, r *findingRow) app.UI {
	rowID := "findings-row-" + strconv.Itoa(i)
	score := app.UI(el("span", "class", "tc-finding-score").Body(
		textEl("span", r.Score, "class", "tc-finding-number"),
		app.Text(" "),
		textEl("span", r.Severity, "class", "tc-severity"),
	))
	class := "tc-findings-row tc-sev-" + strings.ToLower(r.Severity)
	if r.Score == "" {
		score = textEl("span", "not scored", "class", "tc-finding-score tc-finding-unscored")
		class = "tc-findings-row tc-unscored"
	}
	category := r.Category
	if category == "" {
		category = "no category chosen"
	}
	// The spaces between the parts are text of their own, so that the
	// row reads as words ("F-004 10.0 Critical …") to a screen reader.
	body := []app.UI{
		textEl("span", r.ID, "class", "tc-finding-id"),
		app.Text(" "),
		score,
		app.Text(" "),
		textEl("span", r.Title, "id", rowID+"-title", "class", "tc-finding-title"),
		app.Text(" "),
		textEl("span", category+" · "+r.Where, "class", "tc-finding-where"),
	}
	if r.Missing != "" {
		body = append(body, app.Text(" "), textEl("span", r.Missing, "class", "tc-finding-missing"))
	}
	body = append(body, app.Text(" "), el("button", "class", "tc-finding-go", "type", "button",
		"value", strconv.Itoa(i), "aria-label", "Go to "+r.ID+": "+r.Title).
		OnClick(c.Editor.guard("going to a finding", c.onGo)).Text("Go to "+r.ID))
	return el("li", "id", rowID, "class", class).Body(body...)
}

// onGo opens the finding of the button's row in its threat's editor and
// moves the focus there.
func (c *FindingsList) onGo(ctx app.Context, e app.Event) {
	i, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
	if err != nil || i < 0 || i >= len(c.Rows) {
		return
	}
	r := c.Rows[i]
	c.Editor.goToFinding(r.ID, r.Section, r.Index)
}

// onScenarios adds the ten worked examples of v0.8 §3.6 to the card as
// findings, or says why not (another edition, no room for ten threats).
func (c *FindingsList) onScenarios(ctx app.Context, e app.Event) {
	cur := c.Editor.card()
	if cur == nil {
		return
	}
	trial := *cur
	if err := addScenarios(&trial); err != nil {
		c.message, c.failed = "Not loaded: "+strings.TrimSuffix(err.Error(), ".")+".", true
		return
	}
	if msg := c.Editor.apply(ctx, editAddScenarios()); msg != "" {
		c.message, c.failed = msg, true
		return
	}
	c.message, c.failed = "Loaded the ten OWASP AIVSS v0.8 scenarios as findings "+newFindingIDs(cur, &trial)+
		", each under the first layer Appendix C lists for its risk.", false
}

// newFindingIDs names the findings of after that before does not have,
// by their ids: "F-011 to F-020", in the order of their numbers.
func newFindingIDs(before, after *card.Card) string {
	had := map[string]bool{}
	for _, f := range before.Findings() {
		had[f.Threat.AIVSS.ID] = true
	}
	var ids []string
	for _, f := range after.Findings() {
		if id := f.Threat.AIVSS.ID; !had[id] {
			ids = append(ids, id)
		}
	}
	// "F-009" before "F-010", and "F-999" before "F-1000".
	slices.SortFunc(ids, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), cmp.Compare(a, b)) })
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	return ids[0] + " to " + ids[len(ids)-1]
}

// addScenarios adds the OWASP scenarios to c, a shallow copy of a card:
// each layer's threats are clipped first, so that appending to them
// leaves the card it was copied from as it was.
func addScenarios(c *card.Card) error {
	for i := range c.MAESTRO.Layers {
		c.MAESTRO.Layers[i].Threats = slices.Clip(c.MAESTRO.Layers[i].Threats)
	}
	return c.AddScenarios()
}

// editAddScenarios adds the OWASP scenarios; a card they do not fit is
// left as it was.
func editAddScenarios() Edit {
	return func(c *card.Card) {
		next := *c
		if addScenarios(&next) == nil {
			*c = next
		}
	}
}
