//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// scenariosLink is a v0.8 card holding the ten OWASP AIVSS v0.8 worked
// examples as findings, plus one finding that is not scored yet.
func scenariosLink(t *testing.T) string {
	t.Helper()
	c := &card.Card{Title: "Scenarios", AIVSS: card.Inputs{Edition: "v0.8"}}
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	c.MAESTRO.CrossLayer = []maestro.Threat{{Title: "Unscored", AIVSS: maestro.Assessment{ID: "F-011",
		CVSSScore: decimal.Some(decimal.FromInt(5))}}}
	l, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestFindingsCommand(t *testing.T) {
	l := scenariosLink(t)
	// The printed AIVSS of §3.6.1–3.6.10 (research note aivss-v08-report.md
	// §2.1), highest first; F-008 (under L2) before F-002 (under L4) at
	// 9.7, in card order.
	want := strings.Join([]string{
		"F-004 10.0 Critical Agent Orchestration & Multi-Agent Exploitation — Agent Orchestration and Multi-Agent Exploitation",
		"F-001 9.9 Critical Agentic AI Tool Misuse — Agentic AI Tool Misuse",
		"F-008 9.7 Critical Agent Supply Chain & Dependency Risk — Agent Supply Chain and Dependency Risk",
		"F-002 9.7 Critical Agent Access Control Violation — Agent Access Control Violation",
		"F-003 9.4 Critical Agent Cascading Failures — Agent Cascading Failures",
		"F-005 9.3 Critical Agent Identity Impersonation — Agent Identity Impersonation",
		"F-007 9.2 Critical Insecure Agent Critical Systems Interaction — Insecure Agent Critical Systems Interaction",
		"F-006 8.9 High Agent Memory & Context Manipulation — Agent Memory and Context Manipulation",
		"F-009 8.3 High Agent Untraceability — Agent Untraceability",
		"F-010 7.1 High Agent Goal & Instruction Manipulation — Agent Goal and Instruction Manipulation",
	}, "\n") + "\n"
	tests := []struct {
		name           string
		args           []string
		stdout, stderr string
		status         int
	}{
		{"the scenarios highest first", []string{l}, want,
			"threatcard findings: F-011 is not scored: needs 10 of 10 factors, ThM, MF\n", 0},
		{"a whole URL", []string{"https://tc.example/#" + l}, want, "", 0},
		{"a bad link", []string{"v2&e=v0.9"}, "", "threatcard findings: ", 1},
		{"no link", nil, "", "give the card's LINK", 2},
		{"two links", []string{l, l}, "", "one LINK only", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(append([]string{"findings"}, tt.args...), strings.NewReader(""), &stdout, &stderr)
			if status != tt.status {
				t.Errorf("status %d, want %d (stderr %q)", status, tt.status, stderr.String())
			}
			if stdout.String() != tt.stdout {
				t.Errorf("stdout:\n%s\nwant:\n%s", stdout.String(), tt.stdout)
			}
			if tt.stderr != "" && !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q, want it to contain %q", stderr.String(), tt.stderr)
			}
		})
	}
}

// TestExportAIVSSReport checks the report export of the scenarios' card
// end to end: the highest finding first with its printed score, the
// metadata from the flags and the card, the link in the notes, and the
// finding that is not scored named on stderr.
func TestExportAIVSSReport(t *testing.T) {
	l := scenariosLink(t)
	var stdout, stderr bytes.Buffer
	status := run([]string{"export", "https://tc.example/#" + l, "--format", "aivss-report", "--date", "2026-12-01", "--assessor", "alice"},
		strings.NewReader(""), &stdout, &stderr)
	if status != 0 {
		t.Fatalf("status %d: %s", status, stderr.String())
	}
	var doc struct {
		Metadata struct {
			SystemName     string `json:"system_name"`
			AssessmentDate string `json:"assessment_date"`
			AssessorID     string `json:"assessor_id"`
			Notes          string `json:"notes"`
		} `json:"metadata"`
		Vulnerabilities []struct {
			ID       string `json:"id"`
			Category string `json:"owasp_category"`
			Scores   struct {
				AIVSS    json.Number `json:"aivss"`
				Severity string      `json:"severity"`
			} `json:"scores"`
		} `json:"vulnerabilities"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout.String())
	}
	md := doc.Metadata
	if md.SystemName != "Scenarios" || md.AssessmentDate != "2026-12-01" || md.AssessorID != "alice" ||
		!strings.Contains(md.Notes, "https://tc.example/#"+l) {
		t.Errorf("metadata %+v", md)
	}
	if len(doc.Vulnerabilities) != 10 {
		t.Fatalf("%d vulnerabilities, want the 10 scored", len(doc.Vulnerabilities))
	}
	first := doc.Vulnerabilities[0]
	if first.ID != "F-004" || first.Category != "Agent Orchestration & Multi-Agent Exploitation" ||
		first.Scores.AIVSS != "10" && first.Scores.AIVSS != "10.0" || first.Scores.Severity != "Critical" {
		t.Errorf("first vulnerability %+v, want F-004 at 10.0 Critical", first)
	}
	if !strings.Contains(stderr.String(), "F-011") {
		t.Errorf("stderr %q does not name the unscored finding F-011", stderr.String())
	}
}

func TestExportAIVSSReportFlags(t *testing.T) {
	l := scenariosLink(t)
	tests := []struct {
		name   string
		args   []string
		stderr string
		status int
	}{
		{"a date that is not one", []string{"--format", "aivss-report", "--date", "2026-13-01"}, `--date "2026-13-01" is not a date written YYYY-MM-DD`, 2},
		{"an empty assessor", []string{"--format", "aivss-report", "--assessor", ""}, "--assessor is empty", 2},
		{"--date without the report", []string{"--format", "json", "--date", "2026-12-01"}, "--date and --assessor are for --format aivss-report", 2},
		{"a card that is not v0.8", nil, "v0.8", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"export", l}, tt.args...)
			if tt.args == nil {
				args = []string{"export", exportLink, "--format", "aivss-report"}
				args[1] = strings.Replace(exportLink, "e=v0.8", "e=card", 1)
			}
			var stdout, stderr bytes.Buffer
			if status := run(args, strings.NewReader(""), &stdout, &stderr); status != tt.status || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("status %d, stderr %q; want %d and %q", status, stderr.String(), tt.status, tt.stderr)
			}
		})
	}
	// Without --date the report is dated today.
	var stdout, stderr bytes.Buffer
	before := time.Now().Format(time.DateOnly)
	run([]string{"export", l, "--format", "aivss-report"}, strings.NewReader(""), &stdout, &stderr)
	after := time.Now().Format(time.DateOnly)
	if !strings.Contains(stdout.String(), `"assessment_date": "`+before+`"`) && !strings.Contains(stdout.String(), `"assessment_date": "`+after+`"`) {
		t.Errorf("no assessment_date of today (%s) in\n%s", before, stdout.String())
	}
}

// TestImportAnOWASPReport reads the ten §3.6 examples as an Appendix A
// report: the link it prints carries them (findings lists them with
// their printed scores), a stated score that differs is a warning, and a
// bad report exits 1 naming the vulnerability and the field.
func TestImportAnOWASPReport(t *testing.T) {
	data, err := os.ReadFile("../../scoring/aivssreport/testdata/owasp-v0.8-examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if status := run([]string{"import", "-"}, bytes.NewReader(data), &stdout, &stderr); status != 0 || stderr.Len() != 0 {
		t.Fatalf("status %d, stderr %q", status, stderr.String())
	}
	l := strings.TrimSpace(stdout.String())
	stdout.Reset()
	if status := run([]string{"findings", l}, strings.NewReader(""), &stdout, &stderr); status != 0 {
		t.Fatalf("findings: status %d, stderr %q", status, stderr.String())
	}
	if first, _, _ := strings.Cut(stdout.String(), "\n"); first != "VULN-004 10.0 Critical Agent Orchestration & Multi-Agent Exploitation — Agent Orchestration and Multi-Agent Exploitation" {
		t.Errorf("first finding %q", first)
	}
	if n := strings.Count(stdout.String(), "\n"); n != 10 {
		t.Errorf("%d findings, want 10", n)
	}

	stdout.Reset()
	stated := strings.Replace(string(data), `"aivss": 9.9,`, `"aivss": 9.6,`, 1)
	if status := run([]string{"import"}, strings.NewReader(stated), &stdout, &stderr); status != 0 ||
		!strings.Contains(stderr.String(), "threatcard import: warning: VULN-001") {
		t.Errorf("a stated 9.6 for a computed 9.9: status %d, stderr %q", status, stderr.String())
	}

	stderr.Reset()
	bad := strings.Replace(string(data), `"threat_multiplier": 0.97`, `"threat_multiplier": 0.9`, 1)
	if status := run([]string{"import"}, strings.NewReader(bad), &stdout, &stderr); status != 1 ||
		!strings.Contains(stderr.String(), "VULN-001: threat_multiplier") {
		t.Errorf("a ThM of 0.9: status %d, stderr %q", status, stderr.String())
	}
}
