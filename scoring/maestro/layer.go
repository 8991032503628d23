// Package maestro is the CSA MAESTRO seven-layer threat model of one agent:
// the fixed layers, each layer's status, notes and threats, the threats that
// span layers, and a catalog of the framework's standard threats.
package maestro

import "strconv"

// Layer is one of the seven MAESTRO layers, numbered bottom-up as the
// framework does (L1 Foundation Models … L7 Agent Ecosystem).
type Layer uint8

// The seven layers. Their numbers and names are fixed by the framework and
// are part of the link format: never renumber them.
const (
	FoundationModels   Layer = 1
	DataOperations     Layer = 2
	AgentFrameworks    Layer = 3
	DeploymentInfra    Layer = 4
	EvaluationObserv   Layer = 5
	SecurityCompliance Layer = 6
	AgentEcosystem     Layer = 7
)

// NumLayers is the number of MAESTRO layers.
const NumLayers = 7

const crossLayerName = "Cross-Layer"

var layerNames = [NumLayers + 1]string{
	"",
	"Foundation Models",
	"Data Operations",
	"Agent Frameworks",
	"Deployment and Infrastructure",
	"Evaluation and Observability",
	"Security and Compliance",
	"Agent Ecosystem",
}

// Layers returns the seven layers in order, L1 first.
func Layers() [NumLayers]Layer {
	return [NumLayers]Layer{1, 2, 3, 4, 5, 6, 7}
}

// Valid reports whether l is one of the seven layers.
func (l Layer) Valid() bool { return l >= 1 && l <= NumLayers }

// Name returns the layer's official name, e.g. "Foundation Models".
func (l Layer) Name() string {
	if !l.Valid() {
		return "invalid layer " + strconv.Itoa(int(l))
	}
	return layerNames[l]
}

// Code returns the short label "L1" … "L7".
func (l Layer) Code() string { return "L" + strconv.Itoa(int(l)) }

// Vertical reports whether the layer cuts across the others (only L6).
func (l Layer) Vertical() bool { return l == SecurityCompliance }

// String returns "L1 Foundation Models".
func (l Layer) String() string { return l.Code() + " " + l.Name() }

// CrossLayerName is the name of the section for threats that span layers.
func CrossLayerName() string { return crossLayerName }
