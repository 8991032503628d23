package cvss4

import (
	"math"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// GoCVSSScore returns the score go-cvss v0.6.4 computes for v. It rounds
// the interpolated score without the 2024 fix, so it is 0.1 lower than
// Score on about 0.4 % of vectors (450 of the 104,976 Base vectors) and
// never higher as far as measured. It is not the FIRST-hosted calculator's
// score: that one also lacks the fix but computes differently and
// disagrees with go-cvss on 72 Base vectors (research/peers.md §3).
//
// go-cvss is not called for it: its scorer and MacroVector table would
// add some 40 KB of code to app.wasm for this one note. The same
// interpolation is carried out here in float64 in go-cvss's order of
// operations (gap × (distance / depth) per EQ, summed EQ1, EQ2, EQ3+EQ6,
// EQ4, EQ5, divided by the EQs counted, subtracted, math.Round(x·10)/10),
// which gives its result bit for bit where floating-point operations are
// not fused (amd64, wasm); TestGoCVSSScoreIsGoCVSSs checks every Base
// vector and random vectors of all groups against go-cvss itself.
func (v *Vector) GoCVSSScore() decimal.Decimal {
	return decimal.FromHundredths(int64(math.Round(v.goCVSSFloat()*10)) * 10)
}

func (v *Vector) goCVSSFloat() float64 {
	l := v.levels()
	if l.vc == lvlVN && l.vi == lvlVN && l.va == lvlVN && l.sc == lvlSN && l.si == lvlSN && l.sa == lvlSN {
		return 0
	}
	eq1, eq2, eq3, eq4, eq5, eq6 := l.eqs()
	value, _ := macroScore(eq1, eq2, eq3, eq4, eq5, eq6)
	eqsv := float64(value) / 10 // equal to the decimal literal go-cvss's table holds

	n := 0
	term := func(lower int, ok bool, dist, depth int) float64 {
		if !ok {
			return 0
		}
		n++
		return math.Abs(float64(lower)/10-eqsv) * (float64(dist) / float64(depth))
	}
	lower, ok := macroScore(eq1+1, eq2, eq3, eq4, eq5, eq6)
	t1 := term(lower, ok, l.av+l.pr+l.ui-highestSumEQ1[eq1], depthEQ1[eq1])
	lower, ok = macroScore(eq1, eq2+1, eq3, eq4, eq5, eq6)
	t2 := term(lower, ok, l.ac+l.at-highestSumEQ2[eq2], depthEQ2[eq2])
	switch {
	case eq3 == 0 && eq6 == 0:
		left, _ := macroScore(eq1, eq2, eq3, eq4, eq5, eq6+1)
		right, _ := macroScore(eq1, eq2, eq3+1, eq4, eq5, eq6)
		lower, ok = max(left, right), true
	case eq3 == 1 && eq6 == 0:
		lower, ok = macroScore(eq1, eq2, eq3, eq4, eq5, eq6+1)
	case eq3 <= 1:
		lower, ok = macroScore(eq1, eq2, eq3+1, eq4, eq5, eq6)
	default:
		ok = false
	}
	t36 := term(lower, ok, l.vc+l.vi+l.va+l.cr+l.ir+l.ar-highestSumEQ3EQ6[eq3][eq6], depthEQ3EQ6[eq3][eq6])
	lower, ok = macroScore(eq1, eq2, eq3, eq4+1, eq5, eq6)
	t4 := term(lower, ok, l.sc+l.si+l.sa-highestSumEQ4[eq4], depthEQ4[eq4])
	lower, ok = macroScore(eq1, eq2, eq3, eq4, eq5+1, eq6)
	t5 := term(lower, ok, 0, 1)

	mean := 0.0
	if n != 0 {
		mean = (t1 + t2 + t36 + t4 + t5) / float64(n)
	}
	return math.Round((eqsv-mean)*10) / 10
}
