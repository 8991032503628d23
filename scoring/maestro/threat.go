package maestro

// State is where a threat stands. The zero value is Open.
type State uint8

// The threat states.
const (
	Open      State = iota // not yet dealt with
	Mitigated              // controls are in place
	Accepted               // the risk is knowingly accepted
)

var stateNames = [...]string{"open", "mitigated", "accepted"}

// Valid reports whether s is one of the three states.
func (s State) Valid() bool { return int(s) < len(stateNames) }

// String returns "open", "mitigated" or "accepted".
func (s State) String() string {
	if !s.Valid() {
		return "invalid"
	}
	return stateNames[s]
}

// ParseState reads "open", "mitigated" or "accepted".
func ParseState(name string) (State, error) {
	for i, n := range stateNames {
		if n == name {
			return State(i), nil
		}
	}
	return 0, &ValueError{Field: "state", Value: name, Allowed: stateNames[:]}
}

// Threat is one threat in the model: either an entry of the catalog
// (CatalogID set, Title empty) or a custom one (Title set, CatalogID empty).
type Threat struct {
	CatalogID   string // a Catalog id, or "" for a custom threat
	Title       string // the custom threat's title; "" for a catalog threat
	Description string // free text; "" shows the catalog's description
	// Layers lists the layers a cross-layer threat touches, ascending and
	// distinct, none or at least two. A threat kept under one layer has no
	// Layers: the layer it sits under is the one it touches.
	Layers      []Layer
	ASI         ASI   // OWASP Agentic Top 10 code, or 0
	Likelihood  Level // Unrated, Low, Medium or High
	Impact      Level
	Mitigations string // free text, one mitigation per line
	State       State
	AIVSS       Assessment // the threat's own AIVSS score, when it is a finding
}

// Name returns the threat's title: the custom title, or the catalog entry's
// name; for a finding without either (a report may leave the title out),
// "Finding " and its id.
func (t *Threat) Name() string {
	if t.CatalogID != "" {
		if e, ok := LookupThreat(t.CatalogID); ok {
			return e.Name
		}
		return t.CatalogID
	}
	if t.Title == "" && t.AIVSS.Scored() {
		return "Finding " + t.AIVSS.ID
	}
	return t.Title
}

// Risk returns the threat's risk level from its likelihood and impact.
func (t *Threat) Risk() Risk { return RiskOf(t.Likelihood, t.Impact) }
