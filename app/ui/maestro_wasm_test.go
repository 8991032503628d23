//go:build js && wasm

package ui

import (
	"reflect"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// These tests drive the MAESTRO editor in Chromium (wasmbrowsertest): real
// DOM events go through go-app's handlers, and each accepted edit is applied
// to the host's card as the page applies it.

// maestroHost stands in for the page: it owns the card and applies the
// editor's edits to a shallow copy, keeping the copy if it passes
// card.Validate. With refuse set it takes no edit at all, as the page does
// when the link would grow too long.
type maestroHost struct {
	app.Compo

	card   *card.Card
	rev    int
	refuse bool
}

func (h *maestroHost) Render() app.UI {
	return app.Elem("div").Body(&MaestroEditor{Card: h.card, Rev: h.rev, OnEdit: h.onEdit})
}

func (h *maestroHost) onEdit(ctx app.Context, e Edit) {
	if h.refuse {
		return
	}
	next := *h.card
	e(&next)
	if next.Validate() != nil {
		return
	}
	h.card = &next
	h.rev++
}

func loadMaestro(t *testing.T, m maestro.Model) (*maestroHost, app.TestEngine) {
	t.Helper()
	c := card.NewCard()
	c.MAESTRO = m
	h := &maestroHost{card: c}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return h, e
}

func maestroQuery(t *testing.T, selector string) app.Value {
	t.Helper()
	el := app.Window().Get("document").Call("querySelector", selector)
	if !el.Truthy() {
		t.Fatalf("no element %s in the page", selector)
	}
	return el
}

func maestroCount(selector string) int {
	return app.Window().Get("document").Call("querySelectorAll", selector).Length()
}

func maestroText(t *testing.T, selector string) string {
	t.Helper()
	return maestroQuery(t, selector).Get("textContent").String()
}

func maestroClick(t *testing.T, e app.TestEngine, selector string) {
	t.Helper()
	maestroQuery(t, selector).Call("click")
	e.ConsumeAll()
}

// maestroSet gives a control a value as typing or picking would, and fires
// the event (input or change) the control's handler listens to.
func maestroSet(t *testing.T, e app.TestEngine, selector, value, event string) {
	t.Helper()
	el := maestroQuery(t, selector)
	el.Set("value", value)
	maestroFire(el, event)
	e.ConsumeAll()
}

func maestroFire(el app.Value, event string) {
	init := map[string]any{"bubbles": true, "cancelable": true}
	el.Call("dispatchEvent", app.Window().Get("Event").New(event, init))
}

func focused() string {
	return app.Window().Get("document").Get("activeElement").Get("id").String()
}

func wantModel(t *testing.T, h *maestroHost, want maestro.Model) {
	t.Helper()
	if !reflect.DeepEqual(h.card.MAESTRO, want) {
		t.Fatalf("card's model:\n%+v\nwant\n%+v", h.card.MAESTRO, want)
	}
}

func wantText(t *testing.T, selector, want string) {
	t.Helper()
	if got := maestroText(t, selector); got != want {
		t.Errorf("%s shows %q, want %q", selector, got, want)
	}
}

func TestAddACatalogThreatBySearchingThenDeleteIt(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{})

	maestroClick(t, e, "#layer-1-add-threat")
	if got := focused(); got != "catalog-search" {
		t.Errorf("focus on #%s after opening the catalog, want #catalog-search", got)
	}
	wantText(t, "#catalog-count", "10 catalog threats for L1 Foundation Models")

	maestroSet(t, e, "#catalog-search", "stealing", "input")
	wantText(t, "#catalog-count", "1 catalog threat matches “stealing”")
	wantText(t, "#catalog-results .tc-catalog-name", "Model Stealing")

	maestroClick(t, e, "#catalog-results button.tc-catalog-add")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{
		0: {Threats: []maestro.Threat{{CatalogID: "l1-model-stealing"}}},
	}})
	wantText(t, "#layer-1 li.tc-threat legend", "Model Stealing")
	wantText(t, "#maestro-overview li:nth-child(1) .tc-overview-count", "1 threat")
	wantText(t, "#maestro-status", "Added Model Stealing to L1 Foundation Models.")
	wantText(t, "#catalog-results .tc-catalog-added", "Already in L1 Foundation Models")
	if got := focused(); got != "catalog-search" {
		t.Errorf("focus on #%s after adding, want #catalog-search", got)
	}

	del := maestroQuery(t, "#layer-1 li.tc-threat .tc-threat-delete")
	if got := del.Call("getAttribute", "aria-label").String(); got != "Delete threat Model Stealing" {
		t.Errorf("delete button named %q", got)
	}
	maestroClick(t, e, "#layer-1 li.tc-threat .tc-threat-delete")
	wantModel(t, h, maestro.Model{})
	if n := maestroCount("#layer-1 li.tc-threat"); n != 0 {
		t.Errorf("%d threats still shown under L1", n)
	}
	wantText(t, "#maestro-overview li:nth-child(1) .tc-overview-count", "no threats")
	wantText(t, "#maestro-status", "Deleted threat Model Stealing.")
	if got := focused(); got != "layer-1-add-threat" {
		t.Errorf("focus on #%s after deleting the only threat, want #layer-1-add-threat", got)
	}
}

func TestReorderTwoThreats(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
		{Title: "First"},
		{Title: "Second", Description: "Only the second has a description.", Likelihood: maestro.High},
	}}}})

	maestroClick(t, e, "#layer-2-threat-1-up")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
		{Title: "Second", Description: "Only the second has a description.", Likelihood: maestro.High},
		{Title: "First"},
	}}}})
	wantText(t, "#layer-2-threat-0-name", "Second")
	wantText(t, "#layer-2-threat-1-name", "First")
	// The fields at each place show the threat now there, empty ones too.
	checks := map[string]string{
		"#layer-2-threat-0-title":       "Second",
		"#layer-2-threat-0-description": "Only the second has a description.",
		"#layer-2-threat-0-likelihood":  "High",
		"#layer-2-threat-1-title":       "First",
		"#layer-2-threat-1-description": "",
		"#layer-2-threat-1-likelihood":  "unrated",
	}
	for sel, want := range checks {
		if got := maestroQuery(t, sel).Get("value").String(); got != want {
			t.Errorf("%s shows %q, want %q", sel, got, want)
		}
	}
	if got := focused(); got != "layer-2-threat-0-down" {
		t.Errorf("focus on #%s after moving to the top, want #layer-2-threat-0-down", got)
	}
	wantText(t, "#maestro-status", "Moved Second to place 1 of 2.")

	maestroClick(t, e, "#layer-2-threat-0-down")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
		{Title: "First"},
		{Title: "Second", Description: "Only the second has a description.", Likelihood: maestro.High},
	}}}})
	if got := focused(); got != "layer-2-threat-1-up" {
		t.Errorf("focus on #%s after moving to the bottom, want #layer-2-threat-1-up", got)
	}
}

func TestChangeALayersStatus(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{})
	maestroSet(t, e, "#layer-4-status", "uncertain", "change")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{3: {Status: maestro.Uncertain}}})
	wantText(t, "#maestro-overview li:nth-child(4) .tc-status", "⚠ not certain from listing")
	if got := maestroQuery(t, "#maestro-overview li:nth-child(4)").Get("className").String(); got != "tc-overview-item tc-status-uncertain" {
		t.Errorf("overview item class %q", got)
	}

	maestroSet(t, e, "#layer-4-status", "mapped", "change")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{3: {Status: maestro.Mapped}}})
	wantText(t, "#maestro-overview li:nth-child(4) .tc-status", "✓ mapped")
}

func TestNotesUpdateAsTypedAndStopAtTheLimit(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{})
	maestroSet(t, e, "#layer-3-notes", "Runs tools", "input")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{2: {Notes: "Runs tools"}}})
	wantText(t, "#layer-3-notes-count", "3,990 of 4,000 characters left")

	// Notes over the limit stay in the field as typed, never cut; the card
	// keeps its earlier notes, and the field says by how much it is over.
	long := strings.Repeat("x", 4001)
	maestroSet(t, e, "#layer-3-notes", long, "input")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{2: {Notes: "Runs tools"}}})
	if got := maestroQuery(t, "#layer-3-notes").Get("value").String(); got != long {
		t.Errorf("refused notes: field shows %d characters, want the 4001 typed", len(got))
	}
	wantText(t, "#layer-3-notes-error", "These notes have 4,001 characters, 1 over their limit of 4,000. "+
		"The card keeps its earlier notes until they are shortened.")
	wantText(t, "#layer-3-notes-count", "4,001 of 4,000 characters: 1 over")

	maestroSet(t, e, "#layer-3-notes", "", "input")
	wantModel(t, h, maestro.Model{})
	wantText(t, "#layer-3-notes-error", "")
	wantText(t, "#layer-3-notes-count", "4,000 of 4,000 characters left")
}

func TestAFieldTheHostDidNotTakeShowsTheCardAgain(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{Layers: [7]maestro.LayerEntry{4: {Notes: "kept"}}})
	h.refuse = true
	maestroSet(t, e, "#layer-5-notes", "kept, and more", "input")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{4: {Notes: "kept"}}})
	if got := maestroQuery(t, "#layer-5-notes").Get("value").String(); got != "kept" {
		t.Errorf("notes field shows %q, want the card's %q", got, "kept")
	}
}

func TestRateAThreat(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{Layers: [7]maestro.LayerEntry{6: {Threats: []maestro.Threat{{CatalogID: "l7-agent-tool-misuse", ASI: 2}}}}})
	const id = "#layer-7-threat-0"
	maestroSet(t, e, id+"-likelihood", "High", "change")
	wantText(t, id+"-risk", "not rated")
	maestroSet(t, e, id+"-impact", "Medium", "change")
	wantText(t, id+"-risk", "High")
	maestroSet(t, e, id+"-asi", "none", "change")
	maestroSet(t, e, id+"-state", "accepted", "change")
	maestroSet(t, e, id+"-description", "Books meetings nobody asked for.", "input")
	maestroSet(t, e, id+"-mitigations", "Confirm each booking\nDaily cap", "input")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{6: {Threats: []maestro.Threat{{
		CatalogID:   "l7-agent-tool-misuse",
		Description: "Books meetings nobody asked for.",
		Likelihood:  maestro.High,
		Impact:      maestro.Medium,
		Mitigations: "Confirm each booking\nDaily cap",
		State:       maestro.Accepted,
	}}}}})
	wantText(t, id+"-mitigations-count", "1,970 of 2,000 characters left")
}

func TestTickingLayersMovesAThreatToCrossLayerAndBack(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{{Title: "Tool abuse"}}}}})

	maestroClick(t, e, "#layer-3-threat-0-touches-5")
	wantModel(t, h, maestro.Model{CrossLayer: []maestro.Threat{{Title: "Tool abuse", Layers: []maestro.Layer{3, 5}}}})
	if n := maestroCount("#layer-3 li.tc-threat"); n != 0 {
		t.Errorf("%d threats still under L3", n)
	}
	for l, want := range map[string]bool{"1": false, "3": true, "5": true} {
		if got := maestroQuery(t, "#layer-cross-threat-0-touches-"+l).Get("checked").Bool(); got != want {
			t.Errorf("Cross-Layer threat's L%s box ticked = %v, want %v", l, got, want)
		}
	}
	wantText(t, "#maestro-status", "Tool abuse touches L3 and L5: moved to Cross-Layer.")
	wantText(t, "#maestro-overview li:nth-child(3) .tc-overview-count", "1 cross-layer threat")
	wantText(t, "#maestro-overview li:nth-child(5) .tc-overview-count", "1 cross-layer threat")
	wantText(t, "#maestro-overview li:nth-child(8) .tc-overview-count", "1 threat")
	if got := focused(); got != "layer-cross-threat-0-touches-5" {
		t.Errorf("focus on #%s, want the box just ticked, now in Cross-Layer", got)
	}

	maestroClick(t, e, "#layer-cross-threat-0-touches-3")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{4: {Threats: []maestro.Threat{{Title: "Tool abuse"}}}}})
	wantText(t, "#maestro-status", "Tool abuse touches only L5: moved to L5 Evaluation and Observability.")
	if got := focused(); got != "layer-5-threat-0" {
		t.Errorf("focus on #%s, want the moved threat #layer-5-threat-0", got)
	}
	if !maestroQuery(t, "#layer-5-threat-0-touches-5").Get("disabled").Bool() {
		t.Error("the threat's own layer can be cleared")
	}
}

func TestAddAThreatWrittenByHand(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{})
	maestroClick(t, e, "#layer-cross-add-threat")

	maestroFire(maestroQuery(t, "#catalog-custom"), "submit")
	e.ConsumeAll()
	wantText(t, "#catalog-message", "Write the threat's title first.")
	wantModel(t, h, maestro.Model{})

	maestroSet(t, e, "#catalog-custom-title", "  Confused deputy ", "input")
	wantText(t, "#catalog-message", "")
	maestroFire(maestroQuery(t, "#catalog-custom"), "submit")
	e.ConsumeAll()
	wantModel(t, h, maestro.Model{CrossLayer: []maestro.Threat{{Title: "Confused deputy"}}})
	if got := maestroQuery(t, "#catalog-custom-title").Get("value").String(); got != "" {
		t.Errorf("title field still shows %q", got)
	}
	wantText(t, "#catalog-message", "")
	wantText(t, "#layer-cross-threat-0-name", "Confused deputy")

	maestroClick(t, e, "#catalog-close")
	if n := maestroCount("#catalog-picker"); n != 0 {
		t.Error("the catalog is still open")
	}
	if got := focused(); got != "layer-cross-add-threat" {
		t.Errorf("focus on #%s after closing, want #layer-cross-add-threat", got)
	}
}

func TestAThreatsTitleCannotBeEmptied(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{Layers: [7]maestro.LayerEntry{0: {Threats: []maestro.Threat{{Title: "Jailbreak"}}}}})
	// The emptied field stays empty (the next keystroke may be the new
	// title); the card keeps its title, and the field says why.
	maestroSet(t, e, "#layer-1-threat-0-title", "", "input")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{0: {Threats: []maestro.Threat{{Title: "Jailbreak"}}}}})
	if got := maestroQuery(t, "#layer-1-threat-0-title").Get("value").String(); got != "" {
		t.Errorf("title field shows %q, want it empty as left", got)
	}
	wantText(t, "#layer-1-threat-0-title-error",
		"Not accepted: threat 1 of L1 Foundation Models needs a catalog id or a title. The card keeps its earlier title.")
	maestroSet(t, e, "#layer-1-threat-0-title", "Prompt injection", "input")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{0: {Threats: []maestro.Threat{{Title: "Prompt injection"}}}}})
	wantText(t, "#layer-1-threat-0-title-error", "")
}

func TestEscClosesTheCatalogAndGivesTheFocusBack(t *testing.T) {
	tests := []struct {
		name  string
		focus string // where the focus is when Esc is pressed
	}{
		{"from the search field, with a search typed", "#catalog-search"},
		{"from the title of a threat being written", "#catalog-custom-title"},
		{"from a result's add button", "#catalog-results button.tc-catalog-add"},
		{"from the close button", "#catalog-close"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, e := loadMaestro(t, maestro.Model{})
			maestroClick(t, e, "#layer-3-add-threat")
			maestroSet(t, e, "#catalog-search", "tool", "input")
			maestroQuery(t, tt.focus).Call("focus")

			maestroKey(t, e, tt.focus, "a")
			if n := maestroCount("#catalog-picker"); n != 1 {
				t.Fatal("a key other than Esc closed the catalog")
			}
			maestroKey(t, e, tt.focus, "Escape")
			if n := maestroCount("#catalog-picker"); n != 0 {
				t.Error("the catalog is still open after Esc")
			}
			if got := focused(); got != "layer-3-add-threat" {
				t.Errorf("focus on #%s after Esc, want the button that opened the catalog, #layer-3-add-threat", got)
			}
			if got := maestroQuery(t, "#layer-3-add-threat").Call("getAttribute", "aria-expanded").String(); got != "false" {
				t.Errorf("the button says aria-expanded=%s", got)
			}
			wantModel(t, h, maestro.Model{})
		})
	}
}

// maestroKey presses key (a KeyboardEvent key) in the element the selector
// finds: keydown, as the browser sends it, bubbling.
func maestroKey(t *testing.T, e app.TestEngine, selector, key string) {
	t.Helper()
	init := map[string]any{"key": key, "bubbles": true, "cancelable": true}
	maestroQuery(t, selector).Call("dispatchEvent", app.Window().Get("KeyboardEvent").New("keydown", init))
	e.ConsumeAll()
}

func TestACatalogThreatOfAnotherSectionIsFiledWhereTheCatalogFilesIt(t *testing.T) {
	tests := []struct {
		name   string
		search string
		id     string
		where  string // the words at the result before it is added
		status string // the status line after
		want   maestro.Model
		shown  string // the threat's element, once added
	}{
		{
			name: "an L3 threat found under L1", search: "insecure tool integration", id: "l3-insecure-tool-integration",
			where:  "This threat belongs to L3 Agent Frameworks; it is filed there.",
			status: "Added Insecure Tool Integration to L3 Agent Frameworks, where the catalog files it.",
			want:   maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{{CatalogID: "l3-insecure-tool-integration", ASI: 2}}}}},
			shown:  "#layer-3-threat-0-name",
		},
		{
			name: "a cross-layer threat found under L1", search: "goal misalignment", id: "x-goal-misalignment",
			where:  "This threat spans layers; it is filed under Cross-Layer.",
			status: "Added Goal Misalignment Cascades to Cross-Layer, where the catalog files it.",
			want:   maestro.Model{CrossLayer: []maestro.Threat{{CatalogID: "x-goal-misalignment", ASI: 1, Layers: []maestro.Layer{2, 3, 7}}}},
			shown:  "#layer-cross-threat-0-name",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, e := loadMaestro(t, maestro.Model{})
			maestroClick(t, e, "#layer-1-add-threat")
			maestroSet(t, e, "#catalog-search", tt.search, "input")
			wantText(t, "#catalog-where-"+tt.id, tt.where)

			maestroClick(t, e, `#catalog-results button[value="`+tt.id+`"]`)
			wantModel(t, h, tt.want)
			wantText(t, "#maestro-status", tt.status)
			if n := maestroCount("#layer-1 li.tc-threat"); n != 0 {
				t.Errorf("%d threats under L1", n)
			}
			if maestroCount(tt.shown) != 1 {
				t.Errorf("no %s", tt.shown)
			}
			dest := "L3 Agent Frameworks"
			if tt.want.CrossLayer != nil {
				dest = "Cross-Layer"
			}
			wantText(t, "#catalog-results .tc-catalog-added", "Already in "+dest)
			if got := focused(); got != "catalog-search" {
				t.Errorf("focus on #%s after adding, want #catalog-search", got)
			}
		})
	}
}

func TestMarkALayerWithThreatsMappedFromItsNote(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{})
	if n := maestroCount("#layer-4-mark-mapped"); n != 0 {
		t.Fatal("a layer without threats offers to be marked mapped")
	}
	maestroClick(t, e, "#layer-4-add-threat")
	maestroSet(t, e, "#catalog-search", "resource hijacking", "input")
	maestroClick(t, e, `#catalog-results button[value="l4-resource-hijacking"]`)
	wantText(t, "#layer-4-assess-text", "L4 Deployment and Infrastructure is still marked not assessed, though it has 1 threat.")

	maestroClick(t, e, "#layer-4-mark-mapped")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{3: {Status: maestro.Mapped,
		Threats: []maestro.Threat{{CatalogID: "l4-resource-hijacking"}}}}})
	if n := maestroCount("#layer-4-mark-mapped"); n != 0 {
		t.Error("the note is still there once the layer is mapped")
	}
	if got := maestroQuery(t, "#layer-4-status").Get("value").String(); got != "mapped" {
		t.Errorf("the status menu shows %q", got)
	}
	wantText(t, "#maestro-overview li:nth-child(4) .tc-status", "✓ mapped")
	wantText(t, "#maestro-status", "Marked L4 Deployment and Infrastructure mapped.")
	if got := focused(); got != "layer-4-status" {
		t.Errorf("focus on #%s, want the status menu #layer-4-status", got)
	}
}

func TestTheASIMenusChoiceIsShownInFull(t *testing.T) {
	h, e := loadMaestro(t, maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{{Title: "Leaky tool"}}}}})
	const id = "#layer-2-threat-0-asi"
	wantText(t, id+"-shown", "None")
	maestroSet(t, e, id, "ASI04", "change")
	wantModel(t, h, maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{{Title: "Leaky tool", ASI: 4}}}}})
	wantText(t, id+"-shown", "ASI04 Agentic Supply Chain Vulnerabilities")

	h.refuse = true
	maestroSet(t, e, id, "ASI07", "change")
	wantText(t, id+"-shown", "ASI04 Agentic Supply Chain Vulnerabilities")
	if got := maestroQuery(t, id).Get("value").String(); got != "ASI04" {
		t.Errorf("the menu shows %q after a refused change, want the card's ASI04", got)
	}
}
