package aivss

import (
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

var editionCard = Edition{
	ID:     "card",
	Name:   "AgentReady threat-model cards",
	Called: "the AgentReady threat-model cards edition",
	Date:   "2026",
	Status: "published cards",
	Source: "the agentic threat-model cards published by AgentReady (agent.distributedapps.ai): " +
		"the v0.8 formula on continuous factor values, as the cards' printed numbers show it computed",
	// The cards' order and names (those of v0.5 Part 2 §1).
	Factors: [NumFactors]Factor{
		{"autonomy_of_action", "Autonomy of Action"},
		{"goal_driven_planning", "Goal-Driven Planning"},
		{"self_modification", "Self-Modification"},
		{"tool_use", "Dynamic Tool Use"},
		{"memory_use", "Persistent Memory"},
		{"contextual_awareness", "Contextual Awareness"},
		{"dynamic_identity", "Dynamic Identity"},
		{"multi_agent_interactions", "Multi-Agent Interactions"},
		{"non_determinism", "Non-Determinism"},
		{"opacity_and_reflexivity", "Opacity & Reflexivity"},
	},
	Levels: Scale{Min: 0, Max: decimal.FromInt(1)},
	// The cards print ThM from 0.9 to 1.1 and MF from 0.55 to 1.0 and say
	// nothing of defaults; 1.00 (neither raising nor lowering the score) is
	// our choice for both.
	ThM:   Scale{Min: 0, Max: decimal.FromInt(2), Default: decimal.FromInt(1)},
	MF:    Scale{Min: 0, Max: decimal.FromInt(1), Default: decimal.FromInt(1)},
	HasMF: true,
	Formula: []string{
		"Factor_Sum = the sum of the 10 factors",
		"AARS = (10 − CVSS) × (Factor_Sum / 10) × ThM",
		"AIVSS = min((CVSS + AARS) × MF, 10)",
	},
	Rounding: "float64, factors summed in order; the score shown to one decimal, " +
		"rounded to nearest with ties to even on the exact binary value (a raw 9.25 shows 9.2); the cards print AARS with two decimals",
	Bands: "on the shown score: Critical ≥ 9.0, High ≥ 7.0, Medium ≥ 4.0, Low ≥ 0.1, else None",
	score: scoreCard,
}

func scoreCard(e *Edition, cvss decimal.Decimal, f *[NumFactors]decimal.Decimal, thm, mf decimal.Decimal) Result {
	c, t := cvss.Float64(), thm.Float64()
	sum := 0.0
	for _, v := range f {
		sum += v.Float64()
	}
	aars := (10 - c) * (sum / 10) * t
	raw := (c + aars) * mf.Float64()
	if raw > 10 {
		raw = 10
	}
	shown, tenths := halfEven1(raw)
	r := Result{
		Edition:   "card",
		CVSS:      cvss.Format(1),
		FactorSum: strconv.FormatFloat(sum, 'f', 2, 64),
		AARS:      strconv.FormatFloat(aars, 'f', 2, 64),
		Raw:       floatText(raw),
		Score:     shown,
		Value:     decimal.FromHundredths(tenths * 10),
		Severity:  bandTenths(tenths),
		aarsValue: floatText(aars),
		rawBinary: binaryText(raw),
	}
	for i, v := range f {
		r.Shares[i] = floatText((10 - c) * (v.Float64() / 10) * t)
	}
	// The same in exact decimals: v0.8's arithmetic, clamped as above.
	x := scoreV08(e, cvss, f, thm, mf)
	r.exact.aars, r.exact.raw, r.exact.shares = x.AARS, x.Raw, x.Shares
	if whole, _, _ := strings.Cut(x.Raw, "."); len(whole) > 1 {
		r.exact.raw = "10.0"
	}
	return r
}
