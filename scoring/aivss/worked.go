package aivss

import "github.com/threatcard/threatcard/scoring/decimal"

// Worked returns the edition's formula (Formula) with the numbers of one
// score put in, line for line: Worked(r, thm, mf)[i] works out Formula[i].
// r is the result of scoring in this edition with threat multiplier thm and
// mitigation factor mf (MF is ignored in v0.5, which has none). Every
// number is put in, written as Shown writes it; "≈" marks a rounded one.
func (e *Edition) Worked(r *Result, thm, mf decimal.Decimal) []string {
	s := r.Shown()
	t, m := thm.Format(2), mf.Format(2) // as the editions write their multipliers: 0.97, 1.00
	switch e.ID {
	case "v0.8":
		return []string{
			"Factor_Sum = " + s.FactorSum.Text,
			"AARS = (10 − " + s.CVSS + ") × (" + s.FactorSum.Text + " / 10) × " + t + " " + s.AARS.Rel() + " " + s.AARS.Text,
			"AIVSS = RoundHalfUp((" + s.CVSS + " + " + s.AARS.Text + ") × " + m + ", 1) " + s.Raw.Rel() +
				" RoundHalfUp(" + s.Raw.Text + ", 1) = " + s.Score,
		}
	case "v0.5":
		return []string{
			"AARS = " + s.AARS.Text,
			"AIVSS = ((" + s.CVSS + " + " + s.AARS.Text + ") / 2) × " + t + " " + s.Raw.Rel() + " " + s.Raw.Text + ", shown " + s.Score,
			"Vector: " + r.Vector,
		}
	case "card":
		return []string{
			"Factor_Sum = " + s.FactorSum.Text,
			"AARS = (10 − " + s.CVSS + ") × (" + s.FactorSum.Text + " / 10) × " + t + " " + s.AARS.Rel() + " " + s.AARS.Text,
			"AIVSS = min((" + s.CVSS + " + " + s.AARS.Text + ") × " + m + ", 10) " + s.Raw.Rel() + " " + s.Raw.Text + ", shown " + s.Score,
		}
	}
	return nil
}
