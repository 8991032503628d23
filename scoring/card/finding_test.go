package card

import (
	"errors"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// printedScenarios are OWASP AIVSS v0.8 §3.6.1–3.6.10 as printed
// (research note aivss-v08-report.md §2.1): the CVSS v4.0 score, AIVSS and
// its band, and the layer Appendix C puts the example's core risk under
// first (§3 of the note, Table 8).
var printedScenarios = []struct {
	cvss, aivss string
	band        aivss.Severity
	layer       maestro.Layer
}{
	{"9.4", "9.9", aivss.Critical, 7},
	{"8.7", "9.7", aivss.Critical, 4},
	{"7.1", "9.4", aivss.Critical, 3},
	{"9.4", "10.0", aivss.Critical, 3},
	{"7.4", "9.3", aivss.Critical, 6},
	{"5.8", "8.9", aivss.High, 2},
	{"6.9", "9.2", aivss.Critical, 4},
	{"9.3", "9.7", aivss.Critical, 2},
	{"5.3", "8.3", aivss.High, 1},
	{"2.1", "7.1", aivss.High, 1},
}

func v08Card() *Card { return &Card{AIVSS: Inputs{Edition: "v0.8"}} }

// findingByID returns the finding of c with the id.
func findingByID(t *testing.T, c *Card, id string) Finding {
	t.Helper()
	for _, f := range c.Findings() {
		if f.Threat.AIVSS.ID == id {
			return f
		}
	}
	t.Fatalf("no finding %s", id)
	return Finding{}
}

func TestTheOWASPScenariosScoreAsPrintedAsFindings(t *testing.T) {
	c := v08Card()
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	if err := c.Validate(); err != nil {
		t.Fatalf("the card with the scenarios is not valid: %v", err)
	}
	fs := c.Findings()
	if len(fs) != len(printedScenarios) {
		t.Fatalf("%d findings, want %d", len(fs), len(printedScenarios))
	}
	byTitle := map[string]Finding{}
	for _, f := range fs {
		byTitle[f.Threat.Title] = f
	}
	for i, s := range corerisk.Scenarios() {
		want := printedScenarios[i]
		f, ok := byTitle[s.Title]
		if !ok {
			t.Errorf("§%s: no finding titled %q", s.Section, s.Title)
			continue
		}
		if !f.Eval.Complete() {
			t.Errorf("§%s: not scored: %v %v", s.Section, f.Eval.Err, f.Eval.MissingText())
			continue
		}
		r := f.Eval.Result
		if r.CVSS != want.cvss || r.Score != want.aivss || r.Severity != want.band {
			t.Errorf("§%s: CVSS %s, AIVSS %s %s; printed %s, %s %s", s.Section, r.CVSS, r.Score, r.Severity, want.cvss, want.aivss, want.band)
		}
		if f.Loc.Section != SectionLayer || f.Loc.Layer != want.layer {
			t.Errorf("§%s: under %v, want L%d", s.Section, f.Loc, want.layer)
		}
		if f.Threat.AIVSS.Category != s.Risk {
			t.Errorf("§%s: category %v, want %v", s.Section, f.Threat.AIVSS.Category, s.Risk)
		}
	}
}

func TestAddScenariosNeedsV08AndRoom(t *testing.T) {
	c := &Card{AIVSS: Inputs{Edition: "v0.5"}}
	err := c.AddScenarios()
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Error() != "the AIVSS edition is OWASP AIVSS v0.5; the OWASP scenarios are scored in OWASP AIVSS v0.8: switch the card to v0.8 to add them" {
		t.Errorf("v0.5 card: %v", err)
	}
	c = v08Card()
	c.MAESTRO.Layers[0].Threats = make([]maestro.Threat, MaxThreats-9)
	if err := c.AddScenarios(); err == nil || c.MAESTRO.NumThreats() != MaxThreats-9 {
		t.Errorf("a card with room for 9 took the scenarios: %v, %d threats", err, c.MAESTRO.NumThreats())
	}
}

// The headline's tally of the ten scenarios: §2.1's bands give 7 Critical
// and 3 High, and §3.6.4 (10.0) is the highest.
func TestTallyCountsBySeverityAndNamesTheHighest(t *testing.T) {
	c := v08Card()
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	fs := c.Findings()
	RankFindings(fs)
	tally := Tally(fs)
	if tally.Findings != 10 || tally.Scored != 10 || tally.Text() != "7 Critical, 3 High" {
		t.Errorf("tally %d/%d %q, want 10/10 \"7 Critical, 3 High\"", tally.Scored, tally.Findings, tally.Text())
	}
	if tally.Top == nil || tally.Top.Threat.Title != "Agent Orchestration and Multi-Agent Exploitation" || tally.Top.Eval.Result.Score != "10.0" {
		t.Errorf("top %+v", tally.Top)
	}
	var scores []string
	for _, f := range fs {
		scores = append(scores, f.Eval.Result.Score)
	}
	want := []string{"10.0", "9.9", "9.7", "9.7", "9.4", "9.3", "9.2", "8.9", "8.3", "7.1"}
	for i := range want {
		if scores[i] != want[i] {
			t.Fatalf("ranked %v, want %v", scores, want)
		}
	}
	// A finding without a score ranks last and is not counted.
	c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "unscored", AIVSS: maestro.Assessment{ID: "X-1"}}}
	fs = c.Findings()
	RankFindings(fs)
	if last := fs[len(fs)-1]; last.Threat.Title != "unscored" {
		t.Errorf("last is %q", last.Threat.Title)
	}
	if tally := Tally(fs); tally.Findings != 11 || tally.Scored != 10 {
		t.Errorf("tally %d/%d, want 10/11", tally.Scored, tally.Findings)
	}
}

// A finding takes the card's factors, ThM and MF until it overrides them:
// §3.6.1's vector with §3.6.1's factors as the card's profile scores 9.9
// as printed; overriding the factors that differ from §3.6.9 (which has
// the same ThM and MF) with its values, and its vector, gives §3.6.9's
// printed 8.3.
func TestFindingsInheritTheCardsProfileUntilOverridden(t *testing.T) {
	s := corerisk.Scenarios()
	c := v08Card()
	for i, f := range s[0].Factors {
		c.AIVSS.Factors[i] = decimal.Some(f)
	}
	c.AIVSS.ThM, c.AIVSS.MF = decimal.Some(s[0].ThM), decimal.Some(s[0].MF)
	c.MAESTRO.Layers[6].Threats = []maestro.Threat{{Title: "tool misuse", AIVSS: maestro.Assessment{ID: "F-001", CVSSVector: s[0].Vector}}}
	f := findingByID(t, c, "F-001")
	if !f.Eval.Complete() || f.Eval.Result.Score != "9.9" {
		t.Fatalf("inheriting every input: %s %v %v, want 9.9", f.Eval.Result.Score, f.Eval.Err, f.Eval.Missing)
	}
	if f.Inherited != [NumFactors]bool{true, true, true, true, true, true, true, true, true, true} || !f.ThMInherited || !f.MFInherited {
		t.Errorf("inherited %v ThM %v MF %v, want all", f.Inherited, f.ThMInherited, f.MFInherited)
	}
	a := &c.MAESTRO.Layers[6].Threats[0].AIVSS
	a.CVSSVector = s[8].Vector
	overridden := 0
	for i := range a.Factors {
		if s[8].Factors[i] != s[0].Factors[i] {
			a.Factors[i] = decimal.Some(s[8].Factors[i])
			overridden++
		}
	}
	f = findingByID(t, c, "F-001")
	if f.Eval.Result.Score != "8.3" {
		t.Errorf("with §3.6.9's vector and factors: %s, want 8.3", f.Eval.Result.Score)
	}
	n := 0
	for i, in := range f.Inherited {
		if !in {
			n++
			if !a.Factors[i].Set {
				t.Errorf("factor %d marked overridden but unset", i)
			}
		}
	}
	if n != overridden {
		t.Errorf("%d factors marked overridden, want %d", n, overridden)
	}
	// Changing the profile reaches the finding through what it inherits:
	// persistence is inherited (0.5 in both examples); at 0 the sum drops
	// to 6.0 and AIVSS to (5.3 + 4.7 × 0.6 × 0.97) = 8.0354 → 8.0.
	c.AIVSS.Factors[6] = decimal.Some(0)
	if f := findingByID(t, c, "F-001"); f.Eval.Result.Score != "8.0" {
		t.Errorf("after the profile changed: %s, want 8.0", f.Eval.Result.Score)
	}
}

// A vector's Exploit Maturity sets a finding's ThM: the card's ThM is then
// not inherited, and no conflict arises from it.
func TestAFindingsVectorExploitMaturityOutranksTheCardsThM(t *testing.T) {
	c := v08Card()
	c.AIVSS.ThM = decimal.Some(decimal.FromHundredths(97))
	c.AIVSS.MF = decimal.Some(decimal.FromInt(1))
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = decimal.Some(decimal.FromInt(1))
	}
	// 9.3 + 0.7 × 1 × 0.5 = 9.65 → 9.7 with E:U; 9.979 → 10.0 with the card's 0.97.
	c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: "F-001",
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}}}
	f := findingByID(t, c, "F-001")
	if f.ThMInherited || !f.Eval.ThMFromVector || f.Eval.Result.Score != "9.7" {
		t.Errorf("ThM inherited %v, from vector %v, score %s %v; want the vector's 0.5 and 9.7", f.ThMInherited, f.Eval.ThMFromVector, f.Eval.Result.Score, f.Eval.Err)
	}
	// The finding's own ThM that contradicts it is an error of the finding.
	c.MAESTRO.Layers[0].Threats[0].AIVSS.ThM = decimal.Some(1)
	f = findingByID(t, c, "F-001")
	var fe *FieldError
	if !errors.As(f.Eval.Err, &fe) || fe.Loc.Path() != "maestro.layers[0].threats[0].aivss.thm" {
		t.Errorf("own ThM against E:U: %v", f.Eval.Err)
	}
}

func TestFindingErrorsAndMissingInputsNameTheFinding(t *testing.T) {
	c := v08Card()
	c.MAESTRO.Layers[2].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: "F-001"}}}
	f := findingByID(t, c, "F-001")
	if got := f.Eval.MissingText(); got != "CVSS, 10 of 10 factors, ThM, MF" {
		t.Errorf("missing %q", got)
	}
	if got := f.Eval.Missing[0].Name(); got != "the CVSS vector of threat 1 of L3 Agent Frameworks" {
		t.Errorf("missing name %q", got)
	}
	c.MAESTRO.Layers[2].Threats[0].AIVSS.Factors[0] = decimal.Some(decimal.FromHundredths(70))
	err := c.Validate()
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("a finding's factor of 0.7: %v", err)
	}
	if got, want := fe.Error(), "Execution Autonomy of threat 1 of L3 Agent Frameworks is 0.7; OWASP AIVSS v0.8 takes 0, 0.5 or 1"; got != want {
		t.Errorf("error %q, want %q", got, want)
	}
	if got := fe.Loc.Path(); got != "maestro.layers[2].threats[0].aivss.factors.autonomy" {
		t.Errorf("path %q", got)
	}
}

func TestValidateFindings(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *Card)
		path string // "" for valid
		msg  string
	}{
		{"a finding without a title", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{AIVSS: maestro.Assessment{ID: "VULN-001"}}}
		}, "", ""},
		{"inputs without an id", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{CVSSScore: decimal.Some(decimal.FromInt(5))}}}
		}, "maestro.layers[0].threats[0].aivss.id", "is empty, but the threat has AIVSS inputs; a finding needs an id"},
		{"two findings with one id", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "a", AIVSS: maestro.Assessment{ID: "F-001"}}}
			c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "b", AIVSS: maestro.Assessment{ID: "F-001"}}}
		}, "maestro.cross_layer[0].aivss.id", `is "F-001", which another finding has; each finding has its own id`},
		{"an id with a newline", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: "F\n1"}}}
		}, "maestro.layers[0].threats[0].aivss.id", "contains the control character U+000A"},
		{"an id with a space around it", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: " F-1"}}}
		}, "maestro.layers[0].threats[0].aivss.id", "begins or ends with a space"},
		{"a category out of range", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: "F-1", Category: 11}}}
		}, "maestro.layers[0].threats[0].aivss.category", "is out of range"},
		{"a vector and a score", func(c *Card) {
			c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: "F-1",
				CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", CVSSScore: decimal.Some(decimal.FromInt(9))}}}
		}, "maestro.layers[0].threats[0].aivss.cvss_score", "is set together with a CVSS vector; give one or the other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := v08Card()
			tt.edit(c)
			err := c.Validate()
			if tt.path == "" {
				if err != nil {
					t.Fatalf("valid card refused: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Loc.Path() != tt.path || fe.Msg != tt.msg {
				t.Fatalf("got %v (path %q), want %s %s", err, pathOf(err), tt.path, tt.msg)
			}
		})
	}
}

func pathOf(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Loc.Path()
	}
	return ""
}

func TestNextFindingIDFollowsTheHighestAndNeverReuses(t *testing.T) {
	c := v08Card()
	if got := c.NextFindingID(); got != "F-001" {
		t.Errorf("empty card: %s", got)
	}
	c.MAESTRO.Layers[0].Threats = []maestro.Threat{
		{Title: "a", AIVSS: maestro.Assessment{ID: "F-002"}},
		{Title: "b", AIVSS: maestro.Assessment{ID: "VULN-900"}},
		{Title: "c", AIVSS: maestro.Assessment{ID: "F-010"}},
		{Title: "d", AIVSS: maestro.Assessment{ID: "F-x"}},
	}
	if got := c.NextFindingID(); got != "F-011" {
		t.Errorf("after F-010: %s", got)
	}
	c.MAESTRO.Layers[0].Threats = c.MAESTRO.Layers[0].Threats[:2]
	if got := c.NextFindingID(); got != "F-003" {
		t.Errorf("after F-002 (F-010 deleted): %s", got)
	}
}

// A new finding's category comes from its ASI code (Appendix B), else from
// its layer (Appendix C), else from a cross-layer threat's first layer.
func TestNewAssessmentTakesItsCategoryFromASIThenLayer(t *testing.T) {
	c := v08Card()
	tests := []struct {
		threat maestro.Threat
		layer  maestro.Layer
		want   corerisk.Risk
	}{
		{maestro.Threat{ASI: 2}, 3, corerisk.ToolMisuse},
		{maestro.Threat{ASI: 8}, 0, corerisk.CascadingFailures},
		{maestro.Threat{}, 3, corerisk.OrchestrationExploitation},
		{maestro.Threat{Layers: []maestro.Layer{2, 5}}, 0, corerisk.MemoryManipulation},
		{maestro.Threat{}, 0, 0},
	}
	for _, tt := range tests {
		a := c.NewAssessment(&tt.threat, tt.layer)
		if a.ID != "F-001" || a.Category != tt.want || a.Overrides() {
			t.Errorf("ASI %d under L%d: %+v, want F-001 %v", tt.threat.ASI, tt.layer, a, tt.want)
		}
	}
}

// Switching the card's edition carries each finding's own factors as the
// card's carry, and leaves inherited inputs inherited.
func TestSwitchCardMovesFindingsOverridesAndKeepsInheritance(t *testing.T) {
	c := v08Card()
	c.AIVSS.ThM = decimal.Some(decimal.FromHundredths(97))
	c.MAESTRO.Layers[0].Threats = []maestro.Threat{{Title: "t", AIVSS: maestro.Assessment{ID: "F-001",
		Factors: [NumFactors]decimal.Optional{0: decimal.Some(decimal.FromHundredths(50))}}}}
	to, _ := aivss.Lookup("card")
	sw := SwitchCard(c, to)
	a := c.MAESTRO.Layers[0].Threats[0].AIVSS
	if a.ThM.Set || a.MF.Set {
		t.Errorf("inherited ThM/MF became set: %+v", a)
	}
	set := 0
	for _, f := range a.Factors {
		if f.Set {
			set++
		}
	}
	if set != 1 || len(sw.Findings) != 0 {
		t.Errorf("%d factors set after the switch (want the one carried), findings note %v", set, sw.Findings)
	}
	if c.AIVSS.Edition != "card" {
		t.Errorf("edition %s", c.AIVSS.Edition)
	}
}
