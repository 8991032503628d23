package aivss

import "testing"

// Expected values are the v0.5 formula worked by hand: raw = ((CVSS + sum)
// / 2) × ThM in float64, shown like JavaScript's toFixed(1) (nearest on the
// exact binary value, ties up), banded on the raw value.
func TestV05Edges(t *testing.T) {
	runScoreCases(t, "v0.5", []scoreCase{
		// ThM 1: raw = (CVSS + sum) / 2; halving a double is exact.
		{name: "band 0.0 None", cvss: "0.0", thm: "1", raw: "0", score: "0.0", severity: None},
		{name: "band 0.1 Low", cvss: "0.2", thm: "1", raw: "0.1", score: "0.1", severity: Low},
		{name: "band 3.9 Low", cvss: "7.8", thm: "1", raw: "3.9", score: "3.9", severity: Low},
		{name: "band 4.0 Medium", cvss: "8.0", thm: "1", raw: "4", score: "4.0", severity: Medium},
		// 9.8 + 4 = 13.8 (same binade, exact), / 2 = 6.9.
		{name: "band 6.9 Medium", cvss: "9.8", factors: "1,1,1,1", thm: "1", raw: "6.9", score: "6.9", severity: Medium},
		{name: "band 7.0 High", cvss: "10.0", factors: "1,1,1,1", thm: "1", raw: "7", score: "7.0", severity: High},
		{name: "band 8.9 High", cvss: "9.8", factors: "1,1,1,1,1,1,1,1", thm: "1", score: "8.9", severity: High},
		{name: "band 9.0 Critical", cvss: "10.0", factors: "1,1,1,1,1,1,1,1", thm: "1", raw: "9", score: "9.0", severity: Critical},
		{name: "band 10.0 Critical", cvss: "10.0", factors: "1,1,1,1,1,1,1,1,1,1", thm: "1", raw: "10", score: "10.0", severity: Critical},
		// (10 + 4) / 2 × 0.97 = 6.79; (9.4 + 5) / 2 × 0.97 = 6.984 shows 7.0 but bands Medium.
		{name: "raw 6.984 shows 7.0 banded Medium", cvss: "9.4", factors: "1,1,1,1,1", score: "7.0", severity: Medium},
		// 4.5 / 2 = 2.25, exact in binary: toFixed rounds the tie up (Go's %.1f: 2.2).
		{name: "binary tie 2.25 up", cvss: "4.5", thm: "1", raw: "2.25", score: "2.3", severity: Low},
		// 8.5 / 2 = 4.25 exact: 4.3.
		{name: "binary tie 4.25 up", cvss: "8.5", thm: "1", raw: "4.25", score: "4.3", severity: Medium},
		// 8.1 / 2 is the double nearest 4.05, which is below 4.05: 4.0.
		{name: "4.05 below the tie", cvss: "8.1", thm: "1", raw: "4.05", score: "4.0", severity: Medium},
		// Default ThM 0.97 (the calculator's defaults, sum 2): 11.3 / 2 × 0.97 = 5.4805.
		{name: "default ThM 0.97", cvss: "9.3", factors: "0.5,0.5,0.5,0.5", raw: "5.4805", score: "5.5", severity: Medium},
		// MF 1 is accepted as "no mitigation factor".
		{name: "MF 1 accepted", cvss: "9.3", factors: "0.5,0.5,0.5,0.5", mf: "1", raw: "5.4805", score: "5.5", severity: Medium},
		// ThM 0.91: (0 + 10) / 2 × 0.91 = 4.55, whose double is below 4.55: 4.5.
		{name: "Unreported 0.91", cvss: "0.0", factors: "1,1,1,1,1,1,1,1,1,1", thm: "0.91", score: "4.5", severity: Medium},
	})
}

func TestV05Vector(t *testing.T) {
	r, err := Score(Inputs{Edition: "v0.5", CVSS: 1000, Factors: factors(t, "1,1,1,1,1,1,1,1,1,1")})
	if err != nil {
		t.Fatal(err)
	}
	if want := "(CVSS:10.0/AARS:10.0)"; r.Vector != want {
		t.Errorf("vector %s, want %s", r.Vector, want)
	}
	if r.AARS != "10.0" || r.FactorSum != "10.0" || r.CVSS != "10.0" {
		t.Errorf("AARS %s, factor sum %s, CVSS %s; want 10.0 each", r.AARS, r.FactorSum, r.CVSS)
	}
}

func TestV05Refuses(t *testing.T) {
	runErrorCases(t, "v0.5", []errorCase{
		{name: "seed card value", cvss: "9.3", factors: "0.2", want: "Autonomy of Action (autonomy_of_action): 0.2 is not allowed in OWASP AIVSS v0.5; it takes 0, 0.5 or 1"},
		{name: "v0.8's ThM 0.50", cvss: "9.3", thm: "0.5", want: "ThM: 0.5 is not allowed in OWASP AIVSS v0.5; it takes 1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.91 (Unreported)"},
		{name: "a mitigation factor", cvss: "9.3", mf: "0.83", want: "MF: 0.83 is not allowed in OWASP AIVSS v0.5; it has no mitigation factor; leave MF out (or give 1)"},
		{name: "CVSS above 10", cvss: "11", want: "CVSS: 11.0 is not allowed in OWASP AIVSS v0.5; a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"},
	})
}
