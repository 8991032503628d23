package export

import (
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
)

// The findings of findingsCard in its Markdown, written out by hand:
// highest score first, the finding not yet scored last, saying what it
// needs; the headline names the highest and counts them by severity.
const (
	wantFindingsHeadline = "**Ticket triage bot** — AIVSS 9.6 Critical (OWASP AIVSS v0.8) · " +
		"Highest finding: 9.5 Critical — Finding F-002; 1 Critical, 1 Medium, 1 not scored · " +
		"[Open the threatcard](https://threatcard.example/app/#v1&e=v0.8)\n"
	wantFindingsSection = `| Mitigation factor (MF) | 1 (None) |

### Findings

| Finding | AIVSS | OWASP core risk | Threat | CVSS v4.0 |
| --- | --- | --- | --- | --- |
| F-002 | 9.5 Critical | Agent Memory & Context Manipulation | Finding F-002 | 9.3 from ` + "`CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U`" + ` |
| F-001 | 6.9 Medium | Agent Goal & Instruction Manipulation | Prompt Injection and Jailbreaks | 7.5 |
| VULN-7 | not scored: missing CVSS | — | Lateral Movement | not set |

### MAESTRO threat model
`
)

func TestMarkdownOfFindingsIsAsWrittenByHand(t *testing.T) {
	got, err := Markdown(cardtest.HandWithFindings(), handLink)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, wantFindingsHeadline) {
		t.Errorf("headline\n  %q\nwant\n  %q", strings.SplitAfter(got, "\n")[0], wantFindingsHeadline)
	}
	if !strings.Contains(got, wantFindingsSection) {
		t.Errorf("Markdown lacks the hand-written findings:\n%s", got)
	}
	// The finding's threat is in its layer's table as any threat is.
	if want := "\n| **Finding F-002** — Poisoned ticket history. | — | — | — | — | open | — |\n"; !strings.Contains(got, want) {
		t.Errorf("Markdown lacks %q:\n%s", want, got)
	}
}

// The ten worked examples of OWASP AIVSS v0.8 §3.6 on a new card (whose
// own inputs are not all set): the headline names the highest, §3.6.4 at
// 10.0, and counts seven Critical and three High (the scores v0.8 prints:
// 9.9, 9.7, 9.4, 10.0, 9.3, 8.9, 9.2, 9.7, 8.3, 7.1); the table lists
// them highest first.
func TestMarkdownOfTheOWASPScenarios(t *testing.T) {
	c := card.NewCard()
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	got, err := Markdown(c, "#x")
	if err != nil {
		t.Fatal(err)
	}
	const headline = "AIVSS incomplete, missing CVSS, 10 of 10 factors (OWASP AIVSS v0.8) · " +
		"Highest finding: 10.0 Critical — Agent Orchestration and Multi-Agent Exploitation; 7 Critical, 3 High · [Open the threatcard](#x)\n"
	if !strings.HasPrefix(got, headline) {
		t.Errorf("headline\n  %q\nwant\n  %q", strings.SplitAfter(got, "\n")[0], headline)
	}
	const first = "| --- | --- | --- | --- | --- |\n| F-004 | 10.0 Critical | Agent Orchestration & Multi-Agent Exploitation | " +
		"Agent Orchestration and Multi-Agent Exploitation | 9.4 from `CVSS:4.0/AV:A/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H` |\n"
	if !strings.Contains(got, first) {
		t.Errorf("Markdown lacks the first row %q:\n%s", first, got)
	}
	var scores []string
	for _, line := range strings.Split(got, "\n") {
		if cells := strings.Split(line, " | "); strings.HasPrefix(line, "| F-0") && len(cells) > 1 {
			scores = append(scores, cells[1])
		}
	}
	want := []string{"10.0 Critical", "9.9 Critical", "9.7 Critical", "9.7 Critical", "9.4 Critical", "9.3 Critical",
		"9.2 Critical", "8.9 High", "8.3 High", "7.1 High"}
	if strings.Join(scores, ", ") != strings.Join(want, ", ") {
		t.Errorf("findings in the order %v; want %v", scores, want)
	}
}

// A card without findings has no findings section and an unchanged
// headline; one whose findings are none of them scored lists them but
// names no highest.
func TestMarkdownWithoutScoredFindings(t *testing.T) {
	got, err := Markdown(cardtest.Hand(), handLink)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "Findings") || strings.Contains(got, "Highest finding") {
		t.Errorf("a card without findings shows findings:\n%s", got)
	}
	c := cardtest.Hand()
	c.MAESTRO.CrossLayer[0].AIVSS.ID = "F-9"
	got, err = Markdown(c, handLink)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got, "Highest finding") {
		t.Errorf("the headline names a highest finding with none scored:\n%s", got)
	}
	if want := "\n| F-9 | not scored: missing CVSS | — | Lateral Movement | not set |\n"; !strings.Contains(got, want) {
		t.Errorf("Markdown lacks %q:\n%s", want, got)
	}
}

// A finding whose inputs contradict each other (a ThM beside a vector
// whose Exploit Maturity sets another) says it is not scored, and why.
func TestMarkdownOfAFindingThatCannotBeScored(t *testing.T) {
	c := cardtest.Hand()
	c.MAESTRO.CrossLayer[0].AIVSS = cardtest.HandWithFindings().MAESTRO.Layers[1].Threats[0].AIVSS
	c.MAESTRO.CrossLayer[0].AIVSS.ThM = dec("0.97")
	got, err := Markdown(c, handLink)
	if err != nil {
		t.Fatal(err)
	}
	var row string
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "| F-002 |") {
			row = line
		}
	}
	if !strings.HasPrefix(row, "| F-002 | not scored: ") || !strings.Contains(row, "E:U") || !strings.HasSuffix(row, " | Lateral Movement | 9.3 from `CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U` |") {
		t.Errorf("finding row %q; want F-002 not scored, naming E:U", row)
	}
	if strings.Contains(got, "Highest finding") {
		t.Errorf("the headline names a highest finding with none scored:\n%s", got)
	}
}
