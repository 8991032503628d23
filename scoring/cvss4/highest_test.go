package cvss4

import (
	"strings"
	"testing"
)

// fragmentLevels maps each metric of a fragment "AV:N/PR:L/UI:N" to its
// severity level.
func fragmentLevels(t *testing.T, fragment string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, mv := range strings.Split(fragment, "/") {
		abv, val, _ := strings.Cut(mv, ":")
		found := false
		for l, o := range severityOrder[abv] {
			if o == val {
				out[abv], found = l, true
			}
		}
		if !found {
			t.Fatalf("%s in %s has no severity level", mv, fragment)
		}
	}
	return out
}

// checkHighest asserts, for one scored point of an EQ (metric → level) at
// the given EQ level, that a highest-severity vector of that level is at
// least as severe in every metric, and that all of the level's vectors
// have the same level sum. Together these make the distance used by
// scoreTenths (level sum minus the highest vectors' sum) the distance to
// the first dominating highest-severity vector, as the specification says.
func checkHighest(t *testing.T, point map[string]int, highest []string) {
	t.Helper()
	if len(highest) == 0 {
		t.Fatalf("%v falls in a level without highest-severity vectors", point)
	}
	dominated := false
	sum0 := levelSum(highest[0])
	for _, h := range highest {
		if s := levelSum(h); s != sum0 {
			t.Errorf("%s has level sum %d, %s %d", h, s, highest[0], sum0)
		}
		ok := true
		for m, l := range fragmentLevels(t, h) {
			if point[m] < l {
				ok = false
			}
		}
		dominated = dominated || ok
	}
	if !dominated {
		t.Errorf("no highest-severity vector among %q is at least as severe as %v", highest, point)
	}
}

func TestHighestSeverityVectorsCoverEveryVector(t *testing.T) {
	// Fill the other metrics with any valid levels; each EQ reads only its own.
	var l levels
	for l.av = 0; l.av < 4; l.av++ {
		for l.pr = 0; l.pr < 3; l.pr++ {
			for l.ui = 0; l.ui < 3; l.ui++ {
				eq1, _, _, _, _, _ := l.eqs()
				checkHighest(t, map[string]int{"AV": l.av, "PR": l.pr, "UI": l.ui}, highestEQ1[eq1])
			}
		}
	}
	l = levels{}
	for l.ac = 0; l.ac < 2; l.ac++ {
		for l.at = 0; l.at < 2; l.at++ {
			_, eq2, _, _, _, _ := l.eqs()
			checkHighest(t, map[string]int{"AC": l.ac, "AT": l.at}, highestEQ2[eq2])
		}
	}
	l = levels{}
	for l.vc = 0; l.vc < 3; l.vc++ {
		for l.vi = 0; l.vi < 3; l.vi++ {
			for l.va = 0; l.va < 3; l.va++ {
				for l.cr = 0; l.cr < 3; l.cr++ {
					for l.ir = 0; l.ir < 3; l.ir++ {
						for l.ar = 0; l.ar < 3; l.ar++ {
							_, _, eq3, _, _, eq6 := l.eqs()
							p := map[string]int{"VC": l.vc, "VI": l.vi, "VA": l.va, "CR": l.cr, "IR": l.ir, "AR": l.ar}
							checkHighest(t, p, highestEQ3EQ6[eq3][eq6])
						}
					}
				}
			}
		}
	}
	l = levels{}
	for l.sc = 1; l.sc < 4; l.sc++ { // SC has no Safety value
		for l.si = 0; l.si < 4; l.si++ {
			for l.sa = 0; l.sa < 4; l.sa++ {
				_, _, _, eq4, _, _ := l.eqs()
				checkHighest(t, map[string]int{"SC": l.sc, "SI": l.si, "SA": l.sa}, highestEQ4[eq4])
			}
		}
	}
}

// TestSeverityLevels checks the levels scoring reads for values whose
// place differs between Base and Modified metrics, against the
// specification's severity orders (S < H < L < N for subsequent systems).
func TestSeverityLevels(t *testing.T) {
	tests := []struct {
		metric, value string
		level         int8
	}{
		{"AV", "N", 0}, {"AV", "P", 3}, {"MAV", "X", -1}, {"MAV", "N", 0}, {"MAV", "P", 3},
		{"AC", "L", 0}, {"AC", "H", 1}, {"MAC", "L", 0}, {"MAC", "H", 1},
		{"PR", "H", 2}, {"MPR", "H", 2}, {"UI", "A", 2}, {"MUI", "P", 1},
		{"VC", "H", 0}, {"VC", "N", 2}, {"MVC", "H", 0}, {"MVC", "N", 2},
		{"SC", "H", 1}, {"SC", "N", 3}, {"MSC", "H", 1}, {"MSC", "N", 3},
		{"SI", "H", 1}, {"MSI", "S", 0}, {"MSI", "H", 1}, {"MSA", "S", 0}, {"MSA", "N", 3},
		{"E", "A", 0}, {"E", "U", 2}, {"E", "X", -1}, {"CR", "H", 0}, {"AR", "L", 2}, {"IR", "X", -1},
	}
	for _, tc := range tests {
		m := metricIndex(tc.metric)
		i := valueIndex(m, tc.value)
		if m < 0 || i < 0 {
			t.Fatalf("%s:%s is no metric value", tc.metric, tc.value)
		}
		if got := levelOf[m][i]; got != tc.level {
			t.Errorf("%s:%s has level %d, want %d", tc.metric, tc.value, got, tc.level)
		}
	}
}
