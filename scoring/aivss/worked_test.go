package aivss

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// The numbers in the expected lines are the published ones: v0.8 worked
// example 3.6.1 and the v0.5 reference calculator's defaults (both in
// testdata/aivss-vectors.json), and for card a case small enough to work
// out by hand (every value exact in binary).
func TestWorkedPutsTheNumbersIntoTheFormula(t *testing.T) {
	tests := []struct {
		name    string
		edition string
		cvss    string
		factors string
		thm, mf string
		want    []string
	}{
		{"v0.8 worked example 3.6.1", "v0.8", "9.4", "1,1,1,1,1,1,0.5,1,1,0.5", "0.97", "1", []string{
			"Factor_Sum = 9.0",
			"AARS = (10 − 9.4) × (9.0 / 10) × 0.97 = 0.5238",
			"AIVSS = RoundHalfUp((9.4 + 0.5238) × 1.00, 1) = RoundHalfUp(9.9238, 1) = 9.9",
		}},
		{"v0.5 calculator defaults", "v0.5", "9.3", "0.5,0.5,0.5,0.5", "0.97", "1", []string{
			"AARS = 2.0",
			"AIVSS = ((9.3 + 2.0) / 2) × 0.97 = 5.4805, shown 5.5",
			"Vector: (CVSS:9.3/AARS:2.0)",
		}},
		// Factor_Sum 5; AARS 5 × 0.5 × 1 = 2.5; (5 + 2.5) × 0.5 = 3.75,
		// a tie shown to even: 3.8.
		{"card, all halves", "card", "5.0", "0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5", "1", "0.5", []string{
			"Factor_Sum = 5.0",
			"AARS = (10 − 5.0) × (5.0 / 10) × 1.00 = 2.5",
			"AIVSS = min((5.0 + 2.5) × 0.50, 10) = 3.75, shown 3.8",
		}},
		// The float64 raw score is 7.129499999999999; worked by hand,
		// (9.7 + 5) / 2 × 0.97 = 7.1295 exactly: the float's other digits
		// are binary noise, so the line says "=".
		{"v0.5 without float noise", "v0.5", "9.7", "0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5,0.5", "0.97", "1", []string{
			"AARS = 5.0",
			"AIVSS = ((9.7 + 5.0) / 2) × 0.97 = 7.1295, shown 7.1",
		}},
		// By hand: AARS = 1.3 × 0.42 × 0.97 = 0.52962; raw = 9.22962 (the
		// float64s are 0.5296200000000003 and 9.229619999999999).
		{"card without float noise", "card", "8.7", "0.42,0.42,0.42,0.42,0.42,0.42,0.42,0.42,0.42,0.42", "0.97", "1", []string{
			"Factor_Sum = 4.2",
			"AARS = (10 − 8.7) × (4.2 / 10) × 0.97 ≈ 0.5296",
			"AIVSS = min((8.7 + 0.5296) × 1.00, 10) ≈ 9.2296, shown 9.2",
		}},
		// v0.5 rounds the binary value like toFixed(1): (9.3 + 0.8 ... ) —
		// here ((8.1 + 0) / 2) × 1 = 4.05 by hand, whose float64 is just
		// below 4.05 and shows 4.0; the line says so rather than "4.05".
		{"v0.5 below a tie in binary", "v0.5", "8.1", "0,0,0,0,0,0,0,0,0,0", "1", "1", []string{
			"AARS = 0.0",
			"AIVSS = ((8.1 + 0.0) / 2) × 1.00 = 4.0499…, shown 4.0",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e, err := Lookup(tc.edition)
			if err != nil {
				t.Fatal(err)
			}
			f := factors(t, tc.factors)
			thm, mf := decimal.MustParse(tc.thm), decimal.MustParse(tc.mf)
			r, err := e.Score(decimal.MustParse(tc.cvss), &f, decimal.Some(thm), decimal.Some(mf))
			if err != nil {
				t.Fatal(err)
			}
			got := e.Worked(&r, thm, mf)
			if len(got) != len(e.Formula) {
				t.Fatalf("%d lines for a formula of %d", len(got), len(e.Formula))
			}
			for i := range tc.want {
				if got[i] != tc.want[i] {
					t.Errorf("line %d\n got %s\nwant %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}
