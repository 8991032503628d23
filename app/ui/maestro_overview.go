package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/maestro"
)

// LayerOverview shows every layer's status and number of threats at a
// glance, each linking to its section.
type LayerOverview struct {
	app.Compo

	Statuses [maestro.NumLayers]maestro.Status // L1 first
	Counts   [maestro.NumLayers + 1]int        // threats per layer, L1 first, Cross-Layer last
	Touching [maestro.NumLayers]int            // cross-layer threats that touch each layer, L1 first
	Editor   *MaestroEditor                    // guards the links' handler; may be nil
}

// crossTouching counts, for each layer, the cross-layer threats of m that
// name it among the layers they touch. A layer named twice by one threat
// counts once.
func crossTouching(m *maestro.Model) [maestro.NumLayers]int {
	var n [maestro.NumLayers]int
	for i := range m.CrossLayer {
		var seen [maestro.NumLayers + 1]bool
		for _, l := range m.CrossLayer[i].Layers {
			if l.Valid() && !seen[l] {
				seen[l] = true
				n[l-1]++
			}
		}
	}
	return n
}

func (c *LayerOverview) Render() app.UI {
	goTo := app.EventHandler(c.goTo)
	if c.Editor != nil {
		goTo = c.Editor.guard("going to a layer", c.goTo)
	}
	items := make([]app.UI, 0, maestro.NumLayers+1)
	for _, l := range maestro.Layers() {
		s := c.Statuses[l-1]
		items = append(items, el("li", "class", "tc-overview-item tc-status-"+s.String()).Body(
			el("a", "href", "#"+sectionID(l)).OnClick(goTo).Body(
				textEl("span", l.Code(), "class", "tc-overview-code"),
				app.Text(" "),
				textEl("span", l.Name(), "class", "tc-overview-name"),
				app.Text(" "),
				el("span", "class", "tc-status").Body(
					textEl("span", statusIcon(s), "class", "tc-status-icon", "aria-hidden", "true"),
					app.Text(" "+s.Label()),
				),
				textEl("span", ", ", "class", "tc-sep"),
				textEl("span", layerThreatCount(c.Counts[l-1], c.Touching[l-1]), "class", "tc-overview-count"),
			),
		))
	}
	items = append(items, el("li", "class", "tc-overview-item tc-overview-cross").Body(
		el("a", "href", "#"+sectionID(0)).OnClick(goTo).Body(
			textEl("span", maestro.CrossLayerName(), "class", "tc-overview-name"),
			textEl("span", ", ", "class", "tc-sep"),
			textEl("span", threatCount(c.Counts[maestro.NumLayers]), "class", "tc-overview-count"),
		),
	))
	return el("nav", "id", "maestro-overview", "class", "tc-overview",
		"aria-label", "MAESTRO layers at a glance").Body(
		el("ol", "class", "tc-overview-list").Body(items...),
	)
}

// goTo moves the focus to the section's heading instead of following the
// link: the page's fragment carries the card, so it must not change.
func (c *LayerOverview) goTo(ctx app.Context, e app.Event) {
	e.PreventDefault()
	e.Call("stopPropagation") // go-app's window handler would navigate to the fragment
	id := strings.TrimPrefix(ctx.JSSrc().Call("getAttribute", "href").String(), "#")
	if el := app.Window().GetElementByID(id + "-title"); el.Truthy() {
		el.Call("focus")
		el.Call("scrollIntoView")
	}
}
