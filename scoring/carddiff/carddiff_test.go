package carddiff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/carddiff/carddifftest"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func dec(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// want is a change as the tests write it: path, values, kind, derived,
// and its words.
type want struct {
	path, a, b string
	kind       Kind
	derived    bool
	words      string
}

func (w want) String() string {
	return fmt.Sprintf("%s %q→%q %s derived=%v %q", w.path, w.a, w.b, w.kind, w.derived, w.words)
}

func got(cs []Change) []want {
	out := make([]want, len(cs))
	for i := range cs {
		c := &cs[i]
		out[i] = want{c.Path, c.A, c.B, c.Kind, c.Derived, c.Words()}
	}
	return out
}

func checkChanges(t *testing.T, d Diff, ws []want) {
	t.Helper()
	gs := got(d.Changes)
	for i := 0; i < max(len(gs), len(ws)); i++ {
		switch {
		case i >= len(gs):
			t.Errorf("change %d missing: %v", i, ws[i])
		case i >= len(ws):
			t.Errorf("change %d not expected: %v", i, gs[i])
		case gs[i] != ws[i]:
			t.Errorf("change %d:\n got %v\nwant %v", i, gs[i], ws[i])
		}
	}
}

// The scores below are worked by hand from the editions' formulas; see
// cardtest.Hand for the card's: CVSS 9.3, factor sum 4.5, ThM 0.97, MF 1:
// AARS 0.7 × 0.45 × 0.97 = 0.30555, 9.60555 → 9.6 Critical.
func TestCompareHandWrittenCases(t *testing.T) {
	tests := []struct {
		name         string
		change       func(c *card.Card)
		score, delta string
		severity     string
		changes      []want
	}{
		{
			// 9.60555 × 0.83 = 7.9726065 → 8.0 High.
			name:   "MF",
			change: func(c *card.Card) { c.AIVSS.MF = dec("0.83") },
			score:  "8.0", severity: "High", delta: "-1.6",
			changes: []want{
				{"aivss.mf", "1", "0.83", Changed, false, "MF: None (1) → Partial (0.83)"},
				{"aivss.score", "9.6", "8.0", Changed, true, "AIVSS score: 9.6 Critical → 8.0 High"},
				{"aivss.severity", "Critical", "High", Changed, true, "AIVSS severity: Critical → High"},
			},
		},
		{
			// AARS 0.7 × 0.45 × 0.5 = 0.1575; 9.4575 → 9.5 Critical.
			name:   "ThM",
			change: func(c *card.Card) { c.AIVSS.ThM = dec("0.5") },
			score:  "9.5", severity: "Critical", delta: "-0.1",
			changes: []want{
				{"aivss.thm", "0.97", "0.5", Changed, false, "ThM: Proof-of-Concept (0.97) → Unreported (0.5)"},
				{"aivss.score", "9.6", "9.5", Changed, true, "AIVSS score: 9.6 Critical → 9.5 Critical"},
			},
		},
		{
			// A factor unset: no score, so no delta.
			name:   "factor unset",
			change: func(c *card.Card) { c.AIVSS.Factors[9] = decimal.Optional{} },
			changes: []want{
				{"aivss.factors.self_mod", "0", "", Removed, false, "Self-Modification: None (0) → not set"},
				{"aivss.score", "9.6", "", Removed, true, "AIVSS score: 9.6 Critical → not scored (missing Self-Modification)"},
				{"aivss.severity", "Critical", "", Removed, true, "AIVSS severity: Critical → none"},
			},
		},
		{
			// VA:H → VA:L and E:P added. The Base score of
			// AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N is 9.3
			// too (FIRST's calculator gives 9.3), AIVSS takes the Base
			// score, and E:P sets ThM 0.97, the card's: the score stays.
			name: "vector metrics",
			change: func(c *card.Card) {
				c.AIVSS.CVSSVector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:P"
			},
			score: "9.6", severity: "Critical", delta: "0.0",
			changes: []want{
				{"aivss.cvss_vector.VA", "H", "L", Changed, false,
					"CVSS Vulnerable System Availability (VA): High (H) → Low (L)"},
				{"aivss.cvss_vector.E", "", "P", Added, false, "CVSS Exploit Maturity (E): Not Defined → POC (P)"},
			},
		},
		{
			name:   "text",
			change: func(c *card.Card) { c.Title = "Triage bot"; c.MAESTRO.Layer(maestro.DataOperations).Notes = "" },
			score:  "9.6", severity: "Critical", delta: "0.0",
			changes: []want{
				{"title", "Ticket triage bot", "Triage bot", Changed, false, "title: “Ticket triage bot” → “Triage bot”"},
				{"maestro.layers[1].notes", "Ticket storage is not described.", "", Removed, false,
					"L2 Data Operations — notes: “Ticket storage is not described.” → empty"},
			},
		},
		{
			name: "threats",
			change: func(c *card.Card) {
				l1 := c.MAESTRO.Layer(maestro.FoundationModels)
				l1.Threats[0].State = maestro.Open
				l1.Threats = l1.Threats[:1] // Label flooding removed
				l3 := c.MAESTRO.Layer(maestro.AgentFrameworks)
				l3.Status = maestro.Mapped
				l3.Threats = []maestro.Threat{{Title: "Tool misuse", Likelihood: maestro.High}}
				c.MAESTRO.CrossLayer[0].Likelihood = maestro.Medium
			},
			score: "9.6", severity: "Critical", delta: "0.0",
			changes: []want{
				{"maestro.layers[0].threats[0].state", "mitigated", "open", Changed, false,
					"L1 Foundation Models · Prompt Injection and Jailbreaks — state: mitigated → open"},
				{"maestro.layers[0].threats[1]", "Label flooding", "", Removed, false,
					"L1 Foundation Models — threat removed: “Label flooding”"},
				{"maestro.layers[2].status", "not-assessed", "mapped", Changed, false,
					"L3 Agent Frameworks — status: not assessed → mapped"},
				{"maestro.layers[2].threats[0]", "", "Tool misuse", Added, false,
					"L3 Agent Frameworks — threat added: “Tool misuse”"},
				{"maestro.cross_layer[0].likelihood", "Low", "Medium", Changed, false,
					"Cross-Layer · Lateral Movement — likelihood: Low → Medium"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := cardtest.Hand(), cardtest.Hand()
			tt.change(b)
			if err := b.Validate(); err != nil {
				t.Fatal(err)
			}
			d := Compare(a, b)
			if d.A != (Side{Title: "Ticket triage bot", Score: "9.6", Severity: "Critical", Edition: "OWASP AIVSS v0.8"}) {
				t.Errorf("A = %+v", d.A)
			}
			if d.B.Score != tt.score || d.B.Severity != tt.severity || d.Delta != tt.delta {
				t.Errorf("B %q %q, delta %q; want %q %q, delta %q", d.B.Score, d.B.Severity, d.Delta, tt.score, tt.severity, tt.delta)
			}
			checkChanges(t, d, tt.changes)
			if d.Same() {
				t.Error("Same() for cards that differ")
			}
		})
	}
}

// A card in v0.8 against the same card in v0.5: the edition, then each
// edition's factors by their own ids. Non-Determinism is non_determinism
// in both (4th in v0.8, 5th in v0.5) with 0.5 in both: no change.
// v0.5: ((9.3 + 4.5) / 2) × 0.97 = 6.693 → 6.7 Medium.
func TestCompareAcrossEditions(t *testing.T) {
	a, b := cardtest.Hand(), cardtest.Hand()
	b.AIVSS.Edition, b.AIVSS.MF = "v0.5", decimal.Optional{}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	d := Compare(a, b)
	if d.B.Score != "6.7" || d.B.Severity != "Medium" || d.Delta != "-2.9" || d.B.Edition != "OWASP AIVSS v0.5" {
		t.Errorf("B = %+v, delta %q", d.B, d.Delta)
	}
	notIn := "not in OWASP AIVSS v0.5"
	notIn8 := "not in OWASP AIVSS v0.8"
	checkChanges(t, d, []want{
		{"aivss.edition", "v0.8", "v0.5", Changed, false, "AIVSS edition: OWASP AIVSS v0.8 → OWASP AIVSS v0.5"},
		{"aivss.factors.autonomy", "1", "", Removed, false, "Execution Autonomy: Full (1) → " + notIn},
		{"aivss.factors.tools", "1", "", Removed, false, "External Tool Control Surface: Full (1) → " + notIn},
		{"aivss.factors.language", "1", "", Removed, false, "Natural Language Interface: Full (1) → " + notIn},
		{"aivss.factors.context", "0.5", "", Removed, false, "Contextual Awareness: Partial (0.5) → " + notIn},
		{"aivss.factors.opacity", "0.5", "", Removed, false, "Opacity & Reflexivity: Partial (0.5) → " + notIn},
		{"aivss.factors.persistence", "0", "", Removed, false, "Persistent State Retention: None (0) → " + notIn},
		{"aivss.factors.identity", "0", "", Removed, false, "Dynamic Identity: None (0) → " + notIn},
		{"aivss.factors.multi_agent", "0", "", Removed, false, "Multi-Agent Interactions: None (0) → " + notIn},
		{"aivss.factors.self_mod", "0", "", Removed, false, "Self-Modification: None (0) → " + notIn},
		{"aivss.factors.autonomy_of_action", "", "1", Added, false, "Autonomy of Action: " + notIn8 + " → Full (1)"},
		{"aivss.factors.tool_use", "", "1", Added, false, "Tool Use: " + notIn8 + " → Full (1)"},
		{"aivss.factors.memory_use", "", "1", Added, false, "Memory Use: " + notIn8 + " → Full (1)"},
		{"aivss.factors.dynamic_identity", "", "0.5", Added, false, "Dynamic Identity: " + notIn8 + " → Partial (0.5)"},
		{"aivss.factors.multi_agent_interactions", "", "0.5", Added, false, "Multi-Agent Interactions: " + notIn8 + " → Partial (0.5)"},
		{"aivss.factors.self_modification", "", "0", Added, false, "Self-Modification: " + notIn8 + " → None (0)"},
		{"aivss.factors.goal_driven_planning", "", "0", Added, false, "Goal-Driven Planning: " + notIn8 + " → None (0)"},
		{"aivss.factors.contextual_awareness", "", "0", Added, false, "Contextual Awareness: " + notIn8 + " → None (0)"},
		{"aivss.factors.opacity_and_reflexivity", "", "0", Added, false, "Opacity and Reflexivity: " + notIn8 + " → None (0)"},
		{"aivss.mf", "1", "", Removed, false, "MF: None (1) → not set"},
		{"aivss.score", "9.6", "6.7", Changed, true, "AIVSS score: 9.6 Critical → 6.7 Medium"},
		{"aivss.severity", "Critical", "Medium", Changed, true, "AIVSS severity: Critical → Medium"},
	})
}

// Findings (see cardtest.HandWithFindings for their scores, worked by
// hand): F-001's MF 0.83 → 1, its own: CVSS 7.5, the card's factors with
// External Tool Control Surface 0 (sum 3.5), ThM 0.97: AARS 2.5 × 0.35 ×
// 0.97 = 0.84875; 8.34875 → 8.3 High (it was 6.9 Medium). F-002 removed,
// the cross-layer threat's finding VULN-7 given up, and a new finding on
// Label flooding with a bare CVSS 5.0 and the card's inputs: AARS 5 ×
// 0.45 × 0.97 = 2.1825; 7.1825 → 7.2 High.
func TestCompareFindings(t *testing.T) {
	a, b := cardtest.HandWithFindings(), cardtest.HandWithFindings()
	l1 := b.MAESTRO.Layer(maestro.FoundationModels)
	l1.Threats[0].AIVSS.MF = dec("1")
	l1.Threats[1].AIVSS = maestro.Assessment{ID: "F-003", CVSSScore: dec("5.0")}
	b.MAESTRO.Layer(maestro.DataOperations).Threats = nil
	b.MAESTRO.CrossLayer[0].AIVSS = maestro.Assessment{}
	if err := b.Validate(); err != nil {
		t.Fatal(err)
	}
	d := Compare(a, b)
	if d.A.Highest != "9.5 Critical — Finding F-002" || d.A.Counts != "1 Critical, 1 Medium" {
		t.Errorf("A's headline %q; %q", d.A.Highest, d.A.Counts)
	}
	if d.B.Highest != "8.3 High — Prompt Injection and Jailbreaks (F-001)" || d.B.Counts != "2 High" {
		t.Errorf("B's headline %q; %q", d.B.Highest, d.B.Counts)
	}
	pi := "L1 Foundation Models · Prompt Injection and Jailbreaks — "
	lf := "L1 Foundation Models · Label flooding — "
	checkChanges(t, d, []want{
		{"findings.highest", "F-002 9.5 Critical", "F-001 8.3 High", Changed, true,
			"Highest finding: 9.5 Critical — Finding F-002 → 8.3 High — Prompt Injection and Jailbreaks (F-001)"},
		{"findings.counts", "1 Critical, 1 Medium", "2 High", Changed, true,
			"Findings by severity: 1 Critical, 1 Medium → 2 High"},
		{"maestro.layers[0].threats[0].aivss.mf", "0.83", "1", Changed, false, pi + "MF: Partial (0.83) → None (1)"},
		{"maestro.layers[0].threats[0].aivss.score", "6.9", "8.3", Changed, true, pi + "finding's score: 6.9 Medium → 8.3 High"},
		{"maestro.layers[0].threats[0].aivss.severity", "Medium", "High", Changed, true, pi + "severity: Medium → High"},
		{"maestro.layers[0].threats[1].aivss", "", "F-003", Added, false, lf + "finding added: F-003 (7.2 High)"},
		{"maestro.layers[0].threats[1].aivss.score", "", "7.2", Added, true, lf + "finding's score: none → 7.2"},
		{"maestro.layers[1].threats[0]", "Finding F-002", "", Removed, false,
			"L2 Data Operations — threat removed: “Finding F-002”, finding F-002 9.5 Critical"},
		{"maestro.cross_layer[0].aivss", "VULN-7", "", Removed, false,
			"Cross-Layer · Lateral Movement — finding removed: VULN-7 (not scored (missing CVSS))"},
	})
}

func TestACardComparedWithItselfIsTheSame(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 1))
	for i := range 300 {
		c := cardtest.RandomWithFindings(r)
		for _, other := range []*card.Card{c, carddifftest.Clone(c), roundTrip(t, c)} {
			d := Compare(c, other)
			if !d.Same() {
				t.Fatalf("card %d differs from its copy: %v", i, got(d.Changes))
			}
			if d.A != d.B {
				t.Fatalf("card %d: sides %+v and %+v", i, d.A, d.B)
			}
			if (d.A.Score == "") != (d.Delta == "") || d.Delta != "" && d.Delta != "0.0" {
				t.Fatalf("card %d: score %q, delta %q", i, d.A.Score, d.Delta)
			}
		}
	}
}

// roundTrip is c through its link.
func roundTrip(t *testing.T, c *card.Card) *card.Card {
	t.Helper()
	f, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	d, err := link.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// A card with one input changed gives exactly that change among the
// inputs; the rest are derived (scores, severities, the headline).
func TestOneInputChangedIsTheOneChange(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 2))
	for i := range 500 {
		a := cardtest.RandomWithFindings(r)
		b, w := carddifftest.ChangeOne(r, a)
		d := Compare(a, b)
		var inputs []Change
		for _, c := range d.Changes {
			if !c.Derived {
				inputs = append(inputs, c)
			}
		}
		if len(inputs) != 1 || inputs[0].Path != w.Path || inputs[0].A != w.A || inputs[0].B != w.B {
			t.Fatalf("card %d: changed %+v; input changes found: %v", i, w, got(inputs))
		}
		kind := Changed
		switch {
		case w.A == "":
			kind = Added
		case w.B == "":
			kind = Removed
		}
		if inputs[0].Kind != kind {
			t.Errorf("card %d: %s is %s, want %s", i, w.Path, inputs[0].Kind, kind)
		}
		// And back: the same change the other way.
		back := Compare(b, a)
		n := 0
		for _, c := range back.Changes {
			if !c.Derived {
				n++
				if c.Path != w.Path || c.A != w.B || c.B != w.A {
					t.Errorf("card %d back: %+v", i, c)
				}
			}
		}
		if n != 1 {
			t.Errorf("card %d back: %d input changes", i, n)
		}
	}
}

func TestDeltaIsBMinusAExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 3))
	for range 300 {
		a, b := cardtest.Random(r), cardtest.Random(r)
		d := Compare(a, b)
		if d.A.Score == "" || d.B.Score == "" {
			if d.Delta != "" {
				t.Errorf("delta %q without two scores (%q, %q)", d.Delta, d.A.Score, d.B.Score)
			}
			continue
		}
		// Tenths as integers: b − a.
		tenths := func(s string) int {
			whole, frac, _ := strings.Cut(s, ".")
			n := 0
			fmt.Sscan(whole, &n)
			return n*10 + int(frac[0]-'0')
		}
		diff := tenths(d.B.Score) - tenths(d.A.Score)
		sign := ""
		if diff < 0 {
			sign, diff = "-", -diff
		}
		if w := fmt.Sprintf("%s%d.%d", sign, diff/10, diff%10); d.Delta != w {
			t.Errorf("%s − %s: delta %q, want %q", d.B.Score, d.A.Score, d.Delta, w)
		}
	}
}
