package cvss4

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// Why not go-cvss's Score: it rounds the interpolated score with plain
// float64 arithmetic, without the 2024 fix of the reference cvss40.js, and
// so comes out 0.1 low on 450 of the 104,976 Base vectors; nor does it
// expose the MacroVector. The reference fixes float error by adding 1e-6
// before rounding half up; here every quantity is an integer (tenths of a
// point, severity steps, depths), the interpolation is one exact fraction,
// and rounding half up is integer division, so no epsilon is needed.

// severityOrder lists, per metric, its values from most to least severe;
// a value's index is its severity level, and the distance between two
// vectors in an EQ is the difference of their level sums (CVSS v4.0
// specification section 8.2; the levels of cvss40.js METRIC_LEVELS, there
// in steps of 0.1). S (Safety) is reachable only through MSI and MSA.
var severityOrder = map[string][]string{
	"AV": {"N", "A", "L", "P"},
	"PR": {"N", "L", "H"},
	"UI": {"N", "P", "A"},
	"AC": {"L", "H"},
	"AT": {"N", "P"},
	"VC": {"H", "L", "N"},
	"VI": {"H", "L", "N"},
	"VA": {"H", "L", "N"},
	"SC": {"S", "H", "L", "N"},
	"SI": {"S", "H", "L", "N"},
	"SA": {"S", "H", "L", "N"},
	"E":  {"A", "P", "U"},
	"CR": {"H", "M", "L"},
	"IR": {"H", "M", "L"},
	"AR": {"H", "M", "L"},
}

// Highest-severity vectors of each EQ level (specification section 8.2,
// "max_composed" in cvss40.js). The score interpolates from the first of
// them that is at least as severe as the scored vector in every metric;
// within a level all of them have the same level sum (TestHighestSeverity
// checks it), so only that sum matters.
var (
	highestEQ1 = [maxEQ1 + 1][]string{
		{"AV:N/PR:N/UI:N"},
		{"AV:A/PR:N/UI:N", "AV:N/PR:L/UI:N", "AV:N/PR:N/UI:P"},
		{"AV:P/PR:N/UI:N", "AV:A/PR:L/UI:P"},
	}
	highestEQ2 = [maxEQ2 + 1][]string{
		{"AC:L/AT:N"},
		{"AC:H/AT:N", "AC:L/AT:P"},
	}
	highestEQ3EQ6 = [maxEQ3 + 1][maxEQ6 + 1][]string{
		{
			{"VC:H/VI:H/VA:H/CR:H/IR:H/AR:H"},
			{"VC:H/VI:H/VA:L/CR:M/IR:M/AR:H", "VC:H/VI:H/VA:H/CR:M/IR:M/AR:M"},
		},
		{
			{"VC:L/VI:H/VA:H/CR:H/IR:H/AR:H", "VC:H/VI:L/VA:H/CR:H/IR:H/AR:H"},
			{"VC:L/VI:H/VA:L/CR:H/IR:M/AR:H", "VC:L/VI:H/VA:H/CR:H/IR:M/AR:M", "VC:H/VI:L/VA:H/CR:M/IR:H/AR:M",
				"VC:H/VI:L/VA:L/CR:M/IR:H/AR:H", "VC:L/VI:L/VA:H/CR:H/IR:H/AR:M"},
		},
		{
			nil, // EQ3=2 implies EQ6=1
			{"VC:L/VI:L/VA:L/CR:H/IR:H/AR:H"},
		},
	}
	highestEQ4 = [maxEQ4 + 1][]string{
		{"SC:H/SI:S/SA:S"},
		{"SC:H/SI:H/SA:H"},
		{"SC:L/SI:L/SA:L"},
	}
)

// Depths of the EQ levels plus one: the number of severity steps from a
// level's highest-severity vector to the next level (cvss40.js
// MAX_SEVERITY). The interpolation divides a vector's distance by it.
var (
	depthEQ1    = [maxEQ1 + 1]int{1, 4, 5}
	depthEQ2    = [maxEQ2 + 1]int{1, 2}
	depthEQ3EQ6 = [maxEQ3 + 1][maxEQ6 + 1]int{{7, 6}, {8, 8}, {0, 10}}
	depthEQ4    = [maxEQ4 + 1]int{6, 5, 4}
)

// depthLCM is a multiple of every depth and of every count of EQs (1 to 5)
// averaged over, so the interpolation is a fraction over depthLCM·n with
// an integer numerator.
const depthLCM = 840

// Level sums of the highest-severity vectors, derived from the tables above.
var (
	highestSumEQ1    [maxEQ1 + 1]int
	highestSumEQ2    [maxEQ2 + 1]int
	highestSumEQ3EQ6 [maxEQ3 + 1][maxEQ6 + 1]int
	highestSumEQ4    [maxEQ4 + 1]int
)

// levelOf[m][i] is the severity level of metric m's i-th value; -1 marks X.
var levelOf [numMetrics][5]int8

func init() {
	for m := mAV; m <= mMSA; m++ {
		base := strings.TrimPrefix(metricTable[m].Abbrev, "M")
		if m <= mSA {
			base = metricTable[m].Abbrev
		}
		order := severityOrder[base]
		for i, v := range metricTable[m].Values {
			levelOf[m][i] = -1
			for l, o := range order {
				if o == v.Abbrev {
					levelOf[m][i] = int8(l)
				}
			}
		}
	}
	for i, vs := range highestEQ1 {
		highestSumEQ1[i] = levelSum(vs[0])
	}
	for i, vs := range highestEQ2 {
		highestSumEQ2[i] = levelSum(vs[0])
	}
	for i := range highestEQ3EQ6 {
		for j, vs := range highestEQ3EQ6[i] {
			if vs != nil {
				highestSumEQ3EQ6[i][j] = levelSum(vs[0])
			}
		}
	}
	for i, vs := range highestEQ4 {
		highestSumEQ4[i] = levelSum(vs[0])
	}
}

// levelSum adds the severity levels of the metrics in a fragment such as
// "AV:N/PR:L/UI:N".
func levelSum(fragment string) int {
	sum := 0
	for _, mv := range strings.Split(fragment, "/") {
		abv, val, _ := strings.Cut(mv, ":")
		for l, o := range severityOrder[abv] {
			if o == val {
				sum += l
			}
		}
	}
	return sum
}

// levels holds the severity level of every metric that scoring reads,
// after Modified metrics replace Base ones and X takes its worst case.
type levels struct {
	av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar int
}

func (v *Vector) levels() levels {
	eff := func(base, modified int) int {
		if v.vals[modified] != 0 {
			return int(levelOf[modified][v.vals[modified]])
		}
		return int(levelOf[base][v.vals[base]])
	}
	worst := func(m int) int { // E, CR, IR, AR: X counts as A / H, level 0
		if v.vals[m] == 0 {
			return 0
		}
		return int(levelOf[m][v.vals[m]])
	}
	return levels{
		av: eff(mAV, mMAV), ac: eff(mAC, mMAC), at: eff(mAT, mMAT), pr: eff(mPR, mMPR), ui: eff(mUI, mMUI),
		vc: eff(mVC, mMVC), vi: eff(mVI, mMVI), va: eff(mVA, mMVA),
		sc: eff(mSC, mMSC), si: eff(mSI, mMSI), sa: eff(mSA, mMSA),
		e: worst(mE), cr: worst(mCR), ir: worst(mIR), ar: worst(mAR),
	}
}

// Severity levels of the values the EQ rules name.
const (
	lvlN  = 0 // AV:N, PR:N, UI:N, AT:N
	lvlL  = 0 // AC:L
	lvlH  = 0 // VC/VI/VA:H, CR/IR/AR:H
	lvlP  = 3 // AV:P
	lvlS  = 0 // SI/SA:S
	lvlSH = 1 // SC/SI/SA:H
	lvlVN = 2 // VC/VI/VA:N
	lvlSN = 3 // SC/SI/SA:N
)

// eqs returns the six EQ levels (specification section 8.1, tables 24-30).
func (l levels) eqs() (eq1, eq2, eq3, eq4, eq5, eq6 int) {
	switch {
	case l.av == lvlN && l.pr == lvlN && l.ui == lvlN:
		eq1 = 0
	case (l.av == lvlN || l.pr == lvlN || l.ui == lvlN) && l.av != lvlP:
		eq1 = 1
	default:
		eq1 = 2
	}
	if !(l.ac == lvlL && l.at == lvlN) {
		eq2 = 1
	}
	switch {
	case l.vc == lvlH && l.vi == lvlH:
		eq3 = 0
	case l.vc == lvlH || l.vi == lvlH || l.va == lvlH:
		eq3 = 1
	default:
		eq3 = 2
	}
	switch {
	case l.si == lvlS || l.sa == lvlS:
		eq4 = 0
	case l.sc == lvlSH || l.si == lvlSH || l.sa == lvlSH:
		eq4 = 1
	default:
		eq4 = 2
	}
	eq5 = l.e
	if !(l.cr == lvlH && l.vc == lvlH || l.ir == lvlH && l.vi == lvlH || l.ar == lvlH && l.va == lvlH) {
		eq6 = 1
	}
	return
}

// MacroVector returns the six EQ levels EQ1 … EQ6 as digits, "000200".
func (v *Vector) MacroVector() string {
	eq1, eq2, eq3, eq4, eq5, eq6 := v.levels().eqs()
	return string([]byte{byte('0' + eq1), byte('0' + eq2), byte('0' + eq3), byte('0' + eq4), byte('0' + eq5), byte('0' + eq6)})
}

// Score returns the CVSS v4.0 score of v (CVSS-B, -BT, -BE or -BTE as
// Nomenclature says) with one decimal, 0.0 to 10.0.
func (v *Vector) Score() decimal.Decimal {
	return decimal.FromHundredths(int64(v.scoreTenths()) * 10)
}

// eqStep is one EQ's part in the interpolation: the score (in tenths) of
// the next lower MacroVector, if there is one, the vector's distance from
// the level's highest-severity vector, and the level's depth.
type eqStep struct {
	lower       int
	ok          bool
	dist, depth int
}

// interpolation returns the MacroVector's score in tenths and the steps of
// EQ1, EQ2, EQ3 with EQ6, EQ4 and EQ5, in that order; impact is false when
// the vector has no impact at all, and scores 0.
func (v *Vector) interpolation() (value int, steps [5]eqStep, impact bool) {
	l := v.levels()
	if l.vc == lvlVN && l.vi == lvlVN && l.va == lvlVN && l.sc == lvlSN && l.si == lvlSN && l.sa == lvlSN {
		return 0, steps, false
	}
	eq1, eq2, eq3, eq4, eq5, eq6 := l.eqs()
	value, _ = macroScore(eq1, eq2, eq3, eq4, eq5, eq6)

	steps[0].lower, steps[0].ok = macroScore(eq1+1, eq2, eq3, eq4, eq5, eq6)
	steps[0].dist, steps[0].depth = l.av+l.pr+l.ui-highestSumEQ1[eq1], depthEQ1[eq1]
	steps[1].lower, steps[1].ok = macroScore(eq1, eq2+1, eq3, eq4, eq5, eq6)
	steps[1].dist, steps[1].depth = l.ac+l.at-highestSumEQ2[eq2], depthEQ2[eq2]
	// EQ3 and EQ6 step together: 00 goes to the higher of 01 and 10,
	// 01 and 10 go to 11, 11 to 21, and 21 has no lower MacroVector.
	switch {
	case eq3 == 0 && eq6 == 0:
		left, _ := macroScore(eq1, eq2, eq3, eq4, eq5, eq6+1)
		right, _ := macroScore(eq1, eq2, eq3+1, eq4, eq5, eq6)
		steps[2].lower, steps[2].ok = max(left, right), true
	case eq3 == 1 && eq6 == 0:
		steps[2].lower, steps[2].ok = macroScore(eq1, eq2, eq3, eq4, eq5, eq6+1)
	case eq3 <= 1:
		steps[2].lower, steps[2].ok = macroScore(eq1, eq2, eq3+1, eq4, eq5, eq6)
	}
	steps[2].dist, steps[2].depth = l.vc+l.vi+l.va+l.cr+l.ir+l.ar-highestSumEQ3EQ6[eq3][eq6], depthEQ3EQ6[eq3][eq6]
	steps[3].lower, steps[3].ok = macroScore(eq1, eq2, eq3, eq4+1, eq5, eq6)
	steps[3].dist, steps[3].depth = l.sc+l.si+l.sa-highestSumEQ4[eq4], depthEQ4[eq4]
	// EQ5 has a single metric, so the distance within a level is always
	// 0; a lower EQ5 MacroVector still counts in the mean.
	steps[4].lower, steps[4].ok = macroScore(eq1, eq2, eq3, eq4, eq5+1, eq6)
	steps[4].depth = 1
	return value, steps, true
}

// scoreTenths computes the score in tenths of a point: the MacroVector's
// score lowered by the mean, over the EQs that have a next lower
// MacroVector, of (score gap to that MacroVector) × (vector's distance from
// the level's highest-severity vector) / (level depth), rounded half up.
func (v *Vector) scoreTenths() int {
	value, steps, impact := v.interpolation()
	if !impact {
		return 0
	}
	n := 0   // EQs with a next lower MacroVector
	num := 0 // Σ gap·distance·(depthLCM/depth)
	for _, st := range steps {
		if st.ok {
			n++
			num += (value - st.lower) * st.dist * (depthLCM / st.depth)
		}
	}
	if n == 0 {
		return min(max(value, 0), 100)
	}
	// score = value - num/(depthLCM·n), clamped to [0, 10], rounded half up.
	den := depthLCM * n
	exact := value*den - num
	if exact <= 0 {
		return 0
	}
	if exact >= 100*den {
		return 100
	}
	return (2*exact + den) / (2 * den)
}
