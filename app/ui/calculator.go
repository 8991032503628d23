package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// Calculator is the AIVSS part of the card: the edition, the CVSS v4.0
// input, the ten agentic risk factors, ThM and MF, and beside them the
// result. Each part is its own component whose inputs are values of its own
// part of the card, so that a keystroke redraws only what it changes.
type Calculator struct {
	app.Compo

	Editor editor
	Inputs card.Inputs     // the card's AIVSS inputs
	Eval   card.Evaluation // card.Evaluate of the card
	Later  bool            // draw only the edition and the result: the inputs follow in the page's next frame (see Page.painted)

	note    string                 // what the last switch of edition did, for a person
	noteFor string                 // the edition the note is about
	left    map[string]card.Inputs // the inputs as they were when the person left each edition
}

func (c *Calculator) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the calculator")
	ed, err := aivss.Lookup(c.Inputs.Edition)
	if err != nil {
		ed, _ = aivss.Lookup(aivss.Default)
	}
	options := make([]app.UI, 0, 3)
	for _, e := range aivss.Editions() {
		options = append(options, option(e.ID, e.Name+" ("+e.Date+", "+e.Status+")", e.ID == ed.ID))
	}
	form := []app.UI{
		el("div", "class", "tc-field tc-edition").Body(
			textEl("label", "AIVSS edition", "for", "edition"),
			el("select", "id", "edition", "aria-describedby", "edition-about").
				OnChange(c.onEdition).Body(options...),
			textEl("p", ed.Source, "id", "edition-about", "class", "tc-hint"),
			app.If(c.note != "" && c.noteFor == ed.ID, func() app.UI {
				return textEl("p", c.note, "id", "edition-note", "class", "tc-note", "role", "status")
			}),
		),
	}
	if !c.Later {
		form = append(form,
			&CVSSInput{Editor: c.Editor, Vector: c.Inputs.CVSSVector, Score: c.Inputs.CVSSScore},
			&FactorsPanel{Editor: c.Editor, Edition: ed.ID, Factors: c.Inputs.Factors},
			&Multipliers{Editor: c.Editor, Edition: ed.ID, ThM: c.Inputs.ThM, MF: c.Inputs.MF},
		)
	}
	return el("section", "id", "calculator", "class", "tc-calculator",
		"aria-labelledby", "calculator-title").Body(
		textEl("h2", "AIVSS score", "id", "calculator-title"),
		el("div", "class", "tc-calc").Body(
			el("form", "class", "tc-calc-form", "novalidate", "true").OnSubmit(preventSubmit).Body(form...),
			&Result{Inputs: c.Inputs, Eval: c.Eval},
		),
	)
}

func (c *Calculator) onEdition(ctx app.Context, e app.Event) {
	defer c.Editor.catch("switching the edition")
	c.switchEdition(ctx, ctx.JSSrc().Get("value").String())
}

// switchEdition changes the card's edition. The CVSS input means the same
// in every edition and is kept. The factors are not: each edition has its
// own list, order and values, so they are cleared, and ThM and MF take the
// new edition's defaults; going back to an edition left earlier brings back
// what was set there.
func (c *Calculator) switchEdition(ctx app.Context, id string) {
	ed, err := aivss.Lookup(id)
	if err != nil || id == "" || ed.ID == c.Inputs.Edition {
		return
	}
	before := c.Inputs
	back, restore := c.left[ed.ID]
	err = c.Editor.edit(ctx, func(cd *card.Card) {
		in := &cd.AIVSS
		in.Edition = ed.ID
		if restore {
			in.Factors, in.ThM, in.MF = back.Factors, back.ThM, back.MF
			return
		}
		in.Factors = [card.NumFactors]decimal.Optional{}
		in.ThM = decimal.Some(ed.ThM.Default)
		in.MF = decimal.Optional{}
		if ed.HasMF {
			in.MF = decimal.Some(ed.MF.Default)
		}
	})
	if err != nil {
		c.note, c.noteFor = err.Error(), ed.ID
		return
	}
	if c.left == nil {
		c.left = map[string]card.Inputs{}
	}
	c.left[before.Edition] = before
	c.noteFor = ed.ID
	if restore {
		c.note = "Switched to " + ed.Name + ". The CVSS input is kept, and the factors, ThM and MF you had set in " + ed.ID + " are back."
		return
	}
	c.note = "Switched to " + ed.Name + ". The CVSS input is kept. The factors are cleared, as each edition has its own list; " +
		"ThM is set to " + ed.ID + "'s default, " + ed.ThM.Describe(ed.ThM.Default, 2)
	if ed.HasMF {
		c.note += ", and MF to " + ed.MF.Describe(ed.MF.Default, 2) + "."
	} else {
		c.note += "; " + ed.ID + " has no MF."
	}
}

// preventSubmit keeps Enter in a field from submitting the form, which
// would reload the page.
func preventSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
}

// radio returns a radio button. In the browser, checked is a property that
// go-app sets on every change, true or false: the attribute alone does not
// uncheck a button someone clicked. In HTML written on the server, a
// checked="false" attribute would check it, so it is left out there.
func radio(id, name, value string, checked bool) app.HTMLElemSelfClosing {
	in := voidEl("input", "type", "radio", "id", id, "name", name, "value", value)
	if checked || app.IsClient {
		in = in.Attr("checked", strconv.FormatBool(checked))
	}
	return in
}

// option returns an option of a select, selected as radio is checked.
func option(value, text string, selected bool) app.HTMLElem {
	o := el("option", "value", value).Text(text)
	if selected || app.IsClient {
		o = o.Attr("selected", strconv.FormatBool(selected))
	}
	return o
}

// decimalField returns a text field for a decimal number: text, so that it
// holds what was typed, with a decimal keypad on phones.
func decimalField(id, value, placeholder string) app.HTMLElemSelfClosing {
	return voidEl("input", "type", "text", "id", id, "value", value, "inputmode", "decimal",
		"autocomplete", "off", "spellcheck", "false", "size", "6", "placeholder", placeholder,
		"aria-describedby", id+"-error")
}

// syncControls sets, once the next render is done, the value of the text
// fields and the checkedness of the radio buttons (by element id) to what
// the component drew. go-app leaves both wrong in two cases. It never
// writes an empty value: Value("") drops the attribute, which leaves the
// text a field showed before (the title of the card opened before). And a
// radio button renamed into another group while still checked unchecks
// the button already chosen there (the HTML rule for groups), which
// happens when the factors of another edition take the place of others.
// Components call it from OnUpdate, that is when their inputs changed.
func syncControls(ctx app.Context, values map[string]string, checked map[string]bool) {
	if !app.IsClient {
		return
	}
	ctx.Defer(func(app.Context) {
		doc := app.Window().Get("document")
		for id, v := range values {
			if el := doc.Call("getElementById", id); el.Truthy() && el.Get("value").String() != v {
				el.Set("value", v)
			}
		}
		for id, c := range checked {
			if el := doc.Call("getElementById", id); el.Truthy() && el.Get("checked").Bool() != c {
				el.Set("checked", c)
			}
		}
	})
}

// fieldError is the message under a field; it is always there (empty
// without a message), so that the field's aria-describedby finds it.
func fieldError(id, msg string) app.UI {
	return textEl("p", msg, "id", id, "class", "tc-field-error", "aria-live", "polite")
}

// refusedMsg is the message for an edit the page refused.
func refusedMsg(err error) string {
	if r, ok := err.(*EditRefusedError); ok {
		return "Not accepted: " + r.Msg + "."
	}
	return err.Error()
}
