// Package corerisk holds the ten core-risk categories by which OWASP AIVSS
// v0.8 sorts the vulnerabilities of an agentic system, and what v0.8 maps
// to them: the factors that amplify each risk most (§2.4, Table 3) and the
// ten worked examples of §3.6. The mappings from the OWASP Agentic Top 10
// (Appendix B) and the CSA MAESTRO layers (Appendix C) are in package
// maestro, beside the codes and layers they map. None of it changes a
// score: v0.8 scores every category with the same formula, and says the
// mappings are guidance.
package corerisk

import "strings"

// Risk is one of the ten core-risk categories; 0 is none.
type Risk uint8

// The categories, in the order of the Appendix A schema's owasp_category
// enum, which is also the order of the worked examples of §3.6.
const (
	ToolMisuse Risk = iota + 1
	AccessControlViolation
	CascadingFailures
	OrchestrationExploitation
	IdentityImpersonation
	MemoryManipulation
	CriticalSystemsInteraction
	SupplyChainRisk
	Untraceability
	GoalManipulation
)

// NumRisks is the number of core-risk categories.
const NumRisks = 10

// names are the categories as the Appendix A schema's enum writes them,
// with "&"; the body text, §3.6 and Appendices B and C write "and".
var names = [NumRisks + 1]string{
	"",
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

// All returns the ten categories in the schema's order.
func All() []Risk {
	rs := make([]Risk, NumRisks)
	for i := range rs {
		rs[i] = Risk(i + 1)
	}
	return rs
}

// Valid reports whether r is one of the ten categories.
func (r Risk) Valid() bool { return r >= 1 && r <= NumRisks }

// String returns the category as the schema's enum writes it ("Agent
// Orchestration & Multi-Agent Exploitation"), or "" for none.
func (r Risk) String() string {
	if !r.Valid() {
		return ""
	}
	return names[r]
}

// Parse reads a category as the schema writes it, or with "and" for "&"
// as v0.8's text does. Anything else is a *ParseError.
func Parse(s string) (Risk, error) {
	for r := Risk(1); r <= NumRisks; r++ {
		if s == names[r] || s == strings.ReplaceAll(names[r], "&", "and") {
			return r, nil
		}
	}
	return 0, &ParseError{Text: s}
}

// highImpact is §2.4, Table 3: the v0.8 factors (by id) that amplify each
// core risk most. Advisory only: every factor counts the same in
// Factor_Sum. For Agent Supply Chain Risk the table names all factors,
// "specifically" autonomy, tools and self-modification, which are listed.
var highImpact = [NumRisks + 1][]string{
	nil,
	{"autonomy", "tools", "language"},
	{"tools", "identity", "persistence"},
	{"autonomy", "multi_agent", "non_determinism", "opacity"},
	{"autonomy", "identity", "multi_agent", "context"},
	{"identity", "opacity", "language"},
	{"persistence", "context", "opacity"},
	{"autonomy", "tools", "context", "self_mod"},
	{"autonomy", "tools", "self_mod"},
	{"opacity", "identity", "non_determinism"},
	{"language", "autonomy", "non_determinism", "context"},
}

// HighImpactFactors returns the ids of the v0.8 factors that Table 3 says
// amplify r most, in the table's order.
func (r Risk) HighImpactFactors() []string {
	if !r.Valid() {
		return nil
	}
	return append([]string(nil), highImpact[r]...)
}
