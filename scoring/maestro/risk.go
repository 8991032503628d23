package maestro

// Level is a likelihood or impact rating. The zero value is unrated.
type Level uint8

// The three ratings.
const (
	Unrated Level = iota
	Low
	Medium
	High
)

var levelNames = [...]string{"", "Low", "Medium", "High"}

// Valid reports whether l is unrated or one of the three ratings.
func (l Level) Valid() bool { return int(l) < len(levelNames) }

// String returns "Low", "Medium", "High", or "" when unrated.
func (l Level) String() string {
	if !l.Valid() {
		return "invalid"
	}
	return levelNames[l]
}

// ParseLevel reads "Low", "Medium" or "High"; "" is unrated.
func ParseLevel(field, s string) (Level, error) {
	for i, n := range levelNames {
		if n == s {
			return Level(i), nil
		}
	}
	return 0, &ValueError{Field: field, Value: s, Allowed: []string{"Low", "Medium", "High", "(empty for unrated)"}}
}

// Risk is the rating of a threat from its likelihood and impact on the
// usual 3×3 matrix. The zero value means not rated.
type Risk uint8

// The risk levels.
const (
	RiskUnrated Risk = iota
	RiskLow
	RiskMedium
	RiskHigh
	RiskCritical
)

var riskNames = [...]string{"", "Low", "Medium", "High", "Critical"}

// String returns the risk level's name, or "" when not rated.
func (r Risk) String() string {
	if int(r) >= len(riskNames) {
		return "invalid"
	}
	return riskNames[r]
}

// RiskOf rates likelihood × impact: with Low=1, Medium=2, High=3 the
// product 1–2 is Low, 3–4 Medium, 6 High and 9 Critical. If either is
// unrated, so is the risk.
func RiskOf(likelihood, impact Level) Risk {
	if likelihood == Unrated || impact == Unrated || !likelihood.Valid() || !impact.Valid() {
		return RiskUnrated
	}
	switch p := int(likelihood) * int(impact); {
	case p <= 2:
		return RiskLow
	case p <= 4:
		return RiskMedium
	case p <= 6:
		return RiskHigh
	default:
		return RiskCritical
	}
}
