package aivss

import "github.com/threatcard/threatcard/scoring/numtext"

// Shown is a Result as a person reads it: every number written by
// numtext's rule for its kind. The page, the printed report, the exports
// and the command line show these texts, never Result's exact ones.
type Shown struct {
	CVSS      string         // the CVSS v4.0 base score, one decimal
	FactorSum numtext.Number // at most four decimals
	AARS      numtext.Number // at most four decimals
	Raw       numtext.Number // the unrounded score (numtext.Unrounded)
	Score     string         // one decimal, as the edition rounds it
	// Shares are the factors' shares of AARS at one precision, so that
	// they line up: four decimals, or one in v0.5, whose shares are the
	// factor values themselves.
	Shares [NumFactors]numtext.Number
}

// Shown returns r's numbers as a person reads them.
func (r *Result) Shown() Shown {
	aars, raw := r.aarsValue, r.rawBinary
	if aars == "" {
		aars = r.AARS
	}
	if raw == "" {
		raw = r.Raw
	}
	s := Shown{
		CVSS:      r.CVSS,
		FactorSum: numtext.Intermediate(r.FactorSum),
		AARS:      exactAs(numtext.Intermediate(aars), numtext.Intermediate(r.exact.aars)),
		Raw:       exactAs(numtext.Unrounded(raw), numtext.Unrounded(r.exact.raw)),
		Score:     r.Score,
	}
	places := numtext.MaxPlaces
	if r.Edition == "v0.5" {
		places = 1
	}
	for i, v := range r.Shares {
		s.Shares[i] = exactAs(numtext.Fixed(v, places), numtext.Fixed(r.exact.shares[i], places))
	}
	return s
}

// exactAs marks n, written from a float64, exact when the same number
// worked in exact decimals is written the same and is exact: the float's
// digits past it were binary noise, not a value a person would get.
func exactAs(n, exact numtext.Number) numtext.Number {
	if !n.Exact && exact.Exact && exact.Text == n.Text {
		n.Exact = true
	}
	return n
}
