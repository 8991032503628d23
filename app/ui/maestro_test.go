package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// maestroHandler stands for any event handler: app.Match checks that an element has
// handlers for the same events, not which functions they are.
func maestroHandler(app.Context, app.Event) {}

// maestroCheck is one node of a render tree to compare.
type maestroCheck struct {
	name     string
	expected app.UI
	path     []int
}

func matchMaestro(t *testing.T, tree app.UI, checks []maestroCheck) {
	t.Helper()
	for _, c := range checks {
		if err := app.Match(c.expected, tree, c.path...); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestLayerOverviewShowsEveryLayersStatusAndThreats(t *testing.T) {
	o := &LayerOverview{
		Statuses: [7]maestro.Status{maestro.Mapped, maestro.Uncertain, maestro.NotAssessed, 5: maestro.Mapped},
		Counts:   [8]int{2, 0, 0, 0, 0, 1, 0, 3},
		Touching: [7]int{1, 0, 2, 0, 0, 0, 0},
	}
	matchMaestro(t, o.Render(), []maestroCheck{
		{"a navigation landmark", app.Elem("nav").ID("maestro-overview").Class("tc-overview").Aria("label", "MAESTRO layers at a glance"), nil},
		{"a list", app.Elem("ol").Class("tc-overview-list"), []int{0}},
		{"L1 item has its status class", app.Elem("li").Class("tc-overview-item tc-status-mapped"), []int{0, 0}},
		{"L1 links to its section", app.Elem("a").Attr("href", "#layer-1").OnClick(maestroHandler), []int{0, 0, 0}},
		{"L1 code", app.Text("L1"), []int{0, 0, 0, 0, 0}},
		{"L1 name", app.Text("Foundation Models"), []int{0, 0, 0, 2, 0}},
		{"L1 icon, hidden from screen readers", app.Elem("span").Class("tc-status-icon").Aria("hidden", "true"), []int{0, 0, 0, 4, 0}},
		{"L1 icon", app.Text("✓"), []int{0, 0, 0, 4, 0, 0}},
		{"L1 status word", app.Text(" mapped"), []int{0, 0, 0, 4, 1}},
		{"L1 counts its own threats and the cross-layer one that touches it", app.Text("2 threats and 1 cross-layer threat"), []int{0, 0, 0, 6, 0}},
		{"L2 item", app.Elem("li").Class("tc-overview-item tc-status-uncertain"), []int{0, 1}},
		{"L2 icon", app.Text("⚠"), []int{0, 1, 0, 4, 0, 0}},
		{"L2 status word", app.Text(" not certain from listing"), []int{0, 1, 0, 4, 1}},
		{"L2 count", app.Text("no threats"), []int{0, 1, 0, 6, 0}},
		{"L3 item", app.Elem("li").Class("tc-overview-item tc-status-not-assessed"), []int{0, 2}},
		{"L3 icon", app.Text("○"), []int{0, 2, 0, 4, 0, 0}},
		{"L3 status word", app.Text(" not assessed"), []int{0, 2, 0, 4, 1}},
		{"L3 has only cross-layer threats", app.Text("2 cross-layer threats"), []int{0, 2, 0, 6, 0}},
		{"L6 name", app.Text("Security and Compliance"), []int{0, 5, 0, 2, 0}},
		{"L6 count", app.Text("1 threat"), []int{0, 5, 0, 6, 0}},
		{"L7 links to its section", app.Elem("a").Attr("href", "#layer-7").OnClick(maestroHandler), []int{0, 6, 0}},
		{"L7 name", app.Text("Agent Ecosystem"), []int{0, 6, 0, 2, 0}},
		{"Cross-Layer last", app.Elem("li").Class("tc-overview-item tc-overview-cross"), []int{0, 7}},
		{"Cross-Layer links to its section", app.Elem("a").Attr("href", "#layer-cross").OnClick(maestroHandler), []int{0, 7, 0}},
		{"Cross-Layer name", app.Text("Cross-Layer"), []int{0, 7, 0, 0, 0}},
		{"Cross-Layer count", app.Text("3 threats"), []int{0, 7, 0, 2, 0}},
	})
}

func TestTheOverviewCountsCrossLayerThreatsUnderEachLayerTheyTouch(t *testing.T) {
	m := maestro.Model{
		Layers: [7]maestro.LayerEntry{0: {Threats: []maestro.Threat{{Title: "a"}}}},
		CrossLayer: []maestro.Threat{
			{Title: "x", Layers: []maestro.Layer{1, 3}},
			{Title: "y", Layers: []maestro.Layer{3, 7}},
			{Title: "named twice", Layers: []maestro.Layer{5, 5}},
			{Title: "no layer named"},
		},
	}
	o := (&MaestroEditor{}).overview(&m)
	if want := [8]int{1, 0, 0, 0, 0, 0, 0, 4}; o.Counts != want {
		t.Errorf("Counts %v, want %v", o.Counts, want)
	}
	if want := [7]int{1, 0, 2, 0, 1, 0, 1}; o.Touching != want {
		t.Errorf("Touching %v, want %v", o.Touching, want)
	}
	matchMaestro(t, o.Render(), []maestroCheck{
		{"L1: its own threat and a cross-layer one", app.Text("1 threat and 1 cross-layer threat"), []int{0, 0, 0, 6, 0}},
		{"L2: none", app.Text("no threats"), []int{0, 1, 0, 6, 0}},
		{"L3: two cross-layer threats", app.Text("2 cross-layer threats"), []int{0, 2, 0, 6, 0}},
		{"L5: a layer named twice by one threat counts once", app.Text("1 cross-layer threat"), []int{0, 4, 0, 6, 0}},
		{"Cross-Layer: all four", app.Text("4 threats"), []int{0, 7, 0, 2, 0}},
	})
}

func TestANotAssessedLayerWithThreatsOffersToMarkItMapped(t *testing.T) {
	tests := []struct {
		name     string
		status   maestro.Status
		threats  int
		touching int
		want     string // the note's words; "" for no note
	}{
		{"not assessed, no threats", maestro.NotAssessed, 0, 0, ""},
		{"not assessed, a threat", maestro.NotAssessed, 1, 0, "L4 Deployment and Infrastructure is still marked not assessed, though it has 1 threat."},
		{"not assessed, touched by cross-layer threats only", maestro.NotAssessed, 0, 2, "L4 Deployment and Infrastructure is still marked not assessed, though 2 cross-layer threats touch it."},
		{"not assessed, both", maestro.NotAssessed, 2, 1, "L4 Deployment and Infrastructure is still marked not assessed, though it has 2 threats and 1 cross-layer threat touches it."},
		{"mapped, with threats", maestro.Mapped, 2, 1, ""},
		{"not certain from listing, with threats", maestro.Uncertain, 1, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &LayerSection{Layer: 4, Touching: tt.touching, Entry: maestro.LayerEntry{Status: tt.status, Threats: make([]maestro.Threat, tt.threats)}}
			tree := s.Render()
			matchMaestro(t, tree, []maestroCheck{{"the note's place", app.Elem("div").ID("layer-4-assess").Class("tc-assess-note"), []int{1, 1}}})
			hasNote := app.Match(app.Elem("p"), tree, 1, 1, 0) == nil
			if tt.want == "" {
				if hasNote {
					t.Error("a note is shown")
				}
				return
			}
			matchMaestro(t, tree, []maestroCheck{
				{"the note", app.Elem("p").ID("layer-4-assess-text"), []int{1, 1, 0}},
				{"the note's words", app.Text(tt.want), []int{1, 1, 0, 0}},
				{"the button, described by the note", app.Elem("button").ID("layer-4-mark-mapped").Class("tc-mark-mapped").Attr("type", "button").Aria("describedby", "layer-4-assess-text").OnClick(maestroHandler), []int{1, 1, 1}},
				{"the button's words", app.Text("Mark it mapped"), []int{1, 1, 1, 0}},
			})
		})
	}
}

func TestLayerSectionWithThreats(t *testing.T) {
	s := &LayerSection{Layer: 2, Entry: maestro.LayerEntry{
		Status: maestro.Mapped,
		Notes:  "Vector store with customer files.",
		Threats: []maestro.Threat{
			{CatalogID: "l2-data-poisoning", ASI: 6},
			{Title: "Stale embeddings", Likelihood: maestro.Low},
		},
	}}
	matchMaestro(t, s.Render(), []maestroCheck{
		{"a section named by its heading", app.Elem("section").ID("layer-2").Class("tc-layer").Aria("labelledby", "layer-2-title"), nil},
		{"heading, focusable from the overview", app.Elem("h3").ID("layer-2-title").TabIndex(-1), []int{0}},
		{"the layer's fixed name", app.Text("L2 Data Operations"), []int{0, 0}},
		{"status label", app.Elem("label").Attr("for", "layer-2-status"), []int{1, 0, 0}},
		{"status menu", app.Elem("select").ID("layer-2-status").Class("tc-status-mapped").OnChange(maestroHandler), []int{1, 0, 1}},
		{"first status", app.Elem("option").Attr("value", "not-assessed").Attr("selected", false), []int{1, 0, 1, 0}},
		{"first status's words", app.Text("not assessed"), []int{1, 0, 1, 0, 0}},
		{"the layer's status is selected", app.Elem("option").Attr("value", "mapped").Attr("selected", true), []int{1, 0, 1, 1}},
		{"third status", app.Elem("option").Attr("value", "uncertain").Attr("selected", false), []int{1, 0, 1, 2}},
		{"third status's words", app.Text("not certain from listing"), []int{1, 0, 1, 2, 0}},
		{"status icon next to the menu", app.Text("✓"), []int{1, 0, 2, 0}},
		{"a mapped layer has no note about its status", app.Elem("div").ID("layer-2-assess").Class("tc-assess-note"), []int{1, 1}},
		{"notes label", app.Elem("label").Attr("for", "layer-2-notes"), []int{1, 2, 0}},
		{"notes", app.Elem("textarea").ID("layer-2-notes").Attr("rows", 4).Aria("describedby", "layer-2-notes-count layer-2-notes-error").OnInput(maestroHandler).Text("Vector store with customer files."), []int{1, 2, 1}},
		{"characters left", app.Text("3,967 of 4,000 characters left"), []int{1, 2, 2, 0}},
		{"message line for refused edits", app.Elem("p").ID("layer-2-message").Class("tc-refusal").Role("alert"), []int{2}},
		{"threats heading", app.Text("Threats in L2 Data Operations"), []int{3, 0}},
		{"threat list", app.Elem("ol").Class("tc-threats").Aria("labelledby", "layer-2-threats-title"), []int{4}},
		{"first threat", &ThreatEditor{Layer: 2, Index: 0, Count: 2, Threat: maestro.Threat{CatalogID: "l2-data-poisoning", ASI: 6}}, []int{4, 0}},
		{"second threat", &ThreatEditor{Layer: 2, Index: 1, Count: 2, Threat: maestro.Threat{Title: "Stale embeddings", Likelihood: maestro.Low}}, []int{4, 1}},
		{"add button", app.Elem("button").ID("layer-2-add-threat").Class("tc-add-threat").Attr("type", "button").Aria("expanded", "false").Aria("label", "Add a threat to L2 Data Operations").OnClick(maestroHandler), []int{5}},
		{"add button's words", app.Text("Add a threat"), []int{5, 0}},
	})
	if err := app.Match(&CatalogPicker{}, s.Render(), 6); err == nil {
		t.Error("the catalog picker is shown while closed")
	}
}

func TestLayerSixSaysItIsVertical(t *testing.T) {
	s := &LayerSection{Layer: 6}
	matchMaestro(t, s.Render(), []maestroCheck{
		{"name", app.Text("L6 Security and Compliance"), []int{0, 0}},
		{"vertical note", app.Text("A vertical layer: its controls cut across the other six."), []int{1, 0, 0}},
		{"status menu after it", app.Elem("select").ID("layer-6-status").Class("tc-status-not-assessed").OnChange(maestroHandler), []int{1, 1, 1}},
		{"no threats, no note about its status", app.Elem("div").ID("layer-6-assess").Class("tc-assess-note"), []int{1, 2}},
		{"empty notes", app.Elem("textarea").ID("layer-6-notes").Attr("rows", 4).Aria("describedby", "layer-6-notes-count layer-6-notes-error").OnInput(maestroHandler), []int{1, 3, 1}},
		{"all characters left", app.Text("4,000 of 4,000 characters left"), []int{1, 3, 2, 0}},
		{"no threats", app.Elem("p").Class("tc-empty"), []int{4}},
	})
}

func TestCrossLayerSectionWithThePickerOpen(t *testing.T) {
	s := &LayerSection{Layer: 0, Picking: true, Filed: []string{"l1-model-stealing", "x-data-leakage"}, Entry: maestro.LayerEntry{Threats: []maestro.Threat{
		{CatalogID: "x-data-leakage", Layers: []maestro.Layer{2, 5, 7}},
		{Title: "Confused deputy"},
	}}}
	matchMaestro(t, s.Render(), []maestroCheck{
		{"section", app.Elem("section").ID("layer-cross").Class("tc-layer").Aria("labelledby", "layer-cross-title"), nil},
		{"name", app.Text("Cross-Layer"), []int{0, 0}},
		{"no status or notes, a line about the section instead", app.Text("Threats that span layers. Tick the layers each one touches; a threat left with one layer moves under it."), []int{1, 0, 0}},
		{"message line", app.Elem("p").ID("layer-cross-message").Class("tc-refusal").Role("alert"), []int{2}},
		{"first threat", &ThreatEditor{Layer: 0, Index: 0, Count: 2, Threat: maestro.Threat{CatalogID: "x-data-leakage", Layers: []maestro.Layer{2, 5, 7}}}, []int{4, 0}},
		{"add button tells it is expanded", app.Elem("button").ID("layer-cross-add-threat").Class("tc-add-threat").Attr("type", "button").Aria("expanded", "true").Aria("label", "Add a threat to Cross-Layer").OnClick(maestroHandler), []int{5}},
		{"picker for Cross-Layer, knowing the catalog threats already filed", &CatalogPicker{Target: 0, Existing: []string{"l1-model-stealing", "x-data-leakage"}}, []int{6}},
	})
}

func TestThreatEditorOfACatalogThreat(t *testing.T) {
	te := &ThreatEditor{Layer: 1, Index: 0, Count: 2, Threat: maestro.Threat{
		CatalogID: "l1-model-stealing", Likelihood: maestro.Medium, Impact: maestro.High,
		State: maestro.Mitigated, Mitigations: "Rate limits per key",
	}}
	const id = "layer-1-threat-0"
	matchMaestro(t, te.Render(), []maestroCheck{
		{"a list item named by its legend", app.Elem("li").ID(id).Class("tc-threat").TabIndex(-1).Aria("labelledby", id+"-name"), nil},
		{"a fieldset", app.Elem("fieldset").Class("tc-threat-fields"), []int{0}},
		{"legend", app.Elem("legend").ID(id + "-name").Class("tc-threat-name"), []int{0, 0}},
		{"the catalog's name", app.Text("Model Stealing"), []int{0, 0, 0}},
		{"where it comes from and what it is, instead of a title field", app.Text("From the MAESTRO catalog (L1 Foundation Models): An attacker queries the model's API at length to clone the model or what it can do."), []int{0, 1, 0}},
		{"description label", app.Elem("label").Attr("for", id+"-description"), []int{0, 2, 0}},
		{"description, empty", app.Elem("textarea").ID(id+"-description").Attr("rows", 2).Aria("describedby", id+"-description-count "+id+"-description-error").OnInput(maestroHandler), []int{0, 2, 1}},
		{"description limit", app.Text("2,000 of 2,000 characters left"), []int{0, 2, 2, 0}},
		{"ASI field", app.Elem("div").Class("tc-field tc-threat-asi"), []int{0, 3, 0}},
		{"ASI label", app.Elem("label").Attr("for", id+"-asi"), []int{0, 3, 0, 0}},
		{"ASI label's words", app.Text("OWASP Agentic Top 10"), []int{0, 3, 0, 0, 0}},
		{"the menu's choice drawn as text that wraps, hidden from screen readers", app.Elem("span").ID(id+"-asi-shown").Class("tc-select-shown").Aria("hidden", "true"), []int{0, 3, 0, 1, 0}},
		{"no ASI code chosen, in words", app.Text("None"), []int{0, 3, 0, 1, 0, 0}},
		{"ASI menu over it", app.Elem("select").ID(id + "-asi").Class("tc-select-over").OnChange(maestroHandler), []int{0, 3, 0, 1, 1}},
		{"no ASI code is selected", app.Elem("option").Attr("value", "none").Attr("selected", true), []int{0, 3, 0, 1, 1, 0}},
		{"no ASI code's words", app.Text("None"), []int{0, 3, 0, 1, 1, 0, 0}},
		{"ASI01 with its official name", app.Text("ASI01 Agent Goal Hijack"), []int{0, 3, 0, 1, 1, 1, 0}},
		{"ASI02", app.Elem("option").Attr("value", "ASI02").Attr("selected", false), []int{0, 3, 0, 1, 1, 2}},
		{"ASI02 with its official name", app.Text("ASI02 Tool Misuse & Exploitation"), []int{0, 3, 0, 1, 1, 2, 0}},
		{"ASI10 with its official name", app.Text("ASI10 Rogue Agents"), []int{0, 3, 0, 1, 1, 10, 0}},
		{"likelihood label", app.Elem("label").Attr("for", id+"-likelihood"), []int{0, 3, 1, 0}},
		{"unrated likelihood", app.Text("Not rated"), []int{0, 3, 1, 1, 0, 0}},
		{"likelihood Medium selected", app.Elem("option").Attr("value", "Medium").Attr("selected", true), []int{0, 3, 1, 1, 2}},
		{"impact High selected", app.Elem("option").Attr("value", "High").Attr("selected", true), []int{0, 3, 2, 1, 3}},
		{"risk label", app.Elem("label").Attr("for", id+"-risk"), []int{0, 3, 3, 0}},
		{"risk from likelihood and impact", app.Elem("output").ID(id+"-risk").Attr("for", id+"-likelihood "+id+"-impact").Class("tc-risk tc-risk-high"), []int{0, 3, 3, 1}},
		{"Medium × High is a High risk", app.Text("High"), []int{0, 3, 3, 1, 0}},
		{"state mitigated", app.Elem("option").Attr("value", "mitigated").Attr("selected", true), []int{0, 3, 4, 1, 1}},
		{"mitigations", app.Elem("textarea").ID(id+"-mitigations").Attr("rows", 2).Aria("describedby", id+"-mitigations-count "+id+"-mitigations-error").OnInput(maestroHandler).Text("Rate limits per key"), []int{0, 4, 1}},
		{"mitigations limit", app.Text("1,981 of 2,000 characters left"), []int{0, 4, 2, 0}},
		{"layers group", app.Elem("legend"), []int{0, 5, 0}},
		{"layers group's name", app.Text("Layers it touches"), []int{0, 5, 0, 0}},
		{"its own layer ticked and fixed", app.ElemSelfClosing("input").ID(id+"-touches-1").Attr("type", "checkbox").Attr("value", "1").Attr("checked", true).Attr("disabled", true).OnChange(maestroHandler), []int{0, 5, 1, 0, 0}},
		{"its own layer's label", app.Elem("label").Attr("for", id+"-touches-1"), []int{0, 5, 1, 0, 1}},
		{"another layer, free", app.ElemSelfClosing("input").ID(id+"-touches-2").Attr("type", "checkbox").Attr("value", "2").Attr("checked", false).Attr("disabled", false).OnChange(maestroHandler), []int{0, 5, 1, 1, 0}},
		{"another layer's name", app.Text("L2 Data Operations"), []int{0, 5, 1, 1, 1, 0}},
		{"hint", app.Text("Tick another layer to make this a cross-layer threat."), []int{0, 5, 2, 0}},
		{"a threat without a score offers one", app.Elem("button").ID(id+"-score").Class("tc-score-threat").Attr("type", "button").Aria("describedby", id+"-score-about").OnClick(maestroHandler), []int{0, 6, 0}},
		{"the offer's words", app.Text("Score with AIVSS"), []int{0, 6, 0, 0}},
		{"message line", app.Elem("p").ID(id + "-message").Class("tc-refusal").Role("alert"), []int{0, 7}},
		{"first: cannot move up", app.Elem("button").ID(id+"-up").Class("tc-threat-up").Attr("type", "button").Attr("disabled", true).Aria("label", "Move Model Stealing up").OnClick(maestroHandler), []int{0, 8, 0}},
		{"can move down", app.Elem("button").ID(id+"-down").Class("tc-threat-down").Attr("type", "button").Attr("disabled", false).Aria("label", "Move Model Stealing down").OnClick(maestroHandler), []int{0, 8, 1}},
		{"delete, named", app.Elem("button").ID(id+"-delete").Class("tc-threat-delete").Attr("type", "button").Aria("label", "Delete threat Model Stealing").OnClick(maestroHandler), []int{0, 8, 2}},
		{"delete's words", app.Text("Delete"), []int{0, 8, 2, 0}},
	})
}

func TestThreatEditorOfAWrittenCrossLayerThreat(t *testing.T) {
	te := &ThreatEditor{Layer: 0, Index: 1, Count: 2, Threat: maestro.Threat{
		Title: "Confused deputy", Layers: []maestro.Layer{3, 6, 7}, ASI: 3, Impact: maestro.Low,
	}}
	const id = "layer-cross-threat-1"
	matchMaestro(t, te.Render(), []maestroCheck{
		{"item", app.Elem("li").ID(id).Class("tc-threat").TabIndex(-1).Aria("labelledby", id+"-name"), nil},
		{"its title as the legend", app.Text("Confused deputy"), []int{0, 0, 0}},
		{"title label", app.Elem("label").Attr("for", id+"-title"), []int{0, 1, 0}},
		{"title field", app.ElemSelfClosing("input").ID(id+"-title").Attr("type", "text").Attr("value", "Confused deputy").Aria("describedby", id+"-title-error").OnInput(maestroHandler), []int{0, 1, 1}},
		{"ASI03 shown in full", app.Text("ASI03 Identity & Privilege Abuse"), []int{0, 3, 0, 1, 0, 0}},
		{"ASI03 selected", app.Elem("option").Attr("value", "ASI03").Attr("selected", true), []int{0, 3, 0, 1, 1, 3}},
		{"ASI03 with its official name", app.Text("ASI03 Identity & Privilege Abuse"), []int{0, 3, 0, 1, 1, 3, 0}},
		{"likelihood not rated", app.Elem("option").Attr("value", "unrated").Attr("selected", true), []int{0, 3, 1, 1, 0}},
		{"risk not rated without a likelihood", app.Elem("output").ID(id+"-risk").Attr("for", id+"-likelihood "+id+"-impact").Class("tc-risk tc-risk-not-rated"), []int{0, 3, 3, 1}},
		{"risk words", app.Text("not rated"), []int{0, 3, 3, 1, 0}},
		{"state open", app.Elem("option").Attr("value", "open").Attr("selected", true), []int{0, 3, 4, 1, 0}},
		{"L1 not touched", app.ElemSelfClosing("input").ID(id+"-touches-1").Attr("type", "checkbox").Attr("value", "1").Attr("checked", false).Attr("disabled", false).OnChange(maestroHandler), []int{0, 5, 1, 0, 0}},
		{"L3 touched", app.ElemSelfClosing("input").ID(id+"-touches-3").Attr("type", "checkbox").Attr("value", "3").Attr("checked", true).Attr("disabled", false).OnChange(maestroHandler), []int{0, 5, 1, 2, 0}},
		{"L7 touched", app.ElemSelfClosing("input").ID(id+"-touches-7").Attr("type", "checkbox").Attr("value", "7").Attr("checked", true).Attr("disabled", false).OnChange(maestroHandler), []int{0, 5, 1, 6, 0}},
		{"cross-layer hint", app.Text("None ticked means not named; with one left, the threat moves under that layer."), []int{0, 5, 2, 0}},
		{"can move up", app.Elem("button").ID(id+"-up").Class("tc-threat-up").Attr("type", "button").Attr("disabled", false).Aria("label", "Move Confused deputy up").OnClick(maestroHandler), []int{0, 8, 0}},
		{"last: cannot move down", app.Elem("button").ID(id+"-down").Class("tc-threat-down").Attr("type", "button").Attr("disabled", true).Aria("label", "Move Confused deputy down").OnClick(maestroHandler), []int{0, 8, 1}},
	})
}

func TestThreatEditorShowsHostileTextAsText(t *testing.T) {
	const hostile = `<img src=x onerror="alert(1)"> %s %d`
	te := &ThreatEditor{Layer: 4, Index: 0, Count: 1, Threat: maestro.Threat{Title: hostile, Description: hostile}}
	const id = "layer-4-threat-0"
	matchMaestro(t, te.Render(), []maestroCheck{
		{"legend text", app.Text(hostile), []int{0, 0, 0}},
		{"title value", app.ElemSelfClosing("input").ID(id+"-title").Attr("type", "text").Attr("value", hostile).Aria("describedby", id+"-title-error").OnInput(maestroHandler), []int{0, 1, 1}},
		{"description value", app.Elem("textarea").ID(id+"-description").Attr("rows", 2).Aria("describedby", id+"-description-count "+id+"-description-error").OnInput(maestroHandler).Text(hostile), []int{0, 2, 1}},
		{"delete's name", app.Elem("button").ID(id+"-delete").Class("tc-threat-delete").Attr("type", "button").Aria("label", `Delete threat <img src=x onerror="alert(1)"> %s %d`).OnClick(maestroHandler), []int{0, 8, 2}},
	})
}

func TestCatalogPickerSearchResults(t *testing.T) {
	p := &CatalogPicker{Target: 3, Existing: []string{"l2-memory-poisoning"}, query: "poison L2"}
	tree := p.Render()
	matchMaestro(t, tree, []maestroCheck{
		{"a group named by its heading, listening for Esc", app.Elem("div").ID("catalog-picker").Class("tc-catalog").Role("group").Aria("labelledby", "catalog-title").On("keydown", maestroHandler), nil},
		{"heading names the target", app.Text("Add a threat to L3 Agent Frameworks"), []int{0, 0}},
		{"search label", app.Elem("label").Attr("for", "catalog-search"), []int{1, 0}},
		{"search field", app.ElemSelfClosing("input").ID("catalog-search").Attr("type", "search").Attr("autocomplete", "off").Aria("describedby", "catalog-count").Aria("controls", "catalog-results").Attr("value", "poison L2").OnInput(maestroHandler), []int{1, 1}},
		{"count, read out as it changes", app.Elem("p").ID("catalog-count").Class("tc-count").Role("status"), []int{2}},
		{"count", app.Text("2 catalog threats match “poison L2”"), []int{2, 0}},
		{"results list", app.Elem("ul").ID("catalog-results").Class("tc-catalog-results"), []int{3}},
		{"first result", app.Elem("li").Class("tc-catalog-result"), []int{3, 0}},
		{"first name", app.Text("Data Poisoning"), []int{3, 0, 0, 0, 0}},
		{"first layer", app.Text("L2"), []int{3, 0, 0, 2, 0}},
		{"first ASI, its name as a tooltip", app.Elem("span").Class("tc-catalog-asi").Title("Memory & Context Poisoning"), []int{3, 0, 0, 3}},
		{"first ASI code", app.Text(" ASI06"), []int{3, 0, 0, 3, 0}},
		{"first description", app.Text("Manipulated data in the stores the agent learns from or works with corrupts what it does."), []int{3, 0, 1, 0}},
		{"first: an L2 threat under L3, where it is filed", app.Elem("p").ID("catalog-where-l2-data-poisoning").Class("tc-catalog-where"), []int{3, 0, 2}},
		{"first: where it is filed, in words", app.Text("This threat belongs to L2 Data Operations; it is filed there."), []int{3, 0, 2, 0}},
		{"first add button, named with where it goes", app.Elem("button").Class("tc-catalog-add").Attr("type", "button").Attr("value", "l2-data-poisoning").Aria("label", "Add Data Poisoning to L2 Data Operations").Aria("describedby", "catalog-where-l2-data-poisoning").OnClick(maestroHandler), []int{3, 0, 3}},
		{"second name", app.Text("Memory Poisoning"), []int{3, 1, 0, 0, 0}},
		{"second description", app.Text("False entries written into the agent's memory or shared knowledge sway its later decisions."), []int{3, 1, 1, 0}},
		{"second already filed, no button", app.Elem("span").Class("tc-catalog-added"), []int{3, 1, 3}},
		{"second already filed, where", app.Text("Already in L2 Data Operations"), []int{3, 1, 3, 0}},
		{"own threat form", app.Elem("form").ID("catalog-custom").Class("tc-catalog-custom").OnSubmit(maestroHandler), []int{4}},
		{"own threat label", app.Elem("label").Attr("for", "catalog-custom-title"), []int{4, 0}},
		{"own threat title", app.ElemSelfClosing("input").ID("catalog-custom-title").Attr("type", "text").OnInput(maestroHandler), []int{4, 1}},
		{"own threat submit", app.Elem("button").ID("catalog-add-custom").Attr("type", "submit"), []int{4, 2}},
		{"message line", app.Elem("p").ID("catalog-message").Class("tc-refusal").Role("alert"), []int{5}},
		{"close", app.Elem("button").ID("catalog-close").Attr("type", "button").OnClick(maestroHandler), []int{6}},
	})
	if err := app.Match(app.Elem("li"), tree, 3, 2); err == nil {
		t.Error("more than two results for “poison L2”")
	}
}

func TestCatalogPickerWithoutSearchListsTheSectionsCatalog(t *testing.T) {
	p := &CatalogPicker{Target: 0}
	tree := p.Render()
	checks := []maestroCheck{
		{"heading", app.Text("Add a threat to Cross-Layer"), []int{0, 0}},
		{"count", app.Text("6 catalog threats that span layers"), []int{2, 0}},
		{"where", app.Text("Cross-Layer"), []int{3, 0, 0, 2, 0}},
	}
	for i, name := range []string{"Supply Chain Attacks", "Lateral Movement", "Privilege Escalation", "Data Leakage", "Goal Misalignment Cascades", "Cascading Failures"} {
		checks = append(checks, maestroCheck{"result " + name, app.Text(name), []int{3, i, 0, 0, 0}})
	}
	matchMaestro(t, tree, checks)
	if err := app.Match(app.Elem("li"), tree, 3, 6); err == nil {
		t.Error("more than six cross-layer catalog threats listed")
	}

	p = &CatalogPicker{Target: 5, query: "  qqqq  "}
	tree = p.Render()
	matchMaestro(t, tree, []maestroCheck{{"no match", app.Text("No catalog threat matches “qqqq”"), []int{2, 0}}})
	if err := app.Match(app.Elem("li"), tree, 3, 0); err == nil {
		t.Error("a result listed for “qqqq”")
	}
}

// A search lists the whole catalog. A threat that the catalog files under
// another section than the picker's says, before it is added, where it goes.
func TestCatalogPickerSaysWhereAThreatOfAnotherSectionIsFiled(t *testing.T) {
	tests := []struct {
		name   string
		target maestro.Layer
		query  string
		id     string // the first result's catalog id
		where  string // the words next to it; "" for none
		label  string // the add button's name
	}{
		{"an L1 threat under L1", 1, "model stealing", "l1-model-stealing", "", "Add Model Stealing to L1 Foundation Models"},
		{"an L3 threat under L1", 1, "insecure tool integration", "l3-insecure-tool-integration",
			"This threat belongs to L3 Agent Frameworks; it is filed there.", "Add Insecure Tool Integration to L3 Agent Frameworks"},
		{"a cross-layer threat under L1", 1, "goal misalignment", "x-goal-misalignment",
			"This threat spans layers; it is filed under Cross-Layer.", "Add Goal Misalignment Cascades to Cross-Layer"},
		{"an L7 threat under Cross-Layer", 0, "agent impersonation", "l7-agent-impersonation",
			"This threat belongs to L7 Agent Ecosystem; it is filed there.", "Add Agent Impersonation to L7 Agent Ecosystem"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree := (&CatalogPicker{Target: tt.target, query: tt.query}).Render()
			button := app.Elem("button").Class("tc-catalog-add").Attr("type", "button").Attr("value", tt.id).Aria("label", tt.label)
			at := 2
			if tt.where != "" {
				matchMaestro(t, tree, []maestroCheck{
					{"the note", app.Elem("p").ID("catalog-where-" + tt.id).Class("tc-catalog-where"), []int{3, 0, 2}},
					{"the note's words", app.Text(tt.where), []int{3, 0, 2, 0}},
				})
				button = button.Aria("describedby", "catalog-where-"+tt.id)
				at = 3
			}
			matchMaestro(t, tree, []maestroCheck{{"the add button", button.OnClick(maestroHandler), []int{3, 0, at}}})
		})
	}
}

func TestFiledCatalogIDsAreTheCatalogThreatsInTheirOwnSection(t *testing.T) {
	m := maestro.Model{
		Layers: [7]maestro.LayerEntry{
			0: {Threats: []maestro.Threat{{CatalogID: "l1-model-stealing"}, {CatalogID: "l2-data-poisoning"}, {Title: "own"}}},
			6: {Threats: []maestro.Threat{{CatalogID: "l7-repudiation"}}},
		},
		CrossLayer: []maestro.Threat{{CatalogID: "x-data-leakage"}, {CatalogID: "l3-tool-misuse", Layers: []maestro.Layer{3, 7}}, {CatalogID: "l9-unknown"}},
	}
	got := filedCatalogIDs(&m)
	want := []string{"l1-model-stealing", "l7-repudiation", "x-data-leakage"}
	if !slices.Equal(got, want) {
		t.Errorf("filedCatalogIDs = %q, want %q (an L2 threat under L1 and an L3 one in Cross-Layer are not where the catalog files them)", got, want)
	}
	ed := &MaestroEditor{picking: true, pickFor: 5}
	for i, s := range ed.sections(&m) {
		if wantFiled := i == 4; (s.Filed != nil) != wantFiled {
			t.Errorf("section %d: Filed %q; only the section with the picker (L5) gets it", i, s.Filed)
		}
	}
}

func TestMaestroEditorLayout(t *testing.T) {
	c := card.NewCard()
	c.MAESTRO.Layers[0] = maestro.LayerEntry{Status: maestro.Mapped, Threats: []maestro.Threat{{CatalogID: "l1-prompt-injection", ASI: 1}}}
	c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "Chain"}}
	ed := &MaestroEditor{Card: c}
	e := app.NewTestEngine()
	if err := e.Load(ed); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	checks := []maestroCheck{
		{"section", app.Elem("section").ID("maestro").Class("tc-maestro").Aria("labelledby", "maestro-title"), []int{0}},
		{"heading", app.Text("MAESTRO threat model"), []int{0, 0, 0}},
		{"the intro names the layers in the order the page lists them", app.Text("The seven MAESTRO layers from the base of the stack up, " +
			"L1 Foundation Models first and L7 Agent Ecosystem last, then Cross-Layer for the threats that span them. " +
			"Mark a layer “not certain from listing” when what you know of the agent does not pin it down and your notes are general."), []int{0, 1, 0}},
		{"overview", &LayerOverview{Statuses: [7]maestro.Status{maestro.Mapped}, Counts: [8]int{1, 7: 1}, Editor: ed}, []int{0, 2}},
		{"the findings, none yet", &FindingsList{Rows: []findingRow{}, Editor: ed}, []int{0, 3}},
		{"status line", app.Elem("p").ID("maestro-status").Class("tc-maestro-status").Role("status").Aria("live", "polite"), []int{0, 4}},
		{"L1 section with its part of the card", &LayerSection{Layer: 1, Entry: maestro.LayerEntry{Status: maestro.Mapped,
			Threats: []maestro.Threat{{CatalogID: "l1-prompt-injection", ASI: 1}}}, Editor: ed}, []int{0, 5, 0}},
		{"L2 section", &LayerSection{Layer: 2, Editor: ed}, []int{0, 5, 1}},
		{"L7 section", &LayerSection{Layer: 7, Editor: ed}, []int{0, 5, 6}},
		{"Cross-Layer last", &LayerSection{Layer: 0, Entry: maestro.LayerEntry{Threats: []maestro.Threat{{Title: "Chain"}}}, Editor: ed}, []int{0, 5, 7}},
		{"L1's threat", &ThreatEditor{Layer: 1, Index: 0, Count: 1, Threat: maestro.Threat{CatalogID: "l1-prompt-injection", ASI: 1}, Editor: ed}, []int{0, 5, 0, 0, 4, 0}},
		{"L1's threat name", app.Text("Prompt Injection and Jailbreaks"), []int{0, 5, 0, 0, 4, 0, 0, 0, 0, 0}},
	}
	matchMaestro(t, ed, checks)
}

// go-app redraws a child component only when one of its exported fields
// differs (app.Match compares them the same way). Typing in one layer's
// notes must leave the other sections' and the overview's inputs as they
// were.
func TestAnEditRedrawsOnlyTheSectionsItChanges(t *testing.T) {
	before := func() *card.Card {
		c := card.NewCard()
		c.MAESTRO.Layers[0] = maestro.LayerEntry{Status: maestro.Mapped, Notes: "n1", Threats: []maestro.Threat{{Title: "a"}}}
		c.MAESTRO.Layers[2] = maestro.LayerEntry{Notes: "n3", Threats: []maestro.Threat{{Title: "b"}, {Title: "c"}}}
		c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "x", Layers: []maestro.Layer{1, 3}}}
		return c
	}
	tests := []struct {
		name     string
		edit     Edit
		changed  []int // sections whose inputs change, 0 = L1 … 7 = Cross-Layer
		overview bool  // whether the overview's inputs change
	}{
		{"a keystroke in L3's notes", editNotes(3, "n3!"), []int{2}, false},
		{"L5's status", editStatus(5, maestro.Uncertain), []int{4}, true},
		{"a threat's field in L3", editThreat(3, 1, func(t *maestro.Threat) { t.Description = "d" }), []int{2}, false},
		{"a threat added to Cross-Layer", editAddThreat(0, maestro.Threat{Title: "y"}), []int{7}, true},
		// L2 now counts a cross-layer threat that touches it.
		{"a threat moved from L1 to Cross-Layer", editTouches(1, 0, 2, true, maestro.Threat{Title: "a"}), []int{0, 1, 7}, true},
		{"L5 ticked on a cross-layer threat", editTouches(0, 0, 5, true, maestro.Threat{Title: "x", Layers: []maestro.Layer{1, 3}}), []int{4, 7}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ed := &MaestroEditor{}
			c := before()
			old, oldOverview := ed.sections(&c.MAESTRO), ed.overview(&c.MAESTRO)
			tt.edit(c)
			now, nowOverview := ed.sections(&c.MAESTRO), ed.overview(&c.MAESTRO)
			for i := range now {
				changed := app.Match(now[i], old[i]) != nil
				want := false
				for _, j := range tt.changed {
					want = want || i == j
				}
				if changed != want {
					t.Errorf("section %d: inputs changed = %v, want %v", i, changed, want)
				}
			}
			if changed := app.Match(nowOverview, oldOverview) != nil; changed != tt.overview {
				t.Errorf("overview: inputs changed = %v, want %v", changed, tt.overview)
			}
		})
	}
}

func TestMaestroEditorRefusesEditsThatBreakTheCardsRules(t *testing.T) {
	hundred := make([]maestro.Threat, card.MaxThreats)
	for i := range hundred {
		hundred[i].Title = "t"
	}
	tests := []struct {
		name  string
		model maestro.Model
		edit  Edit
		want  string // "" when the edit is passed on
	}{
		{"notes at the limit", maestro.Model{}, editNotes(2, strings.Repeat("é", 4000)), ""},
		{"notes over the limit", maestro.Model{}, editNotes(2, strings.Repeat("é", 4001)),
			"Not changed: the notes of L2 Data Operations have 4001 characters; the limit is 4000."},
		{"a tab in a title", maestro.Model{Layers: [7]maestro.LayerEntry{3: {Threats: []maestro.Threat{{Title: "a"}}}}},
			editThreat(4, 0, func(t *maestro.Threat) { t.Title = "a\tb" }),
			"Not changed: the title of threat 1 of L4 Deployment and Infrastructure contains the control character U+0009."},
		{"a title emptied", maestro.Model{Layers: [7]maestro.LayerEntry{3: {Threats: []maestro.Threat{{Title: "a"}}}}},
			editThreat(4, 0, func(t *maestro.Threat) { t.Title = " " }),
			"Not changed: threat 1 of L4 Deployment and Infrastructure needs a catalog id or a title."},
		{"the 101st threat", maestro.Model{Layers: [7]maestro.LayerEntry{0: {Threats: hundred}}},
			editAddThreat(0, maestro.Threat{Title: "one more"}),
			"Not changed: the threat model has 101 threats; the limit is 100."},
		{"mitigations over the limit", maestro.Model{CrossLayer: []maestro.Threat{{Title: "a"}}},
			editThreat(0, 0, func(t *maestro.Threat) { t.Mitigations = strings.Repeat("m", 2001) }),
			"Not changed: the mitigations of cross-layer threat 1 have 2001 characters; the limit is 2000."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := maestroCard(tt.model)
			var passed []Edit
			ed := &MaestroEditor{Card: c, OnEdit: func(_ app.Context, e Edit) { passed = append(passed, e) }}
			got := ed.apply(app.Context{}, tt.edit)
			if got != tt.want {
				t.Errorf("apply = %q, want %q", got, tt.want)
			}
			if wantPassed := tt.want == ""; (len(passed) == 1) != wantPassed || len(passed) > 1 {
				t.Errorf("OnEdit called %d times; want it called %v", len(passed), wantPassed)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("the editor changed the card itself: %v", err)
			}
		})
	}
}

func TestMaestroEditorWithoutCardOrCallbackPassesNothing(t *testing.T) {
	if got := (&MaestroEditor{}).apply(app.Context{}, editNotes(1, "x")); got != "" {
		t.Errorf("apply without a card = %q", got)
	}
	c := card.NewCard()
	if got := (&MaestroEditor{Card: c}).apply(app.Context{}, editNotes(1, "x")); got != "" || c.MAESTRO.Layers[0].Notes != "" {
		t.Errorf("apply without OnEdit = %q, notes %q", got, c.MAESTRO.Layers[0].Notes)
	}
}

func TestMaestroHandlersRecoverFromPanics(t *testing.T) {
	ed := &MaestroEditor{}
	h := ed.guard("deleting a threat", func(app.Context, app.Event) { panic("index out of range") })
	h(app.Context{}, app.Event{})
	if want := "internal error while deleting a threat: index out of range"; ed.status != want {
		t.Errorf("status %q, want %q", ed.status, want)
	}

	var during string
	ed = &MaestroEditor{Guard: func(d string, h app.EventHandler) app.EventHandler { during = d; return h }}
	ed.guard("moving a threat", maestroHandler)
	if during != "moving a threat" {
		t.Errorf("the page's guard got %q, want %q", during, "moving a threat")
	}
}

func TestRefusalWords(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&card.FieldError{Loc: card.Location{Section: card.SectionLayer, Layer: 3, Field: "notes"}, Msg: "has 4001 characters; the limit is 4000"},
			"Not changed: the notes of L3 Agent Frameworks have 4001 characters; the limit is 4000."},
		{&card.FieldError{Loc: card.Location{Section: card.SectionCrossLayer, Threat: 3, Field: "catalog_id"}, Msg: "is not valid UTF-8"},
			"Not changed: the catalog id of cross-layer threat 3 is not valid UTF-8."},
		{&card.FieldError{Loc: card.Location{Section: card.SectionLayer, Layer: 1, Threat: 1, Field: "layers"}, Msg: "must be empty"},
			"Not changed: the layers of threat 1 of L1 Foundation Models must be empty."},
		{&card.FieldError{Loc: card.Location{Section: card.SectionCard}, Msg: "has 60001 characters of text in all; the limit is 60000"},
			"Not changed: the card has 60001 characters of text in all; the limit is 60000."},
	}
	for _, tt := range tests {
		if got := maestroRefusal(tt.err); got != tt.want {
			t.Errorf("maestroRefusal(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestMaestroWords(t *testing.T) {
	tests := []struct{ got, want string }{
		{sectionID(0), "layer-cross"},
		{sectionID(7), "layer-7"},
		{threatID(0, 3), "layer-cross-threat-3"},
		{sectionName(0), "Cross-Layer"},
		{sectionName(4), "L4 Deployment and Infrastructure"},
		{threatCount(0), "no threats"},
		{threatCount(1), "1 threat"},
		{threatCount(12), "12 threats"},
		{layerThreatCount(0, 0), "no threats"},
		{layerThreatCount(3, 0), "3 threats"},
		{layerThreatCount(0, 1), "1 cross-layer threat"},
		{layerThreatCount(1, 1), "1 threat and 1 cross-layer threat"},
		{layerThreatCount(2, 5), "2 threats and 5 cross-layer threats"},
		{asiLabel(0), "None"},
		{asiLabel(4), "ASI04 Agentic Supply Chain Vulnerabilities"},
		{charsLeft("héllo", 10), "5 of 10 characters left"},
		{layerList([]maestro.Layer{2}), "L2"},
		{layerList([]maestro.Layer{2, 5}), "L2 and L5"},
		{layerList([]maestro.Layer{1, 3, 4}), "L1, L3 and L4"},
		{threatName(&maestro.Threat{Title: "  "}), "untitled threat"},
		{threatName(&maestro.Threat{CatalogID: "l9-gone"}), "l9-gone"},
		{catalogOrigin("l9-gone"), "Catalog id l9-gone, which this version of threatcard does not know."},
		{catalogOrigin("x-lateral-movement"), "From the MAESTRO catalog (Cross-Layer): A foothold gained in one layer, for example the containers, is used to get into another, such as the data stores."},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestMenuValues(t *testing.T) {
	for _, tt := range []struct {
		v    string
		want maestro.ASI
		ok   bool
	}{{"none", 0, true}, {"ASI06", 6, true}, {"", 0, false}, {"ASI11", 0, false}} {
		got, err := parseASIValue(tt.v)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseASIValue(%q) = %d, %v", tt.v, got, err)
		}
	}
	for _, tt := range []struct {
		v    string
		want maestro.Level
		ok   bool
	}{{"unrated", 0, true}, {"High", maestro.High, true}, {"", 0, false}, {"high", 0, false}} {
		got, err := parseLevelValue("impact", tt.v)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("parseLevelValue(%q) = %d, %v", tt.v, got, err)
		}
	}
}
