package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/link"
)

// importOf runs the dialog on text and returns the card it opened, if any.
func importOf(text string) (*ImportDialog, *card.Card) {
	var opened *card.Card
	d := &ImportDialog{OnOpen: func(_ app.Context, c *card.Card) { opened = c }}
	d.text = text
	d.importText(app.Context{})
	return d, opened
}

func TestImportDialogRendersALabelledTextAreaAndButton(t *testing.T) {
	tree := (&ImportDialog{}).Render()
	checks := []struct {
		expected app.UI
		path     []int
	}{
		{app.Elem("section").ID("import").Class("tc-import").Aria("labelledby", "import-title"), nil},
		{app.Elem("h2").ID("import-title"), []int{0}},
		{app.Text("Import a card"), []int{0, 0}},
		{app.Elem("p").ID("import-hint").Class("tc-hint"), []int{1}},
		{app.Text("Paste a threatcard link, the text of a published agentic threat-model card, a threatcard JSON export, " +
			"or an OWASP AIVSS v0.8 report (JSON with metadata and vulnerabilities), whose vulnerabilities become findings. " +
			"It opens in place of the card on screen."), []int{1, 0}},
		{app.Elem("label").Attr("for", "import-text"), []int{2}},
		{app.Text("Link, card text, JSON export or AIVSS report"), []int{2, 0}},
		{app.Elem("textarea").ID("import-text").Attr("rows", 8).Spellcheck(false).Aria("describedby", "import-hint").Text("").OnInput(noop), []int{3}},
		{app.Elem("button").ID("import-submit").Attr("type", "button").OnClick(noop), []int{4}},
		{app.Text("Import"), []int{4, 0}},
		{app.Elem("p").ID("import-status").Class("tc-import-status").Role("status").Aria("live", "polite"), []int{5}}, // a false app.If takes no place
	}
	for _, c := range checks {
		if err := app.Match(c.expected, tree, c.path...); err != nil {
			t.Errorf("%v: %v", c.path, err)
		}
	}
}

func TestImportOpensTheReferenceCardFromEitherFormat(t *testing.T) {
	tests := []struct {
		name, doc, status string
	}{
		{"published text", gptImage2Text, "Opened “GPT Image 2” from the card text."},
		{"JSON export", gptImage2JSON, "Opened “GPT Image 2” from the JSON export."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, opened := importOf(tt.doc)
			if opened == nil {
				t.Fatalf("nothing opened; failure %v", d.failure)
			}
			if opened.Title != "GPT Image 2" {
				t.Errorf("title %q", opened.Title)
			}
			if got, err := link.Encode(opened); err != nil || got != gptImage2Link {
				t.Errorf("the opened card's link is %q (%v), want the reference link", got, err)
			}
			if d.status != tt.status || d.failure != nil || len(d.warnings) != 0 {
				t.Errorf("status %q, failure %v, warnings %v; want %q and nothing else", d.status, d.failure, d.warnings, tt.status)
			}
		})
	}
}

func TestImportListsTheRemarksOfAPartialCard(t *testing.T) {
	d, opened := importOf(gptImage2PartialText)
	if opened == nil || opened.Title != "GPT Image 2" {
		t.Fatalf("opened %v, failure %v", opened, d.failure)
	}
	mountShare(t, d)
	texts(t, d, []textAt{
		{[]int{0, 5, 0}, "Opened “GPT Image 2” from the card text. 2 remarks, below."},
		{[]int{0, 6, 0, 0}, "Taken with these remarks:"},
		{[]int{0, 6, 1, 0, 0}, "Line 19: L3's text does not end a sentence; it may have been cut short"},
		{[]int{0, 6, 1, 1, 0}, "L4, L5, L6 and L7 are not in the text; marked not assessed"},
	})
	if err := app.Match(app.Elem("ul").ID("import-warnings").Aria("labelledby", "import-warnings-title"), d, 0, 6, 1); err != nil {
		t.Error(err)
	}
}

func TestImportErrorSaysWhereAndKeepsEverything(t *testing.T) {
	const sevenLayers = `{"layer":1},{"layer":2},{"layer":3,"status":"done"},{"layer":4},{"layer":5},{"layer":6},{"layer":7}`
	tests := []struct {
		name    string
		text    string
		message string
		line    string // the line shown under the message; "" for none
	}{
		{"text without a title line", "hello\nworld",
			`Not imported: the card text has a problem. Line 1: expected the card's title line, "<agent> — agentic threat model"`, "hello"},
		{"a factor value that is not a number", "Agent — agentic threat model\nsummary\n| Non-Determinism | high |",
			`Not imported: the card text has a problem. Line 3: Non-Determinism: "high" is not a factor value (0.00 to 1.00, at most two decimals)`, "| Non-Determinism | high |"},
		{"JSON with a bad value", `{"format":"threatcard/1","aivss":{"edition":"v0.8"},"maestro":{"layers":[` + sevenLayers + `]}}`,
			`Not imported: the JSON export has a problem. At maestro.layers[2].status: is "done"; want one of "not-assessed", "mapped", "uncertain"`, ""},
		{"JSON that is not well-formed", "{\n  \"format\": \"threatcard/1\",\n  \"title\" \"x\"\n}",
			`Not imported: the JSON export has a problem. Line 3: not valid JSON at byte 40: invalid character '"' after object key`, ""},
		{"nothing pasted", "",
			"Not imported: the card text has a problem. The text is empty; paste the whole card, from its title line on", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, opened := importOf(tt.text)
			if opened != nil {
				t.Fatalf("opened a card titled %q", opened.Title)
			}
			if d.text != tt.text {
				t.Errorf("the pasted text changed to %q", d.text)
			}
			mountShare(t, d)
			checks := []struct {
				expected app.UI
				path     []int
			}{
				{app.Elem("textarea").ID("import-text").Attr("rows", 8).Spellcheck(false).Aria("describedby", "import-hint import-error").Aria("invalid", "true").Text(tt.text).OnInput(noop), []int{0, 3}},
				{app.Elem("div").ID("import-error").Class("tc-import-error").Role("alert"), []int{0, 5}},
				{app.Text(tt.message), []int{0, 5, 0, 0}},
			}
			if tt.line != "" {
				checks = append(checks, struct {
					expected app.UI
					path     []int
				}{app.Elem("pre").Class("tc-import-line"), []int{0, 5, 1}}, struct {
					expected app.UI
					path     []int
				}{app.Text(tt.line), []int{0, 5, 1, 0}})
			}
			for _, c := range checks {
				if err := app.Match(c.expected, d, c.path...); err != nil {
					t.Errorf("%v: %v", c.path, err)
				}
			}
		})
	}
}

func TestASuccessfulImportClearsTheLastError(t *testing.T) {
	d, _ := importOf("hello")
	var opened *card.Card
	d.OnOpen = func(_ app.Context, c *card.Card) { opened = c }
	d.text = gptImage2JSON
	d.importText(app.Context{})
	if opened == nil || d.failure != nil {
		t.Errorf("opened %v, failure %v", opened, d.failure)
	}
}

func TestImportShowsHostileTextAsText(t *testing.T) {
	const hostile = `<img src=x onerror="alert(1)">`
	doc := strings.Replace(gptImage2JSON, `"title": "GPT Image 2"`, `"title": "`+strings.ReplaceAll(hostile, `"`, `\"`)+`"`, 1)
	d, opened := importOf(doc)
	if opened == nil || opened.Title != hostile {
		t.Fatalf("opened %v, failure %v", opened, d.failure)
	}
	mountShare(t, d)
	texts(t, d, []textAt{{[]int{0, 5, 0}, "Opened “" + hostile + "” from the JSON export."}})
}

func TestImportOfAnUntitledCard(t *testing.T) {
	doc := strings.Replace(gptImage2JSON, `"title": "GPT Image 2"`, `"title": ""`, 1)
	d, opened := importOf(doc)
	if opened == nil || d.status != "Opened an untitled card from the JSON export." {
		t.Errorf("opened %v, status %q", opened, d.status)
	}
}

func TestReplaceOverwritesTheWholeCard(t *testing.T) {
	from := shareCard(t, gptImage2Link)
	dst := shareCard(t, halfFilledLink)
	Replace(from)(dst)
	if got, err := link.Encode(dst); err != nil || got != gptImage2Link {
		t.Errorf("after Replace the card's link is %q (%v), want the replacement's", got, err)
	}
}

// An OWASP AIVSS v0.8 report opens as a card whose vulnerabilities are
// findings; a stated score that is not the one its inputs give is a
// remark, and the card keeps the inputs. The report is worked example
// 3.6.1 (CVSS 9.4 from its vector, the factors summing to 9, ThM 0.97,
// MF 1: AARS = 0.6 × 0.9 × 0.97 = 0.5238, AIVSS 9.9238 → 9.9), stating
// 9.8.
func TestImportOpensAnAIVSSReportWithItsRemarks(t *testing.T) {
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
	d, opened := importOf(report)
	if opened == nil {
		t.Fatalf("nothing opened; failure %v", d.failure)
	}
	if opened.Title != "Tool agent" || opened.AIVSS.Edition != "v0.8" {
		t.Errorf("title %q, edition %q", opened.Title, opened.AIVSS.Edition)
	}
	fs := opened.Findings()
	if len(fs) != 1 || fs[0].Threat.AIVSS.ID != "VULN-001" || !fs[0].Eval.Complete() || fs[0].Eval.Result.Score != "9.9" {
		t.Fatalf("findings %+v; want VULN-001 scoring 9.9", fs)
	}
	if got := headlineOf(opened); got.TopScore != "9.9" || got.TopTitle != "Agentic AI Tool Misuse" || got.Counts != "1 Critical" {
		t.Errorf("headline %+v", got)
	}
	if d.status != "Opened “Tool agent” from the OWASP AIVSS report. One remark, below." {
		t.Errorf("status %q", d.status)
	}
	if len(d.warnings) != 1 || warningText(d.warnings[0]) != "VULN-001: scores.aivss is 9.8; computed 9.9" {
		t.Errorf("remarks %v", d.warnings)
	}
}
