//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// plannerCard is a v0.8 card with a complete agent-level profile (CVSS
// 9.3, the factors 1,1,1,1,1,1,0.5,1,1,0.5, ThM 0.97, MF 1: 9.9 Critical)
// and one threat, "Planner loop", under L3, with no ASI code, as a link.
func plannerCard(t *testing.T) string {
	t.Helper()
	c := card.NewCard()
	c.Title = "Planner agent"
	c.AIVSS.CVSSScore = decimal.Some(decimal.FromHundredths(930))
	for i := range c.AIVSS.Factors {
		c.AIVSS.Factors[i] = decimal.Some(decimal.FromInt(1))
	}
	half := decimal.Some(decimal.FromHundredths(50))
	c.AIVSS.Factors[6], c.AIVSS.Factors[9] = half, half // persistence, self-modification
	c.MAESTRO.Layers[2].Threats = []maestro.Threat{{Title: "Planner loop"}}
	l, err := link.Encode(c)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// The finding's elements' ids start with this: the first threat of L3.
const plannerFinding = "layer-3-threat-0-f-"

// headline is what the card's result says of its findings, white space
// collapsed: "Highest finding: … Findings by severity: …".
func headline() string {
	return `(document.getElementById("findings-headline")?.textContent.replace(/\s+/g, " ").trim() ?? "<no #findings-headline>")`
}

// wantFindingScore waits until the planner's finding scores score and the
// card's headline names it, with counts scored findings per severity.
func wantFindingScore(t *testing.T, tb *tab, score, counts string) {
	t.Helper()
	waitEq(t, tb, "the finding's score", textOf(plannerFinding+"score"), "AIVSS "+score)
	waitEq(t, tb, "the highest finding", textOf("findings-top"), "Highest finding: "+score+" — Planner loop")
	waitEq(t, tb, "the findings per severity", textOf("findings-severities"), counts)
}

// Scoring a threat with AIVSS makes it a finding that inherits the card's
// factors, ThM and MF; overriding one, changing the card's profile and
// going back to the card's value move its score and the card's headline.
// By OWASP AIVSS v0.8's formula, AARS = (10 − CVSS) × (Factor_Sum / 10) ×
// ThM and AIVSS = RoundHalfUp((CVSS + AARS) × MF, 1), with the finding's
// own CVSS 5.0 and the card's ThM 0.97 and MF 1:
//   - the card's factors, sum 9: AARS = 5 × 0.9 × 0.97 = 4.365, AIVSS 9.365 → 9.4 Critical;
//   - Execution Autonomy overridden to None, sum 8: 5 × 0.8 × 0.97 = 3.88, 8.88 → 8.9 High;
//   - the card's Persistent State Retention from Partial to Full, which the
//     finding inherits, sum 8.5: 5 × 0.85 × 0.97 = 4.1225, 9.1225 → 9.1 Critical;
//   - Execution Autonomy back to the card's Full, sum 9.5: 5 × 0.95 × 0.97 = 4.6075, 9.6075 → 9.6 Critical.
//
// The card's own score stays its agent-level one: 9.9 Critical, then with
// Persistent State Retention Full (sum 9.5) 9.3 + 0.7 × 0.95 × 0.97 =
// 9.94505 → 9.9 still.
func TestFindingsScoreAThreatInheritAndOverride(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/#"+plannerCard(t))
	waitForEditor(t, tb)
	waitEq(t, tb, "#score", scoreText, "AIVSS 9.9 Critical")
	if got := eval[string](t, tb, headline()); got != "" {
		t.Fatalf("a card without findings has a findings headline: %q", got)
	}

	click(t, tb, "#layer-3-threat-0-score")
	waitEq(t, tb, "the finding's heading", textOf(plannerFinding+"title"), "Finding F-001")
	waitEq(t, tb, "the focus", `document.activeElement.id`, plannerFinding+"category")
	if got := eval[string](t, tb, valueOf(plannerFinding+"category")); got != "4" {
		t.Errorf("category %q, want 4: Agent Orchestration & Multi-Agent Exploitation, L3's first in Appendix C", got)
	}
	waitEq(t, tb, "the headline", headline(), "1 finding, not scored yet.")

	click(t, tb, `label[for="`+plannerFinding+`cvss-mode-score"]`)
	typeInto(t, tb, "#"+plannerFinding+"cvss-score", "5.0")
	wantFindingScore(t, tb, "9.4 Critical", "1 Critical")

	// Every factor inherits the card's: "As the card" is chosen, and the
	// ones Table 3 marks for the category say so in words.
	if got := eval[string](t, tb, textOf(plannerFinding+"factors-high")); !strings.HasPrefix(got,
		"High impact for Agent Orchestration & Multi-Agent Exploitation (OWASP AIVSS v0.8, Table 3): Execution Autonomy, Contextual Awareness, Dynamic Identity, Multi-Agent Interactions.") {
		t.Errorf("the high-impact note reads %q", got)
	}
	if got := eval[int](t, tb, `document.querySelectorAll("#`+plannerFinding+`factors input[value=card]:checked").length`); got != 10 {
		t.Errorf("%d factors show “As the card” chosen, want all 10", got)
	}

	click(t, tb, `label[for="`+plannerFinding+`factor-autonomy-0"]`) // None
	wantFindingScore(t, tb, "8.9 High", "1 High")
	if got := eval[string](t, tb, `document.querySelector("#`+plannerFinding+`factor-autonomy legend").textContent`); !strings.Contains(got, "overridden") ||
		!strings.Contains(got, "high impact") {
		t.Errorf("Execution Autonomy's legend %q does not say it is overridden and high impact", got)
	}

	click(t, tb, `label[for="factor-persistence-2"]`) // the card's, Full
	wantFindingScore(t, tb, "9.1 Critical", "1 Critical")
	waitEq(t, tb, "#score", scoreText, "AIVSS 9.9 Critical")

	click(t, tb, `label[for="`+plannerFinding+`factor-autonomy-card"]`)
	wantFindingScore(t, tb, "9.6 Critical", "1 Critical")

	t.Run("the link keeps the finding", func(t *testing.T) {
		waitUntil(t, tb, "the address carries the finding", fragmentNow+`.includes("&s=")`)
		fragment := eval[string](t, tb, fragmentNow)
		open(t, tb, s, "/#"+fragment)
		waitForEditor(t, tb)
		waitEq(t, tb, "the highest finding after the reload", textOf("findings-top"), "Highest finding: 9.6 Critical — Planner loop")
		waitEq(t, tb, "the finding's score after the reload", textOf(plannerFinding+"score"), "AIVSS 9.6 Critical")
	})
}

// "Load the OWASP scenarios" adds the ten worked examples of v0.8 §3.6 as
// findings: the headline names the highest and counts them by severity;
// the list goes from it down; the share bar downloads them as an AIVSS
// report.
func TestFindingsLoadTheOWASPScenariosAndDownloadTheReport(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	dir := allowDownloads(t, tb)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	click(t, tb, "#findings-scenarios")
	waitEq(t, tb, "the highest finding", textOf("findings-top"),
		"Highest finding: 10.0 Critical — Agent Orchestration and Multi-Agent Exploitation")
	waitEq(t, tb, "the findings per severity", textOf("findings-severities"), "7 Critical, 3 High")
	if got := eval[string](t, tb, textOf("findings-message")); got !=
		"Loaded the ten OWASP AIVSS v0.8 scenarios as findings F-001 to F-010, each under the first layer Appendix C lists for its risk." {
		t.Errorf("message %q", got)
	}
	rows := eval[[]string](t, tb, `[...document.querySelectorAll("#findings-list .tc-finding-id")].map((e) => e.textContent)`)
	if got := strings.Join(rows, " "); got != "F-004 F-001 F-008 F-002 F-003 F-005 F-007 F-006 F-009 F-010" {
		t.Errorf("the list, highest first: %s", got)
	}

	t.Run("Go to a finding", func(t *testing.T) {
		click(t, tb, `#findings-row-0 button`)
		waitEq(t, tb, "the focus", `document.activeElement.textContent`, "Finding F-004")
		waitUntil(t, tb, "its assessment is open", `!!document.querySelector("section.tc-finding .tc-finding-body")`)
	})

	t.Run("download the AIVSS report", func(t *testing.T) {
		click(t, tb, "#share-report")
		const name = "threatcard-aivss-report.json"
		waitEq(t, tb, "#share-status", textOf("share-status"), "Download started: "+name+".")
		var report struct {
			Metadata struct {
				AssessorID string `json:"assessor_id"`
				Notes      string `json:"notes"`
			} `json:"metadata"`
			Vulnerabilities []struct {
				ID     string `json:"id"`
				Scores struct {
					AIVSS    json.Number `json:"aivss"`
					Severity string      `json:"severity"`
				} `json:"scores"`
			} `json:"vulnerabilities"`
		}
		if err := json.Unmarshal(downloaded(t, dir, name), &report); err != nil {
			t.Fatal(err)
		}
		if report.Metadata.AssessorID != "threatcard" || !strings.Contains(report.Metadata.Notes, "threatcard link: "+s.URL+"/#v2&e=v0.8&") {
			t.Errorf("metadata %+v", report.Metadata)
		}
		var got []string
		for _, v := range report.Vulnerabilities {
			got = append(got, fmt.Sprintf("%s %s %s", v.ID, v.Scores.AIVSS, v.Scores.Severity))
		}
		if want := "F-004 10.0 Critical, F-001 9.9 Critical, F-008 9.7 Critical, F-002 9.7 Critical, F-003 9.4 Critical, " +
			"F-005 9.3 Critical, F-007 9.2 Critical, F-006 8.9 High, F-009 8.3 High, F-010 7.1 High"; strings.Join(got, ", ") != want {
			t.Errorf("the report lists\n%s\nwant\n%s", strings.Join(got, ", "), want)
		}
	})
}

// An OWASP AIVSS v0.8 report pasted into the import box opens as a card of
// findings; a stated score its inputs do not give is a remark. The report
// is worked example 3.6.1 (CVSS 9.4, factors summing to 9, ThM 0.97, MF 1:
// 9.4 + 0.6 × 0.9 × 0.97 = 9.9238 → 9.9), stating 9.8.
func TestFindingsImportAReport(t *testing.T) {
	const report = `{
  "metadata": {"system_name": "Tool agent", "assessment_date": "2026-03-18", "assessor_id": "someone"},
  "vulnerabilities": [{
    "id": "VULN-001",
    "title": "Agentic AI Tool Misuse",
    "description": "Worked example 3.6.1.",
    "owasp_category": "Agentic AI Tool Misuse",
    "cvss_base": {"vector_string": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", "score": 9.4},
    "amplification_factors": {"autonomy": 1.0, "tools": 1.0, "language": 1.0, "context": 1.0, "non_determinism": 1.0,
      "opacity": 1.0, "persistence": 0.5, "identity": 1.0, "multi_agent": 1.0, "self_mod": 0.5},
    "threat_multiplier": 0.97,
    "scores": {"factor_sum": 9.0, "aars": 0.5238, "mitigation_factor": 1.0, "aivss": 9.8, "severity": "Critical"}
  }]
}`
	s := serve(t, rootSite.dir, "/")
	tb := newTab(t)
	open(t, tb, s, "/")
	waitForEditor(t, tb)
	openImport(t, tb) // the import box is in the toolbar's Import panel
	paste(t, tb, "import-text", report)
	click(t, tb, "#import-submit")
	waitEq(t, tb, "the import's status", textOf("import-status"), "Opened “Tool agent” from the OWASP AIVSS report. One remark, below.")
	waitEq(t, tb, "the remark", textOf("import-warnings"), "VULN-001: scores.aivss is 9.8; computed 9.9")
	waitEq(t, tb, "the highest finding", textOf("findings-top"), "Highest finding: 9.9 Critical — Agentic AI Tool Misuse")
	waitEq(t, tb, "the findings per severity", textOf("findings-severities"), "1 Critical")
	if got := eval[string](t, tb, `document.querySelector("#findings-list .tc-finding-id").textContent`); got != "VULN-001" {
		t.Errorf("the finding's id %q", got)
	}
}

// The finding's editor, open, passes axe in both themes.
func TestFindingsEditorIsAccessible(t *testing.T) {
	s := serve(t, rootSite.dir, "/")
	tb := newAxeTab(t)
	open(t, tb, s, "/#"+plannerCard(t))
	waitForEditor(t, tb)
	click(t, tb, "#layer-3-threat-0-score")
	click(t, tb, `label[for="`+plannerFinding+`cvss-mode-score"]`)
	typeInto(t, tb, "#"+plannerFinding+"cvss-score", "5.0")
	waitEq(t, tb, "the finding's score", textOf(plannerFinding+"score"), "AIVSS 9.4 Critical")
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			for eval[string](t, tb, `document.documentElement.dataset.theme || "system"`) != theme {
				click(t, tb, "#theme-toggle")
			}
			for _, v := range runAxe(t, tb) {
				t.Errorf("%s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
			}
		})
	}
}
