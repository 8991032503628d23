package aivssreport

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

func TestParseNum(t *testing.T) {
	same := [][]string{
		{"1", "1.0", "1.00", "10e-1", "0.1E+1", "100e-2", "0.001e3"},
		{"0", "-0", "0.0", "0e5", "-0.000e-3"},
		{"0.44135", "44135e-5", "0.0044135e2"},
		{"10", "1e1", "10.0", "0.1e2"},
	}
	for _, group := range same {
		for _, s := range group {
			if parseNum(s) != parseNum(group[0]) {
				t.Errorf("%s reads %+v, %s %+v", s, parseNum(s), group[0], parseNum(group[0]))
			}
		}
	}
	ascending := []string{"-1e99999999999", "-10", "-0.5", "-0.05", "0", "1e-999999999999", "0.05", "0.44135", "0.5", "0.67", "0.9", "1", "9.99", "10", "10.0001", "99", "1e99999999999"}
	for i := range ascending {
		for j := range ascending {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := compare(parseNum(ascending[i]), parseNum(ascending[j])); got != want {
				t.Errorf("compare(%s, %s) = %d, want %d", ascending[i], ascending[j], got, want)
			}
		}
	}
	decimals := map[string]int64{"0": 0, "0.5": 50, "1.0": 100, "0.97": 97, "9.30": 930, "5E-1": 50, "1e2": 10000, "-0.5": -50, "0.970000": 97}
	for s, h := range decimals {
		if d, ok := parseNum(s).decimal(); !ok || d != decimal.FromHundredths(h) {
			t.Errorf("%s: %v %v, want %d hundredths", s, d, ok, h)
		}
	}
	for _, s := range []string{"0.975", "1e-3", "1e7", "12345678", "1e999999999"} {
		if d, ok := parseNum(s).decimal(); ok {
			t.Errorf("%s: %v, want none", s, d)
		}
	}
}
