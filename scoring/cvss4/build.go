package cvss4

import (
	"slices"
	"strings"
)

// Build returns the vector with the given metric values, keyed by metric
// abbreviation ("AV" → "N"), as a calculator's buttons give them: in any
// order, with "X" (or no entry) for a metric outside Base that is not
// defined. The 11 Base metrics must all be there. The text is written in
// specification order and then parsed, so the errors are Parse's,
// naming the first metric that is missing or not allowed; a key that is
// no metric is an ErrUnknownMetric error.
func Build(values map[string]string) (*Vector, error) {
	var unknown []string
	for abv := range values {
		if metricIndex(abv) < 0 {
			unknown = append(unknown, abv)
		}
	}
	if len(unknown) > 0 {
		first := slices.Min(unknown) // the same one, whatever the map's order
		return nil, &ParseError{Kind: ErrUnknownMetric, Metric: first, Offset: -1,
			Msg: "unknown metric " + show(first) + "; CVSS v4.0 metrics are " + strings.Join(metricNames(), ", ")}
	}
	var b strings.Builder
	b.WriteString(prefix)
	for m := range metricTable {
		abv := metricTable[m].Abbrev
		val, ok := values[abv]
		if !ok || val == "X" && m > mSA {
			continue
		}
		b.WriteString("/" + abv + ":" + val)
	}
	return Parse(b.String())
}

// metricNames lists every metric abbreviation in specification order.
func metricNames() []string {
	names := make([]string, len(metricTable))
	for m := range metricTable {
		names[m] = metricTable[m].Abbrev
	}
	return names
}
