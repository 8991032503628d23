package maestro

// LayerEntry is what the model says about one layer.
type LayerEntry struct {
	Status  Status
	Notes   string
	Threats []Threat
}

// Model is one agent's MAESTRO threat model: the seven layers, in order
// (Layers[0] is L1), and the threats that span layers.
type Model struct {
	Layers     [NumLayers]LayerEntry
	CrossLayer []Threat
}

// Layer returns the entry for layer l (1…7).
func (m *Model) Layer(l Layer) *LayerEntry { return &m.Layers[l-1] }

// NumThreats returns the number of threats in the whole model.
func (m *Model) NumThreats() int {
	n := len(m.CrossLayer)
	for i := range m.Layers {
		n += len(m.Layers[i].Threats)
	}
	return n
}
