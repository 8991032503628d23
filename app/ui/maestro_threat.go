package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// levelChoices and stateChoices are offered in this order.
var (
	levelChoices = []maestro.Level{maestro.Unrated, maestro.Low, maestro.Medium, maestro.High}
	stateChoices = []maestro.State{maestro.Open, maestro.Mitigated, maestro.Accepted}
)

// ThreatEditor is one threat of a section, as an item of its list: its
// name (fixed for a catalog threat, a text field for one written by hand),
// description, ASI code, likelihood and impact with the risk they give,
// mitigations, state, the layers it touches, and buttons to move it up or
// down and delete it.
type ThreatEditor struct {
	app.Compo

	Layer  maestro.Layer  // the section: 1…7, or 0 for Cross-Layer
	Index  int            // its place in the section's list
	Count  int            // threats in the section
	Threat maestro.Threat // the threat, as the card has it
	Editor *MaestroEditor // where edits go

	// For a finding (a threat with an AIVSS assessment): the finding,
	// evaluated, and the card's AIVSS inputs, which it inherits. Other
	// threats have neither, so that a change of the card's inputs redraws
	// only the findings.
	Finding threatFinding
	Profile card.Inputs

	message string // why the last edit was refused

	// The text fields' text, while the card does not take it.
	title, description, mitigations heldText
}

func (c *ThreatEditor) Render() app.UI {
	id := threatID(c.Layer, c.Index)
	t := &c.Threat
	name := threatName(t)
	g := c.Editor.guard

	var origin app.UI
	if t.CatalogID != "" {
		origin = textEl("p", catalogOrigin(t.CatalogID), "id", id+"-origin", "class", "tc-threat-origin")
	} else {
		origin = el("div", "class", "tc-field tc-threat-title").Body(
			textEl("label", "Title", "for", id+"-title"),
			voidEl("input", "id", id+"-title", "type", "text", "value", c.title.shown(t.Title),
				"aria-describedby", id+"-title-error", "aria-invalid", invalid(c.title.message())).
				OnInput(g("editing a threat's title", c.onTitle)),
			fieldError(id+"-title-error", c.title.message()),
		)
	}

	risk := t.Risk()
	riskWord := risk.String()
	if risk == maestro.RiskUnrated {
		riskWord = "not rated"
	}

	return el("li", "id", id, "class", "tc-threat", "tabindex", "-1", "aria-labelledby", id+"-name").Body(
		el("fieldset", "class", "tc-threat-fields").Body(
			textEl("legend", name, "id", id+"-name", "class", "tc-threat-name"),
			origin,
			c.textArea(id+"-description", "Description", &c.description, t.Description, card.MaxDescription, 2,
				g("editing a threat's description", c.onDescription)),
			el("div", "class", "tc-threat-ratings").Body(
				c.asiField(id+"-asi", t.ASI, g("setting a threat's ASI code", c.onASI)),
				c.selectField(id+"-likelihood", "Likelihood", levelOptions(t.Likelihood), g("setting a threat's likelihood", c.onLikelihood)),
				c.selectField(id+"-impact", "Impact", levelOptions(t.Impact), g("setting a threat's impact", c.onImpact)),
				el("div", "class", "tc-field tc-threat-risk").Body(
					textEl("label", "Risk", "for", id+"-risk"),
					textEl("output", riskWord, "id", id+"-risk", "for", id+"-likelihood "+id+"-impact",
						"class", "tc-risk tc-risk-"+strings.ReplaceAll(strings.ToLower(riskWord), " ", "-")),
				),
				c.selectField(id+"-state", "State", stateOptions(t.State), g("setting a threat's state", c.onState)),
			),
			c.textArea(id+"-mitigations", "Mitigations, one per line", &c.mitigations, t.Mitigations, card.MaxMitigations, 2,
				g("editing a threat's mitigations", c.onMitigations)),
			c.renderTouches(id),
			c.renderFinding(id),
			textEl("p", c.message, "id", id+"-message", "class", "tc-refusal", "role", "alert"),
			el("div", "class", "tc-threat-actions").Body(
				el("button", "id", id+"-up", "class", "tc-threat-up", "type", "button",
					"disabled", strconv.FormatBool(c.Index == 0), "aria-label", "Move "+name+" up").
					OnClick(g("moving a threat", c.onUp)).Text("Up"),
				el("button", "id", id+"-down", "class", "tc-threat-down", "type", "button",
					"disabled", strconv.FormatBool(c.Index >= c.Count-1), "aria-label", "Move "+name+" down").
					OnClick(g("moving a threat", c.onDown)).Text("Down"),
				el("button", "id", id+"-delete", "class", "tc-threat-delete", "type", "button",
					"aria-label", "Delete threat "+name).OnClick(g("deleting a threat", c.onDelete)).Text("Delete"),
			),
		),
	)
}

// renderFinding draws the threat's finding, or, for a threat without an
// AIVSS assessment, the button that makes it one.
func (c *ThreatEditor) renderFinding(id string) app.UI {
	if c.Threat.AIVSS.Scored() && c.Finding.Finding.Threat != nil {
		return &FindingEditor{Layer: c.Layer, Index: c.Index, Threat: c.Threat, Finding: c.Finding.Finding,
			Profile: c.Profile, Open: c.Finding.Open, Editor: c.Editor}
	}
	return el("div", "class", "tc-finding-none").Body(
		el("button", "id", id+"-score", "class", "tc-score-threat", "type", "button", "aria-describedby", id+"-score-about").
			OnClick(c.Editor.guard("scoring a threat with AIVSS", c.onScore)).Text("Score with AIVSS"),
		textEl("p", "Makes this threat a finding, scored on its own in the card's edition: it takes the card's "+
			"factors, ThM and MF until you override them, and a CVSS v4.0 input of its own.",
			"id", id+"-score-about", "class", "tc-hint"),
	)
}

// onScore makes the threat a finding: a new id, and the category its ASI
// code or its layer suggests (card.NewAssessment); its assessment opens,
// with the focus on the category.
func (c *ThreatEditor) onScore(ctx app.Context, e app.Event) {
	cur := c.Editor.card()
	if cur == nil || c.Threat.AIVSS.Scored() {
		return
	}
	a := cur.NewAssessment(&c.Threat, c.Layer)
	want := c.Threat
	if c.message = c.Editor.apply(ctx, editScoreThreat(c.Layer, c.Index, want, a)); c.message != "" {
		return
	}
	c.Editor.showFinding(a.ID, true)
	category := "no category"
	if a.Category.Valid() {
		category = "category " + a.Category.String()
	}
	c.Editor.announce(threatName(&c.Threat) + " is finding " + a.ID + " now, " + category +
		"; it takes the card's factors, ThM and MF until you override them.")
	c.Editor.focusAfterRender(findingPrefix(c.Layer, c.Index) + "category")
}

// catalogOrigin says where a catalog threat comes from and what it is.
func catalogOrigin(id string) string {
	ct, ok := maestro.LookupThreat(id)
	if !ok {
		return "Catalog id " + id + ", which this version of threatcard does not know."
	}
	where := maestro.CrossLayerName()
	if ct.Layer != 0 {
		where = ct.Layer.String()
	}
	return "From the MAESTRO catalog (" + where + "): " + ct.Description
}

// textArea is a multi-line text field of the threat: held is what it
// holds while the card does not take it, value the card's text.
func (c *ThreatEditor) textArea(id, label string, held *heldText, value string, max, rows int, h app.EventHandler) app.UI {
	shown := held.shown(value)
	return el("div", "class", "tc-field").Body(
		textEl("label", label, "for", id),
		el("textarea", "id", id, "rows", strconv.Itoa(rows), "aria-describedby", id+"-count "+id+"-error",
			"aria-invalid", invalid(held.message())).
			OnInput(h).Text(shown),
		textEl("p", textCount(shown, max), "id", id+"-count", "class", "tc-count"),
		fieldError(id+"-error", held.message()),
	)
}

func (c *ThreatEditor) selectField(id, label string, options []app.UI, h app.EventHandler) app.UI {
	return el("div", "class", "tc-field").Body(
		textEl("label", label, "for", id),
		el("select", "id", id).OnChange(h).Body(options...),
	)
}

// asiField is the menu of Agentic Top 10 entries. A menu shows its choice
// on one line and cuts what does not fit ("ASI04 Agentic Supply Chain
// Vulnerab"), and the longest entries do not fit a phone's width. So the
// choice is drawn as text that wraps, and the menu lies over it, unseen
// (web/threatcard.css): a click or tap anywhere on the text opens it, the
// keyboard and screen readers use it as any menu, and its focus ring is
// drawn around the text. The text is hidden from screen readers, which
// read the menu's own choice.
func (c *ThreatEditor) asiField(id string, selected maestro.ASI, h app.EventHandler) app.UI {
	return el("div", "class", "tc-field tc-threat-asi").Body(
		textEl("label", "OWASP Agentic Top 10", "for", id),
		el("div", "class", "tc-select-wrap").Body(
			textEl("span", asiLabel(selected), "id", id+"-shown", "class", "tc-select-shown", "aria-hidden", "true"),
			el("select", "id", id, "class", "tc-select-over").OnChange(h).Body(asiOptions(selected)...),
		),
	)
}

// asiLabel is an Agentic Top 10 entry as the menu words it: "ASI02 Tool
// Misuse & Exploitation", or "None".
func asiLabel(a maestro.ASI) string {
	if a == 0 {
		return "None"
	}
	return a.Code() + " " + a.Name()
}

// The menus' values for "none" and "not rated", which the model writes as
// "". An option needs a value that is not empty: go-app drops an empty
// value attribute, and the option's value would then be its text.
const (
	noASI   = "none"
	unrated = "unrated"
)

func asiValue(a maestro.ASI) string {
	if a == 0 {
		return noASI
	}
	return a.Code()
}

func parseASIValue(v string) (maestro.ASI, error) {
	if v == noASI {
		return 0, nil
	}
	if v == "" {
		return 0, &maestro.ValueError{Field: "asi", Value: v, Allowed: []string{"ASI01", "…", "ASI10", noASI}}
	}
	return maestro.ParseASI(v)
}

func levelValue(l maestro.Level) string {
	if l == maestro.Unrated {
		return unrated
	}
	return l.String()
}

func parseLevelValue(field, v string) (maestro.Level, error) {
	if v == unrated {
		return maestro.Unrated, nil
	}
	if v == "" {
		return 0, &maestro.ValueError{Field: field, Value: v, Allowed: []string{"Low", "Medium", "High", unrated}}
	}
	return maestro.ParseLevel(field, v)
}

func asiOptions(selected maestro.ASI) []app.UI {
	opts := make([]app.UI, 0, maestro.NumASI+1)
	for a := maestro.ASI(0); a <= maestro.NumASI; a++ {
		opts = append(opts, textEl("option", asiLabel(a),
			"value", asiValue(a), "selected", strconv.FormatBool(a == selected)))
	}
	return opts
}

func levelOptions(selected maestro.Level) []app.UI {
	opts := make([]app.UI, len(levelChoices))
	for i, l := range levelChoices {
		label := l.String()
		if l == maestro.Unrated {
			label = "Not rated"
		}
		opts[i] = textEl("option", label, "value", levelValue(l), "selected", strconv.FormatBool(l == selected))
	}
	return opts
}

func stateOptions(selected maestro.State) []app.UI {
	opts := make([]app.UI, len(stateChoices))
	for i, s := range stateChoices {
		opts[i] = textEl("option", s.String(), "value", s.String(), "selected", strconv.FormatBool(s == selected))
	}
	return opts
}

// renderTouches draws a checkbox per layer for the layers the threat
// touches. Under a layer, that layer's box is ticked and fixed: ticking a
// second one makes it a cross-layer threat.
func (c *ThreatEditor) renderTouches(id string) app.UI {
	boxes := make([]app.UI, 0, maestro.NumLayers)
	for _, l := range maestro.Layers() {
		own, on := l == c.Layer, c.touches(l)
		box := id + "-touches-" + strconv.Itoa(int(l))
		boxes = append(boxes, el("div", "class", "tc-touch").Body(
			voidEl("input", "id", box, "type", "checkbox", "value", strconv.Itoa(int(l)),
				"checked", strconv.FormatBool(on), "disabled", strconv.FormatBool(own)).
				OnChange(c.Editor.guard("changing the layers a threat touches", c.onTouch)),
			textEl("label", l.String(), "for", box),
		))
	}
	hint := "Tick another layer to make this a cross-layer threat."
	if c.Layer == 0 {
		hint = "None ticked means not named; with one left, the threat moves under that layer."
	}
	return el("fieldset", "class", "tc-threat-touches", "aria-describedby", id+"-touches-hint").Body(
		textEl("legend", "Layers it touches"),
		el("div", "class", "tc-touch-boxes").Body(boxes...),
		textEl("p", hint, "id", id+"-touches-hint", "class", "tc-hint"),
	)
}

// touches reports whether the threat touches layer l: the layer it sits
// under, or one its Layers list.
func (c *ThreatEditor) touches(l maestro.Layer) bool {
	if c.Layer != 0 {
		return l == c.Layer
	}
	return slices.Contains(c.Threat.Layers, l)
}

// OnUpdate brings the form controls in line with the threat now drawn
// here. go-app sets a control only when the value it drew changes, and it
// does not set an empty one (it removes the value attribute, which leaves
// what a text field shows): after a threat is deleted or moved, the
// controls at its place would show the old threat's text and ticks.
func (c *ThreatEditor) OnUpdate(ctx app.Context) {
	c.title.follow(c.Threat.Title)
	c.description.follow(c.Threat.Description)
	c.mitigations.follow(c.Threat.Mitigations)
	ctx.Defer(c.syncControls)
}

func (c *ThreatEditor) syncControls(ctx app.Context) {
	id := threatID(c.Layer, c.Index)
	t := &c.Threat
	values := map[string]string{
		"-description": c.description.shown(t.Description),
		"-mitigations": c.mitigations.shown(t.Mitigations),
		"-asi":         asiValue(t.ASI),
		"-likelihood":  levelValue(t.Likelihood),
		"-impact":      levelValue(t.Impact),
		"-state":       t.State.String(),
	}
	if t.CatalogID == "" {
		values["-title"] = c.title.shown(t.Title)
	}
	for suffix, want := range values {
		syncValue(id+suffix, want)
	}
	for _, l := range maestro.Layers() {
		syncChecked(id+"-touches-"+strconv.Itoa(int(l)), c.touches(l))
	}
}

// change applies a change of this threat's fields made in the control el;
// refused, the control shows the card's value again.
func (c *ThreatEditor) change(ctx app.Context, el app.Value, set func(t *maestro.Threat), current func() string) {
	c.message = c.Editor.apply(ctx, editThreat(c.Layer, c.Index, set))
	if c.message != "" {
		el.Set("value", current())
	}
	c.Editor.resyncValue(el, current)
}

// changeText applies a change of one of the threat's text fields, typed
// in the control el: text the card does not take stays in the field as
// typed, held, with the message under it, and the card keeps its text.
func (c *ThreatEditor) changeText(ctx app.Context, el app.Value, held *heldText, what string, limit int,
	set func(t *maestro.Threat, v string), current func() string) {
	v := el.Get("value").String()
	msg := c.Editor.applyText(ctx, editThreat(c.Layer, c.Index, func(t *maestro.Threat) { set(t, v) }), v, limit, what)
	if msg != "" {
		held.hold(v, current(), msg)
		return
	}
	held.release()
	c.Editor.resyncValue(el, current)
}

func (c *ThreatEditor) onTitle(ctx app.Context, e app.Event) {
	c.changeText(ctx, ctx.JSSrc(), &c.title, "title", card.MaxTitle,
		func(t *maestro.Threat, v string) { t.Title = v }, func() string { return c.Threat.Title })
}

func (c *ThreatEditor) onDescription(ctx app.Context, e app.Event) {
	c.changeText(ctx, ctx.JSSrc(), &c.description, "description", card.MaxDescription,
		func(t *maestro.Threat, v string) { t.Description = v }, func() string { return c.Threat.Description })
}

func (c *ThreatEditor) onMitigations(ctx app.Context, e app.Event) {
	c.changeText(ctx, ctx.JSSrc(), &c.mitigations, "mitigations", card.MaxMitigations,
		func(t *maestro.Threat, v string) { t.Mitigations = v }, func() string { return c.Threat.Mitigations })
}

func (c *ThreatEditor) onASI(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	current := func() string { return asiValue(c.Threat.ASI) }
	a, err := parseASIValue(el.Get("value").String())
	if err != nil {
		el.Set("value", current())
		return
	}
	c.change(ctx, el, func(t *maestro.Threat) { t.ASI = a }, current)
}

func (c *ThreatEditor) onLikelihood(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	current := func() string { return levelValue(c.Threat.Likelihood) }
	l, err := parseLevelValue("likelihood", el.Get("value").String())
	if err != nil {
		el.Set("value", current())
		return
	}
	c.change(ctx, el, func(t *maestro.Threat) { t.Likelihood = l }, current)
}

func (c *ThreatEditor) onImpact(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	current := func() string { return levelValue(c.Threat.Impact) }
	l, err := parseLevelValue("impact", el.Get("value").String())
	if err != nil {
		el.Set("value", current())
		return
	}
	c.change(ctx, el, func(t *maestro.Threat) { t.Impact = l }, current)
}

func (c *ThreatEditor) onState(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	current := func() string { return c.Threat.State.String() }
	s, err := maestro.ParseState(el.Get("value").String())
	if err != nil {
		el.Set("value", current())
		return
	}
	c.change(ctx, el, func(t *maestro.Threat) { t.State = s }, current)
}

func (c *ThreatEditor) onTouch(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	n, _ := strconv.Atoi(el.Get("value").String())
	l, on := maestro.Layer(n), el.Get("checked").Bool()
	current := func() bool { return c.touches(l) }
	defer c.Editor.resyncChecked(el, current)
	dest, layers, ok := retouch(c.Layer, c.Threat.Layers, l, on)
	if !ok {
		el.Set("checked", current())
		return
	}
	destIndex := len(c.Editor.threats(dest))
	name := threatName(&c.Threat)
	if c.message = c.Editor.apply(ctx, editTouches(c.Layer, c.Index, l, on, c.Threat)); c.message != "" {
		el.Set("checked", current())
		return
	}
	switch {
	case dest == c.Layer:
		return
	case dest == 0:
		c.Editor.announce(name + " touches " + layerList(layers) + ": moved to Cross-Layer.")
		c.Editor.focusAfterRender(threatID(0, destIndex) + "-touches-" + strconv.Itoa(int(l)))
	default:
		c.Editor.announce(name + " touches only " + dest.Code() + ": moved to " + dest.String() + ".")
		c.Editor.focusAfterRender(threatID(dest, destIndex))
	}
}

func (c *ThreatEditor) onUp(ctx app.Context, e app.Event)   { c.move(ctx, c.Index-1) }
func (c *ThreatEditor) onDown(ctx app.Context, e app.Event) { c.move(ctx, c.Index+1) }

// move swaps the threat with its neighbour at to; the focus follows it.
func (c *ThreatEditor) move(ctx app.Context, to int) {
	if to < 0 || to >= c.Count {
		return
	}
	name := threatName(&c.Threat)
	if c.message = c.Editor.apply(ctx, editMoveThreat(c.Layer, c.Index, to, c.Threat)); c.message != "" {
		return
	}
	button := "-up"
	if to > c.Index && to < c.Count-1 || to < c.Index && to == 0 {
		button = "-down"
	}
	c.Editor.announce("Moved " + name + " to place " + strconv.Itoa(to+1) + " of " + strconv.Itoa(c.Count) + ".")
	c.Editor.focusAfterRender(threatID(c.Layer, to) + button)
}

func (c *ThreatEditor) onDelete(ctx app.Context, e app.Event) {
	name := threatName(&c.Threat)
	if c.message = c.Editor.apply(ctx, editDeleteThreat(c.Layer, c.Index, c.Threat)); c.message != "" {
		return
	}
	if a := &c.Threat.AIVSS; a.Scored() {
		c.Editor.showFinding(a.ID, false)
		c.Editor.announce("Deleted threat " + name + " and its finding " + a.ID + ".")
	} else {
		c.Editor.announce("Deleted threat " + name + ".")
	}
	switch {
	case c.Index < c.Count-1:
		c.Editor.focusAfterRender(threatID(c.Layer, c.Index))
	case c.Index > 0:
		c.Editor.focusAfterRender(threatID(c.Layer, c.Index-1))
	default:
		c.Editor.focusAfterRender(sectionID(c.Layer) + "-add-threat")
	}
}
