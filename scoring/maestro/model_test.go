package maestro

import "testing"

func TestModelLayerAddressesItsEntry(t *testing.T) {
	var m Model
	m.Layer(FoundationModels).Notes = "first"
	m.Layer(AgentEcosystem).Status = Uncertain
	if m.Layers[0].Notes != "first" {
		t.Errorf("Layer(L1) did not write Layers[0]")
	}
	if m.Layers[6].Status != Uncertain {
		t.Errorf("Layer(L7) did not write Layers[6]")
	}
}

func TestModelNumThreats(t *testing.T) {
	tests := []struct {
		name  string
		model Model
		want  int
	}{
		{"empty model", Model{}, 0},
		{"cross-layer only", Model{CrossLayer: []Threat{{CatalogID: "x-data-leakage"}}}, 1},
		{
			"layers and cross-layer",
			Model{
				Layers: [NumLayers]LayerEntry{
					0: {Threats: []Threat{{CatalogID: "l1-prompt-injection"}, {Title: "Deepfakes"}}},
					3: {Threats: []Threat{{CatalogID: "l4-network-exposure"}}},
					6: {Threats: []Threat{{Title: "Listing spam"}}},
				},
				CrossLayer: []Threat{{CatalogID: "x-lateral-movement"}, {CatalogID: "x-supply-chain"}},
			},
			6,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.model.NumThreats(); got != tt.want {
				t.Errorf("NumThreats() = %d, want %d", got, tt.want)
			}
		})
	}
}
