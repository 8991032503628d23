package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// statusChoices are the layer statuses in the order the menu offers them.
var statusChoices = []maestro.Status{maestro.NotAssessed, maestro.Mapped, maestro.Uncertain}

// LayerSection is one layer's part of the model: its fixed name, status,
// notes and threats, or, for section 0, the Cross-Layer threats. Its inputs
// change only when its own part of the card does.
type LayerSection struct {
	app.Compo

	Layer    maestro.Layer      // 1…7, or 0 for Cross-Layer
	Entry    maestro.LayerEntry // the layer's part of the card; Cross-Layer uses only Threats
	Touching int                // the cross-layer threats that touch this layer; 0 for Cross-Layer
	Picking  bool               // the catalog picker is open in this section
	Filed    []string           // while Picking: the catalog threats filed in their own section (filedCatalogIDs)
	Findings []threatFinding    // the findings among Threats, at their places; nil without any
	Profile  card.Inputs        // with findings, the card's AIVSS inputs, which they inherit
	Editor   *MaestroEditor     // where edits go; the same for the editor's life

	message string   // why the last edit was refused
	notes   heldText // the notes field's text, while the card does not take it
}

func (c *LayerSection) Render() app.UI {
	id := sectionID(c.Layer)
	name := sectionName(c.Layer)
	var head []app.UI
	if c.Layer != 0 {
		head = c.renderLayerHead(id)
	} else {
		head = []app.UI{textEl("p", "Threats that span layers. Tick the layers each one touches; "+
			"a threat left with one layer moves under it.", "class", "tc-layer-about")}
	}

	threats := make([]app.UI, len(c.Entry.Threats))
	for i, t := range c.Entry.Threats {
		te := &ThreatEditor{Layer: c.Layer, Index: i, Count: len(c.Entry.Threats), Threat: t, Editor: c.Editor}
		if i < len(c.Findings) && c.Findings[i].Finding.Threat != nil {
			te.Finding, te.Profile = c.Findings[i], c.Profile
		}
		threats[i] = te
	}

	return el("section", "id", id, "class", "tc-layer", "aria-labelledby", id+"-title").Body(
		textEl("h3", name, "id", id+"-title", "tabindex", "-1"),
		el("div", "class", "tc-layer-head").Body(head...),
		textEl("p", c.message, "id", id+"-message", "class", "tc-refusal", "role", "alert"),
		textEl("h4", "Threats in "+name, "id", id+"-threats-title"),
		app.If(len(threats) == 0, func() app.UI {
			return textEl("p", "No threats yet.", "class", "tc-empty")
		}).Else(func() app.UI {
			return el("ol", "class", "tc-threats", "aria-labelledby", id+"-threats-title").Body(threats...)
		}),
		el("button", "id", id+"-add-threat", "class", "tc-add-threat", "type", "button",
			"aria-expanded", strconv.FormatBool(c.Picking), "aria-label", "Add a threat to "+name).
			OnClick(c.Editor.guard("opening the catalog", c.onAdd)).Text("Add a threat"),
		app.If(c.Picking, func() app.UI {
			return &CatalogPicker{Target: c.Layer, Existing: c.Filed, Editor: c.Editor}
		}),
	)
}

// renderLayerHead draws the status menu and the notes of a layer.
func (c *LayerSection) renderLayerHead(id string) []app.UI {
	options := make([]app.UI, len(statusChoices))
	for i, s := range statusChoices {
		options[i] = textEl("option", s.Label(), "value", s.String(), "selected", strconv.FormatBool(s == c.Entry.Status))
	}
	var vertical app.UI
	if c.Layer.Vertical() {
		vertical = textEl("p", "A vertical layer: its controls cut across the other six.", "class", "tc-layer-about")
	}
	return []app.UI{
		vertical,
		el("div", "class", "tc-field tc-layer-status").Body(
			textEl("label", "Status", "for", id+"-status"),
			el("select", "id", id+"-status", "class", "tc-status-"+c.Entry.Status.String()).
				OnChange(c.Editor.guard("setting a layer's status", c.onStatus)).Body(options...),
			textEl("span", statusIcon(c.Entry.Status), "class", "tc-status-icon", "aria-hidden", "true"),
		),
		c.renderAssessNote(id),
		el("div", "class", "tc-field tc-layer-notes").Body(
			textEl("label", "Notes", "for", id+"-notes"),
			el("textarea", "id", id+"-notes", "rows", "4", "aria-describedby", id+"-notes-count "+id+"-notes-error",
				"aria-invalid", invalid(c.notes.message())).
				OnInput(c.Editor.guard("editing a layer's notes", c.onNotes)).Text(c.notes.shown(c.Entry.Notes)),
			textEl("p", textCount(c.notes.shown(c.Entry.Notes), card.MaxNotes), "id", id+"-notes-count", "class", "tc-count"),
			fieldError(id+"-notes-error", c.notes.message()),
		),
	}
}

// renderAssessNote offers to mark the layer mapped when threats are filed
// under it or touch it while it is still marked not assessed: adding them
// is assessing it, and the overview would otherwise show the layer as
// untouched. Otherwise the note's place is drawn empty, so that the notes
// field after it stays the same element.
func (c *LayerSection) renderAssessNote(id string) app.UI {
	note := el("div", "id", id+"-assess", "class", "tc-assess-note")
	own := len(c.Entry.Threats)
	if c.Entry.Status != maestro.NotAssessed || own+c.Touching == 0 {
		return note
	}
	return note.Body(
		textEl("p", notAssessedNote(sectionName(c.Layer), own, c.Touching), "id", id+"-assess-text"),
		el("button", "id", id+"-mark-mapped", "class", "tc-mark-mapped", "type", "button",
			"aria-describedby", id+"-assess-text").
			OnClick(c.Editor.guard("marking a layer mapped", c.onMarkMapped)).Text("Mark it mapped"),
	)
}

// OnUpdate brings the status menu and the notes in line with the card, as
// ThreatEditor.OnUpdate does: a new card (imported, or started over) with
// empty notes would otherwise leave the old notes in the field.
func (c *LayerSection) OnUpdate(ctx app.Context) {
	if c.Layer == 0 {
		return
	}
	c.notes.follow(c.Entry.Notes)
	ctx.Defer(func(app.Context) {
		id := sectionID(c.Layer)
		syncValue(id+"-status", c.Entry.Status.String())
		syncValue(id+"-notes", c.notes.shown(c.Entry.Notes))
	})
}

func (c *LayerSection) onStatus(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	s, err := maestro.ParseStatus(el.Get("value").String())
	if err != nil {
		el.Set("value", c.Entry.Status.String())
		return
	}
	c.message = c.Editor.apply(ctx, editStatus(c.Layer, s))
	if c.message != "" {
		el.Set("value", c.Entry.Status.String())
	}
	c.Editor.resyncValue(el, func() string { return c.Entry.Status.String() })
}

// onMarkMapped sets the layer's status to mapped; the note goes, so the
// focus moves to the status menu, which now says so.
func (c *LayerSection) onMarkMapped(ctx app.Context, e app.Event) {
	if c.message = c.Editor.apply(ctx, editStatus(c.Layer, maestro.Mapped)); c.message != "" {
		return
	}
	c.Editor.announce("Marked " + sectionName(c.Layer) + " " + maestro.Mapped.Label() + ".")
	c.Editor.focusAfterRender(sectionID(c.Layer) + "-status")
}

// onNotes gives the card the notes typed. Notes the card does not take
// stay in the field as typed, with the message under it; the card keeps
// its earlier notes.
func (c *LayerSection) onNotes(ctx app.Context, e app.Event) {
	el := ctx.JSSrc()
	v := el.Get("value").String()
	if msg := c.Editor.applyText(ctx, editNotes(c.Layer, v), v, card.MaxNotes, "notes"); msg != "" {
		c.notes.hold(v, c.Entry.Notes, msg)
		return
	}
	c.notes.release()
	c.Editor.resyncValue(el, func() string { return c.notes.shown(c.Entry.Notes) })
}

func (c *LayerSection) onAdd(ctx app.Context, e app.Event) {
	c.Editor.togglePicker(c.Layer)
}
