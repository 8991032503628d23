// Package corerisk holds the ten core-risk categories by which OWASP AIVSS
// v0.8 sorts the vulnerabilities of an agentic system, and what v0.8 maps
// to them: the OWASP Agentic Top 10 (Appendix B, Table 7), the CSA MAESTRO
// layers (Appendix C, Table 8) and the factors that amplify each risk most
// (§2.4, Table 3). None of it changes a score: v0.8 scores every category
// with the same formula, and says the mappings are guidance.
package corerisk

import (
	"strings"

	"github.com/threatcard/threatcard/scoring/maestro"
)

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

// asiPrimary is Appendix B, Table 7: the primary core risk of each entry
// of the OWASP Agentic Top 10 (2026), ASI01 to ASI10. Each has exactly
// one. (The OWASP AIUC crosswalk, built from v0.5, differs on ASI05, 07,
// 09 and 10; v0.8's table is the one used here.)
var asiPrimary = [maestro.NumASI + 1]Risk{
	0,
	GoalManipulation,          // ASI01 Agent Goal Hijack
	ToolMisuse,                // ASI02 Tool Misuse & Exploitation
	AccessControlViolation,    // ASI03 Identity & Privilege Abuse
	SupplyChainRisk,           // ASI04 Agentic Supply Chain Vulnerabilities
	ToolMisuse,                // ASI05 Unexpected Code Execution (RCE)
	MemoryManipulation,        // ASI06 Memory & Context Poisoning
	OrchestrationExploitation, // ASI07 Insecure Inter-Agent Communication
	CascadingFailures,         // ASI08 Cascading Failures
	IdentityImpersonation,     // ASI09 Human–Agent Trust Exploitation
	AccessControlViolation,    // ASI10 Rogue Agents
}

// OfASI returns the primary core risk of an Agentic Top 10 entry, and
// false for none (ASI code 0).
func OfASI(a maestro.ASI) (Risk, bool) {
	if a == 0 || !a.Valid() {
		return 0, false
	}
	return asiPrimary[a], true
}

// layerRisks is Appendix C, Table 8: the two core risks most commonly
// observed at each MAESTRO layer (the source calls it non-exhaustive).
var layerRisks = [maestro.NumLayers + 1][2]Risk{
	{},
	{GoalManipulation, Untraceability},    // L1 Foundation Models
	{MemoryManipulation, SupplyChainRisk}, // L2 Data Operations
	{OrchestrationExploitation, CascadingFailures},       // L3 Agent Frameworks
	{CriticalSystemsInteraction, AccessControlViolation}, // L4 Deployment and Infrastructure
	{Untraceability, CascadingFailures},                  // L5 Evaluation and Observability
	{IdentityImpersonation, AccessControlViolation},      // L6 Security and Compliance
	{ToolMisuse, SupplyChainRisk},                        // L7 Agent Ecosystem
}

// OfLayer returns the core risks Appendix C lists for a MAESTRO layer, in
// its order; nil for a layer out of range.
func OfLayer(l maestro.Layer) []Risk {
	if !l.Valid() {
		return nil
	}
	return layerRisks[l][:]
}

// FirstLayer returns the first MAESTRO layer whose Appendix C row lists r,
// and false when none does (every category but none is listed).
func FirstLayer(r Risk) (maestro.Layer, bool) {
	for _, l := range maestro.Layers() {
		for _, x := range layerRisks[l] {
			if x == r {
				return l, true
			}
		}
	}
	return 0, false
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
