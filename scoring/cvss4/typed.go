package cvss4

import "strings"

// ParseTyped reads a vector as a person types or pastes it, taking what
// can only mean one vector: spaces around it, a prefix or metric names and
// values in another case ("cvss:4.0/av:n/…"), metrics in another order,
// and a trailing slash. The vector is then the canonical one (String), and
// anything else is Parse's error for the rewritten text, or an
// ErrDuplicate error for a metric given twice. Links and JSON keep the
// strict Parse.
func ParseTyped(s string) (*Vector, error) {
	t := strings.TrimSuffix(strings.TrimSpace(s), "/")
	head, rest, _ := strings.Cut(t, "/")
	if !strings.EqualFold(head, prefix) {
		return Parse(t) // Parse explains a wrong or missing prefix
	}
	values := map[string]string{}
	for _, comp := range strings.Split(rest, "/") {
		name, val, ok := strings.Cut(comp, ":")
		m := metricIndex(strings.ToUpper(name))
		if !ok || m < 0 {
			return Parse(t) // Parse explains malformed and unknown metrics
		}
		abv := metricTable[m].Abbrev
		if _, dup := values[abv]; dup {
			return nil, &ParseError{Vector: s, Kind: ErrDuplicate, Metric: abv, Offset: -1,
				Msg: abv + " is given twice; each metric appears once"}
		}
		for _, v := range metricTable[m].Values {
			if strings.EqualFold(v.Abbrev, val) {
				val = v.Abbrev
				break
			}
		}
		values[abv] = val
	}
	// Parse would say a missing metric is missing "in this order"; here
	// any order is taken, so say which are missing.
	var missing []string
	for m := 0; m <= mSA; m++ {
		if _, ok := values[metricTable[m].Abbrev]; !ok {
			missing = append(missing, metricTable[m].Abbrev)
		}
	}
	if len(missing) > 0 {
		what := "Base metric " + missing[0] + " is"
		if len(missing) > 1 {
			what = "Base metrics " + strings.Join(missing, ", ") + " are"
		}
		return nil, &ParseError{Vector: s, Kind: ErrMissing, Metric: missing[0], Offset: -1,
			Msg: "mandatory " + what + " missing; a vector has all 11 Base metrics, " + baseList() + ", in any order here"}
	}
	return Build(values)
}
