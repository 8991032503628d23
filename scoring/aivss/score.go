package aivss

import (
	"github.com/threatcard/threatcard/scoring/decimal"
)

// Severity is the qualitative band of a score.
type Severity string

// The bands, the same five words in every edition.
const (
	None     Severity = "None"
	Low      Severity = "Low"
	Medium   Severity = "Medium"
	High     Severity = "High"
	Critical Severity = "Critical"
)

// Inputs are what one AIVSS score is computed from.
type Inputs struct {
	Edition string          // an edition id; "" means Default
	CVSS    decimal.Decimal // the CVSS v4.0 base score, 0.0 to 10.0 with one decimal
	// Factors are the agentic risk factor values in the edition's order
	// (Edition.Factors).
	Factors [NumFactors]decimal.Decimal
	ThM     decimal.Optional // unset: the edition's default
	MF      decimal.Optional // unset: the edition's default; v0.5 takes none (or 1)
}

// Result is a score with its parts, as exact decimal text (or, in the
// editions that compute in float64, the float's shortest text): the values
// themselves, for tests and checks. What a person reads is Shown.
type Result struct {
	Edition   string // the edition id
	CVSS      string // "9.3"
	FactorSum string // v0.8 "2.5" exact; v0.5 toFixed(1); card two decimals
	AARS      string // v0.8 exact ("0.19691"); v0.5 toFixed(1), equal to FactorSum; card two decimals
	Raw       string // the unrounded score: v0.8 exact decimal, v0.5 and card the float64's shortest text
	Score     string // the score as shown, one decimal: "9.5"
	Value     decimal.Decimal
	Severity  Severity
	Vector    string // v0.5 only: "(CVSS:9.3/AARS:2.9)"

	// Shares splits the uplift (AARS) by factor, in the edition's factor
	// order: v0.8 (10 − CVSS) × (f/10) × ThM as an exact decimal, so the
	// shares add up to AARS exactly; v0.5 the factor value itself (its AARS
	// is the plain sum); card (10 − CVSS) × (f/10) × ThM in float64,
	// shortest text.
	Shares [NumFactors]string

	aarsValue string // AARS before the edition's own rounding of it (card), or ""
	rawBinary string // the float64 raw score's exact binary value in decimal (v0.5, card), or ""

	// The same numbers in exact decimal arithmetic, in the editions that
	// compute in float64 (v0.5, card): what a person working the formula
	// by hand gets. Shown uses them only to tell a float64 that is the
	// exact value but for binary noise (7.189000000000001 is = 7.189) from
	// one that is not.
	exact exactTexts
}

// exactTexts are a result's intermediates in exact decimal arithmetic.
type exactTexts struct {
	aars, raw string
	shares    [NumFactors]string
}

// Score computes the AIVSS score of in with in's edition. It returns a
// *UnknownEditionError or a *ValueError when an input is not one the
// edition accepts.
func Score(in Inputs) (Result, error) {
	id := in.Edition
	if id == "" {
		id = Default
	}
	e, err := Lookup(id)
	if err != nil {
		return Result{}, err
	}
	return e.Score(in.CVSS, &in.Factors, in.ThM, in.MF)
}

// Score computes the AIVSS score in e; see the package function Score.
func (e *Edition) Score(cvss decimal.Decimal, factors *[NumFactors]decimal.Decimal, thm, mf decimal.Optional) (Result, error) {
	if cvss < 0 || cvss > decimal.FromInt(10) || cvss.Hundredths()%10 != 0 {
		return Result{}, &ValueError{Edition: e.ID, Input: "cvss", Value: cvss,
			Allowed: "a CVSS v4.0 base score is 0.0 to 10.0 with one decimal"}
	}
	for i, f := range factors {
		if !e.Levels.Allows(f) {
			return Result{}, &ValueError{Edition: e.ID, Input: e.Factors[i].ID, Factor: true, Value: f,
				Allowed: "it takes " + e.Levels.Values()}
		}
	}
	t := e.ThM.Default
	if v, ok := thm.Get(); ok {
		if !e.ThM.Allows(v) {
			return Result{}, &ValueError{Edition: e.ID, Input: "thm", Value: v,
				Allowed: "it takes " + e.ThM.Labelled()}
		}
		t = v
	}
	m := e.MF.Default
	if v, ok := mf.Get(); ok {
		if !e.MF.Allows(v) {
			allowed := "it takes " + e.MF.Labelled()
			if !e.HasMF {
				allowed = "it has no mitigation factor; leave MF out (or give 1)"
			}
			return Result{}, &ValueError{Edition: e.ID, Input: "mf", Value: v, Allowed: allowed}
		}
		m = v
	}
	return e.score(e, cvss, factors, t, m), nil
}

// bandTenths is the band of a score given in tenths (v0.8 and card band
// the shown score): Critical ≥ 9.0, High ≥ 7.0, Medium ≥ 4.0, Low ≥ 0.1.
func bandTenths(n int64) Severity {
	switch {
	case n >= 90:
		return Critical
	case n >= 70:
		return High
	case n >= 40:
		return Medium
	case n >= 1:
		return Low
	}
	return None
}
