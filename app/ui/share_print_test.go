package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/internal/release"
)

func TestPrintReportOfACompleteCard(t *testing.T) {
	tree := (&PrintReport{Card: shareCardFromJSON(t, triageBotJSON)}).Render()
	if err := app.Match(app.Elem("section").ID("print-report").Class("tc-print-report").Aria("labelledby", "print-title"), tree); err != nil {
		t.Fatal(err)
	}
	// The values are those of the hand-written Markdown of this card in
	// scoring/export, without Markdown's escapes.
	texts(t, tree, []textAt{
		{[]int{0, 0}, "Ticket triage bot"},
		{[]int{1, 0}, "AIVSS 9.6 Critical (OWASP AIVSS v0.8)"},
		{[]int{2, 0}, "Reads support tickets\nand labels them."},
		{[]int{3, 0}, "AIVSS inputs"},
		{[]int{4, 0, 0, 0, 0}, "CVSS v4.0 base score"},
		{[]int{4, 0, 0, 1, 0}, "9.3 from CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"},
		{[]int{4, 0, 1, 0, 0}, "Execution Autonomy"},
		{[]int{4, 0, 1, 1, 0}, "1 (Full)"},
		{[]int{4, 0, 4, 0, 0}, "Contextual Awareness"},
		{[]int{4, 0, 4, 1, 0}, "0.5 (Partial)"},
		{[]int{4, 0, 6, 0, 0}, "Opacity & Reflexivity"},
		{[]int{4, 0, 10, 0, 0}, "Self-Modification"},
		{[]int{4, 0, 10, 1, 0}, "0 (None)"},
		{[]int{4, 0, 11, 0, 0}, "Threat multiplier (ThM)"},
		{[]int{4, 0, 11, 1, 0}, "0.97 (Proof-of-Concept)"},
		{[]int{4, 0, 12, 0, 0}, "Mitigation factor (MF)"},
		{[]int{4, 0, 12, 1, 0}, "1 (None)"},
		{[]int{5, 0}, "MAESTRO threat model"},
		// L1: notes, a catalog threat with every rating, a custom one with none.
		{[]int{6, 0, 0}, "L1 · Foundation Models — mapped"},
		{[]int{6, 1, 0}, "Reads untrusted ticket text."},
		{[]int{6, 2, 0, 0, 0}, "Prompt Injection and Jailbreaks"},
		{[]int{6, 2, 0, 1}, " — ASI01 Agent Goal Hijack · likelihood High · impact Medium · risk High · mitigated"},
		{[]int{6, 2, 0, 2, 0}, "Text in the input overrides the system instructions or slips past the safety filters."},
		{[]int{6, 2, 0, 3, 0}, "Mitigations: Strip markup\nReview labels"},
		{[]int{6, 2, 1, 0, 0}, "Label flooding"},
		{[]int{6, 2, 1, 1}, " — accepted"},
		{[]int{6, 2, 1, 2, 0}, "Many bogus labels."},
		{[]int{7, 0, 0}, "L2 · Data Operations — not certain from listing"},
		{[]int{7, 1, 0}, "Ticket storage is not described."},
		{[]int{8, 0, 0}, "L3 · Agent Frameworks — not assessed"},
		{[]int{11, 0, 0}, "L6 · Security and Compliance — mapped"},
		{[]int{12, 0, 0}, "L7 · Agent Ecosystem — not assessed"},
		{[]int{13, 0, 0}, "Cross-Layer"},
		{[]int{13, 1, 0, 0, 0}, "Lateral Movement"},
		{[]int{13, 1, 0, 1}, " — layers L2, L4 · likelihood Low · impact High · risk Medium · open"},
		{[]int{13, 1, 0, 2, 0}, "Via the shared queue."},
		{[]int{14, 0}, "Link: "},
		{[]int{15, 0}, "Scored with threatcard " + release.Version + "."},
	})
	if err := app.Match(app.Elem("div").Class("tc-print-layer"), tree, 8); err != nil {
		t.Error(err)
	}
}

func TestPrintReportOfAnIncompleteImportedCard(t *testing.T) {
	tree := (&PrintReport{Card: shareCard(t, gptImage2Link)}).Render()
	texts(t, tree, []textAt{
		{[]int{0, 0}, "GPT Image 2"},
		{[]int{1, 0}, "AIVSS incomplete, missing CVSS, ThM, MF (AgentReady threat-model cards)"},
		{[]int{4, 0, 0, 1, 0}, "not set"},
		{[]int{4, 0, 1, 0, 0}, "Autonomy of Action"},
		{[]int{4, 0, 1, 1, 0}, "0.2"},
		{[]int{4, 0, 9, 0, 0}, "Non-Determinism"},
		{[]int{4, 0, 9, 1, 0}, "0.8"},
		{[]int{4, 0, 11, 1, 0}, "not set"},
		{[]int{6, 0, 0}, "L1 · Foundation Models — mapped"},
		{[]int{7, 0, 0}, "L2 · Data Operations — not certain from listing"},
		{[]int{7, 1, 0}, "No details are provided regarding how uploaded reference photos or optimized prompts are stored, processed, or if they are used for downstream model training. Threats include data exfiltration of user-uploaded images and lack of data lineage controls."},
	})
}

func TestPrintReportOfAnUntitledAndOfNoCard(t *testing.T) {
	c := shareCard(t, halfFilledLink)
	c.Title, c.Summary = "  ", ""
	tree := (&PrintReport{Card: c}).Render()
	texts(t, tree, []textAt{
		{[]int{0, 0}, "Untitled card"},
		{[]int{1, 0}, "AIVSS incomplete, missing 8 of 10 factors, MF (OWASP AIVSS v0.8)"},
		{[]int{2, 0}, "AIVSS inputs"}, // no summary paragraph
	})
	texts(t, (&PrintReport{}).Render(), []textAt{{[]int{0, 0}, "No card"}})
}
