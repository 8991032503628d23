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
	aars := r.aarsValue
	if aars == "" {
		aars = r.AARS
	}
	s := Shown{
		CVSS:      r.CVSS,
		FactorSum: numtext.Intermediate(r.FactorSum),
		AARS:      numtext.Intermediate(aars),
		Raw:       numtext.Unrounded(r.Raw),
		Score:     r.Score,
	}
	places := numtext.MaxPlaces
	if r.Edition == "v0.5" {
		places = 1
	}
	for i, v := range r.Shares {
		s.Shares[i] = numtext.Fixed(v, places)
	}
	return s
}
