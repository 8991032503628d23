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
//
// A search lists the whole catalog, so it can offer, under L1, a threat the
// catalog files under L3. Such a threat goes where the catalog files it (L3,
// or Cross-Layer with the layers it usually spans), and the picker says so
// next to it before it is added and in the status line after: someone who
// found "Data Poisoning" while looking at L1 expects the L2 threat they
// read about, described as the catalog describes it, not a copy filed under
// L1 whose description names L2. A threat that does concern L1 as well is
// made cross-layer by ticking L1 among the layers it touches.
type CatalogPicker struct {
	app.Compo

	Target   maestro.Layer  // the section whose button opened it: 1…7, or 0 for Cross-Layer
	Existing []string       // catalog ids already filed in their own section (filedCatalogIDs)
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
	return el("div", "id", "catalog-picker", "class", "tc-catalog", "role", "group",
		"aria-labelledby", "catalog-title").OnKeyDown(g("closing the catalog", c.onKeyDown)).Body(
		textEl("h4", "Add a threat to "+target, "id", "catalog-title"),
		el("div", "class", "tc-field").Body(
			textEl("label", "Search the MAESTRO catalog", "for", "catalog-search"),
			voidEl("input", "id", "catalog-search", "type", "search", "autocomplete", "off",
				"aria-describedby", "catalog-count", "aria-controls", "catalog-results", "value", c.query).
				OnInput(g("searching the catalog", c.onSearch)),
		),
		textEl("p", c.resultsSummary(len(found)), "id", "catalog-count", "class", "tc-count", "role", "status"),
		el("ul", "id", "catalog-results", "class", "tc-catalog-results").Body(items...),
		el("form", "id", "catalog-custom", "class", "tc-catalog-custom").
			OnSubmit(g("adding a threat", c.onAddCustom)).Body(
			textEl("label", "Or write your own threat: its title", "for", "catalog-custom-title"),
			voidEl("input", "id", "catalog-custom-title", "type", "text", "value", c.custom).
				OnInput(g("writing a threat's title", c.onCustom)),
			textEl("button", "Add this threat", "id", "catalog-add-custom", "type", "submit"),
		),
		textEl("p", c.message, "id", "catalog-message", "class", "tc-refusal", "role", "alert"),
		el("button", "id", "catalog-close", "type", "button").
			OnClick(g("closing the catalog", c.onClose)).Text("Close the catalog"),
	)
}

func (c *CatalogPicker) renderResult(ct maestro.CatalogThreat, target string, g func(string, app.EventHandler) app.EventHandler) app.UI {
	where := maestro.CrossLayerName()
	if ct.Layer != 0 {
		where = ct.Layer.Code()
	}
	dest := sectionName(ct.Layer)
	// The note's id is the result's: go-app may reuse the element at a
	// place in the list for another result, and its id changes with it.
	noteID := "catalog-where-" + ct.ID
	var note app.UI
	if ct.Layer != c.Target {
		note = textEl("p", filedThere(ct), "id", noteID, "class", "tc-catalog-where")
	}
	var action app.UI
	if slices.Contains(c.Existing, ct.ID) {
		action = textEl("span", "Already in "+dest, "class", "tc-catalog-added")
	} else {
		// The handler reads the id from the button's value: go-app keeps
		// the handler first drawn at a place in the list, whatever the
		// search shows there later.
		b := el("button", "class", "tc-catalog-add", "type", "button", "value", ct.ID,
			"aria-label", "Add "+ct.Name+" to "+dest)
		if note != nil {
			b = b.Aria("describedby", noteID)
		}
		action = b.OnClick(g("adding a threat", c.onAddCatalog)).Text("Add")
	}
	return el("li", "class", "tc-catalog-result").Body(
		el("div", "class", "tc-catalog-head").Body(
			textEl("span", ct.Name, "class", "tc-catalog-name"),
			app.Text(" "),
			textEl("span", where, "class", "tc-catalog-layer"),
			app.If(ct.ASI != 0, func() app.UI {
				return textEl("span", " "+ct.ASI.Code(), "class", "tc-catalog-asi", "title", ct.ASI.Name())
			}),
		),
		textEl("p", ct.Description, "class", "tc-catalog-description"),
		note,
		action,
	)
}

// filedThere says, next to a result from another section, where adding it
// files it.
func filedThere(ct maestro.CatalogThreat) string {
	if ct.Layer == 0 {
		return "This threat spans layers; it is filed under " + maestro.CrossLayerName() + "."
	}
	return "This threat belongs to " + ct.Layer.String() + "; it is filed there."
}

// filedCatalogIDs are the catalog ids of m's threats that sit in the
// section the catalog files them under, the picker's "already in".
func filedCatalogIDs(m *maestro.Model) []string {
	var ids []string
	layers := maestro.Layers()
	for _, sec := range append(layers[:], 0) {
		for _, t := range threatsIn(m, sec) {
			if ct, ok := maestro.LookupThreat(t.CatalogID); ok && ct.Layer == sec {
				ids = append(ids, t.CatalogID)
			}
		}
	}
	return ids
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

// onKeyDown closes the catalog on Esc from anywhere in it, as a dialog
// closes, and gives the focus back to the button that opened it. Esc in
// the search field would otherwise only empty the field.
func (c *CatalogPicker) onKeyDown(ctx app.Context, e app.Event) {
	if e.Get("key").String() != "Escape" || e.Get("isComposing").Bool() {
		return
	}
	e.PreventDefault()
	c.Editor.closePicker()
}

// onAddCatalog adds the catalog threat named by the button's value where
// the catalog files it (see CatalogPicker), with the catalog's ASI code
// and, in Cross-Layer, the layers it usually spans.
func (c *CatalogPicker) onAddCatalog(ctx app.Context, e app.Event) {
	ct, ok := maestro.LookupThreat(ctx.JSSrc().Get("value").String())
	if !ok {
		return
	}
	t := maestro.Threat{CatalogID: ct.ID, ASI: ct.ASI}
	if ct.Layer == 0 && len(ct.Layers) >= 2 {
		t.Layers = slices.Clone(ct.Layers)
	}
	if c.add(ctx, ct.Layer, t) {
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
	if c.add(ctx, c.Target, maestro.Threat{Title: title}) {
		c.custom = ""
		syncValue("catalog-custom-title", "") // go-app leaves a field it draws empty as it was
		c.Editor.focusAfterRender("catalog-custom-title")
	}
}

// add appends t to section sec and says so, and where, when that is not
// the section the picker was opened for; it reports whether the editor took
// it.
func (c *CatalogPicker) add(ctx app.Context, sec maestro.Layer, t maestro.Threat) bool {
	if c.message = c.Editor.apply(ctx, editAddThreat(sec, t)); c.message != "" {
		return false
	}
	msg := "Added " + threatName(&t) + " to " + sectionName(sec)
	if sec != c.Target {
		msg += ", where the catalog files it"
	}
	c.Editor.announce(msg + ".")
	return true
}
