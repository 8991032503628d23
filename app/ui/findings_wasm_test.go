//go:build js && wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/aivssreport"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// In the browser: "Score with AIVSS" makes the planner a finding; the
// finding's own CVSS 5.0 with the card's factors scores 9.4 Critical, its
// Execution Autonomy overridden to None 8.9 High, the card's Persistent
// State Retention raised to Full 9.1 Critical, and Execution Autonomy back
// to the card's 9.6 Critical (worked out by hand in findings_test.go), in
// the finding's own result and in the card's headline.
func TestScoringAThreatInThePage(t *testing.T) {
	_, e := openPage(t, plannerLink(t))
	const f = "layer-3-threat-0-f-"
	if byID(f + "title").Truthy() {
		t.Fatal("the planner is a finding before it was scored")
	}
	click(t, e, "layer-3-threat-0-score")
	if got := textOf(t, f+"title"); got != "Finding F-001" {
		t.Fatalf("heading %q", got)
	}
	if got := focused(); got != f+"category" {
		t.Errorf("the focus is on #%s, want the finding's category", got)
	}
	if got := mustByID(t, f+"category").Get("value").String(); got != "4" {
		t.Errorf("category %q, want 4 (Agent Orchestration & Multi-Agent Exploitation, L3's first)", got)
	}
	if got := textOf(t, "findings-counts"); got != "1 finding, not scored yet." {
		t.Errorf("headline %q", got)
	}

	click(t, e, f+"cvss-mode-score")
	typeInto(t, e, f+"cvss-score", "5.0", true)
	wantFinding(t, "AIVSS 9.4 Critical", "Highest finding: 9.4 Critical — Planner loop", "1 Critical")
	if got := textOf(t, "score"); got != "AIVSS 9.9 Critical" {
		t.Errorf("the card's own score reads %q", got)
	}

	click(t, e, f+"factor-autonomy-0") // None
	wantFinding(t, "AIVSS 8.9 High", "Highest finding: 8.9 High — Planner loop", "1 High")
	if got := textOf(t, f+"factor-autonomy"); !strings.HasPrefix(got, "Execution Autonomy high impact overridden") {
		t.Errorf("Execution Autonomy reads %q", got)
	}

	click(t, e, "factor-persistence-2") // the card's, Full
	wantFinding(t, "AIVSS 9.1 Critical", "Highest finding: 9.1 Critical — Planner loop", "1 Critical")

	click(t, e, f+"factor-autonomy-card")
	wantFinding(t, "AIVSS 9.6 Critical", "Highest finding: 9.6 Critical — Planner loop", "1 Critical")
	if !mustByID(t, f+"factor-autonomy-card").Get("checked").Bool() {
		t.Error("“As the card” is not checked once chosen")
	}

	// The address carries the finding (link format 2).
	c, err := link.Decode(addressFragment())
	if err != nil {
		t.Fatal(err)
	}
	a := c.MAESTRO.Layers[2].Threats[0].AIVSS
	if a.ID != "F-001" || a.CVSSScore.Value.Format(1) != "5.0" || a.Overrides() {
		t.Errorf("the address's finding is %+v", a)
	}

	// Go to it from the list: its heading takes the focus.
	mustByID(t, "findings-row-0").Call("querySelector", "button").Call("click")
	e.ConsumeAll()
	if got := focused(); got != f+"title" {
		t.Errorf("after Go to F-001 the focus is on #%s", got)
	}
}

func wantFinding(t *testing.T, score, top, counts string) {
	t.Helper()
	if got := textOf(t, "layer-3-threat-0-f-score"); got != score {
		t.Errorf("the finding's score reads %q, want %q", got, score)
	}
	if got := textOf(t, "findings-top"); got != top {
		t.Errorf("#findings-top reads %q, want %q", got, top)
	}
	if got := textOf(t, "findings-severities"); got != counts {
		t.Errorf("#findings-severities reads %q, want %q", got, counts)
	}
}

// The share bar downloads the AIVSS report of the card's findings, dated
// today, by threatcard, with the card's link in its notes.
func TestDownloadingTheAIVSSReport(t *testing.T) {
	defer func(f func() string) { today = f }(today)
	today = func() string { return "2026-03-18" }
	c := card.NewCard()
	if err := c.AddScenarios(); err != nil {
		t.Fatal(err)
	}
	saved := stubDownloads(t)
	e := mountShare(t, &ShareBar{Card: c, Rev: 1})
	if got := shareTextOf(t, "share-report-note"); got != "" {
		t.Errorf("the note says %q of a card whose findings the report lists in full", got)
	}
	shareClick(t, e, "share-report")
	if len(*saved) != 1 {
		t.Fatalf("%d downloads, want 1", len(*saved))
	}
	d := (*saved)[0]
	if d.name != "threatcard-aivss-report.json" || d.blob.Get("type").String() != "application/json" {
		t.Errorf("download %q of type %q", d.name, d.blob.Get("type").String())
	}
	r, err := aivssreport.Parse([]byte(blobText(t, d.blob)))
	if err != nil {
		t.Fatal(err)
	}
	wantLink, _ := ShareLink(app.Window().URL(), c)
	if r.Metadata.Date != "2026-03-18" || r.Metadata.Assessor != "threatcard" || r.Metadata.Link != wantLink {
		t.Errorf("metadata %+v; want 2026-03-18, threatcard and %s", r.Metadata, wantLink)
	}
	if n := len(r.Card.Findings()); n != 10 || len(r.Warnings) != 0 {
		t.Errorf("the report reads back as %d findings with remarks %v, want the ten scenarios and none", n, r.Warnings)
	}
	if got := shareTextOf(t, "share-status"); got != "Download started: threatcard-aivss-report.json." {
		t.Errorf("status %q", got)
	}
}
