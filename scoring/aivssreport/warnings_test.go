package aivssreport

import (
	"reflect"
	"testing"
)

// zeroReport scores 0.0: a bare CVSS score of 0.0 and no factors.
const zeroReport = `{
  "metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"},
  "vulnerabilities": [{
    "id": "Z-1",
    "owasp_category": "Agent Untraceability",
    "cvss_base": {"vector_string": "", "score": 0.0},
    "amplification_factors": {"autonomy": 0, "tools": 0, "language": 0, "context": 0, "non_determinism": 0,
      "opacity": 0, "persistence": 0, "identity": 0, "multi_agent": 0, "self_mod": 0},
    "threat_multiplier": 0.97,
    "scores": {"factor_sum": 0, "aars": 0, "mitigation_factor": 1, "aivss": 0, "severity": "Low"}
  }]
}`

func TestParseWarnings(t *testing.T) {
	tests := []struct {
		name   string
		report string
		want   []Warning
	}{
		{"none", minimalReport, nil},
		{"the same numbers written otherwise", edit(t, `"factor_sum": 6.5, "aars": 0.44135, "mitigation_factor": 1.0, "aivss": 9.7`,
			`"factor_sum": 6.50, "aars": 4.4135e-1, "mitigation_factor": 1, "aivss": 97E-1`), nil},
		{"aivss", edit(t, `"aivss": 9.7`, `"aivss": 9.6`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "scores.aivss", Stated: "9.6", Computed: "9.7", Msg: "VULN-001: scores.aivss is 9.6; computed 9.7"}}},
		{"aars rounded", edit(t, `"aars": 0.44135`, `"aars": 0.44`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "scores.aars", Stated: "0.44", Computed: "0.44135", Msg: "VULN-001: scores.aars is 0.44; computed 0.44135"}}},
		{"factor_sum", edit(t, `"factor_sum": 6.5`, `"factor_sum": 6`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "scores.factor_sum", Stated: "6", Computed: "6.5", Msg: "VULN-001: scores.factor_sum is 6; computed 6.5"}}},
		{"cvss score", edit(t, `"score": 9.3`, `"score": 9.0`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "cvss_base.score", Stated: "9.0", Computed: "9.3", Msg: "VULN-001: cvss_base.score is 9.0; computed 9.3 from the vector"}}},
		{"severity", edit(t, `"severity": "Critical"`, `"severity": "High"`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "scores.severity", Stated: "High", Computed: "Critical", Msg: "VULN-001: scores.severity is High; computed Critical"}}},
		{"severity of 0.0", zeroReport, []Warning{
			{ID: "Z-1", Index: 0, Field: "scores.severity", Stated: "Low", Computed: "None", Msg: "Z-1: scores.severity is Low; computed None (a score of 0.0 has no band)"}}},
		{"all at once, in document order", edit(t, `"factor_sum": 6.5, "aars": 0.44135, "mitigation_factor": 1.0, "aivss": 9.7, "severity": "Critical"`,
			`"factor_sum": 7, "aars": 0.5, "mitigation_factor": 1.0, "aivss": 9.8, "severity": "High"`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "scores.factor_sum", Stated: "7", Computed: "6.5", Msg: "VULN-001: scores.factor_sum is 7; computed 6.5"},
			{ID: "VULN-001", Index: 0, Field: "scores.aars", Stated: "0.5", Computed: "0.44135", Msg: "VULN-001: scores.aars is 0.5; computed 0.44135"},
			{ID: "VULN-001", Index: 0, Field: "scores.aivss", Stated: "9.8", Computed: "9.7", Msg: "VULN-001: scores.aivss is 9.8; computed 9.7"},
			{ID: "VULN-001", Index: 0, Field: "scores.severity", Stated: "High", Computed: "Critical", Msg: "VULN-001: scores.severity is High; computed Critical"}}},
		{"unknown fields", edit(t, `"id": "VULN-001",`, `"id": "VULN-001", "cwe": "CWE-94",`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "cwe", Msg: "VULN-001: cwe is not a field of an Appendix A report; ignored"}}},
		{"unknown fields everywhere", edit(t, `{
  "metadata": {"system_name": "S",`, `{"$schema": "x", "generator": {"name": "tool"},
  "metadata": {"contact": "a@b", "system_name": "S",`), []Warning{
			{Index: -1, Field: "generator", Msg: "generator is not a field of an Appendix A report; ignored"},
			{Index: -1, Field: "metadata.contact", Msg: "metadata.contact is not a field of an Appendix A report; ignored"}}},
		{"unknown nested fields", edit(t, `"score": 9.3}`, `"score": 9.3, "version": "4.0"}`), []Warning{
			{ID: "VULN-001", Index: 0, Field: "cvss_base.version", Msg: "VULN-001: cvss_base.version is not a field of an Appendix A report; ignored"}}},
		{"odd key", edit(t, `"aivss": 9.7,`, `"aivss": 9.7, "raw score": 9.74135,`), []Warning{
			{ID: "VULN-001", Index: 0, Field: `scores["raw score"]`, Msg: `VULN-001: scores["raw score"] is not a field of an Appendix A report; ignored`}}},
	}
	for _, tt := range tests {
		res, err := Parse([]byte(tt.report))
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if !reflect.DeepEqual(res.Warnings, tt.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tt.name, res.Warnings, tt.want)
		}
	}
}

// TestParseKeepsInputsOverStatedScores checks that a card made from a
// report with wrong stated scores scores from the report's inputs.
func TestParseKeepsInputsOverStatedScores(t *testing.T) {
	res, err := Parse([]byte(edit(t, `"aivss": 9.7`, `"aivss": 5.0`)))
	if err != nil {
		t.Fatal(err)
	}
	fs := res.Card.Findings()
	if len(fs) != 1 || fs[0].Eval.Result.Score != "9.7" {
		t.Errorf("findings %+v", fs)
	}
}
