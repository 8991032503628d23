package aivssreport

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The ten worked examples of OWASP AIVSS v0.8 §3.6 as research note
// aivss-v08-report.md prints them: §2.1's vectors, §2.2's factor rows
// (schema key order), §1.2's category strings; the scores are
// scenarioWant's.
var (
	owaspVectors = [10]string{
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H",
		"CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
		"CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
		"CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N",
	}
	owaspFactors = [10][10]string{
		{"1.0", "1.0", "1.0", "1.0", "1.0", "1.0", "0.5", "1.0", "1.0", "0.5"},
		{"1.0", "1.0", "1.0", "1.0", "0.5", "1.0", "1.0", "1.0", "0.5", "0.0"},
		{"1.0", "0.5", "1.0", "1.0", "1.0", "1.0", "0.5", "0.5", "1.0", "0.5"},
		{"1.0", "1.0", "1.0", "1.0", "1.0", "1.0", "1.0", "1.0", "1.0", "0.5"},
		{"1.0", "1.0", "1.0", "1.0", "1.0", "1.0", "0.0", "1.0", "0.5", "0.0"},
		{"1.0", "0.5", "1.0", "1.0", "0.5", "1.0", "1.0", "0.0", "0.5", "1.0"},
		{"1.0", "1.0", "0.5", "1.0", "0.5", "1.0", "0.5", "0.0", "1.0", "1.0"},
		{"1.0", "1.0", "0.0", "0.0", "1.0", "1.0", "0.5", "1.0", "1.0", "0.0"},
		{"1.0", "1.0", "0.0", "0.0", "1.0", "1.0", "0.5", "0.5", "1.0", "0.5"},
		{"0.5", "0.0", "1.0", "1.0", "1.0", "1.0", "1.0", "0.0", "0.0", "1.0"},
	}
	owaspCategories = [10]string{
		"Agentic AI Tool Misuse",
		"Agent Access Control Violation",
		"Agent Cascading Failures",
		"Agent Orchestration & Multi-Agent Exploitation",
		"Agent Identity Impersonation",
		"Agent Memory & Context Manipulation",
		"Insecure Agent Critical Systems Interaction",
		"Agent Supply Chain & Dependency Risk",
		"Agent Untraceability",
		"Agent Goal & Instruction Manipulation",
	}
	// owaspTitles are §2.1's headings, which spell the categories with
	// "and".
	owaspTitles = [10]string{
		"Agentic AI Tool Misuse",
		"Agent Access Control Violation",
		"Agent Cascading Failures",
		"Agent Orchestration and Multi-Agent Exploitation",
		"Agent Identity Impersonation",
		"Agent Memory and Context Manipulation",
		"Insecure Agent Critical Systems Interaction",
		"Agent Supply Chain and Dependency Risk",
		"Agent Untraceability",
		"Agent Goal and Instruction Manipulation",
	}
	// owaspLayers is the first layer Appendix C's Table 8 (research note
	// §3.2) lists each category under.
	owaspLayers = [10]maestro.Layer{7, 4, 3, 3, 6, 2, 4, 2, 1, 1}
)

// owaspReport writes the ten examples as a report with ids VULN-001 …
// VULN-010, ThM 0.97 and MF 1.0 (§3.6 states both), and the printed
// scores. testdata/owasp-v0.8-examples.json holds it, as a sample.
func owaspReport(categories [10]string) string {
	var vs []string
	for i := range 10 {
		w := scenarioWant[i]
		var fs []string
		for j, k := range factorKeys {
			fs = append(fs, fmt.Sprintf("%q: %s", k, owaspFactors[i][j]))
		}
		vs = append(vs, fmt.Sprintf(`{
      "id": "VULN-%03d",
      "title": %q,
      "description": "OWASP AIVSS v0.8 worked example 3.6.%d.",
      "owasp_category": %q,
      "cvss_base": {"vector_string": %q, "score": %s},
      "amplification_factors": {%s},
      "threat_multiplier": 0.97,
      "scores": {"factor_sum": %s, "aars": %s, "mitigation_factor": 1.0, "aivss": %s, "severity": %q}
    }`, i+1, owaspTitles[i], i+1, categories[i], owaspVectors[i], w.cvss, strings.Join(fs, ", "), w.sum, w.aars, w.aivss, w.severity))
	}
	return `{
  "metadata": {
    "system_name": "OWASP AIVSS v0.8 worked examples",
    "system_version": "v0.8 §3.6",
    "assessment_date": "2026-03-18",
    "assessor_id": "OWASP AIVSS project",
    "notes": "The ten examples of §3.6.\nThM 0.97 and MF 1.0 throughout."
  },
  "vulnerabilities": [
    ` + strings.Join(vs, ",\n    ") + `
  ]
}`
}

// fullReport has what owaspReport lacks: a description, a vulnerability
// without a title, a bare CVSS score, a vector whose E agrees with
// threat_multiplier, every threat multiplier and mitigation factor, a
// score of 0.0 without severity, and notes ending in a threatcard link.
// Its scores are worked out by hand:
//
//	VULN-A  CVSS 9.3 (the vector's base), sum 4.5, ThM 0.5 (E:U), MF 0.83:
//	        AARS 0.7 × 0.45 × 0.5 = 0.1575; 9.4575 × 0.83 = 7.849725 → 7.8 High
//	VULN-B  CVSS 5.0, sum 10, ThM 1.0, MF 0.67: AARS 5 × 1 × 1 = 5;
//	        10 × 0.67 = 6.7 Medium
//	VULN-C  CVSS 0.0, sum 0: 0.0, no band
const fullReport = `{
  "metadata": {
    "system_name": "Ticket triage bot",
    "system_version": "2.1",
    "assessment_date": "2026-08-01",
    "assessor_id": "sec-team",
    "notes": "Pilot deployment.\n\nthreatcard link: https://threatcard.example/#v2&e=v0.8"
  },
  "vulnerabilities": [
    {
      "id": "VULN-A",
      "title": "Prompt relay between agents",
      "description": "Agent B runs what agent A relays.\nSeen once.",
      "owasp_category": "Agent Orchestration & Multi-Agent Exploitation",
      "cvss_base": {"vector_string": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", "score": 9.3},
      "amplification_factors": {"autonomy": 1.0, "tools": 1.0, "language": 1.0, "context": 0.5, "non_determinism": 0.5,
        "opacity": 0.5, "persistence": 0.0, "identity": 0.0, "multi_agent": 0.0, "self_mod": 0.0},
      "threat_multiplier": 0.5,
      "scores": {"factor_sum": 4.5, "aars": 0.1575, "mitigation_factor": 0.83, "aivss": 7.8, "severity": "High"}
    },
    {
      "id": "VULN-B",
      "owasp_category": "Agentic AI Tool Misuse",
      "cvss_base": {"vector_string": "", "score": 5.0},
      "amplification_factors": {"autonomy": 1.0, "tools": 1.0, "language": 1.0, "context": 1.0, "non_determinism": 1.0,
        "opacity": 1.0, "persistence": 1.0, "identity": 1.0, "multi_agent": 1.0, "self_mod": 1.0},
      "threat_multiplier": 1.0,
      "scores": {"factor_sum": 10.0, "aars": 5.0, "mitigation_factor": 0.67, "aivss": 6.7, "severity": "Medium"}
    },
    {
      "id": "VULN-C",
      "title": "Unused plug-in",
      "owasp_category": "Agent Supply Chain & Dependency Risk",
      "cvss_base": {"vector_string": "", "score": 0.0},
      "amplification_factors": {"autonomy": 0.0, "tools": 0.0, "language": 0.0, "context": 0.0, "non_determinism": 0.0,
        "opacity": 0.0, "persistence": 0.0, "identity": 0.0, "multi_agent": 0.0, "self_mod": 0.0},
      "threat_multiplier": 0.97,
      "scores": {"factor_sum": 0.0, "aars": 0.0, "mitigation_factor": 1.0, "aivss": 0.0}
    }
  ]
}`

// normalized reads a JSON document as generic values with every number
// as its exact rational value (so 1 and 1.0 are equal) and the
// vulnerabilities keyed by id (Marshal orders them by score).
func normalized(t *testing.T, doc []byte) map[string]any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v map[string]any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	var walk func(any) any
	walk = func(x any) any {
		switch x := x.(type) {
		case json.Number:
			r, ok := new(big.Rat).SetString(string(x))
			if !ok {
				t.Fatalf("number %s", x)
			}
			return r.RatString()
		case map[string]any:
			for k, e := range x {
				x[k] = walk(e)
			}
		case []any:
			for i, e := range x {
				x[i] = walk(e)
			}
		}
		return x
	}
	walk(v)
	if vs, ok := v["vulnerabilities"].([]any); ok {
		byID := map[string]any{}
		for _, x := range vs {
			byID[x.(map[string]any)["id"].(string)] = x
		}
		v["vulnerabilities"] = byID
	}
	return v
}

// opt shows an optional input: its value, or "unset".
func opt(o decimal.Optional) string {
	if !o.Set {
		return "unset"
	}
	return o.Value.String()
}

// roundTrip parses report, carries the card through a link (Encode,
// Decode) and writes it again with the metadata Parse returned; the new
// report must have every field the first had, and the ids.
func roundTrip(t *testing.T, report string) {
	t.Helper()
	res, err := Parse([]byte(report))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Warnings)
	}
	frag, err := link.Encode(res.Card)
	if err != nil {
		t.Fatal(err)
	}
	c, err := link.Decode(frag)
	if err != nil {
		t.Fatal(err)
	}
	out, skipped, err := Marshal(c, res.Metadata)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) > 0 {
		t.Errorf("skipped %v", skipped)
	}
	if err := validate(t, compileSchema(t), out); err != nil {
		t.Errorf("the new report does not validate: %v", err)
	}
	if got, want := normalized(t, out), normalized(t, []byte(report)); !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the report:\ngot  %v\nwant %v\n%s", got, want, out)
	}
}

func TestRoundTripOWASPExamples(t *testing.T) { roundTrip(t, owaspReport(owaspCategories)) }

func TestRoundTripFullReport(t *testing.T) { roundTrip(t, fullReport) }

func TestParseOWASPExamples(t *testing.T) {
	res, err := Parse([]byte(owaspReport(owaspCategories)))
	if err != nil {
		t.Fatal(err)
	}
	c := res.Card
	if c.Title != "OWASP AIVSS v0.8 worked examples" || c.Summary != "System version: v0.8 §3.6\n\nThe ten examples of §3.6.\nThM 0.97 and MF 1.0 throughout." {
		t.Errorf("title %q, summary %q", c.Title, c.Summary)
	}
	if want := (Metadata{Date: "2026-03-18", Assessor: "OWASP AIVSS project"}); res.Metadata != want {
		t.Errorf("metadata %+v, want %+v", res.Metadata, want)
	}
	if c.AIVSS.Edition != "v0.8" || c.AIVSS.CVSSVector != "" || c.AIVSS.CVSSScore.Set || opt(c.AIVSS.ThM) != "0.97" || opt(c.AIVSS.MF) != "1.0" {
		t.Errorf("card inputs %+v", c.AIVSS)
	}
	for _, f := range c.AIVSS.Factors {
		if f.Set {
			t.Errorf("card factors %v; a report has no profile", c.AIVSS.Factors)
			break
		}
	}
	if id := c.NextFindingID(); id != "F-001" {
		t.Errorf("a new finding would be %s; the report's ids are VULN-…, so F-001", id)
	}
	fs := c.Findings()
	if len(fs) != 10 {
		t.Fatalf("%d findings", len(fs))
	}
	for _, f := range fs {
		var i int
		fmt.Sscanf(f.Threat.AIVSS.ID, "VULN-%03d", &i)
		i--
		if i < 0 || i >= 10 {
			t.Fatalf("finding %q", f.Threat.AIVSS.ID)
		}
		a := &f.Threat.AIVSS
		if f.Loc.Layer != owaspLayers[i] || f.Threat.Title != owaspTitles[i] || f.Threat.Description != fmt.Sprintf("OWASP AIVSS v0.8 worked example 3.6.%d.", i+1) || a.Category.String() != owaspCategories[i] ||
			a.CVSSVector != owaspVectors[i] || opt(a.ThM) != "0.97" || opt(a.MF) != "1.0" {
			t.Errorf("%s: under %v, %q %v %s ThM %v MF %v", a.ID, f.Loc.Layer, f.Threat.Title, a.Category, a.CVSSVector, opt(a.ThM), opt(a.MF))
		}
		for j, v := range a.Factors {
			if !v.Set || v.Value.String() != owaspFactors[i][j] {
				t.Errorf("%s: factor %s is %v, want %s", a.ID, factorKeys[j], v, owaspFactors[i][j])
			}
		}
		if f.Inherited != [10]bool{} || f.ThMInherited || f.MFInherited {
			t.Errorf("%s inherits from the card", a.ID)
		}
		if !f.Eval.Complete() || f.Eval.Result.Score != scenarioWant[i].aivss || f.Eval.Result.AARS != scenarioWant[i].aars {
			t.Errorf("%s scores %+v, want %s (AARS %s)", a.ID, f.Eval.Result, scenarioWant[i].aivss, scenarioWant[i].aars)
		}
	}
}

func TestTestdataSample(t *testing.T) {
	b, err := os.ReadFile("testdata/owasp-v0.8-examples.json")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != owaspReport(owaspCategories)+"\n" {
		t.Errorf("testdata/owasp-v0.8-examples.json is not owaspReport's report")
	}
	if err := validate(t, compileSchema(t), b); err != nil {
		t.Errorf("the sample does not validate: %v", err)
	}
}

func TestParseTakesAndForAmpersand(t *testing.T) {
	var and [10]string
	for i, c := range owaspCategories {
		and[i] = strings.ReplaceAll(c, "&", "and")
	}
	res, err := Parse([]byte(owaspReport(and)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Card.Findings() {
		var i int
		fmt.Sscanf(f.Threat.AIVSS.ID, "VULN-%03d", &i)
		if got := f.Threat.AIVSS.Category.String(); got != owaspCategories[i-1] {
			t.Errorf("%s: %q, want %q", f.Threat.AIVSS.ID, got, owaspCategories[i-1])
		}
	}
	out, _, err := Marshal(res.Card, res.Metadata)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range normalized(t, out)["vulnerabilities"].(map[string]any) {
		v := x.(map[string]any)
		var i int
		fmt.Sscanf(v["id"].(string), "VULN-%03d", &i)
		if v["owasp_category"] != owaspCategories[i-1] {
			t.Errorf("%s is written %q, want the schema's %q", v["id"], v["owasp_category"], owaspCategories[i-1])
		}
	}
}

func TestParseFullReport(t *testing.T) {
	res, err := Parse([]byte(fullReport))
	if err != nil {
		t.Fatal(err)
	}
	c := res.Card
	if c.Summary != "System version: 2.1\n\nPilot deployment." {
		t.Errorf("summary %q", c.Summary)
	}
	if want := (Metadata{Date: "2026-08-01", Assessor: "sec-team", Link: "https://threatcard.example/#v2&e=v0.8"}); res.Metadata != want {
		t.Errorf("metadata %+v, want %+v", res.Metadata, want)
	}
	got := map[string]string{}
	for _, f := range c.Findings() {
		a := &f.Threat.AIVSS
		got[a.ID] = fmt.Sprintf("%v %q %q %s %v %v %v %s %s", f.Loc.Layer, f.Threat.Title, f.Threat.Description, a.CVSSVector, opt(a.CVSSScore), opt(a.ThM), opt(a.MF),
			f.Eval.Result.Score, f.Eval.Result.Severity)
	}
	want := map[string]string{
		"VULN-A": `L3 Agent Frameworks "Prompt relay between agents" "Agent B runs what agent A relays.\nSeen once." CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U unset 0.5 0.83 7.8 High`,
		"VULN-B": `L7 Agent Ecosystem "" ""  5.0 1.0 0.67 6.7 Medium`,
		"VULN-C": `L2 Data Operations "Unused plug-in" ""  0.0 0.97 1.0 0.0 None`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
