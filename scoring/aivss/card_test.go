package aivss

import "testing"

func TestCardEdges(t *testing.T) {
	runScoreCases(t, "card", []scoreCase{
		// Published cards (maestro research §4.1), which print only the
		// factor sum; the split below has that sum in float64.
		// defense-in-depth: 8.5 × 0.06 × 0.9 = 0.459 → "0.46"; (1.5 + 0.459) × 0.7 = 1.3713 → 1.4.
		{name: "card defense-in-depth", cvss: "1.5", factors: "0.6", thm: "0.9", mf: "0.7", aars: "0.46", score: "1.4", severity: Low},
		// AiMod: 2.5 × 0.41 × 1.0 = 1.025, whose double is below the tie → "1.02"; 8.525 × 0.85 = 7.24625 → 7.2.
		{name: "card AiMod", cvss: "7.5", factors: "1,1,1,1,0.1", thm: "1.0", mf: "0.85", aars: "1.02", score: "7.2", severity: High},
		// Internet of Agents: 1.5 × 0.65 × 1.1 = 1.0725 → "1.07"; 9.5725 → 9.6.
		{name: "card Internet of Agents", cvss: "8.5", factors: "1,1,1,1,1,1,0.5", thm: "1.1", mf: "1.0", aars: "1.07", score: "9.6", severity: Critical},
		// Factors 0, MF 1: raw = CVSS; bands on the shown score.
		{name: "band 0.0 None", cvss: "0.0", raw: "0", score: "0.0", severity: None},
		{name: "band 0.1 Low", cvss: "0.1", raw: "0.1", score: "0.1", severity: Low},
		{name: "band 3.9 Low", cvss: "3.9", raw: "3.9", score: "3.9", severity: Low},
		{name: "band 4.0 Medium", cvss: "4.0", raw: "4", score: "4.0", severity: Medium},
		{name: "band 6.9 Medium", cvss: "6.9", raw: "6.9", score: "6.9", severity: Medium},
		{name: "band 7.0 High", cvss: "7.0", raw: "7", score: "7.0", severity: High},
		{name: "band 8.9 High", cvss: "8.9", raw: "8.9", score: "8.9", severity: High},
		{name: "band 9.0 Critical", cvss: "9.0", raw: "9", score: "9.0", severity: Critical},
		{name: "band 10.0 Critical", cvss: "10.0", raw: "10", score: "10.0", severity: Critical},
		// 2 × 0.48 = 0.96 (near); 8.96 shows 9.0, banded Critical on the shown score.
		{name: "8.96 shows 9.0 Critical", cvss: "8.0", factors: "1,1,1,1,0.8", score: "9.0", severity: Critical},
		// 8 × 0.245 = 1.96 (near); 3.96 shows 4.0 Medium.
		{name: "3.96 shows 4.0 Medium", cvss: "2.0", factors: "1,1,0.45", score: "4.0", severity: Medium},
		// 1.5 × 0.5 × 1 = 0.75; 8.5 + 0.75 = 9.25 exact in binary: ties to even, 9.2.
		{name: "binary tie 9.25 to even", cvss: "8.5", factors: "1,1,1,1,1", thm: "1", mf: "1", aars: "0.75", raw: "9.25", score: "9.2", severity: Critical},
		// Factors 0: 8.5 × 0.5 = 4.25 exact in binary: ties to even, 4.2 (half up would give 4.3).
		{name: "binary tie 4.25 to even", cvss: "8.5", mf: "0.5", aars: "0.00", raw: "4.25", score: "4.2", severity: Medium},
		// 1 × 1 × 2 = 2; 9 + 2 = 11, clamped to 10.
		{name: "clamped to 10", cvss: "9.0", factors: "1,1,1,1,1,1,1,1,1,1", thm: "2.00", mf: "1.00", aars: "2.00", raw: "10", score: "10.0", severity: Critical},
		// Defaults ThM 1.00 and MF 1.00: 3 × 0.5 × 1 = 1.5; 7 + 1.5 = 8.5.
		{name: "defaults ThM 1 MF 1", cvss: "7.0", factors: "1,1,1,1,1", aars: "1.50", raw: "8.5", score: "8.5", severity: High},
		// MF 0: (anything) × 0 = 0.
		{name: "MF 0", cvss: "9.0", factors: "1,1", thm: "2", mf: "0", raw: "0", score: "0.0", severity: None},
	})
}

func TestCardRefuses(t *testing.T) {
	runErrorCases(t, "card", []errorCase{
		{name: "factor above 1", cvss: "5.0", factors: "0,0,0,1.01", want: "Dynamic Tool Use (tool_use): 1.01 is not allowed in the AgentReady threat-model cards edition; it takes 0 to 1"},
		{name: "ThM above 2", cvss: "5.0", thm: "2.01", want: "ThM: 2.01 is not allowed in the AgentReady threat-model cards edition; it takes 0 to 2"},
		{name: "MF above 1", cvss: "5.0", mf: "1.1", want: "MF: 1.1 is not allowed in the AgentReady threat-model cards edition; it takes 0 to 1"},
		{name: "CVSS with two decimals", cvss: "5.05", want: "CVSS: 5.05 is not allowed in the AgentReady threat-model cards edition; a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"},
	})
}
