package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/numtext"
)

// Result shows what the card's AIVSS inputs give: the score and its
// severity (#score, a polite live region, so screen readers hear each new
// score), or what is still missing, or which field holds text the card did
// not take; the formula with the card's numbers; each factor's share of the
// uplift; and what the CVSS vector says. Severity is always written; its
// colour only repeats it. Every number is written as aivss.Result.Shown
// writes it.
type Result struct {
	app.Compo

	Inputs   card.Inputs
	Eval     card.Evaluation
	Invalid  []string         // what is wrong with each field holding text the card did not take, in the calculator's order
	Findings findingsHeadline // the card's findings, summed up
}

func (c *Result) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the result")
	ev := &c.Eval
	ed := ev.Edition
	if ed == nil {
		ed, _ = aivss.Lookup(aivss.Default)
	}
	score := scoreOf("", ev, c.Invalid)
	scored := score.Score != ""
	formula := &formulaView{Edition: ed.ID}
	var shares app.UI
	if scored {
		formula.Worked = ed.Worked(&ev.Result, ev.ThM.Value, c.Inputs.MF.Value)
		shown := ev.Result.Shown()
		shares = &sharesView{Edition: ed.ID, AARS: shown.AARS, Shares: shareTexts(&shown), Rounded: sharesRounded(&shown)}
	}
	return el("section", "id", "result", "class", "tc-result", "aria-labelledby", "result-title").Body(
		textEl("h3", "Result", "id", "result-title"),
		score,
		&findingsView{Headline: c.Findings},
		textEl("p", ed.Name+", "+ed.Date+" ("+ed.Status+")", "id", "result-edition", "class", "tc-hint"),
		formula,
		shares,
		&cvssView{Vector: c.Inputs.CVSSVector, Score: c.Inputs.CVSSScore, Exploit: exploitNote(ed, ev)},
		&editionNotes{Edition: ed.ID},
	)
}

// scoreOf is the score view of the evaluation ev, whose element ids start
// with prefix; invalid lists the fields holding text the card (or the
// finding) did not take.
func scoreOf(prefix string, ev *card.Evaluation, invalid []string) *scoreView {
	score := &scoreView{Prefix: prefix}
	switch {
	case len(invalid) > 0:
		// No score from the other values: the person has not finished
		// saying what they mean.
		score.Invalid = joinSentences(invalid)
	case ev.Err != nil:
		score.Err = ev.Err.Error()
	case !ev.Complete():
		score.Missing = ev.MissingText()
	default:
		score.Score, score.Severity = ev.Result.Score, string(ev.Result.Severity)
	}
	return score
}

// joinSentences joins clauses into one text: "a; …. B; …".
func joinSentences(parts []string) string {
	out := parts[0]
	for _, p := range parts[1:] {
		out += ". " + strings.ToUpper(p[:1]) + p[1:]
	}
	return out
}

// shareTexts are the factors' shares as Shown writes them.
// sharesRounded reports whether a share shown is a rounding of its value.
func sharesRounded(s *aivss.Shown) bool {
	for _, n := range s.Shares {
		if !n.Exact {
			return true
		}
	}
	return false
}

func shareTexts(s *aivss.Shown) [aivss.NumFactors]string {
	var out [aivss.NumFactors]string
	for i, n := range s.Shares {
		out[i] = n.Text
	}
	return out
}

// exploitNote says what the Exploit Maturity of the card's vector does in
// edition ed: it sets ThM where ed's ThM is Exploit Maturity, and is
// shown but not applied elsewhere; "" without a vector or without E.
func exploitNote(ed *aivss.Edition, ev *card.Evaluation) string {
	if ev.Vector == nil || ev.Vector.ExploitMaturity() == "X" {
		return ""
	}
	em := ev.Vector.ExploitMaturity()
	e := "E:" + em + " (" + exploitMaturityName(em) + ")"
	if ch, ok := ed.ThMOfExploitMaturity(em); ok {
		return e + " — sets ThM to " + ch.Value.Format(2) + " (" + ch.Label + ") in " + ed.Called
	}
	return e + " — shown, not applied: in " + ed.Called + " ThM is a number of its own"
}

// The parts of the result are components of their own, with values for
// inputs, so that a change redraws only the parts it changes: a factor
// leaves the CVSS details and the edition's notes alone.

// scoreView is the live region: "AIVSS 9.9 Critical", or what is missing,
// or why there is no score.
type scoreView struct {
	app.Compo

	Prefix          string // before the ids: a finding's score has its own ("" for the card's)
	Score, Severity string // a complete score
	Missing         string // what is missing, when incomplete
	Err             string // an input that is set but wrong
	Invalid         string // fields holding text the card did not take, and why
}

func (c *scoreView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the score")
	p := c.Prefix
	region := el("div", "id", p+"score", "role", "status", "aria-live", "polite", "aria-atomic", "true")
	switch {
	case c.Invalid != "":
		return region.Class("tc-score", "tc-score-error").Body(
			textEl("span", "not scored", "id", p+"score-value", "class", "tc-score-value"),
			textEl("span", ": "+c.Invalid, "id", p+"score-missing", "class", "tc-score-missing"),
		)
	case c.Err != "":
		return region.Class("tc-score", "tc-score-error").Body(
			textEl("span", "error", "id", p+"score-value", "class", "tc-score-value"),
			textEl("span", ": "+c.Err, "id", p+"score-missing", "class", "tc-score-missing"),
		)
	case c.Score == "":
		return region.Class("tc-score", "tc-score-incomplete").Body(
			textEl("span", "incomplete", "id", p+"score-value", "class", "tc-score-value"),
			textEl("span", ": missing "+c.Missing, "id", p+"score-missing", "class", "tc-score-missing"),
		)
	}
	return region.Class("tc-score", "tc-sev-"+strings.ToLower(c.Severity)).Body(
		textEl("span", "AIVSS ", "class", "tc-score-label"),
		textEl("span", c.Score, "id", p+"score-value", "class", "tc-score-value"),
		app.Text(" "),
		textEl("span", c.Severity, "id", p+"severity", "class", "tc-severity"),
	)
}

// formulaView shows the edition's formula, each line worked out with the
// card's numbers (Worked) once the score is complete.
type formulaView struct {
	app.Compo

	Prefix  string // before the ids: a finding's formula has its own ("" for the card's)
	Edition string
	Worked  []string // Edition.Worked, or nil while incomplete
}

func (c *formulaView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the formula")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	items := make([]app.UI, len(ed.Formula))
	for i, line := range ed.Formula {
		li := el("li").Body(textEl("code", line, "class", "tc-formula-rule"))
		if i < len(c.Worked) {
			li = el("li").Body(
				textEl("code", line, "class", "tc-formula-rule"),
				textEl("code", c.Worked[i], "class", "tc-formula-worked"),
			)
		}
		items[i] = li
	}
	heading, whose, headingTag := "Formula", "this card's", "h4"
	if c.Prefix != "" {
		whose, headingTag = "this finding's", "h6" // under the finding's h5
	}
	if c.Worked != nil {
		heading = "Formula with " + whose + " numbers"
	}
	return el("div", "class", "tc-formula").Body(
		textEl(headingTag, heading, "id", c.Prefix+"formula-title"),
		el("ol", "id", c.Prefix+"formula", "aria-labelledby", c.Prefix+"formula-title").Body(items...),
	)
}

// sharesView lists each factor's share of the uplift with a bar (a
// <meter>, which needs no inline style). The shares are written at one
// precision, so that they line up, and the list is a grid whose bars all
// start at one x.
type sharesView struct {
	app.Compo

	Edition string
	AARS    numtext.Number
	Shares  [aivss.NumFactors]string
	Rounded bool // a share is rounded to four decimals: they may not add up to AARS as shown
}

func (c *sharesView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the shares")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	aars := c.AARS.Text
	if !c.AARS.Exact {
		aars = "≈ " + aars
	}
	title := "Each factor's share of the uplift (AARS " + aars + ")"
	if ed.ID == "v0.5" {
		title = "Each factor's part of AARS (" + aars + "), which is their sum"
	}
	zero := strings.Trim(c.AARS.Text, "0.") == ""
	items := make([]app.UI, 0, len(ed.Factors))
	for i, f := range ed.Factors {
		id := "share-" + f.ID
		share := c.Shares[i]
		bar := app.UI(el("span", "class", "tc-share-bar"))
		if !zero {
			bar = textEl("meter", share, "class", "tc-share-bar", "min", "0", "max", c.AARS.Text, "value", share,
				"aria-labelledby", id)
		}
		items = append(items, el("li").Body(
			textEl("span", f.Name, "id", id, "class", "tc-share-name"),
			bar,
			textEl("span", share, "class", "tc-share-value"),
		))
	}
	return el("div", "class", "tc-shares").Body(
		textEl("h4", title, "id", "shares-title"),
		el("ul", "id", "shares", "aria-labelledby", "shares-title").Body(items...),
		app.If(c.Rounded, func() app.UI {
			return textEl("p", "Shares are rounded to four decimals, so they may not add up to AARS exactly.",
				"id", "shares-rounded", "class", "tc-hint")
		}),
	)
}

// cvssView tells what the CVSS input gives: a vector's base score, which
// is what AIVSS takes, and, when the vector has Threat or Environmental
// metrics, its CVSS-BT/BE/BTE score for reference; its macro vector and
// Exploit Maturity; and whether calculators that round like go-cvss show
// another base score for it.
type cvssView struct {
	app.Compo

	Vector  string           // the card's vector, or ""
	Score   decimal.Optional // the card's bare score
	Exploit string           // what the vector's Exploit Maturity does in the card's edition (exploitNote)
}

func (c *cvssView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the CVSS details")
	box := el("div", "id", "cvss-result", "class", "tc-cvss-result")
	v, err := cvss4.Parse(c.Vector)
	if c.Vector == "" || err != nil {
		if c.Score.Set {
			s := c.Score.Value
			return box.Body(
				textEl("h4", "CVSS v4.0"),
				textEl("p", "A bare base score, "+s.Format(1)+" ("+cvss4.Severity(s)+"), what AIVSS takes. A vector would also show its macro vector."),
			)
		}
		return box.Body(textEl("h4", "CVSS v4.0"), textEl("p", "No CVSS input yet."))
	}
	base := v.Base()
	score := base.Score()
	rows := []app.UI{
		textEl("dt", "Base score (CVSS-B)"),
		el("dd").Body(
			textEl("span", score.Format(1)+" ("+base.Severity()+")", "id", "cvss-score-value", "class", "tc-cvss-number"),
			app.Text(" — what AIVSS takes"),
		),
	}
	if v.HasMoreThanBase() {
		rows = append(rows,
			textEl("dt", v.Nomenclature()+" score", "id", "cvss-nomenclature"),
			el("dd").Body(
				textEl("span", v.Score().Format(1)+" ("+v.Severity()+")", "id", "cvss-other-score", "class", "tc-cvss-number"),
				app.Text(" — with the vector's "+moreThanBase(v.Nomenclature())+" metrics; for reference, AIVSS does not use it"),
			),
		)
	}
	rows = append(rows,
		textEl("dt", "Macro vector"),
		el("dd").Body(textEl("span", base.MacroVector(), "id", "cvss-macrovector", "class", "tc-cvss-number")),
	)
	if c.Exploit != "" {
		rows = append(rows, textEl("dt", "Exploit Maturity"), textEl("dd", c.Exploit, "id", "cvss-exploit"))
	}
	note := ""
	if base.GoCVSSScoreDiffers() {
		note = "Calculators without the 2024 rounding fix, such as go-cvss, show " + base.GoCVSSScore().Format(1) +
			" for this vector; " + score.Format(1) + " is the score with the fix."
		if v.HasMoreThanBase() {
			note = "Calculators without the 2024 rounding fix, such as go-cvss, show " + base.GoCVSSScore().Format(1) +
				" as this vector's base score; " + score.Format(1) + " is the base score with the fix."
		}
	}
	return box.Body(
		textEl("h4", "CVSS v4.0"),
		el("dl").Body(rows...),
		app.If(note != "", func() app.UI {
			return textEl("p", note, "id", "cvss-rounding-note", "class", "tc-note")
		}),
	)
}

// moreThanBase names the metric groups of a nomenclature beyond Base:
// "CVSS-BTE" is "Threat and Environmental".
func moreThanBase(nomenclature string) string {
	switch nomenclature {
	case "CVSS-BT":
		return "Threat"
	case "CVSS-BE":
		return "Environmental"
	}
	return "Threat and Environmental"
}

// editionNotes tells how the edition rounds and bands, and its source.
type editionNotes struct {
	app.Compo

	Edition string
}

func (c *editionNotes) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the edition's notes")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	return el("details", "class", "tc-edition-notes").Body(
		textEl("summary", "Rounding and bands in "+ed.Name),
		textEl("p", "Rounding: "+ed.Rounding+"."),
		textEl("p", "Severity: "+ed.Bands+"."),
		textEl("p", "Source: "+ed.Source+"."),
	)
}
