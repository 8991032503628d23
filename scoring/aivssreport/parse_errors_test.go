package aivssreport

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// edit returns minimalReport with old replaced by new, once.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(minimalReport, old) {
		t.Fatalf("%q is not in the minimal report", old)
	}
	return strings.Replace(minimalReport, old, new, 1)
}

// manyVulnerabilities is a report with n copies of minimalReport's
// vulnerability, with ids V00, V01, … and descriptions of desc
// characters.
func manyVulnerabilities(n, desc int) string {
	start := strings.Index(minimalReport, "[{") + 1
	end := strings.LastIndex(minimalReport, "}]") + 1
	one := minimalReport[start:end]
	var vs []string
	for i := range n {
		v := strings.Replace(one, `"VULN-001"`, fmt.Sprintf(`"V%02d", "description": %q`, i, strings.Repeat("d", desc)), 1)
		vs = append(vs, v)
	}
	return minimalReport[:start] + strings.Join(vs, ",") + minimalReport[end:]
}

func TestParseRefusesBadReports(t *testing.T) {
	const vector = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"
	categories := `"Agentic AI Tool Misuse", "Agent Access Control Violation", "Agent Cascading Failures", ` +
		`"Agent Orchestration & Multi-Agent Exploitation", "Agent Identity Impersonation", "Agent Memory & Context Manipulation", ` +
		`"Insecure Agent Critical Systems Interaction", "Agent Supply Chain & Dependency Risk", "Agent Untraceability", ` +
		`"Agent Goal & Instruction Manipulation" (or with "and" for "&")`
	tests := []struct {
		name   string
		report string
		want   string
		id     string
		index  int
		path   string
	}{
		{"not JSON", `{"metadata": `, "not valid JSON: the document ends early, at byte 13 (line 1)", "", -1, ""},
		{"data after", minimalReport + "\n{}", fmt.Sprintf("more data after the JSON document, at byte %d (line 13)", len(minimalReport)+1), "", -1, ""},
		{"too big", `{"x": "` + strings.Repeat("a", MaxSize) + `"}`, "the document is 1048585 bytes; the limit is 1048576", "", -1, ""},
		{"not an object", `[]`, "the report is an array; an Appendix A report is an object with metadata and vulnerabilities", "", -1, ""},
		{"duplicate key", edit(t, `"threat_multiplier": 0.97,`, `"threat_multiplier": 0.97, "threat_multiplier": 1.0,`),
			"vulnerabilities[0].threat_multiplier is refused: duplicate field (line 9)", "", 0, "vulnerabilities[0].threat_multiplier"},
		{"no metadata", edit(t, `"metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"},`, ``),
			"metadata is missing; Appendix A requires it", "", -1, "metadata"},
		{"no vulnerabilities", `{"metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"}}`,
			"vulnerabilities is missing; Appendix A requires it", "", -1, "vulnerabilities"},
		{"vulnerabilities an object", `{"metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"}, "vulnerabilities": {}}`,
			"vulnerabilities is an object, not an array", "", -1, "vulnerabilities"},
		{"metadata null", edit(t, `"metadata": {"system_name": "S", "assessment_date": "2026-03-18", "assessor_id": "A"}`, `"metadata": null`),
			"metadata is null, not an object", "", -1, "metadata"},
		{"no system_name", edit(t, `"system_name": "S", `, ``), "metadata.system_name is missing; Appendix A requires it", "", -1, "metadata.system_name"},
		{"system_name too long", edit(t, `"system_name": "S"`, `"system_name": "`+strings.Repeat("n", 201)+`"`),
			"metadata.system_name has 201 characters; the limit is 200", "", -1, "metadata.system_name"},
		{"system_name two lines", edit(t, `"system_name": "S"`, `"system_name": "S\nT"`),
			"metadata.system_name contains the control character U+000A", "", -1, "metadata.system_name"},
		{"no date", edit(t, `"assessment_date": "2026-03-18", `, ``), "metadata.assessment_date is missing; Appendix A requires it", "", -1, "metadata.assessment_date"},
		{"bad date", edit(t, `2026-03-18`, `18/03/2026`),
			`metadata.assessment_date is "18/03/2026"; Appendix A takes a calendar date written YYYY-MM-DD`, "", -1, "metadata.assessment_date"},
		{"no such day", edit(t, `2026-03-18`, `2026-02-29`),
			`metadata.assessment_date is "2026-02-29"; Appendix A takes a calendar date written YYYY-MM-DD`, "", -1, "metadata.assessment_date"},
		{"assessor a number", edit(t, `"assessor_id": "A"`, `"assessor_id": 7`), "metadata.assessor_id is a number, not a string", "", -1, "metadata.assessor_id"},
		{"assessor too long", edit(t, `"assessor_id": "A"`, `"assessor_id": "`+strings.Repeat("a", 201)+`"`),
			"metadata.assessor_id has 201 characters; the limit is 200", "", -1, "metadata.assessor_id"},
		{"assessor two lines", edit(t, `"assessor_id": "A"`, `"assessor_id": "A\nB"`),
			"metadata.assessor_id contains a line break or another control character; an assessor id is one line", "", -1, "metadata.assessor_id"},
		{"link line with a tab", edit(t, `"assessor_id": "A"`, `"assessor_id": "A", "notes": "threatcard link: a\tb"`),
			"metadata.notes goes into the card's summary, which contains the control character U+0009", "", -1, "metadata.notes"},
		{"notes too long", edit(t, `"assessor_id": "A"`, `"assessor_id": "A", "notes": "`+strings.Repeat("n", 2001)+`"`),
			"metadata.notes goes into the card's summary, which has 2001 characters; the limit is 2000", "", -1, "metadata.notes"},
		{"version and notes too long", edit(t, `"assessor_id": "A"`, `"assessor_id": "A", "system_version": "1", "notes": "`+strings.Repeat("n", 1982)+`"`),
			// "System version: 1", a blank line, the notes: 17 + 2 + 1982.
			"metadata.notes goes into the card's summary, which has 2001 characters; the limit is 2000", "", -1, "metadata.notes"},
		{"version too long", edit(t, `"assessor_id": "A"`, `"assessor_id": "A", "system_version": "`+strings.Repeat("v", 1990)+`"`),
			"metadata.system_version goes into the card's summary, which has 2006 characters; the limit is 2000", "", -1, "metadata.system_version"},
		{"version two lines", edit(t, `"assessor_id": "A"`, `"assessor_id": "A", "system_version": "1\n2"`),
			"metadata.system_version contains a line break or another control character; the card keeps the version on the first line of its summary", "", -1, "metadata.system_version"},
		{"notes with a tab", edit(t, `"assessor_id": "A"`, `"assessor_id": "A", "notes": "a\tb"`),
			"metadata.notes goes into the card's summary, which contains the control character U+0009", "", -1, "metadata.notes"},
		{"vulnerability a number", edit(t, `"vulnerabilities": [{`, `"vulnerabilities": [1, {`), "vulnerabilities[0] is a number, not an object", "", 0, "vulnerabilities[0]"},
		{"no id", edit(t, `"id": "VULN-001",`, ``), "vulnerabilities[0].id is missing; Appendix A requires it", "", 0, "vulnerabilities[0].id"},
		{"id a number", edit(t, `"id": "VULN-001"`, `"id": 1`), "vulnerabilities[0].id is a number, not a string", "", 0, "vulnerabilities[0].id"},
		{"id empty", edit(t, `"id": "VULN-001"`, `"id": ""`), "vulnerabilities[0].id is empty; a finding needs an id", "", 0, "vulnerabilities[0].id"},
		{"id spaced", edit(t, `"id": "VULN-001"`, `"id": "VULN-001 "`), "vulnerabilities[0].id begins or ends with a space", "", 0, "vulnerabilities[0].id"},
		{"id too long", edit(t, `"id": "VULN-001"`, `"id": "`+strings.Repeat("i", 65)+`"`), "vulnerabilities[0].id has 65 characters; the limit is 64", "", 0, "vulnerabilities[0].id"},
		{"id duplicated", strings.Replace(manyVulnerabilities(3, 1), `"V02"`, `"V00"`, 1),
			"V00: id is also the id of vulnerabilities[0]; each vulnerability has its own", "V00", 2, "vulnerabilities[2].id"},
		{"title null", edit(t, `"id": "VULN-001",`, `"id": "VULN-001", "title": null,`), "VULN-001: title is null, not a string", "VULN-001", 0, "vulnerabilities[0].title"},
		{"title two lines", edit(t, `"id": "VULN-001",`, `"id": "VULN-001", "title": "a\nb",`),
			"VULN-001: title contains the control character U+000A", "VULN-001", 0, "vulnerabilities[0].title"},
		{"description too long", edit(t, `"id": "VULN-001",`, `"id": "VULN-001", "description": "`+strings.Repeat("d", 2001)+`",`),
			"VULN-001: description has 2001 characters; the limit is 2000", "VULN-001", 0, "vulnerabilities[0].description"},
		{"no category", edit(t, `"owasp_category": "Agent Supply Chain & Dependency Risk",`, ``),
			"VULN-001: owasp_category is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].owasp_category"},
		{"bad category", edit(t, `"Agent Supply Chain & Dependency Risk"`, `"Supply Chain Risk"`),
			`VULN-001: owasp_category is "Supply Chain Risk", which is not one of the ten OWASP core risks: ` + categories, "VULN-001", 0, "vulnerabilities[0].owasp_category"},
		{"category in lower case", edit(t, `"Agent Supply Chain & Dependency Risk"`, `"agent supply chain & dependency risk"`),
			`VULN-001: owasp_category is "agent supply chain & dependency risk", which is not one of the ten OWASP core risks: ` + categories, "VULN-001", 0, "vulnerabilities[0].owasp_category"},
		{"no cvss_base", edit(t, `"cvss_base": {"vector_string": "`+vector+`", "score": 9.3},`, ``),
			"VULN-001: cvss_base is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].cvss_base"},
		{"no vector_string", edit(t, `"vector_string": "`+vector+`", `, ``),
			"VULN-001: cvss_base.vector_string is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].cvss_base.vector_string"},
		{"CVSS v3.1", edit(t, vector, `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H`),
			`VULN-001: cvss_base.vector_string is not a CVSS v4.0 vector: "CVSS:3.1" is not CVSS v4.0; the vector must start with "CVSS:4.0/"`, "VULN-001", 0, "vulnerabilities[0].cvss_base.vector_string"},
		{"vector cut short", edit(t, vector, `CVSS:4.0/AV:N/AC:L`),
			`VULN-001: cvss_base.vector_string is not a CVSS v4.0 vector: mandatory Base metric AT is missing at the end, after AC; the 11 Base metrics AV, AC, AT, PR, UI, VC, VI, VA, SC, SI, SA are mandatory, in this order`, "VULN-001", 0, "vulnerabilities[0].cvss_base.vector_string"},
		{"E contradicts ThM", edit(t, vector, vector+`/E:U`),
			"VULN-001: threat_multiplier is 0.97, but the Exploit Maturity E:U of cvss_base.vector_string makes it 0.50 (Unreported); the two must agree", "VULN-001", 0, "vulnerabilities[0].threat_multiplier"},
		{"score a string", edit(t, `"score": 9.3`, `"score": "9.3"`), "VULN-001: cvss_base.score is a string, not a number", "VULN-001", 0, "vulnerabilities[0].cvss_base.score"},
		{"score above 10", edit(t, `"score": 9.3`, `"score": 10.5`), "VULN-001: cvss_base.score is 10.5; a CVSS v4.0 base score is 0.0 to 10.0", "VULN-001", 0, "vulnerabilities[0].cvss_base.score"},
		{"bare score with two decimals", edit(t, `"`+vector+`", "score": 9.3`, `"", "score": 9.35`),
			"VULN-001: cvss_base.score is 9.35; with no vector_string the score is the CVSS input, a base score with one decimal", "VULN-001", 0, "vulnerabilities[0].cvss_base.score"},
		{"no amplification_factors", edit(t, `"amplification_factors": {"autonomy": 1.0, "tools": 1.0, "language": 0.0, "context": 0.0, "non_determinism": 1.0,
      "opacity": 1.0, "persistence": 0.5, "identity": 1.0, "multi_agent": 1.0, "self_mod": 0.0},`, ``),
			"VULN-001: amplification_factors is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].amplification_factors"},
		{"factor 0.7", edit(t, `"tools": 1.0`, `"tools": 0.7`), "VULN-001: amplification_factors.tools is 0.7; a factor is 0.0, 0.5 or 1.0", "VULN-001", 0, "vulnerabilities[0].amplification_factors.tools"},
		{"factor 2", edit(t, `"tools": 1.0`, `"tools": 2`), "VULN-001: amplification_factors.tools is 2; a factor is 0.0, 0.5 or 1.0", "VULN-001", 0, "vulnerabilities[0].amplification_factors.tools"},
		{"factor -0.5", edit(t, `"tools": 1.0`, `"tools": -0.5`), "VULN-001: amplification_factors.tools is -0.5; a factor is 0.0, 0.5 or 1.0", "VULN-001", 0, "vulnerabilities[0].amplification_factors.tools"},
		{"factor a string", edit(t, `"tools": 1.0`, `"tools": "1.0"`), "VULN-001: amplification_factors.tools is a string, not a number", "VULN-001", 0, "vulnerabilities[0].amplification_factors.tools"},
		{"factor missing", edit(t, `, "self_mod": 0.0`, ``), "VULN-001: amplification_factors.self_mod is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].amplification_factors.self_mod"},
		{"no threat_multiplier", edit(t, `"threat_multiplier": 0.97,`, ``), "VULN-001: threat_multiplier is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].threat_multiplier"},
		{"TM 0.9", edit(t, `"threat_multiplier": 0.97`, `"threat_multiplier": 0.9`),
			"VULN-001: threat_multiplier is 0.9; the threat multiplier is 1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.50 (Unreported)", "VULN-001", 0, "vulnerabilities[0].threat_multiplier"},
		{"no scores", edit(t, `,
    "scores": {"factor_sum": 6.5, "aars": 0.44135, "mitigation_factor": 1.0, "aivss": 9.7, "severity": "Critical"}`, ``),
			"VULN-001: scores is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].scores"},
		{"no aars", edit(t, `"aars": 0.44135, `, ``), "VULN-001: scores.aars is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].scores.aars"},
		{"no mitigation_factor", edit(t, `"mitigation_factor": 1.0, `, ``), "VULN-001: scores.mitigation_factor is missing; Appendix A requires it", "VULN-001", 0, "vulnerabilities[0].scores.mitigation_factor"},
		{"MF 0.5", edit(t, `"mitigation_factor": 1.0`, `"mitigation_factor": 0.5`),
			"VULN-001: scores.mitigation_factor is 0.5; the mitigation factor is 1.00 (None), 0.83 (Partial) or 0.67 (Strong)", "VULN-001", 0, "vulnerabilities[0].scores.mitigation_factor"},
		{"MF 0.75", edit(t, `"mitigation_factor": 1.0`, `"mitigation_factor": 0.75`),
			"VULN-001: scores.mitigation_factor is 0.75; Appendix A allows 0.67 to 1.0, but OWASP AIVSS v0.8 (Table 4b) scores with 1.00 (None), 0.83 (Partial) or 0.67 (Strong) only", "VULN-001", 0, "vulnerabilities[0].scores.mitigation_factor"},
		{"aivss negative", edit(t, `"aivss": 9.7`, `"aivss": -1`), "VULN-001: scores.aivss is -1; Appendix A bounds it to 0.0 to 10.0", "VULN-001", 0, "vulnerabilities[0].scores.aivss"},
		{"factor_sum 10.5", edit(t, `"factor_sum": 6.5`, `"factor_sum": 10.5`), "VULN-001: scores.factor_sum is 10.5; Appendix A bounds it to 0.0 to 10.0", "VULN-001", 0, "vulnerabilities[0].scores.factor_sum"},
		{"severity None", edit(t, `"severity": "Critical"`, `"severity": "None"`),
			`VULN-001: scores.severity is "None"; the severity is Low, Medium, High or Critical, and left out for a score of 0.0`, "VULN-001", 0, "vulnerabilities[0].scores.severity"},
		{"severity in lower case", edit(t, `"severity": "Critical"`, `"severity": "critical"`),
			`VULN-001: scores.severity is "critical"; the severity is Low, Medium, High or Critical, and left out for a score of 0.0`, "VULN-001", 0, "vulnerabilities[0].scores.severity"},
		{"too many vulnerabilities", manyVulnerabilities(101, 1), "vulnerabilities has 101 vulnerabilities; a card holds at most 100 threats", "", -1, "vulnerabilities"},
		// 31 × (3 characters of id + 2000 of description) + 1 of title.
		{"too much text", manyVulnerabilities(31, 2000), "the report has 62094 characters of text in all; the limit is 60000", "", -1, ""},
	}
	for _, tt := range tests {
		res, err := Parse([]byte(tt.report))
		if err == nil {
			t.Errorf("%s: accepted: %+v", tt.name, res)
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: %T %v", tt.name, err, err)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("%s:\ngot  %s\nwant %s", tt.name, err, tt.want)
		}
		if e.ID != tt.id || e.Index != tt.index || e.Path != tt.path {
			t.Errorf("%s: ID %q Index %d Path %q, want %q %d %q", tt.name, e.ID, e.Index, e.Path, tt.id, tt.index, tt.path)
		}
	}
}

func TestManyVulnerabilitiesWithinLimits(t *testing.T) {
	res, err := Parse([]byte(manyVulnerabilities(100, 500)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Card.Findings()); n != 100 {
		t.Errorf("%d findings", n)
	}
}
