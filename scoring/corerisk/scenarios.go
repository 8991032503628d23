package corerisk

import (
	"strconv"

	"github.com/threatcard/threatcard/scoring/decimal"
)

// Scenario is one of the ten worked examples of AIVSS v0.8 §3.6, one per
// core risk: a vulnerability scored with its own CVSS v4.0 vector and
// factors, with ThM 0.97 (Proof-of-Concept) and MF 1.0, as §3.6 states.
type Scenario struct {
	Section string // "3.6.1"
	Title   string // the section's heading
	Risk    Risk
	Vector  string // a canonical CVSS v4.0 vector
	// Factors are the ten v0.8 factor values in the edition's order
	// (autonomy, tools, language, context, non_determinism, opacity,
	// persistence, identity, multi_agent, self_mod).
	Factors [10]decimal.Decimal
	ThM, MF decimal.Decimal
}

// scenarioData is §3.6 as transcribed in research note aivss-v08-report.md
// §2: the heading, the vector and the factors, in tenths.
var scenarioData = [NumRisks]struct {
	title, vector string
	tenths        [10]int64
}{
	{"Agentic AI Tool Misuse", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", [10]int64{10, 10, 10, 10, 10, 10, 5, 10, 10, 5}},
	{"Agent Access Control Violation", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", [10]int64{10, 10, 10, 10, 5, 10, 10, 10, 5, 0}},
	{"Agent Cascading Failures", "CVSS:4.0/AV:N/AC:H/AT:N/PR:L/UI:N/VC:N/VI:N/VA:H/SC:N/SI:H/SA:H", [10]int64{10, 5, 10, 10, 10, 10, 5, 5, 10, 5}},
	{"Agent Orchestration and Multi-Agent Exploitation", "CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", [10]int64{10, 10, 10, 10, 10, 10, 10, 10, 10, 5}},
	{"Agent Identity Impersonation", "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N", [10]int64{10, 10, 10, 10, 10, 10, 0, 10, 5, 0}},
	{"Agent Memory and Context Manipulation", "CVSS:4.0/AV:A/AC:H/AT:N/PR:H/UI:N/VC:L/VI:H/VA:L/SC:N/SI:N/SA:N", [10]int64{10, 5, 10, 10, 5, 10, 10, 0, 5, 10}},
	{"Insecure Agent Critical Systems Interaction", "CVSS:4.0/AV:A/AC:L/AT:N/PR:H/UI:N/VC:N/VI:H/VA:H/SC:N/SI:N/SA:N", [10]int64{10, 10, 5, 10, 5, 10, 5, 0, 10, 10}},
	{"Agent Supply Chain and Dependency Risk", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", [10]int64{10, 10, 0, 0, 10, 10, 5, 10, 10, 0}},
	{"Agent Untraceability", "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N", [10]int64{10, 10, 0, 0, 10, 10, 5, 5, 10, 5}},
	{"Agent Goal and Instruction Manipulation", "CVSS:4.0/AV:N/AC:H/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", [10]int64{5, 0, 10, 10, 10, 10, 10, 0, 0, 10}},
}

// Scenarios returns the ten worked examples of §3.6, in order.
func Scenarios() []Scenario {
	out := make([]Scenario, NumRisks)
	for i, d := range scenarioData {
		s := Scenario{Section: "3.6." + strconv.Itoa(i+1), Title: d.title, Risk: Risk(i + 1), Vector: d.vector,
			ThM: decimal.FromHundredths(97), MF: decimal.FromInt(1)}
		for j, t := range d.tenths {
			s.Factors[j] = decimal.FromHundredths(t * 10)
		}
		out[i] = s
	}
	return out
}
