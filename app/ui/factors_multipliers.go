package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// Multipliers sets the threat multiplier (ThM) and the mitigation factor
// (MF): a choice among the edition's labelled values, or a number in the
// card edition. v0.5 has no MF, so its field is left out.
type Multipliers struct {
	app.Compo

	Editor  editor
	Edition string
	ThM, MF decimal.Optional
}

func (c *Multipliers) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing ThM and MF")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	mf := app.UI(textEl("p", ed.Name+" has no mitigation factor (MF).", "id", "mf-none", "class", "tc-hint"))
	if ed.HasMF {
		mf = &scaleInput{Editor: c.Editor, Edition: ed.ID, Which: "mf", Value: c.MF}
	}
	return el("fieldset", "id", "multipliers", "class", "tc-multipliers").Body(
		textEl("legend", "Threat and mitigation"),
		&scaleInput{Editor: c.Editor, Edition: ed.ID, Which: "thm", Value: c.ThM},
		mf,
	)
}

// scaleInput is the field of ThM or MF: a select of the edition's
// labelled choices, or a number field for a continuous scale.
type scaleInput struct {
	app.Compo

	Editor  editor
	Edition string
	Which   string // "thm" or "mf", which is also the field's id
	Value   decimal.Optional

	numberField
}

// OnUpdate shows the card's value again when it changed from elsewhere.
func (c *scaleInput) OnUpdate(ctx app.Context) {
	c.follow(c.Value)
	if ed, err := aivss.Lookup(c.Edition); err == nil {
		if s, _ := c.scale(ed); s.Choices == nil {
			syncControls(ctx, map[string]string{c.Which: c.shown()}, nil)
		}
	}
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

func (c *scaleInput) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing "+c.Which)
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	s, label := c.scale(ed)
	id := c.Which
	class := "tc-field"
	if !c.Value.Set {
		class += " tc-unset"
	}
	var field app.UI
	if s.Choices != nil {
		options := make([]app.UI, 0, len(s.Choices)+1)
		if !c.Value.Set {
			options = append(options, option(unsetOption, "Not set", true))
		}
		for _, ch := range s.Choices {
			options = append(options, option(ch.Value.Format(2), ch.Value.Format(2)+" "+ch.Label, c.Value.Set && c.Value.Value == ch.Value))
		}
		field = el("select", "id", id, "aria-describedby", id+"-error").OnChange(c.onChoose).Body(options...)
	} else {
		in := decimalField(id, c.shown(), "not set").Aria("describedby", id+"-hint "+id+"-error").
			OnInput(c.onText).
			OnChange(c.onTextDone)
		if c.msg != "" {
			in = in.Aria("invalid", "true")
		}
		field = el("div", "class", "tc-number").Body(
			in,
			textEl("span", s.Values(), "id", id+"-hint", "class", "tc-hint"),
		)
	}
	return el("div", "class", class).Body(
		el("label", "for", id).Body(
			app.Text(label),
			app.If(!c.Value.Set, func() app.UI { return textEl("span", "not set", "class", "tc-unset-mark") }),
		),
		field,
		fieldError(id+"-error", c.msg),
	)
}

func (c *scaleInput) onChoose(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.Which)
	v := ctx.JSSrc().Get("value").String()
	if v == unsetOption {
		v = ""
	}
	c.msg = c.set(ctx, v)
}

// unsetOption is the value of the "Not set" choice. It cannot be "":
// go-app drops an empty value attribute, and an option without one takes
// its text, "Not set", as its value.
const unsetOption = "unset"

func (c *scaleInput) onText(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.Which)
	c.typed(ctx, ctx.JSSrc().Get("value").String(), false)
}

func (c *scaleInput) onTextDone(ctx app.Context, e app.Event) {
	defer c.Editor.catch("setting " + c.Which)
	c.typed(ctx, ctx.JSSrc().Get("value").String(), true)
}

// typed reads the number field, as factorSlider.typed does.
func (c *scaleInput) typed(ctx app.Context, s string, done bool) {
	c.take(s, done, func(s string) string { return c.set(ctx, s) })
}

// set gives the field the value text ("" unsets it); it returns why the
// value was not taken, or "".
func (c *scaleInput) set(ctx app.Context, text string) string {
	v, msg := parseTyped(text, "0.97")
	if msg != "" {
		return msg
	}
	if v == c.Value {
		return ""
	}
	edition, which := c.Edition, c.Which
	err := c.Editor.edit(ctx, func(cd *card.Card) {
		if cd.AIVSS.Edition != edition {
			return
		}
		if which == "mf" {
			cd.AIVSS.MF = v
		} else {
			cd.AIVSS.ThM = v
		}
	})
	if err != nil {
		return refusedMsg(err)
	}
	return ""
}
