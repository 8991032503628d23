package ui

import (
	"errors"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// Multipliers sets the threat multiplier (ThM) and the mitigation factor
// (MF): a choice among the edition's labelled values, or a number in the
// card edition. v0.5 has no MF, so its field is left out. A finding's
// (Inherit) leave an unset one to the card: the choice "As the card", or
// an empty field.
type Multipliers struct {
	app.Compo

	Editor     editor
	Prefix     string // starts every element id: a finding's editor has its own ("" for the card's)
	Edition    string
	ThM, MF    decimal.Optional
	ThMInvalid bool        // the ThM field holds text the card did not take
	MFInvalid  bool        // the MF field does
	Vector     thmByVector // what the card's CVSS vector does to ThM

	Inherit               bool             // a finding's: unset is the card's …
	ProfileThM, ProfileMF decimal.Optional // … which are these
}

func (c *Multipliers) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing ThM and MF")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	mf := app.UI(textEl("p", ed.Name+" has no mitigation factor (MF).", "id", c.Prefix+"mf-none", "class", "tc-hint"))
	if ed.HasMF {
		mf = &scaleInput{Editor: c.Editor, Prefix: c.Prefix, Edition: ed.ID, Which: "mf", Value: c.MF, Invalid: c.MFInvalid,
			Inherit: c.Inherit, Profile: c.ProfileMF}
	}
	return el("fieldset", "id", c.Prefix+"multipliers", "class", "tc-multipliers").Body(
		textEl("legend", "Threat and mitigation"),
		&scaleInput{Editor: c.Editor, Prefix: c.Prefix, Edition: ed.ID, Which: "thm", Value: c.ThM, Invalid: c.ThMInvalid, Vector: c.Vector,
			Inherit: c.Inherit, Profile: c.ProfileThM},
		mf,
	)
}

// thmByVector is what a card's CVSS vector does to its ThM. Where the
// edition's ThM levels are CVSS's Exploit Maturity (v0.8, v0.5), a vector
// with E:A, E:P or E:U sets ThM, which the field then shows, not to be
// edited; a ThM of the card's own that contradicts it is the card's error.
// Elsewhere (the card edition) E is shown with the vector but not applied.
type thmByVector struct {
	sets  decimal.Optional // the ThM the vector sets
	note  string           // says that the vector sets it, or that E is not applied
	err   string           // the card's ThM contradicts the vector's E: the evaluation's error
	leave string           // then, the choice that leaves ThM to the vector
}

// vectorThM says what the CVSS vector of the card evaluated as ev does to
// its ThM in edition ed.
func vectorThM(ed *aivss.Edition, ev *card.Evaluation) thmByVector {
	if ev.Vector == nil || ev.Vector.ExploitMaturity() == "X" {
		return thmByVector{}
	}
	em := ev.Vector.ExploitMaturity()
	ch, ok := ed.ThMOfExploitMaturity(em)
	if !ok {
		return thmByVector{note: "The vector's Exploit Maturity E:" + em + " (" + exploitMaturityName(em) +
			") is shown with the vector but not applied: in " + ed.Called + " ThM is a number of its own."}
	}
	if _, conflict := errors.AsType[*aivss.ThMConflictError](ev.Err); conflict {
		return thmByVector{err: capitalSentence(ev.Err.Error()), leave: "Leave it to the vector: " + ch.Value.Format(2) + " " + ch.Label}
	}
	return thmByVector{sets: decimal.Some(ch.Value),
		note: "Set by the vector's Exploit Maturity E:" + em + " (" + ch.Label + "): " + ch.Value.Format(2)}
}

// exploitMaturityName is the name of a CVSS Exploit Maturity value: "A" is
// "Attacked".
func exploitMaturityName(em string) string {
	for _, m := range cvssMetrics() {
		if m.Abbrev == "E" {
			return valueName(m, em)
		}
	}
	return em
}

// capitalSentence makes a clause a sentence: a capital first letter, a full
// stop.
func capitalSentence(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + strings.TrimSuffix(s[1:], ".") + "."
}

// scaleInput is the field of ThM or MF: a select of the edition's
// labelled choices, or a number field for a continuous scale.
type scaleInput struct {
	app.Compo

	Editor  editor
	Prefix  string // before the field's id
	Edition string
	Which   string // "thm" or "mf", which is also the field's id after Prefix
	Value   decimal.Optional
	Invalid bool             // the page knows the number field holds text the card did not take
	Vector  thmByVector      // for ThM: what the card's CVSS vector does to it
	Inherit bool             // a finding's: unset is the card's …
	Profile decimal.Optional // … which is this

	numberField
}

// id is the field's element id.
func (c *scaleInput) id() string { return c.Prefix + c.Which }

// OnUpdate shows the card's value again when it changed from elsewhere.
//
// A select is set too: go-app matches options by position, so when the
// choices drawn change (the vector's "Leave it to the vector" goes once it
// is taken) the option the browser had selected may now be another value
// ("1.00 Attacked" in place of the 0.50 the vector sets).
func (c *scaleInput) OnUpdate(ctx app.Context) {
	c.follow(c.Value, c.Invalid)
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return
	}
	if s, _ := c.scale(ed); s.Choices == nil {
		syncControls(ctx, map[string]string{c.id(): c.shown()}, nil)
		return
	}
	v, want := c.Value, unsetOption
	if c.Vector.sets.Set {
		v = c.Vector.sets
	}
	if v.Set {
		want = v.Value.Format(2)
	}
	syncControls(ctx, map[string]string{c.id(): want}, nil)
}

// shown is what the number field shows: what was typed, or the card's.
func (c *scaleInput) shown() string { return c.shownFor(c.Value, 2) }

// scale returns the edition's scale for this field and its label.
func (c *scaleInput) scale(ed *aivss.Edition) (*aivss.Scale, string) {
	if c.Which == "mf" {
		return &ed.MF, "Mitigation factor (MF)"
	}
	return &ed.ThM, "Threat multiplier (ThM)"
}

// spec describes the number field.
func (c *scaleInput) spec() numberSpec {
	name := "the threat multiplier (ThM)"
	if c.Which == "mf" {
		name = "the mitigation factor (MF)"
	}
	return numberSpec{id: c.id(), name: name, example: "0.97", places: 2}
}

func (c *scaleInput) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing "+c.spec().name)
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	s, label := c.scale(ed)
	id := c.id()
	value, msg := c.Value, c.msg
	fromVector := c.Vector.sets.Set
	if fromVector {
		value = c.Vector.sets
	}
	if c.Vector.err != "" {
		msg = c.Vector.err
	}
	class := "tc-field"
	if !value.Set {
		class += " tc-unset"
	}
	describedBy := id + "-error"
	if c.Vector.note != "" {
		describedBy = id + "-source " + describedBy
	}
	var field app.UI
	if s.Choices != nil {
		options := make([]app.UI, 0, len(s.Choices)+1)
		switch {
		case c.Vector.leave != "":
			options = append(options, option(unsetOption, c.Vector.leave, !value.Set))
		case c.Inherit && !fromVector:
			options = append(options, option(unsetOption, "As the card: "+c.inherited(s), !value.Set))
		case !value.Set:
			options = append(options, option(unsetOption, "Not set", true))
		}
		for _, ch := range s.Choices {
			options = append(options, option(ch.Value.Format(2), ch.Value.Format(2)+" "+ch.Label, value.Set && value.Value == ch.Value))
		}
		sel := el("select", "id", id, "aria-describedby", describedBy)
		if fromVector {
			sel = sel.Attr("disabled", "true") // the vector's E sets it; the note says so
		} else if app.IsClient {
			sel = sel.Attr("disabled", "false")
		}
		field = sel.OnChange(c.onChoose).Body(options...)
	} else {
		placeholder, hint := "not set", s.Values()
		if c.Inherit {
			placeholder = "not set" // the card's, as the mark says
			if c.Profile.Set {
				placeholder = c.Profile.Value.Format(2)
			}
			hint += "; empty: the card's"
		}
		in := decimalField(id, c.shown(), placeholder).Aria("describedby", id+"-hint "+describedBy).
			OnInput(c.onText).
			OnChange(c.onTextDone)
		if c.msg != "" {
			in = in.Aria("invalid", "true")
		}
		field = el("div", "class", "tc-number").Body(
			in,
			textEl("span", hint, "id", id+"-hint", "class", "tc-hint"),
			app.If(c.Inherit && c.Value.Set, func() app.UI {
				return el("button", "id", id+"-inherit", "class", "tc-inherit", "type", "button",
					"aria-label", "Use the card's "+c.short()).OnClick(c.onInherit).Text("Use the card's")
			}),
		)
	}
	mark := "not set"
	if c.Inherit {
		mark = "inherits " + c.inherited(s) + " from the card"
	}
	return el("div", "class", class).Body(
		el("label", "for", id).Body(
			app.Text(label),
			app.If(c.Inherit && c.Value.Set, func() app.UI {
				return el("span").Body(app.Text(" "), textEl("span", "overridden", "class", "tc-tag"))
			}),
			app.If(!value.Set, func() app.UI { return el("span").Body(app.Text(" "), textEl("span", mark, "class", "tc-unset-mark")) }),
		),
		field,
		app.If(c.Vector.note != "", func() app.UI {
			return textEl("p", c.Vector.note, "id", id+"-source", "class", "tc-hint tc-thm-source")
		}),
		fieldError(id+"-error", msg),
		&definitionsDisclosure{ID: id + "-defs", Kind: c.Which, Edition: c.Edition, Name: c.defsName()},
	)
}

// defsName is the field's name after "What do the levels mean?".
func (c *scaleInput) defsName() string {
	if c.Which == "mf" {
		return "Mitigation factor (MF)"
	}
	return "Threat multiplier (ThM)"
}

// inherited is the card's value, which a finding's unset ThM or MF is:
// "0.97 (Proof-of-Concept)", or "not set".
func (c *scaleInput) inherited(s *aivss.Scale) string {
	if !c.Profile.Set {
		return "not set"
	}
	return s.Describe(c.Profile.Value, 2)
}

// short is the field's short name: "ThM", "MF".
func (c *scaleInput) short() string {
	if c.Which == "mf" {
		return "MF"
	}
	return "ThM"
}

// onInherit gives a finding's own value back to the card.
func (c *scaleInput) onInherit(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.spec().name)
	c.clear(c.Editor, c.id())
	if err := c.apply(ctx, decimal.Optional{}); err != nil {
		c.msg = refusedMsg(err)
	}
}

func (c *scaleInput) onChoose(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.spec().name)
	c.choose(ctx, ctx.JSSrc().Get("value").String())
}

// choose takes the value of the select's option.
func (c *scaleInput) choose(ctx app.Context, value string) {
	v := decimal.Optional{}
	if value != unsetOption {
		d, err := decimal.Parse(value)
		if err != nil {
			c.msg = "Not accepted: " + err.Error() + "."
			return
		}
		v = decimal.Some(d)
	}
	c.msg = ""
	if err := c.apply(ctx, v); err != nil {
		c.msg = refusedMsg(err)
	}
}

// unsetOption is the value of the "Not set" choice. It cannot be "":
// go-app drops an empty value attribute, and an option without one takes
// its text, "Not set", as its value.
const unsetOption = "unset"

func (c *scaleInput) onText(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.spec().name)
	c.typed(ctx, ctx.JSSrc().Get("value").String(), false)
}

func (c *scaleInput) onTextDone(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.spec().name)
	c.typed(ctx, ctx.JSSrc().Get("value").String(), true)
}

// typed reads the number field (see numberField): with done, the field
// was left.
func (c *scaleInput) typed(ctx app.Context, s string, done bool) {
	in := c.Editor.inputs()
	if in.Edition != c.Edition {
		return // drawn for the edition before
	}
	c.key(c.Editor, c.spec(), c.current(in), s, done, func(v decimal.Optional) error { return c.apply(ctx, v) })
}

// current is the field's value in the inputs in.
func (c *scaleInput) current(in card.Inputs) decimal.Optional {
	if c.Which == "mf" {
		return in.MF
	}
	return in.ThM
}

// apply gives the field the value v, unless the card has it already; it
// returns the page's refusal.
func (c *scaleInput) apply(ctx app.Context, v decimal.Optional) error {
	in := c.Editor.inputs()
	if in.Edition != c.Edition || v == c.current(in) {
		return nil
	}
	which := c.Which
	return c.Editor.edit(ctx, func(cd *card.Card) {
		if which == "mf" {
			cd.AIVSS.MF = v
		} else {
			cd.AIVSS.ThM = v
		}
	})
}
