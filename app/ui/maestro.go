package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// MaestroEditor edits a card's MAESTRO threat model: an overview of the
// seven layers and Cross-Layer, then one section for each with its status,
// notes and threats, and a catalog to pick threats from.
//
// It never changes Card: every change goes to OnEdit as an Edit, after a
// trial run on a copy of the card has passed card.Validate; an edit that
// would break a rule is refused with a message next to the field, and the
// field shows the card's value again.
//
// Each section and each threat is a component whose inputs are values of
// its own part of the card, so a keystroke in one layer's notes redraws that
// layer only. Children reach the editor through a pointer that stays the
// same for the editor's life: go-app counts a func field as changed on every
// render, so handing each child OnEdit would redraw them all every time.
type MaestroEditor struct {
	app.Compo

	Card   *card.Card                    // the card shown; nil shows an empty model
	Rev    int                           // the page's revision of Card: a new value redraws the editor
	OnEdit func(ctx app.Context, e Edit) // receives each accepted edit; nil makes the editor read-only
	// Guard wraps every event handler with the page's panic recovery
	// (Page.handler). When nil, the editor recovers by itself and shows
	// the error in its status line.
	Guard func(during string, h app.EventHandler) app.EventHandler
	// Source gives the card as it is now, which Card is only after the
	// editor is drawn again: within a burst of keystrokes go-app draws once
	// a frame. The page is its own; nil uses Card.
	Source cardSource

	open      map[string]bool // the findings whose assessment is shown, by id
	picking   bool            // the catalog picker is open …
	pickFor   maestro.Layer   // … for this section
	status    string          // the last announcement (polite live region)
	mounted   bool
	mountCtxt app.Context // to run focus changes after the next render
}

// OnMount keeps the editor's context for moving focus after edits.
func (c *MaestroEditor) OnMount(ctx app.Context) {
	c.mounted = true
	c.mountCtxt = ctx
}

// OnDismount forgets the context.
func (c *MaestroEditor) OnDismount() {
	c.mounted = false
}

func (c *MaestroEditor) Render() app.UI {
	var m maestro.Model
	if c.Card != nil {
		m = c.Card.MAESTRO
	}
	overview := c.overview(&m)
	sections := c.sections(&m)
	children := make([]app.UI, len(sections))
	for i, s := range sections {
		children[i] = s
	}

	var rows []findingRow
	if c.Card != nil {
		fs := c.Card.Findings()
		card.RankFindings(fs)
		rows = findingRows(fs)
	}

	return el("section", "id", "maestro", "class", "tc-maestro", "aria-labelledby", "maestro-title").Body(
		textEl("h2", "MAESTRO threat model", "id", "maestro-title"),
		textEl("p", maestroIntro, "class", "tc-maestro-intro"),
		overview,
		&FindingsList{Rows: rows, Editor: c},
		textEl("p", c.status, "id", "maestro-status", "class", "tc-maestro-status", "role", "status", "aria-live", "polite"),
		el("div", "class", "tc-layers").Body(children...),
	)
}

// maestroIntro introduces the editor. The framework numbers its layers
// from the base of the stack up; the page lists them in that order, L1
// first, so the words say "first" and "last", not "bottom" and "top".
var maestroIntro = "The seven MAESTRO layers from the base of the stack up, " +
	maestro.FoundationModels.String() + " first and " + maestro.AgentEcosystem.String() + " last, then " +
	maestro.CrossLayerName() + " for the threats that span them. " +
	"Mark a layer “not certain from listing” when what you know of the agent does not pin it down " +
	"and your notes are general."

// overview is the overview's input for model m.
func (c *MaestroEditor) overview(m *maestro.Model) *LayerOverview {
	o := &LayerOverview{Editor: c}
	for i := range m.Layers {
		o.Statuses[i] = m.Layers[i].Status
		o.Counts[i] = len(m.Layers[i].Threats)
	}
	o.Counts[maestro.NumLayers] = len(m.CrossLayer)
	o.Touching = crossTouching(m)
	return o
}

// sections are the sections' inputs for model m: each holds only its own
// part of the model, so that go-app redraws only the sections that changed.
func (c *MaestroEditor) sections(m *maestro.Model) []*LayerSection {
	touching := crossTouching(m)
	out := make([]*LayerSection, 0, maestro.NumLayers+1)
	for _, l := range maestro.Layers() {
		out = append(out, &LayerSection{
			Layer:    l,
			Entry:    m.Layers[l-1],
			Touching: touching[l-1],
			Picking:  c.picking && c.pickFor == l,
			Editor:   c,
		})
	}
	out = append(out, &LayerSection{
		Layer:   0,
		Entry:   maestro.LayerEntry{Threats: m.CrossLayer},
		Picking: c.picking && c.pickFor == 0,
		Editor:  c,
	})
	// Only the sections with findings learn the card's AIVSS inputs, which
	// the findings inherit: a change of them redraws those alone.
	if c.Card != nil {
		for _, f := range c.Card.Findings() {
			s := out[maestro.NumLayers]
			if f.Loc.Section == card.SectionLayer {
				s = out[f.Loc.Layer-1]
			}
			if s.Findings == nil {
				s.Findings = make([]threatFinding, len(s.Entry.Threats))
				s.Profile = c.Card.AIVSS
			}
			if i := f.Loc.Threat - 1; i >= 0 && i < len(s.Findings) {
				s.Findings[i] = threatFinding{Finding: f, Open: c.open[f.Threat.AIVSS.ID]}
			}
		}
	}
	// Only the section with the picker learns which catalog threats the
	// whole model has: the picker files a threat where the catalog does,
	// which may be another section.
	if c.picking {
		for _, s := range out {
			if s.Picking {
				s.Filed = filedCatalogIDs(m)
			}
		}
	}
	return out
}

// apply passes e to OnEdit unless the card would then break one of
// card.Validate's rules; it returns the reason for refusing, or "". A card
// that breaks a rule already (which the page does not normally show) takes
// edits, so that they can repair it.
func (c *MaestroEditor) apply(ctx app.Context, e Edit) string {
	if err := c.tryEdit(ctx, e); err != nil {
		return maestroRefusal(err)
	}
	return ""
}

// tryEdit is apply returning the rule the edit would break, a
// *card.FieldError, or nil once it is passed on.
func (c *MaestroEditor) tryEdit(ctx app.Context, e Edit) error {
	cur := c.card()
	if cur == nil || c.OnEdit == nil {
		return nil
	}
	trial := *cur // shallow: edits are copy-on-write (maestro_edits.go)
	e(&trial)
	if err := trial.Validate(); err != nil && cur.Validate() == nil {
		return err
	}
	c.OnEdit(ctx, e)
	return nil
}

// cardSource gives the card as it is now (Page.currentCard).
type cardSource interface {
	currentCard() *card.Card
}

// card returns the card as it is now: Source's, else Card.
func (c *MaestroEditor) card() *card.Card {
	if c == nil {
		return nil
	}
	if c.Source != nil {
		if cur := c.Source.currentCard(); cur != nil {
			return cur
		}
	}
	return c.Card
}

// findingOpen reports whether the assessment of the finding id is shown.
func (c *MaestroEditor) findingOpen(id string) bool { return c != nil && c.open[id] }

// showFinding shows or hides the assessment of the finding id. The map is
// replaced, never changed: the sections compare what they were given.
func (c *MaestroEditor) showFinding(id string, show bool) {
	if c == nil || c.open[id] == show {
		return
	}
	next := make(map[string]bool, len(c.open)+1)
	for k, v := range c.open {
		if k != id && v {
			next[k] = true
		}
	}
	if show {
		next[id] = true
	}
	c.open = next
}

// goToFinding shows the assessment of the finding id, of the threat at
// index i of section sec, and moves the focus to its heading.
func (c *MaestroEditor) goToFinding(id string, sec maestro.Layer, i int) {
	c.showFinding(id, true)
	heading := findingPrefix(sec, i) + "title"
	if c == nil || !c.mounted {
		return
	}
	c.mountCtxt.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(heading); el.Truthy() {
			el.Call("focus")
			el.Call("scrollIntoView")
		}
	})
}

// applyText is apply for an edit of a text field, which the card refuses
// only for its length: the message says by how much the field's text,
// typed, is over its limit (or the card's for all its text), in words
// (textRefusal); what names the field ("notes", "description").
func (c *MaestroEditor) applyText(ctx app.Context, e Edit, typed string, limit int, what string) string {
	if c == nil || c.Card == nil || c.OnEdit == nil {
		return ""
	}
	cur := c.card()
	trial := *cur
	e(&trial)
	if err := trial.Validate(); err != nil && cur.Validate() == nil {
		return textRefusal(err, typed, limit, trial.TextChars(), what)
	}
	c.OnEdit(ctx, e)
	return ""
}

// guard wraps h with the page's panic recovery, or the editor's own.
func (c *MaestroEditor) guard(during string, h app.EventHandler) app.EventHandler {
	if c == nil {
		return h
	}
	if c.Guard != nil {
		return c.Guard(during, h)
	}
	return func(ctx app.Context, e app.Event) {
		if err := recovered(during, func() { h(ctx, e) }); err != nil {
			c.status = err.Error()
		}
	}
}

// announce puts a sentence into the status line, which screen readers read
// out when they are idle.
func (c *MaestroEditor) announce(s string) {
	if c != nil {
		c.status = s
	}
}

// focusAfterRender moves the keyboard focus to the element with the given
// id once the page has been redrawn, e.g. to follow a threat that moved.
func (c *MaestroEditor) focusAfterRender(id string) {
	if c == nil || !c.mounted {
		return
	}
	c.mountCtxt.Defer(func(app.Context) {
		if el := app.Window().GetElementByID(id); el.Truthy() {
			el.Call("focus")
		}
	})
}

// togglePicker opens the catalog picker under section sec, or closes it if
// it is open there, and moves the focus into it or back to the button.
func (c *MaestroEditor) togglePicker(sec maestro.Layer) {
	if c == nil {
		return
	}
	if c.picking && c.pickFor == sec {
		c.closePicker()
		return
	}
	c.picking, c.pickFor = true, sec
	c.focusAfterRender("catalog-search")
}

// closePicker closes the catalog picker and gives the focus back to the
// button that opened it.
func (c *MaestroEditor) closePicker() {
	if c == nil || !c.picking {
		return
	}
	c.picking = false
	c.focusAfterRender(sectionID(c.pickFor) + "-add-threat")
}

// resyncValue gives the form control el the value want() once the page
// has been redrawn, if it shows another. go-app sets a control's value only
// when the value it drew changes, so a control can keep what the user typed
// or picked when the page did not take the edit (it has checks of its own,
// such as the link's length), or when the threat drawn at that place changed.
func (c *MaestroEditor) resyncValue(el app.Value, want func() string) {
	if c == nil || !c.mounted {
		return
	}
	c.mountCtxt.Defer(func(app.Context) {
		if w := want(); el.Get("value").String() != w {
			el.Set("value", w)
		}
	})
}

// resyncChecked is resyncValue for a checkbox.
func (c *MaestroEditor) resyncChecked(el app.Value, want func() bool) {
	if c == nil || !c.mounted {
		return
	}
	c.mountCtxt.Defer(func(app.Context) {
		if w := want(); el.Get("checked").Bool() != w {
			el.Set("checked", w)
		}
	})
}

// syncValue makes the form control with the given id show want.
func syncValue(id, want string) {
	if el := app.Window().GetElementByID(id); el.Truthy() && el.Get("value").String() != want {
		el.Set("value", want)
	}
}

// syncChecked ticks or clears the checkbox with the given id.
func syncChecked(id string, want bool) {
	if el := app.Window().GetElementByID(id); el.Truthy() && el.Get("checked").Bool() != want {
		el.Set("checked", want)
	}
}

// threats returns the card's threats in section sec.
func (c *MaestroEditor) threats(sec maestro.Layer) []maestro.Threat {
	cur := c.card()
	if cur == nil {
		return nil
	}
	return threatsIn(&cur.MAESTRO, sec)
}
