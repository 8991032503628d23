package corerisk

import (
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
)

// The ten worked examples of v0.8 §3.6 reproduce their printed numbers
// exactly: the CVSS v4.0 score of the vector, Factor_Sum, AARS, the raw
// score and AIVSS (research note aivss-v08-report.md §2.1, transcribed
// from the PDF), scored in exact decimal arithmetic.
func TestTheOWASPScenariosReproduceTheirPrintedScores(t *testing.T) {
	printed := []struct{ cvss, sum, aars, raw, aivss string }{
		{"9.4", "9.0", "0.5238", "9.9238", "9.9"},
		{"8.7", "8.0", "1.0088", "9.7088", "9.7"},
		{"7.1", "8.0", "2.2504", "9.3504", "9.4"},
		{"9.4", "9.5", "0.5529", "9.9529", "10.0"},
		{"7.4", "7.5", "1.8915", "9.2915", "9.3"},
		{"5.8", "7.5", "3.0555", "8.8555", "8.9"},
		{"6.9", "7.5", "2.25525", "9.15525", "9.2"},
		{"9.3", "6.5", "0.44135", "9.74135", "9.7"},
		{"5.3", "6.5", "2.96335", "8.26335", "8.3"},
		{"2.1", "6.5", "4.98095", "7.08095", "7.1"},
	}
	v08, _ := aivss.Lookup("v0.8")
	same := func(a, b string) bool { return decimal.MustParse(a) == decimal.MustParse(b) }
	scenarios := Scenarios()
	if len(scenarios) != len(printed) {
		t.Fatalf("%d scenarios, want %d", len(scenarios), len(printed))
	}
	for i, s := range scenarios {
		want := printed[i]
		v, err := cvss4.Parse(s.Vector)
		if err != nil || v.String() != s.Vector {
			t.Fatalf("%s: vector %s: %v (or not canonical)", s.Section, s.Vector, err)
		}
		if got := v.Score().Format(1); got != want.cvss {
			t.Errorf("%s: CVSS %s, printed %s", s.Section, got, want.cvss)
		}
		r, err := v08.Score(v.Score(), &s.Factors, decimal.Some(s.ThM), decimal.Some(s.MF))
		if err != nil {
			t.Fatalf("%s: %v", s.Section, err)
		}
		if !same(r.FactorSum, want.sum) || r.AARS != want.aars || r.Raw != want.raw || r.Score != want.aivss {
			t.Errorf("%s: sum %s, AARS %s, raw %s, AIVSS %s; printed %s, %s, %s, %s",
				s.Section, r.FactorSum, r.AARS, r.Raw, r.Score, want.sum, want.aars, want.raw, want.aivss)
		}
		if s.Risk != Risk(i+1) || s.Section != "3.6."+strconv.Itoa(i+1) {
			t.Errorf("%s: risk %v, want the %d-th category", s.Section, s.Risk, i+1)
		}
		// §3.6 headings name the risk with "and" for the schema's "&".
		if r, err := Parse(s.Title); err != nil || r != s.Risk {
			t.Errorf("%s: heading %q reads as %v, %v", s.Section, s.Title, r, err)
		}
	}
}

// The schema's enum strings, in order ([OCR] p90), and their "and"
// aliases.
func TestCategoriesAreTheSchemasStrings(t *testing.T) {
	want := []string{
		"Agentic AI Tool Misuse", "Agent Access Control Violation", "Agent Cascading Failures",
		"Agent Orchestration & Multi-Agent Exploitation", "Agent Identity Impersonation",
		"Agent Memory & Context Manipulation", "Insecure Agent Critical Systems Interaction",
		"Agent Supply Chain & Dependency Risk", "Agent Untraceability", "Agent Goal & Instruction Manipulation",
	}
	for i, r := range All() {
		if r.String() != want[i] {
			t.Errorf("category %d = %q, want %q", i+1, r, want[i])
		}
		if got, err := Parse(want[i]); err != nil || got != r {
			t.Errorf("Parse(%q) = %v, %v", want[i], got, err)
		}
	}
	if got, err := Parse("Agent Supply Chain and Dependency Risk"); err != nil || got != SupplyChainRisk {
		t.Errorf(`Parse of the "and" spelling = %v, %v`, got, err)
	}
	for _, bad := range []string{"", "agent untraceability", "Agent Supply Chain Risk", "Agentic AI Tool Misuse "} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		} else if _, ok := errors.AsType[*ParseError](err); !ok {
			t.Errorf("Parse(%q): error %T, want *ParseError", bad, err)
		}
	}
}

// §2.4, Table 3 ([OCR] p49): the high-impact factors, as schema keys, are
// v0.8 factor ids.
func TestHighImpactFactorsAreV08Factors(t *testing.T) {
	v08, _ := aivss.Lookup("v0.8")
	for _, r := range All() {
		fs := r.HighImpactFactors()
		if len(fs) < 3 {
			t.Errorf("%s: %v", r, fs)
		}
		for _, id := range fs {
			if _, ok := v08.FactorIndex(id); !ok {
				t.Errorf("%s: %q is no v0.8 factor", r, id)
			}
		}
	}
	if got := CascadingFailures.HighImpactFactors(); !slices.Equal(got, []string{"autonomy", "multi_agent", "non_determinism", "opacity"}) {
		t.Errorf("Agent Cascading Failures: %v", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("Agent Untraceability")
	f.Add("Agent Goal and Instruction Manipulation")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := Parse(s)
		if err != nil {
			if _, ok := errors.AsType[*ParseError](err); !ok {
				t.Fatalf("Parse(%q): error %T", s, err)
			}
			return
		}
		if !r.Valid() {
			t.Fatalf("Parse(%q) = %d, not a category", s, r)
		}
	})
}
