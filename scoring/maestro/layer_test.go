package maestro

import "testing"

// The layer numbers and names exactly as the CSA MAESTRO framework gives
// them (research notes maestro.md §2.2).
func TestLayerNamesMatchFramework(t *testing.T) {
	tests := []struct {
		layer    Layer
		code     string
		name     string
		str      string
		vertical bool
	}{
		{FoundationModels, "L1", "Foundation Models", "L1 Foundation Models", false},
		{DataOperations, "L2", "Data Operations", "L2 Data Operations", false},
		{AgentFrameworks, "L3", "Agent Frameworks", "L3 Agent Frameworks", false},
		{DeploymentInfra, "L4", "Deployment and Infrastructure", "L4 Deployment and Infrastructure", false},
		{EvaluationObserv, "L5", "Evaluation and Observability", "L5 Evaluation and Observability", false},
		{SecurityCompliance, "L6", "Security and Compliance", "L6 Security and Compliance", true},
		{AgentEcosystem, "L7", "Agent Ecosystem", "L7 Agent Ecosystem", false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			if !tt.layer.Valid() {
				t.Errorf("Valid() = false")
			}
			if got := tt.layer.Code(); got != tt.code {
				t.Errorf("Code() = %q, want %q", got, tt.code)
			}
			if got := tt.layer.Name(); got != tt.name {
				t.Errorf("Name() = %q, want %q", got, tt.name)
			}
			if got := tt.layer.String(); got != tt.str {
				t.Errorf("String() = %q, want %q", got, tt.str)
			}
			if got := tt.layer.Vertical(); got != tt.vertical {
				t.Errorf("Vertical() = %v, want %v", got, tt.vertical)
			}
		})
	}
}

func TestLayerNumbersAreFixed(t *testing.T) {
	// The numbers are part of the link format.
	got := []Layer{FoundationModels, DataOperations, AgentFrameworks, DeploymentInfra,
		EvaluationObserv, SecurityCompliance, AgentEcosystem}
	for i, l := range got {
		if int(l) != i+1 {
			t.Errorf("layer %d has number %d", i+1, int(l))
		}
	}
	if NumLayers != 7 {
		t.Errorf("NumLayers = %d, want 7", NumLayers)
	}
}

func TestLayersListsL1ToL7InOrder(t *testing.T) {
	want := [7]Layer{1, 2, 3, 4, 5, 6, 7}
	if got := Layers(); got != want {
		t.Errorf("Layers() = %v, want %v", got, want)
	}
}

func TestLayerOutOfRangeIsInvalid(t *testing.T) {
	tests := []struct {
		layer Layer
		name  string
	}{
		{0, "invalid layer 0"},
		{8, "invalid layer 8"},
		{255, "invalid layer 255"},
	}
	for _, tt := range tests {
		if tt.layer.Valid() {
			t.Errorf("Layer(%d).Valid() = true", tt.layer)
		}
		if got := tt.layer.Name(); got != tt.name {
			t.Errorf("Layer(%d).Name() = %q, want %q", tt.layer, got, tt.name)
		}
		if tt.layer.Vertical() {
			t.Errorf("Layer(%d).Vertical() = true", tt.layer)
		}
	}
}

func TestCrossLayerName(t *testing.T) {
	if got := CrossLayerName(); got != "Cross-Layer" {
		t.Errorf("CrossLayerName() = %q, want %q", got, "Cross-Layer")
	}
}
