package maestro

// Status says how far a layer has been assessed.
type Status uint8

// The statuses. The zero value is NotAssessed, so a new layer starts there.
const (
	NotAssessed Status = iota // nothing written for this layer yet
	Mapped                    // assessed from what is known of the agent
	Uncertain                 // general, caveated commentary: the public description did not pin this layer
)

var statusNames = [...]string{"not-assessed", "mapped", "uncertain"}

// Valid reports whether s is one of the three statuses.
func (s Status) Valid() bool { return int(s) < len(statusNames) }

// String returns the status's identifier: "mapped", "uncertain" or
// "not-assessed".
func (s Status) String() string {
	if !s.Valid() {
		return "invalid"
	}
	return statusNames[s]
}

// Label returns the status as a person reads it next to a layer.
func (s Status) Label() string {
	switch s {
	case Mapped:
		return "mapped"
	case Uncertain:
		return "not certain from listing"
	case NotAssessed:
		return "not assessed"
	}
	return "invalid"
}

// ParseStatus returns the status with identifier name.
func ParseStatus(name string) (Status, error) {
	for i, n := range statusNames {
		if n == name {
			return Status(i), nil
		}
	}
	return 0, &ValueError{Field: "status", Value: name, Allowed: statusNames[:]}
}
