//go:build !wasm

package main

import (
	"bytes"
	"strings"
	"testing"

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
