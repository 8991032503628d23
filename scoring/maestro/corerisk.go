package maestro

import "github.com/threatcard/threatcard/scoring/corerisk"

// OWASP AIVSS v0.8 sorts the vulnerabilities of an agentic system into ten
// core risks (package corerisk) and maps the Agentic Top 10 and the
// MAESTRO layers to them. The maps are guidance: a finding's category
// starts from them and stays the assessor's choice.

// asiPrimary is Appendix B, Table 7: the primary core risk of each entry
// of the OWASP Agentic Top 10 (2026), ASI01 to ASI10. Each has exactly
// one. (The OWASP AIUC crosswalk, built from v0.5, differs on ASI05, 07,
// 09 and 10; v0.8's table is the one used here.)
var asiPrimary = [NumASI + 1]corerisk.Risk{
	0,
	corerisk.GoalManipulation,          // ASI01 Agent Goal Hijack
	corerisk.ToolMisuse,                // ASI02 Tool Misuse & Exploitation
	corerisk.AccessControlViolation,    // ASI03 Identity & Privilege Abuse
	corerisk.SupplyChainRisk,           // ASI04 Agentic Supply Chain Vulnerabilities
	corerisk.ToolMisuse,                // ASI05 Unexpected Code Execution (RCE)
	corerisk.MemoryManipulation,        // ASI06 Memory & Context Poisoning
	corerisk.OrchestrationExploitation, // ASI07 Insecure Inter-Agent Communication
	corerisk.CascadingFailures,         // ASI08 Cascading Failures
	corerisk.IdentityImpersonation,     // ASI09 Human–Agent Trust Exploitation
	corerisk.AccessControlViolation,    // ASI10 Rogue Agents
}

// CoreRisk returns the primary OWASP AIVSS v0.8 core risk of an Agentic
// Top 10 entry, and false for none (ASI code 0).
func (a ASI) CoreRisk() (corerisk.Risk, bool) {
	if a == 0 || !a.Valid() {
		return 0, false
	}
	return asiPrimary[a], true
}

// layerRisks is Appendix C, Table 8: the two core risks most commonly
// observed at each MAESTRO layer (the source calls it non-exhaustive).
var layerRisks = [NumLayers + 1][2]corerisk.Risk{
	{},
	{corerisk.GoalManipulation, corerisk.Untraceability},                   // L1 Foundation Models
	{corerisk.MemoryManipulation, corerisk.SupplyChainRisk},                // L2 Data Operations
	{corerisk.OrchestrationExploitation, corerisk.CascadingFailures},       // L3 Agent Frameworks
	{corerisk.CriticalSystemsInteraction, corerisk.AccessControlViolation}, // L4 Deployment and Infrastructure
	{corerisk.Untraceability, corerisk.CascadingFailures},                  // L5 Evaluation and Observability
	{corerisk.IdentityImpersonation, corerisk.AccessControlViolation},      // L6 Security and Compliance
	{corerisk.ToolMisuse, corerisk.SupplyChainRisk},                        // L7 Agent Ecosystem
}

// CoreRisks returns the OWASP AIVSS v0.8 core risks Appendix C lists for
// the layer, in its order; nil for a layer out of range.
func (l Layer) CoreRisks() []corerisk.Risk {
	if !l.Valid() {
		return nil
	}
	return layerRisks[l][:]
}

// CoreRiskLayer returns the first layer whose Appendix C row lists the
// core risk r, and false when none does (every category but none is
// listed).
func CoreRiskLayer(r corerisk.Risk) (Layer, bool) {
	for _, l := range Layers() {
		for _, x := range layerRisks[l] {
			if x == r {
				return l, true
			}
		}
	}
	return 0, false
}
