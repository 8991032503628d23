package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/maestro"
)

// CatalogPicker adds a threat to a section: one of the MAESTRO catalog's,
// found by searching it, or one written by hand. With an empty search it
// lists the catalog's threats for the section.
type CatalogPicker struct {
	app.Compo

	Target   maestro.Layer  // the section the threat goes to: 1…7, or 0 for Cross-Layer
	Existing []string       // catalog ids already in that section
	Editor   *MaestroEditor // where edits go

	query   string // the search as typed
	custom  string // the title of a threat being written
	message string // why the last addition was refused
}

// results are the catalog threats the picker lists.
func (c *CatalogPicker) results() []maestro.CatalogThreat {
	if strings.TrimSpace(c.query) == "" {
		return maestro.CatalogFor(c.Target)
	}
	return maestro.SearchCatalog(c.query)
}

// resultsSummary says what the list shows.
func (c *CatalogPicker) resultsSummary(n int) string {
	if strings.TrimSpace(c.query) == "" {
		if c.Target == 0 {
			return strconv.Itoa(n) + " catalog threats that span layers"
		}
		return strconv.Itoa(n) + " catalog threats for " + c.Target.String()
	}
	q := "“" + strings.TrimSpace(c.query) + "”"
	switch n {
	case 0:
		return "No catalog threat matches " + q
	case 1:
		return "1 catalog threat matches " + q
	}
	return strconv.Itoa(n) + " catalog threats match " + q
}

func (c *CatalogPicker) Render() app.UI {
	g := c.Editor.guard
	target := sectionName(c.Target)
	found := c.results()
	items := make([]app.UI, len(found))
	for i, ct := range found {
		items[i] = c.renderResult(ct, target, g)
	}
	return app.Div().ID("catalog-picker").Class("tc-catalog").Role("group").Aria("labelledby", "catalog-title").Body(
		app.H4().ID("catalog-title").Text("Add a threat to "+target),
		app.Div().Class("tc-field").Body(
			app.Label().For("catalog-search").Text("Search the MAESTRO catalog"),
			app.Input().ID("catalog-search").Type("search").AutoComplete(false).
				Aria("describedby", "catalog-count").Aria("controls", "catalog-results").
				Value(c.query).OnInput(g("searching the catalog", c.onSearch)),
		),
		app.P().ID("catalog-count").Class("tc-count").Role("status").Text(c.resultsSummary(len(found))),
		app.Ul().ID("catalog-results").Class("tc-catalog-results").Body(items...),
		app.Form().ID("catalog-custom").Class("tc-catalog-custom").OnSubmit(g("adding a threat", c.onAddCustom)).Body(
			app.Label().For("catalog-custom-title").Text("Or write your own threat: its title"),
			app.Input().ID("catalog-custom-title").Type("text").Value(c.custom).
				OnInput(g("writing a threat's title", c.onCustom)),
			app.Button().ID("catalog-add-custom").Type("submit").Text("Add this threat"),
		),
		app.P().ID("catalog-message").Class("tc-refusal").Role("alert").Text(c.message),
		app.Button().ID("catalog-close").Type("button").OnClick(g("closing the catalog", c.onClose)).Text("Close the catalog"),
	)
}

func (c *CatalogPicker) renderResult(ct maestro.CatalogThreat, target string, g func(string, app.EventHandler) app.EventHandler) app.UI {
	where := maestro.CrossLayerName()
	if ct.Layer != 0 {
		where = ct.Layer.Code()
	}
	var action app.UI
	if slices.Contains(c.Existing, ct.ID) {
		action = app.Span().Class("tc-catalog-added").Text("Already in " + target)
	} else {
		// The handler reads the id from the button's value: go-app keeps
		// the handler first drawn at a place in the list, whatever the
		// search shows there later.
		action = app.Button().Class("tc-catalog-add").Type("button").Value(ct.ID).
			Aria("label", "Add "+ct.Name+" to "+target).
			OnClick(g("adding a threat", c.onAddCatalog)).Text("Add")
	}
	return app.Li().Class("tc-catalog-result").Body(
		app.Div().Class("tc-catalog-head").Body(
			app.Span().Class("tc-catalog-name").Text(ct.Name),
			app.Text(" "),
			app.Span().Class("tc-catalog-layer").Text(where),
			app.If(ct.ASI != 0, func() app.UI {
				return app.Span().Class("tc-catalog-asi").Title("%s", ct.ASI.Name()).Text(" " + ct.ASI.Code())
			}),
		),
		app.P().Class("tc-catalog-description").Text(ct.Description),
		action,
	)
}

func (c *CatalogPicker) onSearch(ctx app.Context, e app.Event) {
	c.query = ctx.JSSrc().Get("value").String()
	c.message = ""
}

func (c *CatalogPicker) onCustom(ctx app.Context, e app.Event) {
	c.custom = ctx.JSSrc().Get("value").String()
	c.message = ""
}

func (c *CatalogPicker) onClose(ctx app.Context, e app.Event) {
	c.Editor.closePicker()
}

// onAddCatalog adds the catalog threat named by the button's value, with
// the catalog's ASI code and, in Cross-Layer, the layers it usually spans.
func (c *CatalogPicker) onAddCatalog(ctx app.Context, e app.Event) {
	ct, ok := maestro.LookupThreat(ctx.JSSrc().Get("value").String())
	if !ok {
		return
	}
	t := maestro.Threat{CatalogID: ct.ID, ASI: ct.ASI}
	if c.Target == 0 && len(ct.Layers) >= 2 {
		t.Layers = slices.Clone(ct.Layers)
	}
	if c.add(ctx, t) {
		c.Editor.focusAfterRender("catalog-search")
	}
}

func (c *CatalogPicker) onAddCustom(ctx app.Context, e app.Event) {
	e.PreventDefault()
	title := strings.TrimSpace(c.custom)
	if title == "" {
		c.message = "Write the threat's title first."
		c.Editor.focusAfterRender("catalog-custom-title")
		return
	}
	if c.add(ctx, maestro.Threat{Title: title}) {
		c.custom = ""
		syncValue("catalog-custom-title", "") // go-app leaves a field it draws empty as it was
		c.Editor.focusAfterRender("catalog-custom-title")
	}
}

// add appends t to the target section and says so; it reports whether the
// editor took it.
func (c *CatalogPicker) add(ctx app.Context, t maestro.Threat) bool {
	if c.message = c.Editor.apply(ctx, editAddThreat(c.Target, t)); c.message != "" {
		return false
	}
	c.Editor.announce("Added " + threatName(&t) + " to " + sectionName(c.Target) + ".")
	return true
}
