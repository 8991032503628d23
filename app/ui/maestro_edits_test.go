package ui

import (
	"reflect"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Threats used by the edit tests, written out in full.
var (
	promptLeak    = maestro.Threat{Title: "Prompt leak", Likelihood: maestro.High}
	modelStealing = maestro.Threat{CatalogID: "l1-model-stealing", Mitigations: "rate limits"}
	chainThreat   = maestro.Threat{Title: "Chain", Layers: []maestro.Layer{2, 5}}
)

// maestroCard makes a card whose model is m. Each test builds its own, so no
// test shares a slice with another.
func maestroCard(m maestro.Model) *card.Card {
	c := card.NewCard()
	c.MAESTRO = m
	return c
}

func TestMaestroEdits(t *testing.T) {
	tests := []struct {
		name   string
		before func() maestro.Model
		edit   Edit
		want   maestro.Model
	}{
		{"status of L4 to uncertain", func() maestro.Model { return maestro.Model{} },
			editStatus(4, maestro.Uncertain),
			maestro.Model{Layers: [7]maestro.LayerEntry{3: {Status: maestro.Uncertain}}}},
		{"notes of L1", func() maestro.Model { return maestro.Model{} },
			editNotes(1, "Hosted GPT-4 class model."),
			maestro.Model{Layers: [7]maestro.LayerEntry{0: {Notes: "Hosted GPT-4 class model."}}}},
		{"status of a layer 8 does nothing", func() maestro.Model { return maestro.Model{} },
			editStatus(8, maestro.Mapped),
			maestro.Model{}},
		{"add a catalog threat to L1", func() maestro.Model { return maestro.Model{} },
			editAddThreat(1, maestro.Threat{CatalogID: "l1-model-stealing"}),
			maestro.Model{Layers: [7]maestro.LayerEntry{0: {Threats: []maestro.Threat{{CatalogID: "l1-model-stealing"}}}}}},
		{"add a threat after the others", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{6: {Threats: []maestro.Threat{promptLeak}}}}
		},
			editAddThreat(7, maestro.Threat{Title: "Fake reviews"}),
			maestro.Model{Layers: [7]maestro.LayerEntry{6: {Threats: []maestro.Threat{
				{Title: "Prompt leak", Likelihood: maestro.High}, {Title: "Fake reviews"}}}}}},
		{"add to Cross-Layer", func() maestro.Model { return maestro.Model{} },
			editAddThreat(0, maestro.Threat{CatalogID: "x-lateral-movement", Layers: []maestro.Layer{2, 4}}),
			maestro.Model{CrossLayer: []maestro.Threat{{CatalogID: "x-lateral-movement", Layers: []maestro.Layer{2, 4}}}}},
		{"delete the first of two", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{promptLeak, modelStealing}}}}
		},
			editDeleteThreat(2, 0, promptLeak),
			maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits"}}}}}},
		{"delete the only one leaves nil", func() maestro.Model {
			return maestro.Model{CrossLayer: []maestro.Threat{chainThreat}}
		},
			editDeleteThreat(0, 0, chainThreat),
			maestro.Model{}},
		{"delete a threat that has moved since does nothing", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{modelStealing}}}}
		},
			editDeleteThreat(2, 0, promptLeak),
			maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits"}}}}}},
		{"delete past the end does nothing", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{promptLeak}}}}
		},
			editDeleteThreat(2, 1, promptLeak),
			maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
				{Title: "Prompt leak", Likelihood: maestro.High}}}}}},
		{"move the second up", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{promptLeak, modelStealing}}}}
		},
			editMoveThreat(3, 1, 0, modelStealing),
			maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits"},
				{Title: "Prompt leak", Likelihood: maestro.High}}}}}},
		{"move the last down does nothing", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{promptLeak, modelStealing}}}}
		},
			editMoveThreat(3, 1, 2, modelStealing),
			maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{
				{Title: "Prompt leak", Likelihood: maestro.High},
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits"}}}}}},
		{"move a threat that is no longer there does nothing", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{promptLeak, modelStealing}}}}
		},
			editMoveThreat(3, 1, 0, promptLeak),
			maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{
				{Title: "Prompt leak", Likelihood: maestro.High},
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits"}}}}}},
		{"rate a threat", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{4: {Threats: []maestro.Threat{promptLeak, modelStealing}}}}
		},
			editThreat(5, 1, func(t *maestro.Threat) { t.Impact = maestro.Medium; t.ASI = 2; t.State = maestro.Accepted }),
			maestro.Model{Layers: [7]maestro.LayerEntry{4: {Threats: []maestro.Threat{
				{Title: "Prompt leak", Likelihood: maestro.High},
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits", Impact: maestro.Medium, ASI: 2, State: maestro.Accepted}}}}}},
		{"ticking a second layer moves a threat to Cross-Layer", func() maestro.Model {
			return maestro.Model{
				Layers:     [7]maestro.LayerEntry{2: {Notes: "n", Threats: []maestro.Threat{promptLeak, modelStealing}}},
				CrossLayer: []maestro.Threat{chainThreat},
			}
		},
			editTouches(3, 0, 5, true, promptLeak),
			maestro.Model{
				Layers: [7]maestro.LayerEntry{2: {Notes: "n", Threats: []maestro.Threat{
					{CatalogID: "l1-model-stealing", Mitigations: "rate limits"}}}},
				CrossLayer: []maestro.Threat{
					{Title: "Chain", Layers: []maestro.Layer{2, 5}},
					{Title: "Prompt leak", Likelihood: maestro.High, Layers: []maestro.Layer{3, 5}},
				},
			}},
		{"ticking a lower layer keeps them ascending", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{5: {Threats: []maestro.Threat{promptLeak}}}}
		},
			editTouches(6, 0, 1, true, promptLeak),
			maestro.Model{CrossLayer: []maestro.Threat{{Title: "Prompt leak", Likelihood: maestro.High, Layers: []maestro.Layer{1, 6}}}}},
		{"a third layer", func() maestro.Model { return maestro.Model{CrossLayer: []maestro.Threat{chainThreat}} },
			editTouches(0, 0, 4, true, chainThreat),
			maestro.Model{CrossLayer: []maestro.Threat{{Title: "Chain", Layers: []maestro.Layer{2, 4, 5}}}}},
		{"clearing down to one layer moves it under that layer", func() maestro.Model {
			return maestro.Model{
				Layers:     [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{modelStealing}}},
				CrossLayer: []maestro.Threat{chainThreat},
			}
		},
			editTouches(0, 0, 5, false, chainThreat),
			maestro.Model{Layers: [7]maestro.LayerEntry{1: {Threats: []maestro.Threat{
				{CatalogID: "l1-model-stealing", Mitigations: "rate limits"},
				{Title: "Chain"},
			}}}}},
		{"one layer ticked on a threat with none named moves it under that layer", func() maestro.Model {
			return maestro.Model{CrossLayer: []maestro.Threat{{Title: "Loose"}}}
		},
			editTouches(0, 0, 7, true, maestro.Threat{Title: "Loose"}),
			maestro.Model{Layers: [7]maestro.LayerEntry{6: {Threats: []maestro.Threat{{Title: "Loose"}}}}}},
		{"clearing the layer a threat sits under does nothing", func() maestro.Model {
			return maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{promptLeak}}}}
		},
			editTouches(3, 0, 3, false, promptLeak),
			maestro.Model{Layers: [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{{Title: "Prompt leak", Likelihood: maestro.High}}}}}},
		{"layer 8 does nothing", func() maestro.Model { return maestro.Model{CrossLayer: []maestro.Threat{chainThreat}} },
			editTouches(0, 0, 8, true, chainThreat),
			maestro.Model{CrossLayer: []maestro.Threat{{Title: "Chain", Layers: []maestro.Layer{2, 5}}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := maestroCard(tt.before())
			tt.edit(c)
			if !reflect.DeepEqual(c.MAESTRO, tt.want) {
				t.Errorf("model after the edit:\n%+v\nwant\n%+v", c.MAESTRO, tt.want)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("the edited card breaks a rule: %v", err)
			}
		})
	}
}

// The editor tries each edit on a shallow copy of the card before passing
// it on; that is safe only if edits never write into the card's slices.
func TestMaestroEditsLeaveAShallowCopysOriginalAlone(t *testing.T) {
	edits := []struct {
		name string
		edit Edit
	}{
		{"add", editAddThreat(3, maestro.Threat{Title: "new"})},
		{"delete", editDeleteThreat(3, 0, promptLeak)},
		{"move", editMoveThreat(3, 0, 1, promptLeak)},
		{"change a field", editThreat(3, 1, func(t *maestro.Threat) { t.Title = "" })},
		{"tick a layer", editTouches(3, 0, 4, true, promptLeak)},
		{"clear a cross-layer layer", editTouches(0, 0, 2, false, chainThreat)},
		{"tick a cross-layer layer", editTouches(0, 0, 3, true, chainThreat)},
	}
	original := func() *card.Card {
		return maestroCard(maestro.Model{
			Layers:     [7]maestro.LayerEntry{2: {Threats: []maestro.Threat{promptLeak, modelStealing}}},
			CrossLayer: []maestro.Threat{{Title: "Chain", Layers: []maestro.Layer{2, 5}}},
		})
	}
	for _, e := range edits {
		c := original()
		// Room at the end of the slices, where a careless append would write.
		c.MAESTRO.Layers[2].Threats = append(make([]maestro.Threat, 0, 8), c.MAESTRO.Layers[2].Threats...)
		c.MAESTRO.CrossLayer = append(make([]maestro.Threat, 0, 8), c.MAESTRO.CrossLayer...)
		trial := *c
		e.edit(&trial)
		if !reflect.DeepEqual(c.MAESTRO, original().MAESTRO) {
			t.Errorf("%s: the original card changed to %+v", e.name, c.MAESTRO)
		}
		spare := c.MAESTRO.Layers[2].Threats[:3][2]
		if !reflect.DeepEqual(spare, maestro.Threat{}) {
			t.Errorf("%s: wrote %+v past the end of the original's threats", e.name, spare)
		}
	}
}

func TestRetouch(t *testing.T) {
	tests := []struct {
		sec        maestro.Layer
		layers     []maestro.Layer
		l          maestro.Layer
		on         bool
		wantSec    maestro.Layer
		wantLayers []maestro.Layer
		wantOK     bool
	}{
		{3, nil, 5, true, 0, []maestro.Layer{3, 5}, true},
		{3, nil, 3, false, 3, nil, false},
		{3, nil, 3, true, 3, nil, false},
		{0, []maestro.Layer{2, 5}, 5, false, 2, nil, true},
		{0, []maestro.Layer{2, 5}, 7, true, 0, []maestro.Layer{2, 5, 7}, true},
		{0, []maestro.Layer{1, 2, 5}, 2, false, 0, []maestro.Layer{1, 5}, true},
		{0, []maestro.Layer{2, 5}, 2, true, 0, []maestro.Layer{2, 5}, false},
		{0, nil, 4, true, 4, nil, true},
		{0, nil, 0, true, 0, nil, false},
	}
	for _, tt := range tests {
		sec, layers, ok := retouch(tt.sec, tt.layers, tt.l, tt.on)
		if sec != tt.wantSec || !reflect.DeepEqual(layers, tt.wantLayers) || ok != tt.wantOK {
			t.Errorf("retouch(%d, %v, %d, %v) = %d, %v, %v; want %d, %v, %v",
				tt.sec, tt.layers, tt.l, tt.on, sec, layers, ok, tt.wantSec, tt.wantLayers, tt.wantOK)
		}
	}
}
