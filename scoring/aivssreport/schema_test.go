package aivssreport

import (
	"strings"
	"testing"
)

// minimalReport is the smallest report with one vulnerability that
// Appendix A takes, written by hand (§3.6.8's numbers).
const minimalReport = `{
  "metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"},
  "vulnerabilities": [{
    "id": "VULN-001",
    "owasp_category": "Agent Supply Chain & Dependency Risk",
    "cvss_base": {"vector_string": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", "score": 9.3},
    "amplification_factors": {"autonomy": 1.0, "tools": 1.0, "language": 0.0, "context": 0.0, "non_determinism": 1.0,
      "opacity": 1.0, "persistence": 0.5, "identity": 1.0, "multi_agent": 1.0, "self_mod": 0.0},
    "threat_multiplier": 0.97,
    "scores": {"factor_sum": 6.5, "aars": 0.44135, "mitigation_factor": 1.0, "aivss": 9.7, "severity": "Critical"}
  }]
}`

// TestSchemaAsTranscribed checks the schema against research note
// aivss-v08-report.md §1: what it requires, its enums and bounds, and
// that, like Appendix A, it allows fields it does not name.
func TestSchemaAsTranscribed(t *testing.T) {
	s := compileSchema(t)
	if err := validate(t, s, []byte(minimalReport)); err != nil {
		t.Fatalf("the minimal report does not validate: %v", err)
	}
	valid := map[string][2]string{
		"unknown keys everywhere":   {`"metadata": {`, `"metadata": {"x": [1], `},
		"unknown vulnerability key": {`"id": "VULN-001",`, `"id": "VULN-001", "cwe": "CWE-94",`},
		"numbers as integers":       {`"autonomy": 1.0`, `"autonomy": 1`},
		"TM 0.5":                    {`0.97,`, `0.50,`},
		"TM 1":                      {`0.97,`, `1,`},
		"MF between the levels":     {`"mitigation_factor": 1.0`, `"mitigation_factor": 0.75`},
		"MF at the floor":           {`"mitigation_factor": 1.0`, `"mitigation_factor": 0.67`},
		"no severity":               {`, "severity": "Critical"`, ``},
		"empty vector":              {`"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"`, `""`},
		"no vulnerabilities":        {`"vulnerabilities": [{`, `"vulnerabilities": [], "x": [{`},
		"optional metadata":         {`"assessor_id": "A"`, `"assessor_id": "A", "system_version": "1", "notes": "n"`},
		"optional text":             {`"id": "VULN-001",`, `"id": "VULN-001", "title": "t", "description": "d",`},
		"score 10":                  {`"score": 9.3`, `"score": 10`},
	}
	for name, r := range valid {
		doc := strings.Replace(minimalReport, r[0], r[1], 1)
		if doc == minimalReport {
			t.Fatalf("%s: %q not found", name, r[0])
		}
		if err := validate(t, s, []byte(doc)); err != nil {
			t.Errorf("%s: refused: %v", name, err)
		}
	}
	invalid := map[string][2]string{
		"no metadata":         {`"metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"},`, ``},
		"no system_name":      {`"system_name": "S", `, ``},
		"no assessment_date":  {`"assessment_date": "2026-03-18", `, ``},
		"no assessor_id":      {`, "assessor_id": "A"`, ``},
		"bad date":            {`2026-03-18`, `18/03/2026`},
		"no id":               {`"id": "VULN-001",`, ``},
		"id a number":         {`"id": "VULN-001"`, `"id": 1`},
		"no category":         {`"owasp_category": "Agent Supply Chain & Dependency Risk",`, ``},
		"category with and":   {`Supply Chain &`, `Supply Chain and`},
		"no vector":           {`"vector_string": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", `, ``},
		"score above 10":      {`"score": 9.3`, `"score": 10.1`},
		"score a string":      {`"score": 9.3`, `"score": "9.3"`},
		"factor 0.7":          {`"autonomy": 1.0`, `"autonomy": 0.7`},
		"no self_mod":         {`, "self_mod": 0.0`, ``},
		"TM 0.9":              {`0.97,`, `0.9,`},
		"no TM":               {`"threat_multiplier": 0.97,`, ``},
		"MF 0.5":              {`"mitigation_factor": 1.0`, `"mitigation_factor": 0.5`},
		"MF 1.1":              {`"mitigation_factor": 1.0`, `"mitigation_factor": 1.1`},
		"no MF":               {`"mitigation_factor": 1.0, `, ``},
		"no aars":             {`"aars": 0.44135, `, ``},
		"aivss negative":      {`"aivss": 9.7`, `"aivss": -0.1`},
		"severity None":       {`"Critical"`, `"None"`},
		"factor_sum 10.5":     {`"factor_sum": 6.5`, `"factor_sum": 10.5`},
		"vulnerabilities {}":  {`"vulnerabilities": [{`, `"vulnerabilities": {"x": {`},
		"vulnerability array": {`"vulnerabilities": [{`, `"vulnerabilities": [[], {`},
	}
	for name, r := range invalid {
		doc := strings.Replace(minimalReport, r[0], r[1], 1)
		if name == "vulnerabilities {}" {
			doc = strings.Replace(doc, "}]\n}", "}}\n}", 1)
		}
		if doc == minimalReport {
			t.Fatalf("%s: %q not found", name, r[0])
		}
		if err := validate(t, s, []byte(doc)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
