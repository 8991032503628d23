package ui

import (
	"strconv"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/definitions"
)

// cvssMetrics is cvss4.Metrics(), read once: the buttons are drawn from it.
var cvssMetrics = sync.OnceValue(cvss4.Metrics)

// numBase is the number of Base metrics, all mandatory.
const numBase = 11

// CVSSInput is the card's CVSS v4.0 input: either a vector, entered with one
// button per metric value or pasted as text, or a bare base score. The card
// holds one or the other; a radio makes the choice explicit, and switching
// clears the other (a vector's score is carried over as the bare score).
//
// While the Base metrics are not all chosen, the card has no CVSS input and
// the choices wait here. The vector field and the score field follow the
// rule of numberField: what is typed is taken as soon as it is a vector
// (a score), and text that is not puts the card back to what it held when
// the edit began, is explained next to the field, and keeps the result
// from showing a score.
type CVSSInput struct {
	app.Compo

	Editor        editor
	Prefix        string           // starts every element id and button name: a finding's editor has its own ("" for the card's)
	Vector        string           // the card's canonical vector, or ""
	Score         decimal.Optional // the card's bare score; unset when Vector is set
	VectorInvalid bool             // the page knows the vector field holds text the card did not take
	ScoreInvalid  bool             // the same of the score field

	byScore bool                         // score entry chosen while the card has neither
	picked  map[string]string            // metric values chosen; the vector's, once complete
	text    string                       // the vector field's text, while an edit of it is under way
	textSet bool                         // text is what the field shows
	textErr string                       // why text is not taken, with what the card keeps
	before  vectorEdit                   // the card when the edit of the vector field began
	thmNote string                       // what the last change of the CVSS input did to ThM, for a person
	score   numberField                  // the score field
	seen    string                       // Vector at the last render, to tell when it changes from outside
	keep    bool                         // keep picked through the next change of Vector (a switch to a bare score)
	opened  [cvss4.Supplemental + 1]bool // folded metric groups open, by cvss4.Group
}

// vectorEdit is what the vector field puts back when its text is not a
// vector: the card's vector and ThM (which a vector's E may clear), and
// the metric buttons, as they were when the edit began.
type vectorEdit struct {
	vector string
	thm    decimal.Optional
	picked map[string]string
}

// onToggle notes that folded group g was opened or closed.
func (c *CVSSInput) onToggle(g cvss4.Group) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		defer c.Editor.catch("opening a group of CVSS metrics")
		c.opened[g] = ctx.JSSrc().Get("open").Bool()
	}
}

// OnUpdate drops what was typed when the card's CVSS input changes from
// outside (another card, back/forward), unless it is what was typed.
func (c *CVSSInput) OnUpdate(ctx app.Context) {
	if c.Vector != c.seen {
		if c.textSet && c.textErr == "" {
			if v, err := cvss4.ParseTyped(c.text); err != nil || v.String() != c.Vector {
				c.textSet = false
			}
		}
		if c.textSet && c.textErr != "" && c.Vector != c.before.vector {
			c.textSet, c.textErr = false, ""
		}
		if !c.keep {
			c.picked = nil
		}
		c.keep = false
	}
	if c.textSet && c.textErr != "" && !c.VectorInvalid {
		c.textSet, c.textErr = false, "" // the page forgot it: another card
	}
	defer func() {
		syncControls(ctx, map[string]string{c.id(vectorFieldID): c.vectorShown(), c.id(scoreFieldID): c.scoreShown()}, nil)
	}()
	c.score.follow(c.Score, c.ScoreInvalid)
}

// byScoreMode reports whether the score field is shown.
func (c *CVSSInput) byScoreMode() bool {
	switch {
	case c.Score.Set:
		return true
	case c.Vector != "":
		return false
	}
	return c.byScore
}

// values returns the metric values chosen: the card's vector's, else the
// ones picked so far.
func (c *CVSSInput) values() map[string]string {
	if c.Vector != "" && c.picked == nil {
		if v, err := cvss4.Parse(c.Vector); err == nil {
			c.picked = valuesOf(v)
		}
	}
	vals := make(map[string]string, len(c.picked)+1)
	for k, v := range c.picked {
		vals[k] = v
	}
	return vals
}

// valuesOf returns every metric's value in v ("X" outside Base when not set).
func valuesOf(v *cvss4.Vector) map[string]string {
	vals := map[string]string{}
	for _, m := range cvssMetrics() {
		vals[m.Abbrev], _ = v.Get(m.Abbrev)
	}
	return vals
}

// id is the element id s of this input: the card's, or a finding's with
// its prefix.
func (c *CVSSInput) id(s string) string { return c.Prefix + s }

func (c *CVSSInput) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing the CVSS input")
	c.seen = c.Vector
	byScore := c.byScoreMode()
	body := []app.UI{
		textEl("legend", "CVSS v4.0"),
		el("div", "class", "tc-mode", "role", "radiogroup", "aria-label", "Enter CVSS").Body(
			radio(c.id("cvss-mode-metrics"), c.id("cvss-mode"), "metrics", !byScore).
				OnChange(c.onMode),
			textEl("label", "By metrics", "for", c.id("cvss-mode-metrics")),
			radio(c.id("cvss-mode-score"), c.id("cvss-mode"), "score", byScore).
				OnChange(c.onMode),
			textEl("label", "By score", "for", c.id("cvss-mode-score")),
		),
	}
	if byScore {
		body = append(body, c.renderScore())
	} else {
		body = append(body, c.renderMetrics()...)
	}
	return el("fieldset", "id", c.id("cvss"), "class", "tc-cvss").Body(body...)
}

// scoreShown is what the score field shows: what was typed, or the card's.
func (c *CVSSInput) scoreShown() string { return c.score.shownFor(c.Score, 1) }

// vectorShown is what the vector field shows: what was typed, or the card's.
func (c *CVSSInput) vectorShown() string {
	if c.textSet {
		return c.text
	}
	return c.Vector
}

func (c *CVSSInput) renderScore() app.UI {
	field := decimalField(c.id(scoreFieldID), c.scoreShown(), "0.0 to 10.0").
		OnInput(c.onScoreInput).
		OnChange(c.onScoreChange)
	if c.score.msg != "" {
		field = field.Aria("invalid", "true")
	}
	return el("div", "class", "tc-field").Body(
		textEl("label", "CVSS v4.0 base score", "for", c.id(scoreFieldID)),
		field,
		fieldError(c.id("cvss-score-error"), c.score.msg),
		c.renderThMNote(),
	)
}

// renderThMNote says what the last change of the CVSS input did to ThM;
// it is always there (empty without a note), a live region that
// announces the note when it comes.
func (c *CVSSInput) renderThMNote() app.UI {
	return textEl("p", c.thmNote, "id", c.id("cvss-thm-note"), "class", "tc-note", "role", "status")
}

func (c *CVSSInput) renderMetrics() []app.UI {
	vals := c.values()
	field := voidEl("input", "type", "text", "id", c.id(vectorFieldID), "value", c.vectorShown(),
		"class", "tc-vector", "autocomplete", "off", "autocapitalize", "characters",
		"spellcheck", "false",
		"placeholder", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		"aria-describedby", c.id("cvss-vector-error")+" "+c.id("cvss-vector-hint")).
		OnInput(c.onVectorInput).OnChange(c.onVectorChange)
	if c.textErr != "" {
		field = field.Aria("invalid", "true")
	}
	chosen := 0
	for _, m := range cvssMetrics()[:numBase] {
		if vals[m.Abbrev] != "" {
			chosen++
		}
	}
	hint := "Choose the 11 Base metrics, or paste a vector."
	if c.Vector == "" && chosen > 0 {
		hint = strconv.Itoa(chosen) + " of 11 Base metrics chosen; the score needs all 11."
	}
	groups := []app.UI{}
	var base []app.UI
	var folded [4][]app.UI
	for i, m := range cvssMetrics() {
		choice := &metricChoice{Input: c, Index: i, Value: vals[m.Abbrev]}
		if m.Group == cvss4.Base {
			base = append(base, choice)
		} else {
			folded[m.Group] = append(folded[m.Group], choice)
		}
	}
	groups = append(groups, el("div", "class", "tc-metrics").Body(base...))
	for g := cvss4.Threat; g <= cvss4.Supplemental; g++ {
		summary := groupSummary(g, vals)
		// A folded group's buttons are drawn once it is opened or has a
		// value set: folded, they were half of the page's elements, drawn
		// at every start for nothing (see make bench).
		var buttons, meaning app.UI
		if c.opened[g] || summary != "" {
			buttons = el("div", "class", "tc-metrics").Body(folded[g]...)
			if d, ok := definitions.Group(g.String()); ok {
				meaning = textEl("p", d.Meaning, "class", "tc-hint tc-group-meaning")
			}
		}
		details := el("details", "class", "tc-metric-group")
		if c.opened[g] || app.IsClient { // as radio: open="false" in HTML would open it
			details = details.Attr("open", strconv.FormatBool(c.opened[g]))
		}
		groups = append(groups, details.On("toggle", c.onToggle(g)).Body(
			textEl("summary", g.String()+" metrics"+summary),
			meaning,
			buttons,
		))
	}
	return append([]app.UI{
		el("div", "class", "tc-field").Body(
			textEl("label", "Vector", "for", c.id(vectorFieldID)),
			field,
			fieldError(c.id("cvss-vector-error"), c.textErr),
			textEl("p", hint, "id", c.id("cvss-vector-hint"), "class", "tc-hint"),
			c.renderThMNote(),
		),
	}, groups...)
}

// groupSummary lists the metrics of group g that are set: " (E: Attacked)".
func groupSummary(g cvss4.Group, vals map[string]string) string {
	var set []string
	for _, m := range cvssMetrics() {
		if m.Group != g {
			continue
		}
		if v := vals[m.Abbrev]; v != "" && v != "X" {
			set = append(set, m.Abbrev+": "+valueName(m, v))
		}
	}
	if len(set) == 0 {
		return ""
	}
	return " (" + strings.Join(set, ", ") + ")"
}

func valueName(m cvss4.Metric, abbrev string) string {
	for _, v := range m.Values {
		if v.Abbrev == abbrev {
			return v.Name
		}
	}
	return abbrev
}

func (c *CVSSInput) onMode(ctx app.Context, e app.Event) {
	defer c.Editor.catch("choosing how to enter CVSS")
	c.setMode(ctx, ctx.JSSrc().Get("value").String() == "score")
}

// setMode switches between the metrics and a bare score. It ends the
// edits of both fields: each shows the card's value when drawn again.
func (c *CVSSInput) setMode(ctx app.Context, byScore bool) {
	if byScore == c.byScoreMode() {
		return
	}
	c.byScore = byScore
	c.textSet, c.textErr, c.score = false, "", numberField{}
	c.Editor.invalid(c.id(vectorFieldID), "")
	c.Editor.invalid(c.id(scoreFieldID), "")
	in := c.Editor.inputs()
	switch {
	case byScore && in.CVSSVector != "":
		v, err := cvss4.Parse(in.CVSSVector)
		if err != nil {
			return
		}
		c.picked, c.keep = valuesOf(v), true
		if err := c.setCVSS(ctx, "", decimal.Some(v.BaseScore())); err != nil {
			c.score.msg = refusedMsg(err)
		}
	case !byScore && in.CVSSScore.Set:
		vector := ""
		if v, err := cvss4.Build(c.picked); err == nil {
			vector = v.String()
		}
		if err := c.setCVSS(ctx, vector, decimal.Optional{}); err != nil {
			c.textErr = refusedMsg(err)
		}
	}
}

// pick chooses one metric's value. It ends an edit of the vector field:
// the field shows the vector the buttons make.
func (c *CVSSInput) pick(ctx app.Context, metric, value string) {
	vals := c.values()
	vals[metric] = value
	c.picked = vals
	c.textSet, c.textErr = false, ""
	c.Editor.invalid(c.id(vectorFieldID), "")
	for _, m := range cvssMetrics()[:numBase] {
		if vals[m.Abbrev] == "" {
			return // the vector is not complete yet
		}
	}
	v, err := cvss4.Build(vals)
	if err != nil {
		c.textErr = err.Error()
		return
	}
	if s := v.String(); s != c.Editor.inputs().CVSSVector {
		if err := c.setCVSS(ctx, s, decimal.Optional{}); err != nil {
			c.textErr = refusedMsg(err)
		}
	}
}

func (c *CVSSInput) onVectorInput(ctx app.Context, e app.Event) {
	defer c.Editor.catch("reading the CVSS vector")
	c.typeVector(ctx, ctx.JSSrc().Get("value").String(), false)
}

// typeVector reads the vector field after a keystroke, or, with done,
// when it is left. A vector is taken as soon as it is one, as a person
// writes it (cvss4.ParseTyped: any case and order, spaces as pasting
// brings); anything else puts the card back to the vector it had when
// the edit began, and is explained. Leaving the field with a vector shows
// the vector in its canonical form.
func (c *CVSSInput) typeVector(ctx app.Context, s string, done bool) {
	in := c.Editor.inputs()
	if !c.textSet {
		c.before = vectorEdit{vector: in.CVSSVector, thm: in.ThM, picked: c.picked}
	}
	c.text, c.textSet = s, true
	why := ""
	v, err := cvss4.ParseTyped(s)
	if err != nil {
		why = "not a CVSS v4.0 vector: " + strings.TrimSuffix(err.Error(), ".")
	} else if canon := v.String(); canon != in.CVSSVector {
		if err := c.setCVSS(ctx, canon, decimal.Optional{}); err != nil {
			why = refusedWhat(err)
		}
	}
	if why == "" {
		c.textErr = ""
		c.picked = valuesOf(v)
		c.Editor.invalid(c.id(vectorFieldID), "")
		if done {
			c.textSet = false // the vector in its canonical form
		}
		return
	}
	b := c.before
	if now := c.Editor.inputs(); now.CVSSVector != b.vector || now.ThM != b.thm {
		c.Editor.edit(ctx, func(cd *card.Card) {
			cd.AIVSS.CVSSVector, cd.AIVSS.ThM = b.vector, b.thm
		})
		c.thmNote = ""
	}
	c.picked = b.picked
	c.textErr = capitalSentence(why)
	owner := c.Editor.owner()
	keeps := "has no vector"
	if b.vector != "" {
		c.textErr += " The " + owner + " keeps " + b.vector + "."
		keeps = "keeps " + b.vector
	}
	c.Editor.invalid(c.id(vectorFieldID), "the CVSS vector is "+why+"; the "+owner+" "+keeps)
}

// onVectorChange, when the field is left, shows a taken vector in its
// canonical form.
func (c *CVSSInput) onVectorChange(ctx app.Context, e app.Event) {
	defer c.Editor.catch("reading the CVSS vector")
	c.typeVector(ctx, ctx.JSSrc().Get("value").String(), true)
}

func (c *CVSSInput) onScoreInput(ctx app.Context, e app.Event) {
	defer c.Editor.catch("changing the CVSS score")
	c.typeScore(ctx, ctx.JSSrc().Get("value").String(), false)
}

func (c *CVSSInput) onScoreChange(ctx app.Context, e app.Event) {
	defer c.Editor.catch("changing the CVSS score")
	c.typeScore(ctx, ctx.JSSrc().Get("value").String(), true)
}

// typeScore reads the score field after a keystroke, or, with done, when
// it is left (see numberField). An empty field unsets the score.
func (c *CVSSInput) typeScore(ctx app.Context, s string, done bool) {
	c.byScore = true // an emptied field stays the score field
	sp := numberSpec{id: c.id(scoreFieldID), name: "the CVSS score", example: "7.5", places: 1}
	c.score.key(c.Editor, sp, c.Editor.inputs().CVSSScore, s, done, func(v decimal.Optional) error {
		return c.setCVSS(ctx, "", v)
	})
}

// setCVSS sets the card's CVSS input: a vector, or a bare score. Exploit
// maturity counts once: where the edition's ThM is CVSS's Exploit
// Maturity, a vector whose E this edit changes sets ThM, and a ThM of the
// card's own that would contradict it is cleared in the same edit; a bare
// score taking the place of a vector whose E set ThM keeps that ThM, as
// the card's own. thmNote says what was done, for a person.
func (c *CVSSInput) setCVSS(ctx app.Context, vector string, score decimal.Optional) error {
	note, owner := "", c.Editor.owner()
	err := c.Editor.edit(ctx, func(cd *card.Card) {
		in := &cd.AIVSS
		oldE, newE := exploitMaturityOf(in.CVSSVector), exploitMaturityOf(vector)
		in.CVSSVector, in.CVSSScore = vector, score
		ed, err := aivss.Lookup(in.Edition)
		if err != nil || oldE == newE {
			return
		}
		if vector == "" {
			if ch, ok := ed.ThMOfExploitMaturity(oldE); ok && !in.ThM.Set {
				in.ThM = decimal.Some(ch.Value)
				note = "ThM stays " + ed.ThM.Describe(ch.Value, 2) + ", which the vector's Exploit Maturity E:" + oldE +
					" set; a bare score has no Exploit Maturity, so the " + owner + " now holds it as its own."
			}
			return
		}
		if ch, ok := ed.ThMOfExploitMaturity(newE); ok && in.ThM.Set && in.ThM.Value != ch.Value {
			note = "The vector's Exploit Maturity E:" + newE + " (" + ch.Label + ") sets ThM to " + ch.Value.Format(2) +
				" in " + ed.Called + ", so the ThM set before, " + ed.ThM.Describe(in.ThM.Value, 2) +
				", is cleared: exploit maturity counts once."
			in.ThM = decimal.Optional{}
		}
	})
	if err == nil {
		c.thmNote = note
	}
	return err
}

// exploitMaturityOf returns the Exploit Maturity of a canonical vector
// ("A", "P", "U"), or "X" for none and for no vector.
func exploitMaturityOf(vector string) string {
	if vector == "" {
		return "X"
	}
	v, err := cvss4.Parse(vector)
	if err != nil {
		return "X"
	}
	return v.ExploitMaturity()
}

// metricChoice is one metric's buttons: a fieldset with a radio button per
// value. It is redrawn only when its value changes.
type metricChoice struct {
	app.Compo

	Input *CVSSInput // the same pointer on every render
	Index int        // into cvssMetrics()
	Value string     // the chosen value's abbreviation; "" when not chosen
}

// OnUpdate makes the buttons show the new value (see syncControls).
func (c *metricChoice) OnUpdate(ctx app.Context) {
	m := cvssMetrics()[c.Index]
	value := c.Value
	if value == "" && m.Group != cvss4.Base {
		value = "X"
	}
	checked := make(map[string]bool, len(m.Values))
	for _, v := range m.Values {
		checked[c.Input.id("cvss-"+m.Abbrev+"-"+v.Abbrev)] = v.Abbrev == value
	}
	syncControls(ctx, nil, checked)
}

func (c *metricChoice) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing a CVSS metric")
	m := cvssMetrics()[c.Index]
	value := c.Value
	if value == "" && m.Group != cvss4.Base {
		value = "X"
	}
	choices := make([]choice, len(m.Values))
	for i, v := range m.Values {
		choices[i] = choice{id: v.Abbrev, value: v.Abbrev, words: v.Name, short: v.Abbrev}
	}
	name := c.Input.id("cvss-" + m.Abbrev)
	g := choiceGroup{name: name, class: "tc-metric", title: m.Name, abbr: m.Abbrev, checked: value,
		defs: &definitionsDisclosure{ID: name + "-defs", Kind: defsMetric, Key: m.Abbrev, Name: m.Name}}
	return g.render(choices, c.onPick)
}

func (c *metricChoice) onPick(ctx app.Context, e app.Event) {
	defer c.Input.Editor.catch("choosing a CVSS metric")
	m := cvssMetrics()[c.Index]
	c.Input.pick(ctx, m.Abbrev, ctx.JSSrc().Get("value").String())
}
