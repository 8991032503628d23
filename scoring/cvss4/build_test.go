package cvss4

import (
	"errors"
	"testing"
)

func baseValues() map[string]string {
	return map[string]string{
		"AV": "N", "AC": "L", "AT": "N", "PR": "N", "UI": "N",
		"VC": "H", "VI": "H", "VA": "H", "SC": "N", "SI": "N", "SA": "N",
	}
}

func TestBuildWritesTheCanonicalVector(t *testing.T) {
	tests := []struct {
		name  string
		extra map[string]string
		want  string
	}{
		{"base only", nil, base},
		{"X outside Base left out", map[string]string{"E": "X", "CR": "X", "U": "X"}, base},
		{"every group, given out of order", map[string]string{"U": "Red", "E": "A", "MSI": "S", "CR": "L", "S": "N"},
			base + "/E:A/CR:L/MSI:S/S:N/U:Red"},
	}
	for _, tc := range tests {
		values := baseValues()
		for k, v := range tc.extra {
			values[k] = v
		}
		v, err := Build(values)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := v.String(); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestBuildRefusesIncompleteOrWrongValues(t *testing.T) {
	tests := []struct {
		name   string
		change func(map[string]string)
		kind   error
		metric string
	}{
		{"a Base metric left out", func(m map[string]string) { delete(m, "VI") }, ErrMissing, "VI"},
		{"X for a Base metric", func(m map[string]string) { m["AV"] = "X" }, ErrNotAllowed, "AV"},
		{"a value the metric does not take", func(m map[string]string) { m["E"] = "Q" }, ErrNotAllowed, "E"},
		{"no such metric", func(m map[string]string) { m["XX"] = "N" }, ErrUnknownMetric, "XX"},
		// Maps have no order: of several unknown names, the first in
		// byte order is named, on every run.
		{"three unknown metrics", func(m map[string]string) { m["ZZ"], m["XB"], m["XA"] = "N", "N", "N" }, ErrUnknownMetric, "XA"},
	}
	for _, tc := range tests {
		values := baseValues()
		tc.change(values)
		_, err := Build(values)
		var pe *ParseError
		if !errors.As(err, &pe) || !errors.Is(err, tc.kind) || pe.Metric != tc.metric {
			t.Errorf("%s: error %v, want a %v about %s", tc.name, err, tc.kind, tc.metric)
		}
	}
}
