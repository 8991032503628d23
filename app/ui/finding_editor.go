package ui

import (
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// threatFinding is what a threat's editor draws of its finding.
type threatFinding struct {
	Finding card.Finding // the finding, evaluated; its Threat is nil for a threat that is none
	Open    bool         // its assessment is shown
}

// findingPrefix starts the ids of the elements of the finding of the
// threat at index i of section sec: "layer-3-threat-0-f-".
func findingPrefix(sec maestro.Layer, i int) string { return threatID(sec, i) + "-f-" }

// FindingEditor is a scored threat's AIVSS assessment, under the threat in
// its editor: the finding's id, its score (or what it still needs) and its
// category, always; and, once opened, the category menu (the layer's
// Appendix C categories first), the finding's own CVSS v4.0 input, its
// factors, ThM and MF, each inherited from the card or overridden, and
// the formula with its numbers. The inputs are the calculator's own
// components, given this editor: it is their editor (see editor), which
// reads and writes the finding's assessment instead of the card's inputs.
type FindingEditor struct {
	app.Compo

	Layer   maestro.Layer  // the threat's section
	Index   int            // its place there
	Threat  maestro.Threat // the threat, as the card has it; its AIVSS is the finding's own
	Finding card.Finding   // the finding, evaluated
	Profile card.Inputs    // the card's AIVSS inputs, which it inherits
	Open    bool           // the assessment is shown
	Editor  *MaestroEditor // where edits go

	invalidFields map[string]string // fields holding text the finding did not take (see editor.invalid); replaced, never changed
	message       string            // why the last edit was refused
	confirm       bool              // asking whether to remove the score, and what goes with it
	seenID        string            // the finding drawn last: another one here forgets the state above
	seenEdition   string            // the card's edition then
}

// prefix starts the ids of the finding's elements.
func (c *FindingEditor) prefix() string { return findingPrefix(c.Layer, c.Index) }

// edition is the card's edition, in which the finding is scored.
func (c *FindingEditor) edition() *aivss.Edition {
	if ed := c.Finding.Eval.Edition; ed != nil {
		return ed
	}
	ed, err := aivss.Lookup(c.Profile.Edition)
	if err != nil {
		ed, _ = aivss.Lookup(aivss.Default)
	}
	return ed
}

// OnUpdate forgets what belonged to the finding drawn here before (a
// threat moved or deleted puts another one at this place), and the
// fields' typed text once the card changes edition; and makes the
// category menu show the finding's category (see syncControls).
func (c *FindingEditor) OnUpdate(ctx app.Context) {
	if id := c.Threat.AIVSS.ID; id != c.seenID {
		c.seenID, c.invalidFields, c.message, c.confirm = id, nil, "", false
	}
	if c.Profile.Edition != c.seenEdition {
		c.seenEdition, c.invalidFields = c.Profile.Edition, nil
	}
	syncControls(ctx, map[string]string{c.prefix() + "category": categoryValue(c.Threat.AIVSS.Category)}, nil)
}

func (c *FindingEditor) OnMount(ctx app.Context) {
	c.seenID, c.seenEdition = c.Threat.AIVSS.ID, c.Profile.Edition
}

func (c *FindingEditor) Render() (ui app.UI) {
	defer recoverRender(&ui, "drawing a finding")
	p := c.prefix()
	a := &c.Threat.AIVSS
	ed := c.edition()
	g := c.Editor.guard
	toggle := "Edit the assessment"
	if c.Open {
		toggle = "Hide the assessment"
	}
	category := "Category: not chosen"
	if a.Category.Valid() {
		category = "Category: " + a.Category.String()
	}
	body := []app.UI{
		el("div", "class", "tc-finding-head").Body(
			textEl("h5", "Finding "+a.ID, "id", p+"title", "class", "tc-finding-name", "tabindex", "-1"),
			scoreOf(p, &c.Finding.Eval, invalidTexts(c.invalidFields, p, ed)),
			textEl("p", category, "id", p+"category-shown", "class", "tc-finding-category"),
		),
		el("div", "class", "tc-finding-actions").Body(
			el("button", "id", p+"toggle", "type", "button", "aria-expanded", strconv.FormatBool(c.Open),
				"aria-controls", p+"body").OnClick(g("showing a finding's assessment", c.onToggle)).Text(toggle),
			el("button", "id", p+"remove", "type", "button", "aria-label", "Remove the score of finding "+a.ID).
				OnClick(g("removing a finding's score", c.onRemove)).Text("Remove the score"),
		),
		c.renderConfirm(p),
		textEl("p", c.message, "id", p+"message", "class", "tc-refusal", "role", "alert"),
	}
	if c.Open {
		body = append(body, c.renderAssessment(p, ed))
	}
	return el("section", "id", threatID(c.Layer, c.Index)+"-finding", "class", "tc-finding",
		"aria-labelledby", p+"title").Body(body...)
}

// renderConfirm asks, before a score whose own inputs would go with it is
// removed, whether to remove it; its place is there, empty, otherwise.
func (c *FindingEditor) renderConfirm(p string) app.UI {
	box := el("div", "id", p+"confirm", "class", "tc-finding-confirm")
	if !c.confirm {
		return box
	}
	g := c.Editor.guard
	return box.Attr("role", "group").Attr("aria-labelledby", p+"confirm-text").Body(
		textEl("p", "Remove the score of finding "+c.Threat.AIVSS.ID+"? Its own "+ownInputsText(&c.Threat.AIVSS, c.edition())+
			" go with it; the threat stays.", "id", p+"confirm-text"),
		el("button", "id", p+"remove-confirm", "type", "button").
			OnClick(g("removing a finding's score", c.onRemoveConfirmed)).Text("Remove the score"),
		el("button", "id", p+"remove-cancel", "type", "button").
			OnClick(g("keeping a finding's score", c.onRemoveCancel)).Text("Keep it"),
	)
}

// renderAssessment draws the finding's inputs and its formula.
func (c *FindingEditor) renderAssessment(p string, ed *aivss.Edition) app.UI {
	a := &c.Threat.AIVSS
	f := &c.Finding
	var factorsInvalid [card.NumFactors]bool
	for i, fa := range ed.Factors {
		factorsInvalid[i] = c.invalidFields[p+factorFieldID(fa.ID)] != ""
	}
	high, highFor := highImpact(ed, a.Category)
	formula := &formulaView{Prefix: p, Edition: ed.ID}
	if f.Eval.Complete() && len(c.invalidFields) == 0 {
		formula.Worked = ed.Worked(&f.Eval.Result, f.Eval.ThM.Value, c.mf())
	}
	return el("div", "id", p+"body", "class", "tc-finding-body").Body(
		c.renderCategory(p),
		&CVSSInput{Editor: c, Prefix: p, Vector: a.CVSSVector, Score: a.CVSSScore,
			VectorInvalid: c.invalidFields[p+vectorFieldID] != "", ScoreInvalid: c.invalidFields[p+scoreFieldID] != ""},
		&FactorsPanel{Editor: c, Prefix: p, Edition: ed.ID, Factors: a.Factors, Invalid: factorsInvalid,
			Inherit: true, Profile: c.Profile.Factors, High: high, HighFor: highFor},
		&Multipliers{Editor: c, Prefix: p, Edition: ed.ID, ThM: a.ThM, MF: a.MF,
			ThMInvalid: c.invalidFields[p+"thm"] != "", MFInvalid: c.invalidFields[p+"mf"] != "",
			Vector: vectorThM(ed, &f.Eval), Inherit: true, ProfileThM: c.Profile.ThM, ProfileMF: c.Profile.MF},
		formula,
		app.If(c.missingInherited(ed) != "", func() app.UI {
			return textEl("p", c.missingInherited(ed), "id", p+"inherited-missing", "class", "tc-hint")
		}),
	)
}

// mf is the MF the finding is scored with: its own, or the card's.
func (c *FindingEditor) mf() decimal.Decimal {
	if c.Threat.AIVSS.MF.Set {
		return c.Threat.AIVSS.MF.Value
	}
	return c.Profile.MF.Value
}

// missingInherited says which of the inputs the finding still needs it
// would inherit from the card, which has none yet; "" when none.
func (c *FindingEditor) missingInherited(ed *aivss.Edition) string {
	f := &c.Finding
	var names []string
	for _, m := range f.Eval.Missing {
		switch m.Input {
		case card.InputFactor:
			if i, ok := ed.FactorIndex(m.Factor.ID); ok && f.Inherited[i] {
				names = append(names, m.Label())
			}
		case card.InputThM:
			if f.ThMInherited {
				names = append(names, m.Label())
			}
		case card.InputMF:
			if f.MFInherited {
				names = append(names, m.Label())
			}
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "The card has no " + strings.Join(names, ", ") + " for this finding to inherit: set them on the card, " +
		"which gives them to every finding that inherits them, or here for this finding alone."
}

// renderCategory draws the menu of the ten core-risk categories, those
// Appendix C lists for the threat's layer first, with where the category
// came from.
func (c *FindingEditor) renderCategory(p string) app.UI {
	t := &c.Threat
	selected := t.AIVSS.Category
	var options []app.UI
	if !selected.Valid() {
		options = append(options, option(categoryValue(0), "Not chosen", true))
	}
	suggested, where := suggestedCategories(c.Layer, t)
	sugg := make([]app.UI, 0, len(suggested))
	for _, r := range suggested { // in Appendix C's order
		sugg = append(sugg, option(categoryValue(r), r.String(), r == selected))
	}
	rest := make([]app.UI, 0, corerisk.NumRisks)
	for _, r := range corerisk.All() {
		if !slices.Contains(suggested, r) {
			rest = append(rest, option(categoryValue(r), r.String(), r == selected))
		}
	}
	if len(sugg) > 0 {
		options = append(options,
			el("optgroup", "label", "Suggested for "+where+" (Appendix C)").Body(sugg...),
			el("optgroup", "label", "Other categories").Body(rest...))
	} else {
		options = append(options, rest...)
	}
	shown := "Not chosen"
	if selected.Valid() {
		shown = selected.String()
	}
	// Drawn as the ASI menu is (see ThreatEditor.asiField): the longest
	// categories do not fit a menu's one line on a phone.
	return el("div", "class", "tc-field tc-finding-category-field").Body(
		textEl("label", "OWASP core-risk category", "for", p+"category"),
		el("div", "class", "tc-select-wrap").Body(
			textEl("span", shown, "class", "tc-select-shown", "aria-hidden", "true"),
			el("select", "id", p+"category", "class", "tc-select-over", "aria-describedby", p+"category-hint").
				OnChange(c.Editor.guard("choosing a finding's category", c.onCategory)).Body(options...),
		),
		textEl("p", categoryHint(t, where, suggested), "id", p+"category-hint", "class", "tc-hint"),
	)
}

// suggestedCategories are the core risks Appendix C lists for the layer
// of a threat in section sec, or for each layer a cross-layer threat
// touches, in the table's order, and the layers in words.
func suggestedCategories(sec maestro.Layer, t *maestro.Threat) ([]corerisk.Risk, string) {
	layers := []maestro.Layer{sec}
	if sec == 0 {
		layers = t.Layers
	}
	var rs []corerisk.Risk
	for _, l := range layers {
		for _, r := range l.CoreRisks() {
			if !slices.Contains(rs, r) {
				rs = append(rs, r)
			}
		}
	}
	where := ""
	switch {
	case len(layers) == 1:
		where = layers[0].String()
	case len(layers) > 1:
		where = layerList(layers)
	}
	return rs, where
}

// categoryHint says where a finding's category comes from: its ASI
// code's primary core risk (Appendix B), or its layer's (Appendix C).
func categoryHint(t *maestro.Threat, where string, suggested []corerisk.Risk) string {
	var parts []string
	if r, ok := t.ASI.CoreRisk(); ok {
		parts = append(parts, asiLabel(t.ASI)+" has the primary core risk "+r.String()+" (OWASP AIVSS v0.8, Appendix B).")
	}
	if len(suggested) > 0 {
		names := make([]string, len(suggested))
		for i, r := range suggested {
			names[i] = r.String()
		}
		parts = append(parts, "Appendix C lists "+strings.Join(names, "; ")+" as the risks most often seen at "+where+".")
	}
	parts = append(parts, "Guidance only: the category is your choice, and every category is scored the same way.")
	return strings.Join(parts, " ")
}

// categoryValue is a category's value in the menu: its number in the
// schema's order, or "none" (an option needs a value that is not empty).
func categoryValue(r corerisk.Risk) string {
	if !r.Valid() {
		return "none"
	}
	return strconv.Itoa(int(r))
}

// parseCategoryValue reads a value of the category menu.
func parseCategoryValue(v string) (corerisk.Risk, bool) {
	if v == "none" {
		return 0, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || !corerisk.Risk(n).Valid() {
		return 0, false
	}
	return corerisk.Risk(n), true
}

// highImpact marks the factors of edition ed that OWASP AIVSS v0.8 Table
// 3 says amplify core risk r most (in another edition, the factors that
// mean the same), and names r; nothing for no category.
func highImpact(ed *aivss.Edition, r corerisk.Risk) ([card.NumFactors]bool, string) {
	var marks [card.NumFactors]bool
	v08, err := aivss.Lookup("v0.8")
	if !r.Valid() || err != nil {
		return marks, ""
	}
	for _, id := range r.HighImpactFactors() {
		i, ok := v08.FactorIndex(id)
		if !ok {
			continue
		}
		if j, ok := v08.Counterpart(i, ed); ok {
			marks[j] = true
		}
	}
	return marks, r.String()
}

// ownInputsText lists the inputs a finding has of its own, which removing
// its score would lose: "CVSS vector CVSS:4.0/…, Execution Autonomy and
// ThM"; "id and category" when it has none.
func ownInputsText(a *maestro.Assessment, ed *aivss.Edition) string {
	parts := []string{"id"}
	if a.Category.Valid() {
		parts = append(parts, "category "+a.Category.String())
	}
	switch {
	case a.CVSSVector != "":
		parts = append(parts, "CVSS vector "+a.CVSSVector)
	case a.CVSSScore.Set:
		parts = append(parts, "CVSS score "+a.CVSSScore.Value.Format(1))
	}
	for i, f := range a.Factors {
		if f.Set {
			parts = append(parts, ed.Factors[i].Name+" "+f.Value.String())
		}
	}
	if a.ThM.Set {
		parts = append(parts, "ThM "+a.ThM.Value.Format(2))
	}
	if a.MF.Set {
		parts = append(parts, "MF "+a.MF.Value.Format(2))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// hasOwnInputs reports whether a has a CVSS input, factor, ThM or MF of
// its own, which removing its score would lose.
func hasOwnInputs(a *maestro.Assessment) bool {
	return a.CVSSVector != "" || a.CVSSScore.Set || a.Overrides()
}

func (c *FindingEditor) onToggle(ctx app.Context, e app.Event) {
	c.Editor.showFinding(c.Threat.AIVSS.ID, !c.Open)
}

func (c *FindingEditor) onCategory(ctx app.Context, e app.Event) {
	src := ctx.JSSrc()
	current := func() string { return categoryValue(c.Threat.AIVSS.Category) }
	r, ok := parseCategoryValue(src.Get("value").String())
	if !ok {
		src.Set("value", current())
		return
	}
	id := c.Threat.AIVSS.ID
	c.message = c.Editor.apply(ctx, editThreat(c.Layer, c.Index, func(t *maestro.Threat) {
		if t.AIVSS.ID == id {
			t.AIVSS.Category = r
		}
	}))
	if c.message != "" {
		src.Set("value", current())
	}
	c.Editor.resyncValue(src, current)
}

// onRemove removes the finding's score, after asking when inputs of its
// own would go with it.
func (c *FindingEditor) onRemove(ctx app.Context, e app.Event) {
	if hasOwnInputs(&c.Threat.AIVSS) {
		c.confirm = true
		c.Editor.focusAfterRender(c.prefix() + "remove-cancel")
		return
	}
	c.remove(ctx)
}

func (c *FindingEditor) onRemoveConfirmed(ctx app.Context, e app.Event) { c.remove(ctx) }

func (c *FindingEditor) onRemoveCancel(ctx app.Context, e app.Event) {
	c.confirm = false
	c.Editor.focusAfterRender(c.prefix() + "remove")
}

// remove makes the threat a threat without a score again.
func (c *FindingEditor) remove(ctx app.Context) {
	c.confirm = false
	id, name := c.Threat.AIVSS.ID, threatName(&c.Threat)
	lost := ownInputsText(&c.Threat.AIVSS, c.edition())
	c.message = c.Editor.apply(ctx, editThreat(c.Layer, c.Index, func(t *maestro.Threat) {
		if t.AIVSS.ID == id {
			t.AIVSS = maestro.Assessment{}
		}
	}))
	if c.message != "" {
		return
	}
	c.Editor.showFinding(id, false)
	c.Editor.announce("Removed the score of " + name + ": finding " + id + " and its " + lost + " are gone; the threat stays.")
	c.Editor.focusAfterRender(threatID(c.Layer, c.Index) + "-score")
}

// The finding's editor is the editor of the calculator's components drawn
// in it: they read and write the finding's own inputs, in the card's
// edition (see findingEdit).

func (c *FindingEditor) edit(ctx app.Context, e Edit) error {
	if err := c.Editor.tryEdit(ctx, findingEdit(c.Layer, c.Index, c.Threat.AIVSS.ID, e)); err != nil {
		return refusal(err)
	}
	return nil
}

// catch, deferred in an event handler, turns a panic into the finding's
// message.
func (c *FindingEditor) catch(during string) {
	if v := recover(); v != nil {
		err := &PanicError{During: during, Value: v}
		logPanic(err, debug.Stack())
		c.message = err.Error()
	}
}

// inputs are the finding's own inputs as they are now, in the card's
// edition; none once the finding has gone from its place.
func (c *FindingEditor) inputs() card.Inputs {
	cur := c.Editor.card()
	if cur == nil {
		return card.Inputs{}
	}
	ts := threatsIn(&cur.MAESTRO, c.Layer)
	if c.Index < 0 || c.Index >= len(ts) || ts[c.Index].AIVSS.ID != c.Threat.AIVSS.ID {
		return card.Inputs{}
	}
	return card.OwnInputs(cur.AIVSS.Edition, &ts[c.Index].AIVSS)
}

// invalid records what the finding says of a field holding text it did
// not take (see editor and withInvalid).
func (c *FindingEditor) invalid(field, msg string) {
	c.invalidFields = withInvalid(c.invalidFields, field, msg)
}

func (c *FindingEditor) owner() string { return "finding" }

// findingEdit turns an edit of the card's AIVSS inputs, as the
// calculator's components make them, into the same edit of the own
// inputs of the finding id, the threat at index i of section sec. It does
// nothing once that threat is another (moved, deleted); the card's edition
// is never changed by it.
func findingEdit(sec maestro.Layer, i int, id string, e Edit) Edit {
	return func(c *card.Card) {
		ts := threatsIn(&c.MAESTRO, sec)
		if i < 0 || i >= len(ts) || ts[i].AIVSS.ID != id {
			return
		}
		a := ts[i].AIVSS
		own := card.Card{AIVSS: card.OwnInputs(c.AIVSS.Edition, &a)}
		e(&own)
		in := &own.AIVSS
		a.CVSSVector, a.CVSSScore, a.Factors, a.ThM, a.MF = in.CVSSVector, in.CVSSScore, in.Factors, in.ThM, in.MF
		ts = slices.Clone(ts)
		ts[i].AIVSS = a
		setThreatsIn(&c.MAESTRO, sec, ts)
	}
}
