package aivss

import (
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// Expected values are the v0.8 formula worked by hand:
// AARS = (10 − CVSS) × (sum/10) × ThM, raw = (CVSS + AARS) × MF.
func TestV08Edges(t *testing.T) {
	runScoreCases(t, "v0.8", []scoreCase{
		// Factors all 0: AARS = 0 and, with MF 1, raw = CVSS; bands on the rounded score.
		{name: "band 0.0 None", cvss: "0.0", aars: "0.0", raw: "0.0", score: "0.0", severity: None},
		{name: "band 0.1 Low", cvss: "0.1", raw: "0.1", score: "0.1", severity: Low},
		{name: "band 3.9 Low", cvss: "3.9", raw: "3.9", score: "3.9", severity: Low},
		{name: "band 4.0 Medium", cvss: "4.0", raw: "4.0", score: "4.0", severity: Medium},
		{name: "band 6.9 Medium", cvss: "6.9", raw: "6.9", score: "6.9", severity: Medium},
		{name: "band 7.0 High", cvss: "7.0", raw: "7.0", score: "7.0", severity: High},
		{name: "band 8.9 High", cvss: "8.9", raw: "8.9", score: "8.9", severity: High},
		{name: "band 9.0 Critical", cvss: "9.0", raw: "9.0", score: "9.0", severity: Critical},
		{name: "band 10.0 Critical", cvss: "10.0", raw: "10.0", score: "10.0", severity: Critical},
		// 3.1 × 0.05 × 0.5 = 0.0775; 6.9775 rounds to 7.0, banded High on the rounded score.
		{name: "raw 6.9775 shows 7.0 High", cvss: "6.9", factors: "0.5", thm: "0.50", aars: "0.0775", raw: "6.9775", score: "7.0", severity: High},
		// 5 × 0.1 × 0.5 = 0.25; 5.25 is an exact decimal tie: half up to 5.3.
		{name: "tie 5.25 rounds up", cvss: "5.0", factors: "1", thm: "0.50", aars: "0.25", raw: "5.25", score: "5.3", severity: Medium},
		// 10 × 0.05 × 0.5 = 0.25: half up to 0.3 (Go's %.1f of the float would give 0.2).
		{name: "tie 0.25 rounds up", cvss: "0.0", factors: "0.5", thm: "0.50", raw: "0.25", score: "0.3", severity: Low},
		// 1 × 0.05 × 1 = 0.05; 9.05 half up to 9.1.
		{name: "tie 9.05 rounds up", cvss: "9.0", factors: "0.5", thm: "1.00", raw: "9.05", score: "9.1", severity: Critical},
		// AARS 1 × 0.8 × 1 = 0.8; 9.8 × 0.67 = 6.566 → 6.6.
		{name: "strong mitigation rounds up", cvss: "9.0", factors: "1,1,1,1,1,1,1,1", thm: "1.00", mf: "0.67", aars: "0.8", raw: "6.566", score: "6.6", severity: Medium},
		// 7.5 × 0.67 = 5.025 → 5.0.
		{name: "strong mitigation rounds down", cvss: "7.5", mf: "0.67", raw: "5.025", score: "5.0", severity: Medium},
		// Defaults ThM 0.97, MF 1.00: §3.6.1 gives 0.6 × 0.9 × 0.97 = 0.5238; 9.9238 → 9.9.
		{name: "defaults ThM 0.97 MF 1.00", cvss: "9.4", factors: "1,1,1,1,1,1,0.5,1,1,0.5", aars: "0.5238", raw: "9.9238", score: "9.9", severity: Critical},
		// Same with ThM 1.00: 0.6 × 0.9 × 1 = 0.54 → 9.94 → 9.9.
		{name: "Attacked", cvss: "9.4", factors: "1,1,1,1,1,1,0.5,1,1,0.5", thm: "1.00", aars: "0.54", raw: "9.94", score: "9.9", severity: Critical},
		// Maximum: CVSS 0, all 1, ThM 1: AARS 10 × 1 × 1 = 10.
		{name: "maximum uplift", cvss: "0.0", factors: "1,1,1,1,1,1,1,1,1,1", thm: "1", mf: "1", aars: "10.0", raw: "10.0", score: "10.0", severity: Critical},
		// CVSS 10: no gap, AARS 0 whatever the factors; MF 0.83 → 8.3.
		{name: "no gap at CVSS 10", cvss: "10.0", factors: "1,1,1,1,1,1,1,1,1,1", mf: "0.83", aars: "0.0", raw: "8.3", score: "8.3", severity: High},
	})
}

func TestV08Refuses(t *testing.T) {
	runErrorCases(t, "v0.8", []errorCase{
		{name: "factor off the grid", cvss: "9.3", factors: "0,0.7", want: "External Tool Control Surface (tools): 0.7 is not allowed in OWASP AIVSS v0.8; it takes 0, 0.5 or 1"},
		{name: "factor above 1", cvss: "9.3", factors: "0,0,0,0,0,0,0,0,0,1.5", want: "Self-Modification (self_mod): 1.5 is not allowed in OWASP AIVSS v0.8; it takes 0, 0.5 or 1"},
		{name: "v0.5's ThM 0.91", cvss: "9.3", thm: "0.91", want: "ThM: 0.91 is not allowed in OWASP AIVSS v0.8; it takes 1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.50 (Unreported)"},
		{name: "MF off the list", cvss: "9.3", mf: "0.5", want: "MF: 0.5 is not allowed in OWASP AIVSS v0.8; it takes 1.00 (None), 0.83 (Partial) or 0.67 (Strong)"},
		{name: "CVSS above 10", cvss: "10.1", want: "CVSS: 10.1 is not allowed in OWASP AIVSS v0.8; a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"},
		{name: "CVSS with two decimals", cvss: "9.35", want: "CVSS: 9.35 is not allowed in OWASP AIVSS v0.8; a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"},
	})
}

// The shares split AARS by factor: §3.6.1 has eight factors at 1, each
// 0.6 × 0.1 × 0.97 = 0.0582, and two at 0.5, each 0.0291; together 0.5238.
func TestV08Shares(t *testing.T) {
	r, err := Score(Inputs{CVSS: decimal.MustParse("9.4"), Factors: factors(t, "1,1,1,1,1,1,0.5,1,1,0.5")})
	if err != nil {
		t.Fatal(err)
	}
	want := [NumFactors]string{"0.0582", "0.0582", "0.0582", "0.0582", "0.0582", "0.0582", "0.0291", "0.0582", "0.0582", "0.0291"}
	if r.Shares != want {
		t.Errorf("shares %v, want %v", r.Shares, want)
	}
	if r.Edition != "v0.8" {
		t.Errorf("edition %q: an empty Inputs.Edition should mean v0.8", r.Edition)
	}
}

// Decimal is an int64: a program can pass a negative one, which Parse never
// makes. Every input refuses it.
func TestNegativeInputsRefused(t *testing.T) {
	neg := decimal.FromHundredths(-10)
	for _, c := range []struct {
		name string
		in   Inputs
		want string
	}{
		{"CVSS", Inputs{CVSS: neg}, "CVSS: -0.1 is not allowed in OWASP AIVSS v0.8; a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"},
		{"card factor", Inputs{Edition: "card", Factors: [NumFactors]decimal.Decimal{neg}},
			"Autonomy of Action (autonomy_of_action): -0.1 is not allowed in the AgentReady threat-model cards edition; it takes 0 to 1"},
		{"card ThM", Inputs{Edition: "card", ThM: decimal.Some(neg)}, "ThM: -0.1 is not allowed in the AgentReady threat-model cards edition; it takes 0 to 2"},
		{"card MF", Inputs{Edition: "card", MF: decimal.Some(neg)}, "MF: -0.1 is not allowed in the AgentReady threat-model cards edition; it takes 0 to 1"},
	} {
		if _, err := Score(c.in); err == nil || err.Error() != c.want {
			t.Errorf("%s: err %v, want %s", c.name, err, c.want)
		}
	}
}

func TestUnknownEdition(t *testing.T) {
	_, err := Score(Inputs{Edition: "v0.9"})
	if _, ok := err.(*UnknownEditionError); !ok {
		t.Fatalf("err %v (%T), want *UnknownEditionError", err, err)
	}
	if want := `unknown AIVSS edition "v0.9"; editions are v0.8, v0.5, card`; err.Error() != want {
		t.Errorf("error %q, want %q", err, want)
	}
}
