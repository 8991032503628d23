package ui

import (
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Calculator is the AIVSS part of the card: the edition, the CVSS v4.0
// input, the ten agentic risk factors, ThM and MF, and beside them the
// result. Each part is its own component whose inputs are values of its own
// part of the card, so that a keystroke redraws only what it changes.
type Calculator struct {
	app.Compo

	Editor   editor
	Inputs   card.Inputs       // the card's AIVSS inputs
	Eval     card.Evaluation   // card.Evaluate of the card
	Invalid  map[string]string // fields holding text the card did not take, by element id (see editor.invalid)
	Later    bool              // draw only the edition and the result: the inputs follow in the page's next frame (see Page.painted)
	Findings findingsHeadline  // the card's findings, summed up for the result

	note    string                // what the last switch of edition did, for a person
	noteFor string                // the edition the note is about
	left    map[string]*card.Card // the card as it was when the person left each edition
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
			el("select", "id", "edition", "aria-describedby", "edition-about edition-note").
				OnChange(c.onEdition).Body(options...),
			textEl("p", ed.Source, "id", "edition-about", "class", "tc-hint"),
			// Always there (empty without a note), so that the live
			// region exists before the text it announces.
			textEl("p", c.editionNote(ed), "id", "edition-note", "class", "tc-note", "role", "status"),
		),
	}
	if !c.Later {
		var factorsInvalid [card.NumFactors]bool
		for i, f := range ed.Factors {
			factorsInvalid[i] = c.Invalid[factorFieldID(f.ID)] != ""
		}
		form = append(form,
			&CVSSInput{Editor: c.Editor, Vector: c.Inputs.CVSSVector, Score: c.Inputs.CVSSScore,
				VectorInvalid: c.Invalid[vectorFieldID] != "", ScoreInvalid: c.Invalid[scoreFieldID] != ""},
			&FactorsPanel{Editor: c.Editor, Edition: ed.ID, Factors: c.Inputs.Factors, Invalid: factorsInvalid},
			&Multipliers{Editor: c.Editor, Edition: ed.ID, ThM: c.Inputs.ThM, MF: c.Inputs.MF,
				ThMInvalid: c.Invalid["thm"] != "", MFInvalid: c.Invalid["mf"] != "", Vector: vectorThM(ed, &c.Eval)},
		)
	}
	return el("section", "id", "calculator", "class", "tc-calculator",
		"aria-labelledby", "calculator-title").Body(
		textEl("h2", "AIVSS score", "id", "calculator-title"),
		el("div", "class", "tc-calc").Body(
			el("form", "class", "tc-calc-form", "novalidate", "true").OnSubmit(preventSubmit).Body(form...),
			&Result{Inputs: c.Inputs, Eval: c.Eval, Invalid: invalidTexts(c.Invalid, "", ed), Findings: c.Findings},
		),
	)
}

// editionNote is the note about the last switch of edition, while the
// card is in the edition it switched to.
func (c *Calculator) editionNote(ed *aivss.Edition) string {
	if c.noteFor != ed.ID {
		return ""
	}
	return c.note
}

// The ids of the CVSS fields, which are also their keys among the page's
// invalid fields; a factor's is factorFieldID, ThM's and MF's "thm" and
// "mf".
const (
	vectorFieldID = "cvss-vector"
	scoreFieldID  = "cvss-score"
)

func factorFieldID(id string) string { return "factor-" + id }

// invalidTexts lists what a result says of the fields holding text the
// card (or a finding) did not take, in the order of the calculator; the
// fields' ids start with prefix.
func invalidTexts(invalid map[string]string, prefix string, ed *aivss.Edition) []string {
	if len(invalid) == 0 {
		return nil
	}
	order := []string{vectorFieldID, scoreFieldID}
	for _, f := range ed.Factors {
		order = append(order, factorFieldID(f.ID))
	}
	order = append(order, "thm", "mf")
	var out []string
	for _, id := range order {
		if msg := invalid[prefix+id]; msg != "" {
			out = append(out, msg)
		}
	}
	return out
}

func (c *Calculator) onEdition(ctx app.Context, e app.Event) {
	defer c.Editor.catch("switching the edition")
	c.switchEdition(ctx, ctx.JSSrc().Get("value").String())
}

// switchEdition changes the card's edition, and its findings' with it.
// What carries over is card.SwitchCard's: the CVSS input, each factor to
// the factor of the new edition that means the same where that takes its
// value, ThM by its label and MF by value, or the new edition's defaults,
// and the same of each finding's own values (what a finding leaves to the
// card stays the card's); the note says what did and what did not. Going
// back to an edition left earlier brings back what was set there: the
// card's factors, ThM and MF, and those of each finding that is still on
// the card, by its id.
func (c *Calculator) switchEdition(ctx app.Context, id string) {
	ed, err := aivss.Lookup(id)
	if err != nil || id == "" || ed.ID == c.Editor.inputs().Edition {
		return
	}
	back, restore := c.left[ed.ID]
	var before *card.Card
	var sw card.Switch
	err = c.Editor.edit(ctx, func(cd *card.Card) {
		prev := *cd // the card's slices are never written into (see Edit), so this is the card as it was
		before = &prev
		cloneThreats(&cd.MAESTRO)
		sw = card.SwitchCard(cd, ed)
		if restore {
			restoreEdition(cd, back)
		}
	})
	c.noteFor = ed.ID
	if err != nil {
		c.note = err.Error()
		return
	}
	// The fields of factors, ThM and MF are the new edition's now.
	if sw.From != nil {
		for _, f := range sw.From.Factors {
			c.Editor.invalid(factorFieldID(f.ID), "")
		}
	}
	c.Editor.invalid("thm", "")
	c.Editor.invalid("mf", "")
	if c.left == nil {
		c.left = map[string]*card.Card{}
	}
	c.left[before.AIVSS.Edition] = before
	if restore && sw.From != nil {
		c.note = "Switched back from " + sw.From.Name + " to " + ed.Name + ". The CVSS input is kept, and the factors, ThM and MF are as you left them in " + ed.Called
		if len(back.Findings()) > 0 {
			c.note += ", the findings' own too"
		}
		c.note += "."
		return
	}
	c.note = sw.Text()
}

// cloneThreats gives m threat lists of its own, so that an edit may change
// its threats in place (card.SwitchCard does) without writing into the
// card it was copied from.
func cloneThreats(m *maestro.Model) {
	for i := range m.Layers {
		m.Layers[i].Threats = slices.Clone(m.Layers[i].Threats)
	}
	m.CrossLayer = slices.Clone(m.CrossLayer)
}

// restoreEdition gives c, switched back to the edition of back, the
// factors, ThM and MF that back had, its own and those of each finding
// back has by the same id.
func restoreEdition(c, back *card.Card) {
	c.AIVSS.Factors, c.AIVSS.ThM, c.AIVSS.MF = back.AIVSS.Factors, back.AIVSS.ThM, back.AIVSS.MF
	left := map[string]maestro.Assessment{}
	for _, f := range back.Findings() {
		left[f.Threat.AIVSS.ID] = f.Threat.AIVSS
	}
	restore := func(ts []maestro.Threat) {
		for i := range ts {
			a := &ts[i].AIVSS
			if was, ok := left[a.ID]; ok && a.Scored() {
				a.Factors, a.ThM, a.MF = was.Factors, was.ThM, was.MF
			}
		}
	}
	for i := range c.MAESTRO.Layers {
		restore(c.MAESTRO.Layers[i].Threats)
	}
	restore(c.MAESTRO.CrossLayer)
}

// inputs returns the card's AIVSS inputs as they are now (see editor).
func (p *Page) inputs() card.Inputs {
	if p.card == nil {
		return card.Inputs{}
	}
	return p.card.AIVSS
}

// owner is "card": the calculator edits the card's own inputs (see editor).
func (p *Page) owner() string { return "card" }

// invalid records what the result says of a calculator field holding text
// the card did not take, or with msg "" that it holds none (see editor).
// The map is replaced, never changed: the calculator compares it with the
// one it drew.
func (p *Page) invalid(field, msg string) {
	p.invalidFields = withInvalid(p.invalidFields, field, msg)
}

// withInvalid returns fields with field's message set to msg, or removed
// for msg "": a new map when anything changes, never fields changed in
// place, so that a component can tell it from the one it drew; nil when
// no field is left.
func withInvalid(fields map[string]string, field, msg string) map[string]string {
	if fields[field] == msg {
		return fields
	}
	next := make(map[string]string, len(fields)+1)
	for k, v := range fields {
		if k != field {
			next[k] = v
		}
	}
	if msg != "" {
		next[field] = msg
	}
	if len(next) == 0 {
		return nil
	}
	return next
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
