package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// FactorsPanel sets the ten agentic risk factors of the card's edition: a
// three-way choice each in v0.8 and v0.5 (the labels are the edition's), a
// slider with a number field (0.00 to 1.00) each in the card edition. Each
// factor is its own component, redrawn only when its value changes.
type FactorsPanel struct {
	app.Compo

	Editor  editor
	Edition string                            // an edition id (aivss.Lookup)
	Factors [card.NumFactors]decimal.Optional // in the edition's order
	Invalid [card.NumFactors]bool             // the factor's number field holds text the card did not take
}

func (c *FactorsPanel) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the factors")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	set := 0
	for _, f := range c.Factors {
		if f.Set {
			set++
		}
	}
	hint := "Each factor is "
	if ed.Levels.Choices != nil {
		parts := make([]string, len(ed.Levels.Choices))
		for i, ch := range ed.Levels.Choices {
			parts[i] = ch.Label + " (" + ch.Value.Format(0) + ")"
		}
		hint += strings.Join(parts, ", ") + "."
	} else {
		hint += "a number from " + ed.Levels.Min.Format(2) + " to " + ed.Levels.Max.Format(2) + "."
	}
	hint += " " + strconv.Itoa(set) + " of 10 set."
	items := make([]app.UI, card.NumFactors)
	for i, f := range ed.Factors {
		if ed.Levels.Choices != nil {
			items[i] = &factorChoice{Panel: c, Edition: ed.ID, Index: i, ID: f.ID, Name: f.Name, Value: c.Factors[i]}
		} else {
			items[i] = &factorSlider{Panel: c, Edition: ed.ID, Index: i, ID: f.ID, Name: f.Name, Value: c.Factors[i], Invalid: c.Invalid[i]}
		}
	}
	return el("fieldset", "id", "factors", "class", "tc-factors", "aria-describedby", "factors-hint").Body(
		textEl("legend", "Agentic risk factors"),
		textEl("p", hint, "id", "factors-hint", "class", "tc-hint"),
		el("div", "class", "tc-factor-list").Body(items...),
	)
}

// set gives factor i of edition the value text, a button's value; it
// returns why it was not taken, or "".
func (c *FactorsPanel) set(ctx app.Context, edition string, i int, text string) string {
	d, err := decimal.Parse(text)
	if err != nil {
		return "Not accepted: " + err.Error() + "."
	}
	if err := c.apply(ctx, edition, i, decimal.Some(d)); err != nil {
		return refusedMsg(err)
	}
	return ""
}

// apply gives factor i of edition the value v, unless the card has it
// already; it returns the page's refusal. The edition is checked so that
// a click from a factor drawn for another edition does nothing.
func (c *FactorsPanel) apply(ctx app.Context, edition string, i int, v decimal.Optional) error {
	in := c.Editor.inputs()
	if edition != in.Edition || i < 0 || i >= card.NumFactors || v == in.Factors[i] {
		return nil
	}
	return c.Editor.edit(ctx, func(cd *card.Card) {
		if cd.AIVSS.Edition == edition {
			cd.AIVSS.Factors[i] = v
		}
	})
}

// factorChoice is one factor as a three-way choice.
type factorChoice struct {
	app.Compo

	Panel   *FactorsPanel
	Edition string
	Index   int
	ID      string // the factor's id: "tools"
	Name    string // its name in the edition
	Value   decimal.Optional

	msg string
}

// OnUpdate makes the buttons show the new value (see syncControls): the
// buttons of another edition's factor may have stood here.
func (c *factorChoice) OnUpdate(ctx app.Context) {
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return
	}
	checked := make(map[string]bool, len(ed.Levels.Choices))
	for k, ch := range ed.Levels.Choices {
		checked["factor-"+c.ID+"-"+strconv.Itoa(k)] = c.Value.Set && c.Value.Value == ch.Value
	}
	syncControls(ctx, nil, checked)
}

func (c *factorChoice) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing a factor")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	choices := make([]choice, len(ed.Levels.Choices))
	for k, ch := range ed.Levels.Choices {
		v := ch.Value.Format(0)
		choices[k] = choice{id: strconv.Itoa(k), value: v, words: ch.Label, short: v}
	}
	g := choiceGroup{name: "factor-" + c.ID, class: "tc-factor", title: c.Name, msg: c.msg}
	if c.Value.Set {
		g.checked = c.Value.Value.Format(0)
	}
	return g.render(choices, c.onChange)
}

func (c *factorChoice) onChange(ctx app.Context, e app.Event) {
	defer c.Panel.Editor.catch("setting a factor")
	c.msg = c.Panel.set(ctx, c.Edition, c.Index, ctx.JSSrc().Get("value").String())
}

// factorSlider is one factor as a slider and a number field that follow
// each other.
type factorSlider struct {
	app.Compo

	Panel   *FactorsPanel
	Edition string
	Index   int
	ID      string
	Name    string
	Value   decimal.Optional
	Invalid bool // the page knows the field holds text the card did not take

	numberField
}

// OnUpdate shows the card's value again when it changed from elsewhere.
func (c *factorSlider) OnUpdate(ctx app.Context) {
	c.follow(c.Value, c.Invalid)
	syncControls(ctx, map[string]string{c.spec().id: c.shown()}, nil)
}

// spec describes the number field.
func (c *factorSlider) spec() numberSpec {
	return numberSpec{id: factorFieldID(c.ID), name: c.Name, example: "0.25", places: 2}
}

// shown is what the number field shows: what was typed, or the card's.
func (c *factorSlider) shown() string { return c.shownFor(c.Value, 2) }

func (c *factorSlider) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing a factor")
	id := c.spec().id
	value, position, spoken := c.shown(), "0", "not set"
	if c.Value.Set {
		position, spoken = strconv.FormatInt(c.Value.Value.Hundredths(), 10), c.Value.Value.Format(2)
	}
	class := "tc-factor tc-factor-slider"
	if !c.Value.Set {
		class += " tc-unset"
	}
	field := decimalField(id, value, "not set").
		OnInput(c.onText).
		OnChange(c.onTextDone)
	if c.msg != "" {
		field = field.Aria("invalid", "true")
	}
	return el("div", "class", class).Body(
		el("label", "id", id+"-label", "for", id).Body(
			app.Text(c.Name),
			app.If(!c.Value.Set, func() app.UI { return textEl("span", "not set", "class", "tc-unset-mark") }),
		),
		voidEl("input", "type", "range", "id", id+"-range", "class", "tc-slider", "min", "0",
			"max", "100", "step", "1", "value", position, "aria-labelledby", id+"-label",
			"aria-valuetext", spoken).OnInput(c.onSlide),
		field,
		fieldError(id+"-error", c.msg),
	)
}

func (c *factorSlider) onSlide(ctx app.Context, e app.Event) {
	defer c.Panel.Editor.catch("setting a factor")
	c.slide(ctx, ctx.JSSrc().Get("value").String())
}

// slide reads the slider, in hundredths. It ends an edit of the number
// field: the field shows the slider's value.
func (c *factorSlider) slide(ctx app.Context, position string) {
	n, err := strconv.Atoi(position)
	if err != nil || n < 0 || n > 100 {
		return
	}
	c.clear(c.Panel.Editor, c.spec().id)
	if err := c.Panel.apply(ctx, c.Edition, c.Index, decimal.Some(decimal.FromHundredths(int64(n)))); err != nil {
		c.msg = refusedMsg(err)
	}
}

func (c *factorSlider) onText(ctx app.Context, e app.Event) {
	defer c.Panel.Editor.catch("setting a factor")
	c.typed(ctx, ctx.JSSrc().Get("value").String(), false)
}

func (c *factorSlider) onTextDone(ctx app.Context, e app.Event) {
	defer c.Panel.Editor.catch("setting a factor")
	c.typed(ctx, ctx.JSSrc().Get("value").String(), true)
}

// typed reads the number field (see numberField): with done, the field
// was left.
func (c *factorSlider) typed(ctx app.Context, s string, done bool) {
	ed := c.Panel.Editor
	in := ed.inputs()
	if in.Edition != c.Edition {
		return // drawn for the edition before
	}
	c.key(ed, c.spec(), in.Factors[c.Index], s, done, func(v decimal.Optional) error {
		return c.Panel.apply(ctx, c.Edition, c.Index, v)
	})
}
