package aivss

import "github.com/threatcard/threatcard/scoring/decimal"

// The 0 / 0.5 / 1 grid of v0.5 and v0.8 (v0.8 §2.1 Table 1, v0.5 §3.1).
var gridLevels = Scale{Choices: []Choice{
	{decimal.FromHundredths(0), "None"},
	{decimal.FromHundredths(50), "Partial"},
	{decimal.FromHundredths(100), "Full"},
}}

var editionV08 = Edition{
	ID:     "v0.8",
	Name:   "OWASP AIVSS v0.8",
	Called: "OWASP AIVSS v0.8",
	Date:   "2026-03",
	Status: "current",
	Source: "AIVSS Scoring System For OWASP Agentic AI Core Security Risks v0.8 (OWASP, 2026-03-18), §2.2 and §3.3–3.5",
	// §2.2: "listed in the exact order required for the calculation".
	Factors: [NumFactors]Factor{
		{"autonomy", "Execution Autonomy"},
		{"tools", "External Tool Control Surface"},
		{"language", "Natural Language Interface"},
		{"context", "Contextual Awareness"},
		{"non_determinism", "Behavioral Non-Determinism"},
		{"opacity", "Opacity & Reflexivity"},
		{"persistence", "Persistent State Retention"},
		{"identity", "Dynamic Identity"},
		{"multi_agent", "Multi-Agent Interactions"},
		{"self_mod", "Self-Modification"},
	},
	Levels: gridLevels,
	ThM: Scale{Choices: []Choice{ // Table 4a
		{decimal.FromHundredths(100), "Attacked"},
		{decimal.FromHundredths(97), "Proof-of-Concept"},
		{decimal.FromHundredths(50), "Unreported"},
	}, Default: decimal.FromHundredths(97)},
	MF: Scale{Choices: []Choice{ // Table 4b
		{decimal.FromHundredths(100), "None"},
		{decimal.FromHundredths(83), "Partial"},
		{decimal.FromHundredths(67), "Strong"},
	}, Default: decimal.FromHundredths(100)},
	HasMF: true,
	Formula: []string{
		"Factor_Sum = the sum of the 10 factors",
		"AARS = (10 − CVSS) × (Factor_Sum / 10) × ThM",
		"AIVSS = RoundHalfUp((CVSS + AARS) × MF, 1)",
	},
	Rounding: "exact decimal arithmetic; the score rounded half up to one decimal (8.65 → 8.7)",
	Bands:    "on the rounded score: Critical ≥ 9.0, High ≥ 7.0, Medium ≥ 4.0, Low ≥ 0.1, else None",
	score:    scoreV08,
}

func scoreV08(e *Edition, cvss decimal.Decimal, f *[NumFactors]decimal.Decimal, thm, mf decimal.Decimal) Result {
	var sum int64
	for _, v := range f {
		sum += v.Hundredths()
	}
	c, t := cvss.Hundredths(), thm.Hundredths()
	r := resultV08(c, sum, t, mf.Hundredths())
	for i, v := range f {
		r.Shares[i] = exactText((1000-c)*v.Hundredths()*t, 7)
	}
	return r
}

// resultV08 computes v0.8 from the CVSS score c, the factor sum s, ThM t and
// MF m, all in hundredths, in integers: with C = c/100 and so on,
//
//	AARS × 10^7      = (1000 − c)·s·t
//	(C + AARS) × 10^7 = c·10^5 + (1000 − c)·s·t
//	raw × 10^9       = (c·10^5 + (1000 − c)·s·t)·m
//
// which stays below 2·10^10 for inputs in range. Rounding half up to
// tenths is then floor((raw·10^9 + 5·10^7) / 10^8). The shares are left to
// the caller.
func resultV08(c, s, t, m int64) Result {
	aars := (1000 - c) * s * t
	raw := (c*100_000 + aars) * m
	tenths := (raw + 50_000_000) / 100_000_000
	return Result{
		Edition:   "v0.8",
		CVSS:      decimal.FromHundredths(c).Format(1),
		FactorSum: exactText(s, 2),
		AARS:      exactText(aars, 7),
		Raw:       exactText(raw, 9),
		Score:     tenthsText(tenths),
		Value:     decimal.FromHundredths(tenths * 10),
		Severity:  bandTenths(tenths),
	}
}
