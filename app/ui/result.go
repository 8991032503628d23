package ui

import (
	"strconv"
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
		score.Missing = missingText(ev.Edition, ev.Missing)
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
		el("h3", "id", "result-title").Text("Result"),
		score,
		el("p", "id", "result-edition", "class", "tc-hint").Text(ed.Name+", "+ed.Date+" ("+ed.Status+")"),
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
			el("span", "id", "score-value", "class", "tc-score-value").Text("error"),
			el("span", "id", "score-missing", "class", "tc-score-missing").Text(": "+c.Err),
		)
	case c.Score == "":
		return region.Class("tc-score", "tc-score-incomplete").Body(
			el("span", "id", "score-value", "class", "tc-score-value").Text("incomplete"),
			el("span", "id", "score-missing", "class", "tc-score-missing").Text(": missing "+c.Missing),
		)
	}
	return region.Class("tc-score", "tc-sev-"+strings.ToLower(c.Severity)).Body(
		el("span", "class", "tc-score-label").Text("AIVSS "),
		el("span", "id", "score-value", "class", "tc-score-value").Text(c.Score),
		app.Text(" "),
		el("span", "id", "severity", "class", "tc-severity").Text(c.Severity),
	)
}

// missingText lists what Evaluation.Missing names, factors by their name
// in the edition ("factor Dynamic Identity"), and many unset factors
// counted instead of listed: "CVSS, 7 of 10 factors, ThM".
func missingText(ed *aivss.Edition, missing []string) string {
	factors := 0
	for _, m := range missing {
		if strings.HasPrefix(m, "factor ") {
			factors++
		}
	}
	parts := make([]string, 0, len(missing))
	counted := false
	for _, m := range missing {
		if strings.HasPrefix(m, "factor ") && factors > 3 {
			if !counted {
				parts = append(parts, strconv.Itoa(factors)+" of 10 factors")
				counted = true
			}
			continue
		}
		if id, ok := strings.CutPrefix(m, "factor "); ok && ed != nil {
			if i, ok := ed.FactorIndex(id); ok {
				m = "factor " + ed.Factors[i].Name
			}
		}
		parts = append(parts, m)
	}
	return strings.Join(parts, ", ")
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
		return el("p", "class", "tc-internal-error").Text(err.Error())
	}
	items := make([]app.UI, len(ed.Formula))
	for i, line := range ed.Formula {
		li := el("li").Body(el("code", "class", "tc-formula-rule").Text(line))
		if i < len(c.Worked) {
			li = el("li").Body(
				el("code", "class", "tc-formula-rule").Text(line),
				el("code", "class", "tc-formula-worked").Text(c.Worked[i]),
			)
		}
		items[i] = li
	}
	heading := "Formula"
	if c.Worked != nil {
		heading = "Formula with this card's numbers"
	}
	return el("div", "class", "tc-formula").Body(
		el("h4", "id", "formula-title").Text(heading),
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
		return el("p", "class", "tc-internal-error").Text(err.Error())
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
			el("span", "id", id, "class", "tc-share-name").Text(f.Name),
			app.If(!zero, func() app.UI {
				return el("meter", "class", "tc-share-bar", "min", "0", "max", c.AARS, "value", share,
					"aria-labelledby", id).Text(share)
			}),
			el("span", "class", "tc-share-value").Text(share),
		))
	}
	return el("div", "class", "tc-shares").Body(
		el("h4", "id", "shares-title").Text(title),
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
				el("h4").Text("CVSS v4.0"),
				el("p").
					Text("A bare base score, "+s.Format(1)+" ("+cvss4.Severity(s)+"). A vector would also show its macro vector and nomenclature."),
			)
		}
		return box.Body(el("h4").Text("CVSS v4.0"), el("p").Text("No CVSS input yet."))
	}
	score := v.Score()
	return box.Body(
		el("h4").Text("CVSS v4.0"),
		el("dl").Body(
			el("dt").Text("Score"),
			el("dd", "id", "cvss-score-value").Text(score.Format(1)+" ("+v.Severity()+")"),
			el("dt").Text("Nomenclature"),
			el("dd", "id", "cvss-nomenclature").Text(v.Nomenclature()),
			el("dt").Text("Macro vector"),
			el("dd", "id", "cvss-macrovector").Text(v.MacroVector()),
		),
		app.If(v.GoCVSSScoreDiffers(), func() app.UI {
			return el("p", "id", "cvss-rounding-note", "class", "tc-note").Text(
				"Calculators without the 2024 rounding fix, such as go-cvss, show " + v.GoCVSSScore().Format(1) +
					" for this vector; " + score.Format(1) + " is the score with the fix.",
			)
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
		return el("p", "class", "tc-internal-error").Text(err.Error())
	}
	return el("details", "class", "tc-edition-notes").Body(
		el("summary").Text("How "+ed.Name+" rounds and bands"),
		el("p").Text("Rounding: "+ed.Rounding+"."),
		el("p").Text("Severity: "+ed.Bands+"."),
		el("p").Text("Source: "+ed.Source+"."),
	)
}
