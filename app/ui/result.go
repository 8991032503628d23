package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// Result shows what the card's AIVSS inputs give: the score and its
// severity (#score, a polite live region, so screen readers hear each new
// score), or what is still missing; the formula with the card's numbers;
// each factor's share of the uplift; and what the CVSS vector says.
// Severity is always written; its colour only repeats it.
type Result struct {
	app.Compo

	Inputs card.Inputs
	Eval   card.Evaluation
}

func (c *Result) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the result")
	ev := &c.Eval
	ed := ev.Edition
	if ed == nil {
		ed, _ = aivss.Lookup(aivss.Default)
	}
	score := &scoreView{}
	switch {
	case ev.Err != nil:
		score.Err = ev.Err.Error()
	case !ev.Complete():
		score.Missing = ev.MissingText()
	default:
		score.Score, score.Severity = ev.Result.Score, string(ev.Result.Severity)
	}
	formula := &formulaView{Edition: ed.ID}
	var shares app.UI
	if ev.Complete() {
		formula.Worked = ed.Worked(&ev.Result, c.Inputs.ThM.Value, c.Inputs.MF.Value)
		shares = &sharesView{Edition: ed.ID, AARS: ev.Result.AARS, Shares: ev.Result.Shares}
	}
	return el("section", "id", "result", "class", "tc-result", "aria-labelledby", "result-title").Body(
		textEl("h3", "Result", "id", "result-title"),
		score,
		textEl("p", ed.Name+", "+ed.Date+" ("+ed.Status+")", "id", "result-edition", "class", "tc-hint"),
		formula,
		shares,
		&cvssView{Vector: c.Inputs.CVSSVector, Score: c.Inputs.CVSSScore},
		&editionNotes{Edition: ed.ID},
	)
}

// The parts of the result are components of their own, with values for
// inputs, so that a change redraws only the parts it changes: a factor
// leaves the CVSS details and the edition's notes alone.

// scoreView is the live region: "AIVSS 9.9 Critical", or what is missing.
type scoreView struct {
	app.Compo

	Score, Severity string // a complete score
	Missing         string // what is missing, when incomplete
	Err             string // an input that is set but wrong
}

func (c *scoreView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the score")
	region := el("div", "id", "score", "role", "status", "aria-live", "polite", "aria-atomic", "true")
	switch {
	case c.Err != "":
		return region.Class("tc-score", "tc-score-error").Body(
			textEl("span", "error", "id", "score-value", "class", "tc-score-value"),
			textEl("span", ": "+c.Err, "id", "score-missing", "class", "tc-score-missing"),
		)
	case c.Score == "":
		return region.Class("tc-score", "tc-score-incomplete").Body(
			textEl("span", "incomplete", "id", "score-value", "class", "tc-score-value"),
			textEl("span", ": missing "+c.Missing, "id", "score-missing", "class", "tc-score-missing"),
		)
	}
	return region.Class("tc-score", "tc-sev-"+strings.ToLower(c.Severity)).Body(
		textEl("span", "AIVSS ", "class", "tc-score-label"),
		textEl("span", c.Score, "id", "score-value", "class", "tc-score-value"),
		app.Text(" "),
		textEl("span", c.Severity, "id", "severity", "class", "tc-severity"),
	)
}

// formulaView shows the edition's formula, each line worked out with the
// card's numbers (Worked) once the score is complete.
type formulaView struct {
	app.Compo

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
	heading := "Formula"
	if c.Worked != nil {
		heading = "Formula with this card's numbers"
	}
	return el("div", "class", "tc-formula").Body(
		textEl("h4", heading, "id", "formula-title"),
		el("ol", "id", "formula", "aria-labelledby", "formula-title").Body(items...),
	)
}

// sharesView lists each factor's share of the uplift with a bar (a
// <meter>, which needs no inline style).
type sharesView struct {
	app.Compo

	Edition string
	AARS    string
	Shares  [aivss.NumFactors]string
}

func (c *sharesView) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the shares")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	title := "Each factor's share of the uplift (AARS " + c.AARS + ")"
	if ed.ID == "v0.5" {
		title = "Each factor's part of AARS (" + c.AARS + "), which is their sum"
	}
	zero := strings.Trim(c.AARS, "0.") == ""
	items := make([]app.UI, 0, len(ed.Factors))
	for i, f := range ed.Factors {
		id := "share-" + f.ID
		share := c.Shares[i]
		items = append(items, el("li").Body(
			textEl("span", f.Name, "id", id, "class", "tc-share-name"),
			app.If(!zero, func() app.UI {
				return textEl("meter", share, "class", "tc-share-bar", "min", "0", "max", c.AARS, "value", share,
					"aria-labelledby", id)
			}),
			textEl("span", share, "class", "tc-share-value"),
		))
	}
	return el("div", "class", "tc-shares").Body(
		textEl("h4", title, "id", "shares-title"),
		el("ul", "id", "shares", "aria-labelledby", "shares-title").Body(items...),
	)
}

// cvssView tells what the CVSS input gives: a vector's score,
// nomenclature and macro vector, and whether calculators that round like
// go-cvss show another score for it.
type cvssView struct {
	app.Compo

	Vector string           // the card's vector, or ""
	Score  decimal.Optional // the card's bare score
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
				textEl("p", "A bare base score, "+s.Format(1)+" ("+cvss4.Severity(s)+"). A vector would also show its macro vector and nomenclature."),
			)
		}
		return box.Body(textEl("h4", "CVSS v4.0"), textEl("p", "No CVSS input yet."))
	}
	score := v.Score()
	return box.Body(
		textEl("h4", "CVSS v4.0"),
		el("dl").Body(
			textEl("dt", "Score"),
			textEl("dd", score.Format(1)+" ("+v.Severity()+")", "id", "cvss-score-value"),
			textEl("dt", "Nomenclature"),
			textEl("dd", v.Nomenclature(), "id", "cvss-nomenclature"),
			textEl("dt", "Macro vector"),
			textEl("dd", v.MacroVector(), "id", "cvss-macrovector"),
		),
		app.If(v.GoCVSSScoreDiffers(), func() app.UI {
			return textEl("p", "Calculators without the 2024 rounding fix, such as go-cvss, show "+v.GoCVSSScore().Format(1)+
				" for this vector; "+score.Format(1)+" is the score with the fix.", "id", "cvss-rounding-note", "class", "tc-note")
		}),
	)
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
		textEl("summary", "How "+ed.Name+" rounds and bands"),
		textEl("p", "Rounding: "+ed.Rounding+"."),
		textEl("p", "Severity: "+ed.Bands+"."),
		textEl("p", "Source: "+ed.Source+"."),
	)
}
