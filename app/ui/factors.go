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
//
// It sets a finding's factors too (Inherit): there a factor left unset is
// the card's, which the choice "As the card" (or an empty number field)
// shows and gives back, and Table 3's high-impact factors of the
// finding's category are marked in words.
type FactorsPanel struct {
	app.Compo

	Editor  editor
	Prefix  string                            // starts every element id and button name: a finding's editor has its own ("" for the card's)
	Edition string                            // an edition id (aivss.Lookup)
	Factors [card.NumFactors]decimal.Optional // in the edition's order: the card's, or a finding's own
	Invalid [card.NumFactors]bool             // the factor's number field holds text the card did not take

	Inherit bool                              // a finding's factors: an unset one is the card's
	Profile [card.NumFactors]decimal.Optional // then, the card's factors
	High    [card.NumFactors]bool             // then, the factors Table 3 marks high-impact for the finding's category …
	HighFor string                            // … which is this one ("Agent Cascading Failures"); "" for none
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
		hint += strings.Join(parts, ", ")
		if c.Inherit {
			hint += ", or “As the card”, which follows the card's value"
		}
		hint += "."
	} else {
		hint += "a number from " + ed.Levels.Min.Format(2) + " to " + ed.Levels.Max.Format(2) + "."
		if c.Inherit {
			hint += " An empty field is the card's."
		}
	}
	if c.Inherit {
		hint += " " + strconv.Itoa(set) + " of 10 overridden; " + inheritCount(card.NumFactors-set) + "."
	} else {
		hint += " " + strconv.Itoa(set) + " of 10 set."
	}
	items := make([]app.UI, card.NumFactors)
	var high []string
	for i, f := range ed.Factors {
		if c.High[i] {
			high = append(high, f.Name)
		}
		if ed.Levels.Choices != nil {
			items[i] = &factorChoice{Panel: c, Edition: ed.ID, Index: i, ID: f.ID, Name: f.Name, Value: c.Factors[i],
				Prefix: c.Prefix, Inherit: c.Inherit, Profile: c.Profile[i], High: c.High[i]}
		} else {
			items[i] = &factorSlider{Panel: c, Edition: ed.ID, Index: i, ID: f.ID, Name: f.Name, Value: c.Factors[i], Invalid: c.Invalid[i],
				Prefix: c.Prefix, Inherit: c.Inherit, Profile: c.Profile[i], High: c.High[i]}
		}
	}
	describedBy := c.Prefix + "factors-hint"
	var highNote app.UI
	if c.HighFor != "" && len(high) > 0 {
		describedBy += " " + c.Prefix + "factors-high"
		highNote = textEl("p", highImpactNote(c.HighFor, high), "id", c.Prefix+"factors-high", "class", "tc-hint tc-high-note")
	}
	return el("fieldset", "id", c.Prefix+"factors", "class", "tc-factors", "aria-describedby", describedBy).Body(
		textEl("legend", "Agentic risk factors"),
		textEl("p", hint, "id", c.Prefix+"factors-hint", "class", "tc-hint"),
		highNote,
		el("div", "class", "tc-factor-list").Body(items...),
	)
}

// inheritCount says how many of a finding's factors are the card's: "the
// other 7 inherit the card's", "all 10 inherit the card's".
func inheritCount(n int) string {
	switch n {
	case 0:
		return "none inherits the card's"
	case 1:
		return "the other one inherits the card's"
	case card.NumFactors:
		return "all 10 inherit the card's"
	}
	return "the other " + strconv.Itoa(n) + " inherit the card's"
}

// highImpactNote names the factors that OWASP AIVSS v0.8 Table 3 says
// amplify the category most.
func highImpactNote(category string, names []string) string {
	return "High impact for " + category + " (OWASP AIVSS v0.8, Table 3): " + strings.Join(names, ", ") +
		". Advisory: every factor counts the same in the sum."
}

// highImpactTag is the words a high-impact factor is marked with.
const highImpactTag = "high impact"

// inheritChoice is the value of a finding's factor choice "As the card";
// a factor's own values are numbers.
const inheritChoice = "card"

// set gives factor i of edition the value text, a button's value; it
// returns why it was not taken, or "".
func (c *FactorsPanel) set(ctx app.Context, edition string, i int, text string) string {
	if c.Inherit && text == inheritChoice {
		if err := c.apply(ctx, edition, i, decimal.Optional{}); err != nil {
			return refusedMsg(err)
		}
		return ""
	}
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

// factorChoice is one factor as a three-way choice; a finding's has a
// fourth, "As the card", chosen while it inherits the card's value.
type factorChoice struct {
	app.Compo

	Panel   *FactorsPanel
	Edition string
	Index   int
	ID      string // the factor's id: "tools"
	Name    string // its name in the edition
	Value   decimal.Optional
	Prefix  string           // before the ids, as the panel's
	Inherit bool             // a finding's factor: unset is the card's …
	Profile decimal.Optional // … which is this
	High    bool             // Table 3 marks it high-impact for the finding's category

	msg string
}

// name is the factor's group name, which starts its buttons' ids.
func (c *factorChoice) name() string { return c.Prefix + "factor-" + c.ID }

// OnUpdate makes the buttons show the new value (see syncControls): the
// buttons of another edition's factor may have stood here.
func (c *factorChoice) OnUpdate(ctx app.Context) {
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return
	}
	checked := make(map[string]bool, len(ed.Levels.Choices)+1)
	for k, ch := range ed.Levels.Choices {
		checked[c.name()+"-"+strconv.Itoa(k)] = c.Value.Set && c.Value.Value == ch.Value
	}
	if c.Inherit {
		checked[c.name()+"-"+inheritChoice] = !c.Value.Set
	}
	syncControls(ctx, nil, checked)
}

func (c *factorChoice) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing a factor")
	ed, err := aivss.Lookup(c.Edition)
	if err != nil {
		return textEl("p", err.Error(), "class", "tc-internal-error")
	}
	choices := make([]choice, 0, len(ed.Levels.Choices)+1)
	g := choiceGroup{name: c.name(), class: "tc-factor", title: c.Name, msg: c.msg,
		defs: factorDefs(c.name(), c.Edition, c.ID, c.Name)}
	if c.High {
		g.tags = append(g.tags, highImpactTag)
	}
	if c.Inherit {
		choices = append(choices, choice{id: inheritChoice, value: inheritChoice, words: "As the card", short: inheritedShort(c.Profile)})
		g.checked = inheritChoice
		if c.Value.Set {
			g.tags = append(g.tags, "overridden")
		}
	}
	for k, ch := range ed.Levels.Choices {
		v := ch.Value.Format(0)
		choices = append(choices, choice{id: strconv.Itoa(k), value: v, words: ch.Label, short: v})
	}
	if c.Value.Set {
		g.checked = c.Value.Value.Format(0)
	}
	return g.render(choices, c.onChange)
}

// factorDefs is the disclosure of what factor id of edition and its levels
// mean, under the factor drawn with the given id.
func factorDefs(id, edition, factor, name string) app.UI {
	return &definitionsDisclosure{ID: id + "-defs", Kind: defsFactor, Edition: edition, Key: factor, Name: name}
}

// inheritedShort is the card's value as a finding's choice "As the card"
// shows it: "0.5", or "not set".
func inheritedShort(v decimal.Optional) string {
	if !v.Set {
		return "not set"
	}
	return v.Value.Format(0)
}

func (c *factorChoice) onChange(ctx app.Context, e app.Event) {
	defer c.Panel.Editor.catch("setting a factor")
	c.msg = c.Panel.set(ctx, c.Edition, c.Index, ctx.JSSrc().Get("value").String())
}

// factorSlider is one factor as a slider and a number field that follow
// each other. A finding's leaves an empty field to the card, and has a
// button that gives an overridden factor back to the card.
type factorSlider struct {
	app.Compo

	Panel   *FactorsPanel
	Edition string
	Index   int
	ID      string
	Name    string
	Value   decimal.Optional
	Invalid bool             // the page knows the field holds text the card did not take
	Prefix  string           // before the ids, as the panel's
	Inherit bool             // a finding's factor: unset is the card's …
	Profile decimal.Optional // … which is this
	High    bool             // Table 3 marks it high-impact for the finding's category

	numberField
}

// OnUpdate shows the card's value again when it changed from elsewhere.
func (c *factorSlider) OnUpdate(ctx app.Context) {
	c.follow(c.Value, c.Invalid)
	syncControls(ctx, map[string]string{c.spec().id: c.shown()}, nil)
}

// spec describes the number field.
func (c *factorSlider) spec() numberSpec {
	return numberSpec{id: c.Prefix + factorFieldID(c.ID), name: c.Name, example: "0.25", places: 2}
}

// shown is what the number field shows: what was typed, or the card's.
func (c *factorSlider) shown() string { return c.shownFor(c.Value, 2) }

func (c *factorSlider) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing a factor")
	id := c.spec().id
	value, position, spoken := c.shown(), "0", "not set"
	placeholder, mark := "not set", "not set"
	if c.Inherit {
		placeholder, mark, spoken = "not set", "inherits from the card, which has none", "inherits from the card, which has none"
		if c.Profile.Set {
			v := c.Profile.Value.Format(2)
			position = strconv.FormatInt(c.Profile.Value.Hundredths(), 10)
			// The card's value, grey, in the empty field: the words are
			// the mark's (a field is too narrow for them).
			placeholder, mark, spoken = v, "inherits "+v+" from the card", "inherits "+v+" from the card"
		}
	}
	if c.Value.Set {
		position, spoken = strconv.FormatInt(c.Value.Value.Hundredths(), 10), c.Value.Value.Format(2)
	}
	class := "tc-factor tc-factor-slider"
	if !c.Value.Set {
		class += " tc-unset"
	}
	field := decimalField(id, value, placeholder).
		OnInput(c.onText).
		OnChange(c.onTextDone)
	if c.msg != "" {
		field = field.Aria("invalid", "true")
	}
	label := []app.UI{app.Text(c.Name)}
	if c.High {
		label = append(label, app.Text(" "), textEl("span", highImpactTag, "class", "tc-tag"))
	}
	if c.Inherit && c.Value.Set {
		label = append(label, app.Text(" "), textEl("span", "overridden", "class", "tc-tag"))
	}
	if !c.Value.Set {
		label = append(label, app.Text(" "), textEl("span", mark, "class", "tc-unset-mark"))
	}
	return el("div", "class", class).Body(
		el("label", "id", id+"-label", "for", id).Body(label...),
		voidEl("input", "type", "range", "id", id+"-range", "class", "tc-slider", "min", "0",
			"max", "100", "step", "1", "value", position, "aria-labelledby", id+"-label",
			"aria-valuetext", spoken).OnInput(c.onSlide),
		field,
		app.If(c.Inherit && c.Value.Set, func() app.UI {
			return el("button", "id", id+"-inherit", "class", "tc-inherit", "type", "button",
				"aria-label", "Use the card's "+c.Name).OnClick(c.onInherit).Text("Use the card's")
		}),
		fieldError(id+"-error", c.msg),
		factorDefs(id, c.Edition, c.ID, c.Name),
	)
}

// onInherit gives a finding's overridden factor back to the card.
func (c *factorSlider) onInherit(ctx app.Context, e app.Event) {
	defer c.Panel.Editor.catch("setting a factor")
	c.clear(c.Panel.Editor, c.spec().id)
	if err := c.Panel.apply(ctx, c.Edition, c.Index, decimal.Optional{}); err != nil {
		c.msg = refusedMsg(err)
	}
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
