package aivss

import "github.com/threatcard/threatcard/scoring/decimal"

// Worked returns the edition's formula (Formula) with the numbers of one
// score put in, line for line: Worked(r, thm, mf)[i] works out Formula[i].
// r is the result of scoring in this edition with threat multiplier thm and
// mitigation factor mf (MF is ignored in v0.5, which has none). The numbers
// are r's texts, so the lines show what the edition shows: for v0.8 exact
// decimals, for v0.5 and card the float64 values, AARS in card rounded to
// two decimals ("≈") as the cards print it.
func (e *Edition) Worked(r *Result, thm, mf decimal.Decimal) []string {
	t, m := thm.Format(2), mf.Format(2)
	switch e.ID {
	case "v0.8":
		return []string{
			"Factor_Sum = " + r.FactorSum,
			"AARS = (10 − " + r.CVSS + ") × (" + r.FactorSum + " / 10) × " + t + " = " + r.AARS,
			"AIVSS = RoundHalfUp((" + r.CVSS + " + " + r.AARS + ") × " + m + ", 1) = RoundHalfUp(" + r.Raw + ", 1) = " + r.Score,
		}
	case "v0.5":
		return []string{
			"AARS = " + r.AARS,
			"AIVSS = ((" + r.CVSS + " + " + r.AARS + ") / 2) × " + t + " = " + r.Raw + ", shown " + r.Score,
			"Vector: " + r.Vector,
		}
	case "card":
		return []string{
			"Factor_Sum = " + r.FactorSum,
			"AARS = (10 − " + r.CVSS + ") × (" + r.FactorSum + " / 10) × " + t + " ≈ " + r.AARS,
			"AIVSS = min((" + r.CVSS + " + AARS) × " + m + ", 10) = " + r.Raw + ", shown " + r.Score,
		}
	}
	return nil
}
