//go:build !wasm

package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestEditionsCommand(t *testing.T) {
	var out, errOut bytes.Buffer
	if status := run([]string{"editions"}, strings.NewReader(""), &out, &errOut); status != 0 {
		t.Fatalf("exit status %d, stderr %q", status, errOut.String())
	}
	// Lines the output must hold: each edition's heading, its factors in
	// order (first and last), the value grid and the ThM / MF choices, as
	// the sources give them (v0.8 Tables 1, 4a, 4b; v0.5 §3.1 and its
	// reference calculator; the cards).
	want := []string{
		"v0.8: OWASP AIVSS v0.8 (2026-03, current, the default)",
		"  factors, in order, each 0 (None), 0.5 (Partial), 1 (Full):",
		"   1  autonomy                   Execution Autonomy",
		"  10  self_mod                   Self-Modification",
		"  thm: 1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.50 (Unreported); default 0.97",
		"  mf:  1.00 (None), 0.83 (Partial) or 0.67 (Strong); default 1.00",
		"    AIVSS = RoundHalfUp((CVSS + AARS) × MF, 1)",
		"v0.5: OWASP AIVSS v0.5 (2025-07, archived)",
		"   1  autonomy_of_action         Autonomy of Action",
		"  10  opacity_and_reflexivity    Opacity and Reflexivity",
		"  thm: 1.00 (Attacked), 0.97 (Proof-of-Concept) or 0.91 (Unreported); default 0.97",
		"  mf:  none in this edition (leave it out, or give 1)",
		"    AIVSS = ((CVSS + AARS) / 2) × ThM",
		"card: AgentReady threat-model cards (2026, published cards)",
		"  factors, in order, each any value from 0 to 1 with at most two decimals:",
		"   4  tool_use                   Dynamic Tool Use",
		"  10  opacity_and_reflexivity    Opacity & Reflexivity",
		"  thm: 0 to 2; default 1.00",
		"  mf:  0 to 1; default 1.00",
	}
	lines := strings.Split(out.String(), "\n")
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("missing line %q", w)
		}
	}
	if i, j, k := strings.Index(out.String(), "\nv0.5:"), strings.Index(out.String(), "\ncard:"), strings.Index(out.String(), "v0.8:"); !(k == 0 && k < i && i < j) {
		t.Errorf("editions not in the order v0.8, v0.5, card:\n%s", out.String())
	}
}

func TestEditionsCommandUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if status := run([]string{"editions", "v0.8"}, strings.NewReader(""), &out, &errOut); status != 2 {
		t.Errorf("exit status %d for an argument, want 2", status)
	}
	if status := run([]string{"help"}, strings.NewReader(""), &out, &errOut); status != 0 ||
		!strings.Contains(errOut.String(), "  score ") || !strings.Contains(errOut.String(), "  editions ") {
		t.Errorf("score and editions not listed in help: %q", errOut.String())
	}
}
