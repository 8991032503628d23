package aivssreport

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

func some(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// handCard has findings of every kind Marshal meets: one with its own
// vector, factors partly its own and its own MF; a catalog threat with a
// bare score and its own ThM; an untitled one scoring 0.0; a cross-layer
// one whose vector's E:U sets ThM; one without a category and one
// without a CVSS input, which are skipped.
func handCard() *card.Card {
	c := card.NewCard() // v0.8, ThM 0.97, MF 1.0
	c.Title = "Ticket triage bot"
	c.Summary = "System version: 2.1\n\nPilot deployment."
	for i, v := range []string{"1", "1", "1", "0.5", "0.5", "0.5", "0", "0", "0", "0"} {
		c.AIVSS.Factors[i] = some(v)
	}
	m := &c.MAESTRO
	m.Layer(maestro.FoundationModels).Threats = []maestro.Threat{{CatalogID: "l1-model-stealing",
		AIVSS: maestro.Assessment{ID: "F-001", Category: corerisk.Untraceability, CVSSScore: some("5.0"), ThM: some("0.5")}}}
	m.Layer(maestro.DataOperations).Threats = []maestro.Threat{{Title: "Memory read across tenants",
		AIVSS: maestro.Assessment{ID: "F-003", CVSSScore: some("4.0")}}}
	a := maestro.Threat{Title: "Shell reached from ticket text", Description: "Scripts in ticket bodies reach the shell tool.\nSeen in a pilot.",
		AIVSS: maestro.Assessment{ID: "VULN-007", Category: corerisk.ToolMisuse,
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", MF: some("0.83")}}
	a.AIVSS.Factors[0] = some("0.5")
	m.Layer(maestro.AgentFrameworks).Threats = []maestro.Threat{a}
	m.Layer(maestro.DeploymentInfra).Threats = []maestro.Threat{{Title: "Unscored",
		AIVSS: maestro.Assessment{ID: "F-004", Category: corerisk.AccessControlViolation}}}
	cz := maestro.Threat{AIVSS: maestro.Assessment{ID: "F-002", Category: corerisk.SupplyChainRisk, CVSSScore: some("0.0")}}
	for i := range cz.AIVSS.Factors {
		cz.AIVSS.Factors[i] = some("0")
	}
	m.Layer(maestro.AgentEcosystem).Threats = []maestro.Threat{cz}
	m.CrossLayer = []maestro.Threat{{Title: "Prompt relay between agents", Layers: []maestro.Layer{3, 7},
		AIVSS: maestro.Assessment{ID: "F-005", Category: corerisk.OrchestrationExploitation,
			CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}}}
	return c
}

// wantHandReport is handCard's report, worked out by hand. Card factors
// sum to 4.5.
//
//	F-005  CVSS 9.3 (the vector's base), ThM 0.5 from E:U, MF 1:
//	       AARS 0.7 × 0.45 × 0.5 = 0.1575; 9.4575 → 9.5 Critical
//	VULN-007  CVSS 9.3, autonomy 0.5 (sum 4.0), ThM 0.97, MF 0.83:
//	       AARS 0.7 × 0.4 × 0.97 = 0.2716; 9.5716 × 0.83 = 7.944428 → 7.9 High
//	F-001  CVSS 5.0, ThM 0.5: AARS 5 × 0.45 × 0.5 = 1.125; 6.125 → 6.1 Medium
//	F-002  CVSS 0.0, factors 0: AARS 0; 0.0, no band
const wantHandReport = `{
  "metadata": {
    "system_name": "Ticket triage bot",
    "system_version": "2.1",
    "assessment_date": "2026-08-01",
    "assessor_id": "threatcard",
    "notes": "Pilot deployment.\n\nthreatcard link: https://threatcard.example/#v1&e=v0.8"
  },
  "vulnerabilities": [
    {
      "id": "F-005",
      "title": "Prompt relay between agents",
      "owasp_category": "Agent Orchestration & Multi-Agent Exploitation",
      "cvss_base": {
        "vector_string": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U",
        "score": 9.3
      },
      "amplification_factors": {
        "autonomy": 1.0,
        "tools": 1.0,
        "language": 1.0,
        "context": 0.5,
        "non_determinism": 0.5,
        "opacity": 0.5,
        "persistence": 0.0,
        "identity": 0.0,
        "multi_agent": 0.0,
        "self_mod": 0.0
      },
      "threat_multiplier": 0.5,
      "scores": {
        "factor_sum": 4.5,
        "aars": 0.1575,
        "mitigation_factor": 1.0,
        "aivss": 9.5,
        "severity": "Critical"
      }
    },
    {
      "id": "VULN-007",
      "title": "Shell reached from ticket text",
      "description": "Scripts in ticket bodies reach the shell tool.\nSeen in a pilot.",
      "owasp_category": "Agentic AI Tool Misuse",
      "cvss_base": {
        "vector_string": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
        "score": 9.3
      },
      "amplification_factors": {
        "autonomy": 0.5,
        "tools": 1.0,
        "language": 1.0,
        "context": 0.5,
        "non_determinism": 0.5,
        "opacity": 0.5,
        "persistence": 0.0,
        "identity": 0.0,
        "multi_agent": 0.0,
        "self_mod": 0.0
      },
      "threat_multiplier": 0.97,
      "scores": {
        "factor_sum": 4.0,
        "aars": 0.2716,
        "mitigation_factor": 0.83,
        "aivss": 7.9,
        "severity": "High"
      }
    },
    {
      "id": "F-001",
      "title": "Model Stealing",
      "owasp_category": "Agent Untraceability",
      "cvss_base": {
        "vector_string": "",
        "score": 5.0
      },
      "amplification_factors": {
        "autonomy": 1.0,
        "tools": 1.0,
        "language": 1.0,
        "context": 0.5,
        "non_determinism": 0.5,
        "opacity": 0.5,
        "persistence": 0.0,
        "identity": 0.0,
        "multi_agent": 0.0,
        "self_mod": 0.0
      },
      "threat_multiplier": 0.5,
      "scores": {
        "factor_sum": 4.5,
        "aars": 1.125,
        "mitigation_factor": 1.0,
        "aivss": 6.1,
        "severity": "Medium"
      }
    },
    {
      "id": "F-002",
      "owasp_category": "Agent Supply Chain & Dependency Risk",
      "cvss_base": {
        "vector_string": "",
        "score": 0.0
      },
      "amplification_factors": {
        "autonomy": 0.0,
        "tools": 0.0,
        "language": 0.0,
        "context": 0.0,
        "non_determinism": 0.0,
        "opacity": 0.0,
        "persistence": 0.0,
        "identity": 0.0,
        "multi_agent": 0.0,
        "self_mod": 0.0
      },
      "threat_multiplier": 0.97,
      "scores": {
        "factor_sum": 0.0,
        "aars": 0.0,
        "mitigation_factor": 1.0,
        "aivss": 0.0
      }
    }
  ]
}
`

var handMeta = Metadata{Date: "2026-08-01", Link: "https://threatcard.example/#v1&e=v0.8"}

func TestMarshalHandCard(t *testing.T) {
	c := handCard()
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	got, skipped, err := Marshal(c, handMeta)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != wantHandReport {
		t.Errorf("got\n%s\nwant\n%s", got, wantHandReport)
	}
	want := []Skipped{
		{ID: "F-003", Reason: "has no OWASP core-risk category"},
		{ID: "F-004", Reason: "is not scored: CVSS missing"},
	}
	if len(skipped) != len(want) || skipped[0] != want[0] || skipped[1] != want[1] {
		t.Errorf("skipped %q, want %q", skipped, want)
	}
	if err := validate(t, compileSchema(t), got); err != nil {
		t.Errorf("the report does not validate: %v", err)
	}
}

// scenarioWant is research note aivss-v08-report.md §2.1 as printed: per
// §3.6 example, its CVSS, Factor_Sum, AARS, AIVSS and band. AddScenarios
// gives them ids F-001 … F-010 in section order.
var scenarioWant = []struct{ id, cvss, sum, aars, aivss, severity string }{
	{"F-001", "9.4", "9.0", "0.5238", "9.9", "Critical"},
	{"F-002", "8.7", "8.0", "1.0088", "9.7", "Critical"},
	{"F-003", "7.1", "8.0", "2.2504", "9.4", "Critical"},
	{"F-004", "9.4", "9.5", "0.5529", "10.0", "Critical"},
	{"F-005", "7.4", "7.5", "1.8915", "9.3", "Critical"},
	{"F-006", "5.8", "7.5", "3.0555", "8.9", "High"},
	{"F-007", "6.9", "7.5", "2.25525", "9.2", "Critical"},
	{"F-008", "9.3", "6.5", "0.44135", "9.7", "Critical"},
	{"F-009", "5.3", "6.5", "2.96335", "8.3", "High"},
	{"F-010", "2.1", "6.5", "4.98095", "7.1", "High"},
}

// decodeNumbers reads a report keeping number texts (json.Number).
func decodeNumbers(t *testing.T, doc []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	return v
}

func TestMarshalScenariosAsPrinted(t *testing.T) {
	c := card.NewCard()
	c.Title = "OWASP AIVSS v0.8 worked examples"
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	doc, skipped, err := Marshal(c, Metadata{Date: "2026-03-18", Assessor: "OWASP"})
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Errorf("skipped %v", skipped)
	}
	if err := validate(t, compileSchema(t), doc); err != nil {
		t.Errorf("the report does not validate: %v", err)
	}
	vs := decodeNumbers(t, doc)["vulnerabilities"].([]any)
	// Highest first; the two 9.7s keep card order, where F-008 (under L2
	// Data Operations) comes before F-002 (under L4).
	order := []string{"F-004", "F-001", "F-008", "F-002", "F-003", "F-005", "F-007", "F-006", "F-009", "F-010"}
	if len(vs) != len(order) {
		t.Fatalf("%d vulnerabilities, want %d", len(vs), len(order))
	}
	for i, x := range vs {
		v := x.(map[string]any)
		if v["id"] != order[i] {
			t.Errorf("vulnerability %d is %v, want %s", i, v["id"], order[i])
		}
		var w = scenarioWant[0]
		for _, s := range scenarioWant {
			if s.id == v["id"] {
				w = s
			}
		}
		sc := v["scores"].(map[string]any)
		got := []any{v["cvss_base"].(map[string]any)["score"], sc["factor_sum"], sc["aars"], sc["aivss"], sc["severity"], v["threat_multiplier"], sc["mitigation_factor"]}
		want := []any{json.Number(w.cvss), json.Number(w.sum), json.Number(w.aars), json.Number(w.aivss), w.severity, json.Number("0.97"), json.Number("1.0")}
		for j := range got {
			if got[j] != want[j] {
				t.Errorf("%s: field %d is %v, want %v", w.id, j, got[j], want[j])
			}
		}
	}
}

// refusedCards are two cards Marshal refuses whatever the metadata: one
// in v0.5, and the hand card with a line break in its title.
func refusedCards() (v05, bad *card.Card) {
	v05 = card.NewCard()
	ed, _ := aivss.Lookup("v0.5")
	card.SwitchCard(v05, ed)
	bad = handCard()
	bad.Title = "line\nbreak"
	return v05, bad
}

func TestMarshalRefuses(t *testing.T) {
	v05, bad := refusedCards()
	tests := []struct {
		name string
		c    *card.Card
		m    Metadata
		want string
	}{
		{"edition", v05, handMeta, "the card is scored in OWASP AIVSS v0.5; an AIVSS report (Appendix A) is OWASP AIVSS v0.8's format: switch the card to v0.8 to export one"},
		{"no date", handCard(), Metadata{}, `metadata.assessment_date is ""; the assessment date is a calendar date written YYYY-MM-DD`},
		{"bad date", handCard(), Metadata{Date: "2026-02-30"}, `metadata.assessment_date is "2026-02-30"; the assessment date is a calendar date written YYYY-MM-DD`},
		{"link", handCard(), Metadata{Date: "2026-08-01", Link: "a\nb"}, "metadata.notes would hold a link with a control character or line break"},
		{"assessor two lines", handCard(), Metadata{Date: "2026-08-01", Assessor: "a\nb"}, `metadata.assessor_id is "a\nb"; an assessor id is one line of at most 200 characters`},
		{"assessor too long", handCard(), Metadata{Date: "2026-08-01", Assessor: strings.Repeat("a", 201)},
			`metadata.assessor_id is "` + strings.Repeat("a", 60) + `…"; an assessor id is one line of at most 200 characters`},
		{"invalid card", bad, handMeta, "the card is not valid: the title contains the control character U+000A"},
	}
	for _, tt := range tests {
		_, _, err := Marshal(tt.c, tt.m)
		var e *Error
		if !errors.As(err, &e) || err.Error() != tt.want {
			t.Errorf("%s: got %v, want %s", tt.name, err, tt.want)
		}
	}
}

func TestMarshalSkipsAFindingInError(t *testing.T) {
	c := card.NewCard()
	a := maestro.Assessment{ID: "F-001", Category: corerisk.ToolMisuse, ThM: some("0.97"),
		CVSSVector: "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U"}
	c.MAESTRO.Layer(maestro.AgentFrameworks).Threats = []maestro.Threat{{Title: "t", AIVSS: a}}
	_, skipped, err := Marshal(c, handMeta)
	if err != nil {
		t.Fatal(err)
	}
	want := "is not scored: the threat multiplier (ThM) of threat 1 of L3 Agent Frameworks is 0.97 (Proof-of-Concept), " +
		"but the CVSS vector's Exploit Maturity E:U (Unreported) sets it to 0.50 in OWASP AIVSS v0.8; " +
		"exploit maturity counts once: leave ThM to the vector, or change one of the two"
	if len(skipped) != 1 || skipped[0].ID != "F-001" || skipped[0].Reason != want {
		t.Errorf("got %q\nwant %q", skipped, want)
	}
}

func TestMarshalMetadataDefaults(t *testing.T) {
	c := card.NewCard()
	doc, _, err := Marshal(c, Metadata{Date: "2026-01-31"})
	if err != nil {
		t.Fatal(err)
	}
	want := `{
  "metadata": {
    "system_name": "Untitled card",
    "assessment_date": "2026-01-31",
    "assessor_id": "threatcard"
  },
  "vulnerabilities": []
}
`
	if string(doc) != want {
		t.Errorf("got\n%s\nwant\n%s", doc, want)
	}
	c.Summary = "System version: \nno blank line"
	doc, _, _ = Marshal(c, Metadata{Date: "2026-01-31", Assessor: "sec-team"})
	md := decodeNumbers(t, doc)["metadata"].(map[string]any)
	if md["system_version"] != "" || md["notes"] != "no blank line" || md["assessor_id"] != "sec-team" {
		t.Errorf("metadata %v", md)
	}
	if !strings.Contains(string(doc), `"system_version": ""`) {
		t.Errorf("an empty version is still a version:\n%s", doc)
	}
}

func TestMissingWords(t *testing.T) {
	c := card.NewCard()
	c.AIVSS.ThM, c.AIVSS.MF = decimal.Optional{}, decimal.Optional{}
	c.AIVSS.Factors[1] = some("1")
	a := maestro.Assessment{ID: "F-001", Category: corerisk.ToolMisuse}
	a.Factors[0] = some("1")
	c.MAESTRO.Layer(maestro.AgentEcosystem).Threats = []maestro.Threat{{Title: "t", AIVSS: a}}
	_, skipped, err := Marshal(c, handMeta)
	if err != nil {
		t.Fatal(err)
	}
	want := "is not scored: CVSS, Natural Language Interface, Contextual Awareness, Behavioral Non-Determinism, Opacity & Reflexivity, Persistent State Retention, Dynamic Identity, Multi-Agent Interactions, Self-Modification, ThM, MF missing"
	if len(skipped) != 1 || skipped[0].Reason != want {
		t.Errorf("got %q\nwant %q", skipped, want)
	}
	a.Factors[0] = decimal.Optional{}
	c.AIVSS.Factors[1] = decimal.Optional{}
	c.MAESTRO.Layer(maestro.AgentEcosystem).Threats[0].AIVSS = a
	_, skipped, _ = Marshal(c, handMeta)
	if want := "is not scored: CVSS, all 10 factors, ThM, MF missing"; len(skipped) != 1 || skipped[0].Reason != want {
		t.Errorf("got %q, want %q", skipped, want)
	}
}

func TestFactorKeysAreV08s(t *testing.T) {
	ed, err := aivss.Lookup(Edition)
	if err != nil {
		t.Fatal(err)
	}
	var fv factors
	b, _ := json.Marshal(fv)
	var keys []string
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.Token()
	for dec.More() {
		k, _ := dec.Token()
		keys = append(keys, k.(string))
		dec.Token()
	}
	for i, f := range ed.Factors {
		if factorKeys[i] != f.ID || i >= len(keys) || keys[i] != f.ID {
			t.Errorf("factor %d is %s in v0.8, %s in factorKeys, %v in the written object", i, f.ID, factorKeys[i], keys)
		}
	}
}

// Skips must give exactly what Marshal leaves out, and Marshal's error for
// a card it refuses, without writing the report. The expected values are
// the hand card's, written out above, and the refusals' words.
func TestSkipsIsWhatMarshalLeavesOut(t *testing.T) {
	v05, bad := refusedCards()
	scenarios := card.NewCard()
	if err := scenarios.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		c       *card.Card
		want    []Skipped
		wantErr string
	}{
		{"hand card", handCard(), []Skipped{
			{ID: "F-003", Reason: "has no OWASP core-risk category"},
			{ID: "F-004", Reason: "is not scored: CVSS missing"},
		}, ""},
		{"scenarios", scenarios, nil, ""},
		{"edition", v05, nil, "the card is scored in OWASP AIVSS v0.5; an AIVSS report (Appendix A) is OWASP AIVSS v0.8's format: switch the card to v0.8 to export one"},
		{"invalid card", bad, nil, "the card is not valid: the title contains the control character U+000A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Skips(tt.c)
			if tt.wantErr != "" {
				var e *Error
				if !errors.As(err, &e) || err.Error() != tt.wantErr {
					t.Fatalf("got error %v, want %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Skips: %q, want %q", got, tt.want)
			}
			_, marshalled, err := Marshal(tt.c, handMeta)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, marshalled) {
				t.Errorf("Skips %q, Marshal skipped %q", got, marshalled)
			}
		})
	}
}
