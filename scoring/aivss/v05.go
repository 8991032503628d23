package aivss

import "github.com/threatcard/threatcard/scoring/decimal"

var editionV05 = Edition{
	ID:     "v0.5",
	Name:   "OWASP AIVSS v0.5",
	Called: "OWASP AIVSS v0.5",
	Date:   "2025-07",
	Status: "archived",
	Source: "AIVSS Scoring System For OWASP Agentic AI Core Security Risks v0.5 (OWASP, 2025-07-28), §3.2 and §4.1, " +
		"as its reference calculator computes it (Pa04rth/aivss-dashboard @2ac7c69)",
	// The order of v0.5 §3.2 and of the reference calculator, which sums in
	// this order; the names are the calculator's.
	Factors: [NumFactors]Factor{
		{"autonomy_of_action", "Autonomy of Action"},
		{"tool_use", "Tool Use"},
		{"memory_use", "Memory Use"},
		{"dynamic_identity", "Dynamic Identity"},
		{"multi_agent_interactions", "Multi-Agent Interactions"},
		{"non_determinism", "Non-Determinism"},
		{"self_modification", "Self-Modification"},
		{"goal_driven_planning", "Goal-Driven Planning"},
		{"contextual_awareness", "Contextual Awareness"},
		{"opacity_and_reflexivity", "Opacity and Reflexivity"},
	},
	Levels: gridLevels,
	ThM: Scale{Choices: []Choice{ // §4.1.4–4.1.5; 0.91 is the calculator's
		{decimal.FromHundredths(100), "Attacked"},
		{decimal.FromHundredths(97), "Proof-of-Concept"},
		{decimal.FromHundredths(91), "Unreported"},
	}, Default: decimal.FromHundredths(97)},
	// v0.5 has no mitigation factor; 1 is accepted as "none".
	MF: Scale{Choices: []Choice{
		{decimal.FromHundredths(100), "None"},
	}, Default: decimal.FromHundredths(100)},
	HasMF: false,
	Formula: []string{
		"AARS = the sum of the 10 factors",
		"AIVSS = ((CVSS + AARS) / 2) × ThM",
		"Vector: (CVSS:<CVSS>/AARS:<AARS>)",
	},
	Rounding: "float64 as the reference calculator (JavaScript) computes it, factors summed in order; " +
		"shown to one decimal like JavaScript's toFixed(1): the nearest on the exact binary value, ties up (4.25 → 4.3, 4.05 → 4.0)",
	Bands: "on the unrounded score, as the reference calculator does: Critical ≥ 9.0, High ≥ 7.0, Medium ≥ 4.0, Low ≥ 0.1, else None " +
		"(it writes \"Critical Risk\" and so on)",
	score: scoreV05,
}

func scoreV05(e *Edition, cvss decimal.Decimal, f *[NumFactors]decimal.Decimal, thm, mf decimal.Decimal) Result {
	var factors [NumFactors]float64
	var sum int64
	for i, v := range f {
		factors[i] = v.Float64()
		sum += v.Hundredths()
	}
	r := resultV05(cvss.Float64(), &factors, thm.Float64())
	// ((C + S) / 2) × T with C, S, T in hundredths: (c + s)·t·5 / 10^5.
	r.exact.raw = exactText((cvss.Hundredths()+sum)*thm.Hundredths()*5, 5)
	r.exact.aars = exactText(sum, 2)
	for i, v := range f {
		r.exact.shares[i] = exactText(v.Hundredths(), 2)
	}
	return r
}

// resultV05 is the reference calculator's arithmetic on float64 inputs
// (each the double nearest its decimal text, as JavaScript reads it). It
// takes any factor values, as that calculator's code does; Score keeps
// them on the grid.
func resultV05(cvss float64, f *[NumFactors]float64, thm float64) Result {
	sum := sumV05(f)
	raw := ((cvss + sum) / 2) * thm
	tenths := toFixed1(raw)
	cvssText, sumText := tenthsText(toFixed1(cvss)), tenthsText(toFixed1(sum))
	r := Result{
		Edition:   "v0.5",
		CVSS:      cvssText,
		FactorSum: sumText,
		AARS:      sumText,
		Raw:       floatText(raw),
		Score:     tenthsText(tenths),
		Value:     decimal.FromHundredths(tenths * 10),
		Severity:  bandV05(raw),
		rawBinary: binaryText(raw),
		Vector:    "(CVSS:" + cvssText + "/AARS:" + sumText + ")",
	}
	for i, v := range f {
		r.Shares[i] = floatText(v)
	}
	return r
}

// sumV05 is the calculator's AARS: the factors added left to right, as
// its Array.reduce does.
func sumV05(f *[NumFactors]float64) float64 {
	sum := 0.0
	for _, v := range f {
		sum += v
	}
	return sum
}

// bandV05 is the reference calculator's band, on the unrounded score.
func bandV05(raw float64) Severity {
	switch {
	case raw >= 9.0:
		return Critical
	case raw >= 7.0:
		return High
	case raw >= 4.0:
		return Medium
	case raw >= 0.1:
		return Low
	}
	return None
}
