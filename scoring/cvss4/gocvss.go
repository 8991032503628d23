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
	value, steps, impact := v.interpolation()
	if !impact {
		return 0
	}
	eqsv := float64(value) / 10 // equal to the decimal literal go-cvss's table holds
	n := 0
	var terms [len(steps)]float64
	for i, st := range steps {
		if st.ok {
			n++
			terms[i] = math.Abs(float64(st.lower)/10-eqsv) * (float64(st.dist) / float64(st.depth))
		}
	}
	mean := 0.0
	if n != 0 {
		mean = (terms[0] + terms[1] + terms[2] + terms[3] + terms[4]) / float64(n)
	}
	return math.Round((eqsv-mean)*10) / 10
}
