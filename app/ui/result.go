package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
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
	body := []app.UI{
		app.H3().ID("result-title").Text("Result"),
		c.renderScore(),
		app.P().ID("result-edition").Class("tc-hint").Text(ed.Name + ", " + ed.Date + " (" + ed.Status + ")"),
		c.renderFormula(ed),
	}
	if ev.Complete() {
		body = append(body, c.renderShares(ed))
	}
	body = append(body,
		c.renderCVSS(),
		app.Details().Class("tc-edition-notes").Body(
			app.Summary().Text("How "+ed.Name+" rounds and bands"),
			app.P().Text("Rounding: "+ed.Rounding+"."),
			app.P().Text("Severity: "+ed.Bands+"."),
			app.P().Text("Source: "+ed.Source+"."),
		),
	)
	return app.Section().ID("result").Class("tc-result").Aria("labelledby", "result-title").Body(body...)
}

// renderScore is the live region: "AIVSS 9.9 Critical", or what is missing.
func (c *Result) renderScore() app.UI {
	ev := &c.Eval
	region := app.Div().ID("score").Role("status").Aria("live", "polite").Aria("atomic", "true")
	switch {
	case ev.Err != nil:
		return region.Class("tc-score", "tc-score-error").Body(
			app.Span().ID("score-value").Class("tc-score-value").Text("error"),
			app.Span().ID("score-missing").Class("tc-score-missing").Text(": "+ev.Err.Error()),
		)
	case !ev.Complete():
		return region.Class("tc-score", "tc-score-incomplete").Body(
			app.Span().ID("score-value").Class("tc-score-value").Text("incomplete"),
			app.Span().ID("score-missing").Class("tc-score-missing").Text(": missing "+missingText(ev.Edition, ev.Missing)),
		)
	}
	sev := string(ev.Result.Severity)
	return region.Class("tc-score", "tc-sev-"+strings.ToLower(sev)).Body(
		app.Span().Class("tc-score-label").Text("AIVSS "),
		app.Span().ID("score-value").Class("tc-score-value").Text(ev.Result.Score),
		app.Text(" "),
		app.Span().ID("severity").Class("tc-severity").Text(sev),
	)
}

// missingText lists what Evaluation.Missing names, factors by their name
// in the edition, and many unset factors counted instead of listed:
// "CVSS, 7 of 10 factors, ThM".
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
				m = ed.Factors[i].Name
			}
		}
		parts = append(parts, m)
	}
	return strings.Join(parts, ", ")
}

// renderFormula shows the edition's formula, each line worked out with the
// card's numbers once the score is complete.
func (c *Result) renderFormula(ed *aivss.Edition) app.UI {
	ev := &c.Eval
	var worked []string
	if ev.Complete() {
		worked = ed.Worked(&ev.Result, c.Inputs.ThM.Value, c.Inputs.MF.Value)
	}
	items := make([]app.UI, len(ed.Formula))
	for i, line := range ed.Formula {
		li := app.Li().Body(app.Code().Class("tc-formula-rule").Text(line))
		if i < len(worked) {
			li = app.Li().Body(
				app.Code().Class("tc-formula-rule").Text(line),
				app.Code().Class("tc-formula-worked").Text(worked[i]),
			)
		}
		items[i] = li
	}
	heading := "Formula"
	if ev.Complete() {
		heading = "Formula with this card's numbers"
	}
	return app.Div().Class("tc-formula").Body(
		app.H4().ID("formula-title").Text(heading),
		app.Ol().ID("formula").Aria("labelledby", "formula-title").Body(items...),
	)
}

// renderShares lists each factor's share of the uplift with a bar (a
// <meter>, which needs no inline style).
func (c *Result) renderShares(ed *aivss.Edition) app.UI {
	r := &c.Eval.Result
	title := "Each factor's share of the uplift (AARS " + r.AARS + ")"
	if ed.ID == "v0.5" {
		title = "Each factor's part of AARS (" + r.AARS + "), which is their sum"
	}
	zero := strings.Trim(r.AARS, "0.") == ""
	items := make([]app.UI, 0, len(ed.Factors))
	for i, f := range ed.Factors {
		id := "share-" + f.ID
		items = append(items, app.Li().Body(
			app.Span().ID(id).Class("tc-share-name").Text(f.Name),
			app.If(!zero, func() app.UI {
				return app.Meter().Class("tc-share-bar").Min("0").Max(r.AARS).Value(r.Shares[i]).
					Aria("labelledby", id).Text(r.Shares[i])
			}),
			app.Span().Class("tc-share-value").Text(r.Shares[i]),
		))
	}
	return app.Div().Class("tc-shares").Body(
		app.H4().ID("shares-title").Text(title),
		app.Ul().ID("shares").Aria("labelledby", "shares-title").Body(items...),
	)
}

// renderCVSS tells what the CVSS vector gives: its score, nomenclature and
// macro vector, and whether calculators that round like go-cvss show
// another score for it.
func (c *Result) renderCVSS() app.UI {
	v := c.Eval.Vector
	if v == nil && c.Inputs.CVSSVector != "" {
		v, _ = cvss4.Parse(c.Inputs.CVSSVector)
	}
	box := app.Div().ID("cvss-result").Class("tc-cvss-result")
	if v == nil {
		if c.Inputs.CVSSScore.Set {
			s := c.Inputs.CVSSScore.Value
			return box.Body(
				app.H4().Text("CVSS v4.0"),
				app.P().Text("A bare base score, "+s.Format(1)+" ("+cvss4.Severity(s)+"). A vector would also show its macro vector and nomenclature."),
			)
		}
		return box.Body(app.H4().Text("CVSS v4.0"), app.P().Text("No CVSS input yet."))
	}
	score := v.Score()
	return box.Body(
		app.H4().Text("CVSS v4.0"),
		app.Dl().Body(
			app.Dt().Text("Score"),
			app.Dd().ID("cvss-score-value").Text(score.Format(1)+" ("+v.Severity()+")"),
			app.Dt().Text("Nomenclature"),
			app.Dd().ID("cvss-nomenclature").Text(v.Nomenclature()),
			app.Dt().Text("Macro vector"),
			app.Dd().ID("cvss-macrovector").Text(v.MacroVector()),
		),
		app.If(v.GoCVSSScoreDiffers(), func() app.UI {
			return app.P().ID("cvss-rounding-note").Class("tc-note").Text(
				"Calculators without the 2024 rounding fix, such as go-cvss, show " + v.GoCVSSScore().Format(1) +
					" for this vector; " + score.Format(1) + " is the score with the fix.")
		}),
	)
}
