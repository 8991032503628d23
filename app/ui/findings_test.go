//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/link"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// findingsPage opens the planner card in a page and returns the page, its
// MAESTRO editor and the editor of the planner's finding-to-be.
func findingsPage(t *testing.T) (app.Context, *Page, *MaestroEditor) {
	t.Helper()
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+plannerLink(t))
	if p.failure != nil {
		t.Fatal(p.failure)
	}
	me := &MaestroEditor{Card: p.card, OnEdit: p.onEdit, Source: p}
	return ctx, p, me
}

// planner is the planner's threat as the page's card has it now.
func planner(p *Page) maestro.Threat { return p.card.MAESTRO.Layers[2].Threats[0] }

// findingEditor is the editor of the planner's finding, as the page draws
// it now.
func findingEditor(p *Page, me *MaestroEditor) *FindingEditor {
	me.Card = p.card
	return &FindingEditor{Layer: 3, Index: 0, Threat: planner(p), Profile: p.card.AIVSS, Open: true, Editor: me}
}

// words is s with its white space, the HTML's indentation included, as
// single spaces.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

func wantHeadline(t *testing.T, p *Page, top, counts string) {
	t.Helper()
	v := render(t, p)
	if got := v.text("findings-top"); got != top {
		t.Errorf("#findings-top reads %q, want %q", got, top)
	}
	if got := v.text("findings-severities"); got != counts {
		t.Errorf("#findings-severities reads %q, want %q", got, counts)
	}
}

// A threat scored with AIVSS is a finding that inherits the card's
// factors, ThM and MF until it overrides them. By OWASP AIVSS v0.8's
// formula, AARS = (10 − CVSS) × (Factor_Sum / 10) × ThM and AIVSS =
// RoundHalfUp((CVSS + AARS) × MF, 1); with the finding's own CVSS 5.0 and
// the card's ThM 0.97 and MF 1:
//   - the card's factors, sum 9: AARS = 5 × 0.9 × 0.97 = 4.365, AIVSS 9.365 → 9.4 Critical;
//   - Execution Autonomy overridden to None, sum 8: 5 × 0.8 × 0.97 = 3.88, 8.88 → 8.9 High;
//   - then the card's Persistent State Retention from 0.5 to 1, which the
//     finding inherits, sum 8.5: 5 × 0.85 × 0.97 = 4.1225, 9.1225 → 9.1 Critical
//     (the card's own score, with its CVSS 9.3 and sum 9.5: 0.7 × 0.95 × 0.97
//     = 0.64505, 9.94505 → 9.9, as before);
//   - Execution Autonomy back to the card's 1, sum 9.5: 5 × 0.95 × 0.97 = 4.6075, 9.6075 → 9.6 Critical.
func TestAFindingInheritsTheCardsProfileUntilItOverridesIt(t *testing.T) {
	ctx, p, me := findingsPage(t)
	if got := render(t, p).text("findings-headline"); got != "" {
		t.Fatalf("a card without findings has a findings headline: %q", got)
	}

	te := &ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}
	te.onScore(ctx, app.Event{})
	a := planner(p).AIVSS
	if a.ID != "F-001" || a.Category != corerisk.OrchestrationExploitation || a.Overrides() || a.CVSSVector != "" || a.CVSSScore.Set {
		t.Fatalf("the new finding's assessment is %+v; want F-001, L3's first Appendix C category, nothing of its own", a)
	}
	if !me.findingOpen("F-001") {
		t.Error("the new finding's assessment is not shown")
	}
	if got, want := me.status, "Planner loop is finding F-001 now, category Agent Orchestration & Multi-Agent Exploitation; "+
		"it takes the card's factors, ThM and MF until you override them."; got != want {
		t.Errorf("status %q\nwant %q", got, want)
	}
	if got := render(t, p).text("findings-counts"); got != "1 finding, not scored yet." {
		t.Errorf("#findings-counts reads %q", got)
	}

	fe := findingEditor(p, me)
	(&CVSSInput{Editor: fe, Prefix: fe.prefix()}).typeScore(ctx, "5.0", true)
	if got := planner(p).AIVSS.CVSSScore; got != decimal.Some(decimal.FromInt(5)) {
		t.Fatalf("the finding's CVSS score is %v, want 5.0", got)
	}
	if p.card.AIVSS.CVSSScore != decimal.Some(decimal.FromHundredths(930)) {
		t.Errorf("the card's own CVSS changed to %v", p.card.AIVSS.CVSSScore)
	}
	wantHeadline(t, p, "Highest finding: 9.4 Critical — Planner loop", "1 Critical")
	if got := render(t, p).text("score"); got != "AIVSS 9.9 Critical" {
		t.Errorf("the card's own score reads %q; it must stay the agent-level score", got)
	}

	fe = findingEditor(p, me)
	panel := &FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "v0.8", Inherit: true}
	if msg := panel.set(ctx, "v0.8", 0, "0"); msg != "" {
		t.Fatalf("the override was refused: %s", msg)
	}
	if got := planner(p).AIVSS.Factors[0]; got != decimal.Some(0) {
		t.Fatalf("Execution Autonomy of the finding is %v, want its own 0", got)
	}
	if p.card.AIVSS.Factors[0] != decimal.Some(decimal.FromInt(1)) {
		t.Error("overriding the finding's factor changed the card's")
	}
	wantHeadline(t, p, "Highest finding: 8.9 High — Planner loop", "1 High")

	cardPanel := &FactorsPanel{Editor: p, Edition: "v0.8", Factors: p.card.AIVSS.Factors}
	if msg := cardPanel.set(ctx, "v0.8", 6, "1"); msg != "" {
		t.Fatalf("the card's factor was refused: %s", msg)
	}
	wantHeadline(t, p, "Highest finding: 9.1 Critical — Planner loop", "1 Critical")
	if got := render(t, p).text("score"); got != "AIVSS 9.9 Critical" {
		t.Errorf("the card's own score reads %q, want 9.9 Critical", got)
	}

	fe = findingEditor(p, me)
	panel = &FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "v0.8", Inherit: true, Factors: planner(p).AIVSS.Factors}
	if msg := panel.set(ctx, "v0.8", 0, inheritChoice); msg != "" {
		t.Fatalf("going back to the card's value was refused: %s", msg)
	}
	if a := planner(p).AIVSS; a.Overrides() {
		t.Errorf("the finding still overrides: %+v", a.Factors)
	}
	wantHeadline(t, p, "Highest finding: 9.6 Critical — Planner loop", "1 Critical")

	// The finding travels in the link (format 2).
	c, err := link.Decode(p.fragment)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.MAESTRO.Layers[2].Threats[0].AIVSS; got != planner(p).AIVSS {
		t.Errorf("the link's finding is %+v, want %+v", got, planner(p).AIVSS)
	}
}

// The finding's editor draws what it inherits and what it overrides in
// words, Table 3's high-impact factors of its category, and its result.
func TestTheFindingEditorSaysWhatItInheritsAndMarksHighImpactFactors(t *testing.T) {
	ctx, p, me := findingsPage(t)
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	(&CVSSInput{Editor: fe, Prefix: fe.prefix()}).typeScore(ctx, "5.0", true)
	fe = findingEditor(p, me)
	(&FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "v0.8", Inherit: true}).set(ctx, "v0.8", 0, "0")
	fe = findingEditor(p, me)
	(&Multipliers{Editor: fe}).Render() // nothing to set: ThM and MF stay the card's

	me.Card = p.card
	v := render(t, me)
	const f = "layer-3-threat-0-f-"
	if got := v.text(f + "title"); got != "Finding F-001" {
		t.Errorf("heading %q", got)
	}
	if got := v.text(f + "score"); got != "AIVSS 8.9 High" {
		t.Errorf("the finding's score reads %q", got)
	}
	if got := v.text(f + "category-shown"); got != "Category: Agent Orchestration & Multi-Agent Exploitation" {
		t.Errorf("category %q", got)
	}
	// The category menu: L3's Appendix C categories first, as suggested.
	groups := v.root.byID(f + "category").all(func(n *htmlNode) bool { return n.tag == "optgroup" })
	if len(groups) != 2 || groups[0].attrs["label"] != "Suggested for L3 Agent Frameworks (Appendix C)" ||
		groups[1].attrs["label"] != "Other categories" {
		t.Fatalf("the category menu's groups are not the suggested ones, then the others")
	}
	var suggested []string
	for _, o := range groups[0].all(func(n *htmlNode) bool { return n.tag == "option" }) {
		suggested = append(suggested, o.textContent())
	}
	if got := strings.Join(suggested, " | "); got != "Agent Orchestration & Multi-Agent Exploitation | Agent Cascading Failures" {
		t.Errorf("suggested for L3: %s", got)
	}
	if got := v.selected(f + "category"); got != "4" {
		t.Errorf("category %q selected, want 4 (Agent Orchestration & Multi-Agent Exploitation)", got)
	}
	if got := v.text(f + "factors-high"); got != "High impact for Agent Orchestration & Multi-Agent Exploitation (OWASP AIVSS v0.8, Table 3): "+
		"Execution Autonomy, Contextual Awareness, Dynamic Identity, Multi-Agent Interactions. Advisory: every factor counts the same in the sum." {
		t.Errorf("high-impact note %q", got)
	}
	// Execution Autonomy: high impact, overridden to None; Natural
	// Language Interface: inherits the card's 1.
	if got := words(v.text(f + "factor-autonomy")); !strings.HasPrefix(got, "Execution Autonomy high impact overridden") {
		t.Errorf("Execution Autonomy reads %q", got)
	}
	if got := v.checked(f + "factor-autonomy"); len(got) != 1 || got[0] != "0" {
		t.Errorf("Execution Autonomy's checked choice %v, want its own 0", got)
	}
	if got := words(v.text(f + "factor-language")); !strings.HasPrefix(got, "Natural Language InterfaceAs the card 1None 0") {
		t.Errorf("Natural Language Interface reads %q", got)
	}
	if got := v.checked(f + "factor-language"); len(got) != 1 || got[0] != inheritChoice {
		t.Errorf("Natural Language Interface's checked choice %v, want As the card", got)
	}
	if got := v.text(f + "factors-hint"); got != "Each factor is None (0), Partial (0.5), Full (1), or “As the card”, which follows the card's value. "+
		"1 of 10 overridden; the other 9 inherit the card's." {
		t.Errorf("factors hint %q", got)
	}
	if got := v.selected(f + "thm"); got != unsetOption {
		t.Errorf("ThM %q selected, want the card's", got)
	}
	if got := v.text(f + "thm"); !strings.HasPrefix(got, "As the card: 0.97 (Proof-of-Concept)") {
		t.Errorf("ThM menu reads %q", got)
	}
	if got := v.text(f + "formula"); !strings.Contains(got, "AARS = (10 − 5.0) × (8.0 / 10) × 0.97 = 3.88") {
		t.Errorf("the formula with the finding's numbers reads %q", got)
	}
	if v.has(f + "confirm-text") {
		t.Error("the removal is asked before Remove was pressed")
	}
}

// Removing a score that has inputs of its own asks first, saying what
// goes with it; the threat stays.
func TestRemovingAScoreAsksFirstWhenItsOwnInputsWouldGo(t *testing.T) {
	ctx, p, me := findingsPage(t)
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	(&CVSSInput{Editor: fe, Prefix: fe.prefix()}).typeScore(ctx, "5.0", true)

	fe = findingEditor(p, me)
	fe.onRemove(ctx, app.Event{})
	if a := planner(p).AIVSS; !a.Scored() {
		t.Fatal("the score went without asking")
	}
	if got := render(t, fe).text(fe.prefix() + "confirm-text"); got != "Remove the score of finding F-001? Its own id, category "+
		"Agent Orchestration & Multi-Agent Exploitation and CVSS score 5.0 go with it; the threat stays." {
		t.Errorf("the question reads %q", got)
	}
	fe.onRemoveCancel(ctx, app.Event{})
	if a := planner(p).AIVSS; !a.Scored() || render(t, fe).has(fe.prefix()+"confirm-text") {
		t.Error("Keep it did not keep it")
	}
	fe.onRemove(ctx, app.Event{})
	fe.onRemoveConfirmed(ctx, app.Event{})
	if got := planner(p); got.AIVSS != (maestro.Assessment{}) || got.Title != "Planner loop" {
		t.Errorf("after removal the threat is %+v", got)
	}
	if got := me.status; got != "Removed the score of Planner loop: finding F-001 and its id, category Agent Orchestration & Multi-Agent Exploitation "+
		"and CVSS score 5.0 are gone; the threat stays." {
		t.Errorf("status %q", got)
	}
	if got := render(t, p).text("findings-headline"); got != "" {
		t.Errorf("the headline still speaks of findings: %q", got)
	}
}

// A value typed into a finding's field that the card does not take is not
// applied: the finding keeps its value, and its own result says why,
// while the card's result is untouched.
func TestAFindingsFieldHoldingWhatItDoesNotTakeKeepsItsValue(t *testing.T) {
	ctx, p, me := findingsPage(t)
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	in := &CVSSInput{Editor: fe, Prefix: fe.prefix()}
	in.typeScore(ctx, "5.0", true)
	in.typeScore(ctx, "11", false)
	if got := planner(p).AIVSS.CVSSScore; got != decimal.Some(decimal.FromInt(5)) {
		t.Errorf("the finding's CVSS score is %v; 11 is no score, and 5.0 stays", got)
	}
	if got := in.score.msg; got != "Not accepted: the CVSS score of threat 1 of L3 Agent Frameworks is 11.0; "+
		"a CVSS v4.0 score is 0.0 to 10.0 with one decimal. The finding keeps 5.0." {
		t.Errorf("the field's message %q", got)
	}
	if got := render(t, fe).text(fe.prefix() + "score"); !strings.HasPrefix(got, "not scored: ") || !strings.HasSuffix(got, "the finding keeps 5.0") {
		t.Errorf("the finding's result reads %q", got)
	}
	if p.invalidFields != nil {
		t.Errorf("the card's fields are marked: %v", p.invalidFields)
	}
	if got := render(t, p).text("score"); got != "AIVSS 9.9 Critical" {
		t.Errorf("the card's result reads %q", got)
	}
}

// Switching the edition moves the findings' own values too, says what did
// not carry over, and switching back restores them.
func TestSwitchingEditionMovesFindingsAndSwitchingBackRestoresThem(t *testing.T) {
	ctx, p, me := findingsPage(t)
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	(&FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "v0.8", Inherit: true}).set(ctx, "v0.8", 2, "0") // Natural Language Interface
	fe = findingEditor(p, me)
	(&FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "v0.8", Inherit: true}).set(ctx, "v0.8", 1, "0.5") // External Tool Control Surface
	before := planner(p).AIVSS

	calc := &Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval}
	calc.switchEdition(ctx, "v0.5")
	a := planner(p).AIVSS
	// v0.5's order: autonomy_of_action, tool_use, …; Natural Language
	// Interface has no counterpart there.
	var want [card.NumFactors]decimal.Optional
	want[1] = decimal.Some(decimal.FromHundredths(50))
	if a.Factors != want || a.ID != "F-001" {
		t.Errorf("in v0.5 the finding's own factors are %v, want Dynamic Tool Use's 0.5 alone", a.Factors)
	}
	if !strings.Contains(calc.note, "In findings, not carried over: F-001: Natural Language Interface (no counterpart).") {
		t.Errorf("the note does not name the finding's lost factor:\n%s", calc.note)
	}
	calc.switchEdition(ctx, "v0.8")
	if got := planner(p).AIVSS; got != before {
		t.Errorf("back in v0.8 the finding is %+v, want %+v", got, before)
	}
	if !strings.HasSuffix(calc.note, "the factors, ThM and MF are as you left them in OWASP AIVSS v0.8, the findings' own too.") {
		t.Errorf("note %q", calc.note)
	}
}

// "Load the OWASP scenarios" adds the ten §3.6 examples as findings: the
// headline names the highest and counts them; in another edition it says
// why not in words.
func TestLoadingTheOWASPScenarios(t *testing.T) {
	ctx, p, me := findingsPage(t)
	fl := &FindingsList{Editor: me}
	fl.onScenarios(ctx, app.Event{})
	if fl.failed {
		t.Fatalf("not loaded: %s", fl.message)
	}
	if got := fl.message; got != "Loaded the ten OWASP AIVSS v0.8 scenarios as findings F-001 to F-010, each under the first layer Appendix C lists for its risk." {
		t.Errorf("message %q", got)
	}
	wantHeadline(t, p, "Highest finding: 10.0 Critical — Agent Orchestration and Multi-Agent Exploitation", "7 Critical, 3 High")

	me.Card = p.card
	v := render(t, me)
	if got := words(v.text("findings-row-0")); got != "F-004 10.0 Critical Agent Orchestration and Multi-Agent Exploitation "+
		"Agent Orchestration & Multi-Agent Exploitation · L3 Agent Frameworks Go to F-004" {
		t.Errorf("the first row reads %q", got)
	}
	if got := words(v.text("findings-row-9")); !strings.HasPrefix(got, "F-010 7.1 High Agent Goal and Instruction Manipulation ") {
		t.Errorf("the last row reads %q", got)
	}

	ctx, p, me = findingsPage(t)
	(&Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval}).switchEdition(ctx, "v0.5")
	fl = &FindingsList{Editor: me}
	fl.onScenarios(ctx, app.Event{})
	if got := fl.message; got != "Not loaded: the AIVSS edition is OWASP AIVSS v0.5; the OWASP scenarios are scored in OWASP AIVSS v0.8: "+
		"switch the card to v0.8 to add them." || !fl.failed {
		t.Errorf("in v0.5: message %q (failed %v)", got, fl.failed)
	}
	if len(p.card.Findings()) != 0 {
		t.Error("scenarios were added to a v0.5 card")
	}
}

// The share bar's note beside the AIVSS report says what keeps the card
// from having one, or which findings it leaves out.
func TestTheAIVSSReportsNote(t *testing.T) {
	ctx, p, me := findingsPage(t)
	if got := reportNote(p.card); got != "The AIVSS report lists the card's findings, and it has none yet: score a threat with AIVSS in the MAESTRO editor." {
		t.Errorf("without findings: %q", got)
	}
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	if got := reportNote(p.card); got != "The AIVSS report leaves out F-001, which is not scored: CVSS missing." {
		t.Errorf("with a finding without CVSS: %q", got)
	}
	fe := findingEditor(p, me)
	(&CVSSInput{Editor: fe, Prefix: fe.prefix()}).typeScore(ctx, "5.0", true)
	if got := reportNote(p.card); got != "" {
		t.Errorf("with every finding scored: %q", got)
	}
	(&Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval}).switchEdition(ctx, "v0.5")
	if got := reportNote(p.card); got != "No AIVSS report: the card is scored in OWASP AIVSS v0.5; an AIVSS report (Appendix A) is "+
		"OWASP AIVSS v0.8's format: switch the card to v0.8 to export one." {
		t.Errorf("in v0.5: %q", got)
	}
}

// The printed report lists the findings, highest first, with what each
// inherits from the card.
func TestThePrintedReportListsTheFindings(t *testing.T) {
	ctx, p, me := findingsPage(t)
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	(&CVSSInput{Editor: fe, Prefix: fe.prefix()}).typeScore(ctx, "5.0", true)
	fe = findingEditor(p, me)
	(&FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "v0.8", Inherit: true}).set(ctx, "v0.8", 0, "0")

	html := app.HTMLString(&PrintReport{Card: p.card})
	for _, want := range []string{
		"Highest finding: 8.9 High — Planner loop. Findings by severity: 1 High.",
		"AIVSS findings, highest first",
		"F-001 Planner loop",
		" — AIVSS 8.9 High · Agent Orchestration &amp; Multi-Agent Exploitation · L3 Agent Frameworks",
		"CVSS 5.0; its own: Execution Autonomy 0 (None); the card&#39;s: the other 9 factors, ThM 0.97 (Proof-of-Concept), MF 1 (None).",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("the printed report does not say %q", want)
		}
	}
}

// In the card edition a finding's factor is a slider and a number field:
// empty, it is the card's, which the field shows in grey and the mark in
// words; a value typed overrides it, and "Use the card's" gives it back.
// So do ThM and MF.
func TestACardEditionFindingTypesAndGivesBackItsValues(t *testing.T) {
	ctx, p, me := findingsPage(t)
	(&Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval}).switchEdition(ctx, "card")
	if p.card.AIVSS.Edition != "card" {
		t.Fatalf("edition %q", p.card.AIVSS.Edition)
	}
	(&ThreatEditor{Layer: 3, Index: 0, Count: 1, Threat: planner(p), Editor: me}).onScore(ctx, app.Event{})
	fe := findingEditor(p, me)
	panel := &FactorsPanel{Editor: fe, Prefix: fe.prefix(), Edition: "card", Inherit: true, Profile: p.card.AIVSS.Factors}
	// The card edition's third factor is Self-Modification; the card's is
	// the v0.8 card's 0.5, carried over.
	slider := &factorSlider{Panel: panel, Edition: "card", Index: 2, ID: "self_modification", Name: "Self-Modification",
		Prefix: fe.prefix(), Inherit: true, Profile: p.card.AIVSS.Factors[2]}
	const id = "layer-3-threat-0-f-factor-self_modification"
	v := render(t, slider)
	if got := words(v.text(id + "-label")); got != "Self-Modification inherits 0.50 from the card" {
		t.Errorf("label %q", got)
	}
	if got, _ := v.attr(id, "placeholder"); got != "0.50" {
		t.Errorf("placeholder %q, want the card's 0.50", got)
	}
	if v.has(id + "-inherit") {
		t.Error("an inherited factor offers to give it back")
	}

	slider.typed(ctx, "0.9", true)
	if got := planner(p).AIVSS.Factors[2]; got != decimal.Some(decimal.FromHundredths(90)) {
		t.Fatalf("Self-Modification of the finding is %v, want its own 0.90", got)
	}
	slider.Value = planner(p).AIVSS.Factors[2]
	v = render(t, slider)
	if got := words(v.text(id + "-label")); got != "Self-Modification overridden" {
		t.Errorf("label %q", got)
	}
	if got := v.text(id + "-inherit"); got != "Use the card's" {
		t.Errorf("the way back reads %q", got)
	}
	slider.onInherit(ctx, app.Event{})
	if got := planner(p).AIVSS.Factors[2]; got.Set {
		t.Errorf("after Use the card's the finding's Self-Modification is %v, want the card's", got)
	}

	fe = findingEditor(p, me)
	mf := &scaleInput{Editor: fe, Prefix: fe.prefix(), Edition: "card", Which: "mf", Inherit: true, Profile: p.card.AIVSS.MF}
	mf.typed(ctx, "0.8", true)
	if got := planner(p).AIVSS.MF; got != decimal.Some(decimal.FromHundredths(80)) {
		t.Fatalf("the finding's MF is %v, want its own 0.80", got)
	}
	if p.card.AIVSS.MF != decimal.Some(decimal.FromInt(1)) {
		t.Errorf("the card's MF changed to %v", p.card.AIVSS.MF)
	}
	mf.typed(ctx, "", true)
	if got := planner(p).AIVSS.MF; got.Set {
		t.Errorf("an emptied MF field left the finding's MF %v; want the card's", got)
	}
}
