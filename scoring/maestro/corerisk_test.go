package maestro_test

import (
	"slices"
	"testing"

	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Appendix B, Table 7 ([OCR] p94–p95): the primary core risk of each ASI
// entry, by the names printed there.
func TestTheASIEntriesMapToTheirPrimaryRisk(t *testing.T) {
	want := []string{
		"Agent Goal and Instruction Manipulation", "Agentic AI Tool Misuse", "Agent Access Control Violation",
		"Agent Supply Chain and Dependency Risk", "Agentic AI Tool Misuse", "Agent Memory and Context Manipulation",
		"Agent Orchestration and Multi-Agent Exploitation", "Agent Cascading Failures", "Agent Identity Impersonation",
		"Agent Access Control Violation",
	}
	for i, name := range want {
		r, ok := maestro.ASI(i + 1).CoreRisk()
		if w, _ := corerisk.Parse(name); !ok || r != w {
			t.Errorf("ASI%02d → %v, want %s", i+1, r, name)
		}
	}
	if _, ok := maestro.ASI(0).CoreRisk(); ok {
		t.Error("no ASI code has a primary risk")
	}
}

// Appendix C, Table 8 ([OCR] p96): two core risks per MAESTRO layer.
func TestTheLayersListTheirRisks(t *testing.T) {
	want := [][2]string{
		{"Agent Goal and Instruction Manipulation", "Agent Untraceability"},
		{"Agent Memory and Context Manipulation", "Agent Supply Chain and Dependency Risk"},
		{"Agent Orchestration and Multi-Agent Exploitation", "Agent Cascading Failures"},
		{"Insecure Agent Critical Systems Interaction", "Agent Access Control Violation"},
		{"Agent Untraceability", "Agent Cascading Failures"},
		{"Agent Identity Impersonation", "Agent Access Control Violation"},
		{"Agentic AI Tool Misuse", "Agent Supply Chain and Dependency Risk"},
	}
	for i, w := range want {
		got := maestro.Layer(i + 1).CoreRisks()
		a, _ := corerisk.Parse(w[0])
		b, _ := corerisk.Parse(w[1])
		if !slices.Equal(got, []corerisk.Risk{a, b}) {
			t.Errorf("L%d → %v, want %s, %s", i+1, got, w[0], w[1])
		}
	}
	// Every category is listed under some layer; Tool Misuse first under L7.
	for _, r := range corerisk.All() {
		if _, ok := maestro.CoreRiskLayer(r); !ok {
			t.Errorf("%s is under no layer", r)
		}
	}
	if l, _ := maestro.CoreRiskLayer(corerisk.ToolMisuse); l != 7 {
		t.Errorf("Agentic AI Tool Misuse first under L%d, want L7", l)
	}
}
