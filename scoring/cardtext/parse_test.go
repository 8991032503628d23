package cardtext

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

const (
	exampleFile = "../../testdata/card-gpt-image-2.txt"
	fullFile    = "testdata/card-aimod-full.txt"
	partialFile = "testdata/card-gpt-image-2-partial.txt"
	labelFile   = "testdata/card-labelled-out-of-order.txt"
)

// The example card's text, written out: the title without its suffix, and
// each layer's notes as printed, uncertain ones without their
// "Not certain from the listing — ".
const (
	exampleSummary = "GPT Image 2 presents a low-to-moderate agentic risk profile, functioning primarily as a multimodal generation utility rather than an autonomous decision-making agent. The primary security concerns center on model-level manipulation (jailbreaks, deepfakes) and the privacy of uploaded reference images."
	exampleL1      = "Utilizes multimodal foundation models for text-to-image and image-to-image generation. Key threats include adversarial prompt injection to bypass safety filters (generating NSFW or copyrighted content), model evasion, and potential model extraction/stealing via API querying."
	exampleL2      = "No details are provided regarding how uploaded reference photos or optimized prompts are stored, processed, or if they are used for downstream model training. Threats include data exfiltration of user-uploaded images and lack of data lineage controls."
	exampleL3      = "The orchestration layer manages 'Multi-Model Switching' and 'AI Prompt Optimization'. Threats include prompt injection manipulating the optimization step to generate malicious payloads, and insecure tool integration within the 'Editor Matrix'."
	exampleL4      = "No hosting, sandboxing, or infrastructure details are provided. If the API allows fetching reference images via URL, it faces Server-Side Request Forgery (SSRF) risks, alongside standard container compromise threats."
	exampleL5      = "There is no mention of content moderation guardrails, output validation, or logging. Gaps in observability could allow users to generate policy-violating or harmful imagery undetected."
	exampleL6      = "No compliance certifications (e.g., SOC2, ISO) or explicit access control mechanisms are detailed for the API or editor interface."
	exampleL7      = "No multi-agent coordination or marketplace integrations are described. Threats are limited to standard API abuse unless integrated as a downstream tool in larger agentic workflows."
)

func d(s string) decimal.Optional { return decimal.Some(decimal.MustParse(s)) }

// factors lists the ten factor values in the card edition's order:
// Autonomy of Action, Goal-Driven Planning, Self-Modification, Dynamic Tool
// Use, Persistent Memory, Contextual Awareness, Dynamic Identity,
// Multi-Agent Interactions, Non-Determinism, Opacity & Reflexivity.
func factors(v ...string) [card.NumFactors]decimal.Optional {
	var f [card.NumFactors]decimal.Optional
	for i, s := range v {
		if s != "" {
			f[i] = d(s)
		}
	}
	return f
}

func layer(s maestro.Status, notes string) maestro.LayerEntry {
	return maestro.LayerEntry{Status: s, Notes: notes}
}

// exampleCard is testdata/card-gpt-image-2.txt as a card, field by field.
func exampleCard() *card.Card {
	return &card.Card{
		Title:   "GPT Image 2",
		Summary: exampleSummary,
		AIVSS: card.Inputs{
			Edition: "card",
			Factors: factors("0.20", "0.20", "0.10", "0.30", "0.10", "0.30", "0.10", "0.10", "0.80", "0.70"),
		},
		MAESTRO: maestro.Model{Layers: [maestro.NumLayers]maestro.LayerEntry{
			layer(maestro.Mapped, exampleL1),
			layer(maestro.Uncertain, exampleL2),
			layer(maestro.Uncertain, exampleL3),
			layer(maestro.Uncertain, exampleL4),
			layer(maestro.Uncertain, exampleL5),
			layer(maestro.Uncertain, exampleL6),
			layer(maestro.Uncertain, exampleL7),
		}},
	}
}

// fullCard is testdata/card-aimod-full.txt as a card. Its numbers are
// those of the AiMod card in /work/shared/research/maestro.md §4.1: CVSS
// 7.5, factor sum 4.1, ThM 1.0, MF 0.85, printed AARS 1.02 and AIVSS 7.2
// High; the factor values and the paragraphs were made up for the test.
func fullCard() *card.Card {
	return &card.Card{
		Title:   "AiMod",
		Summary: "AiMod screens user posts and uploads for a community platform and can hide, flag or escalate them on its own. Its risk comes mostly from acting without review on content that attackers shape, and from the moderation history it keeps between sessions.",
		AIVSS: card.Inputs{
			Edition:   "card",
			CVSSScore: d("7.5"),
			Factors:   factors("0.60", "0.50", "0.10", "0.80", "0.40", "0.60", "0.20", "0.30", "0.40", "0.20"),
			ThM:       d("1.0"),
			MF:        d("0.85"),
		},
		MAESTRO: maestro.Model{Layers: [maestro.NumLayers]maestro.LayerEntry{
			layer(maestro.Mapped, "Classification runs on a hosted language model, so crafted posts can try to talk the classifier out of a verdict (“this is satire, allow it”), and repeated probing can map where its decision boundary lies."),
			layer(maestro.Uncertain, "The listing does not say where flagged content and past verdicts are stored. If they feed later tuning, a steady stream of mislabelled reports could shift what the agent considers acceptable."),
			layer(maestro.Mapped, "The agent calls platform actions (hide, flag, escalate) as tools. An injected instruction inside a post could trigger those actions against the wrong account or suppress a legitimate report."),
			layer(maestro.Uncertain, "Hosting is not described. A shared API key for the platform’s moderation endpoints would let anyone who obtains it act with the agent’s full authority."),
			layer(maestro.Uncertain, "No audit trail of automated decisions is mentioned, which would make wrongful removals hard to detect or appeal."),
			layer(maestro.Uncertain, "Content-moderation duties under regional platform rules are not addressed, nor is who may override the agent."),
			layer(maestro.Mapped, "It takes reports from other bots on the platform; a hostile bot could flood it with false reports to get a target’s posts hidden."),
		}},
	}
}

// fullPrinted is what the AiMod card prints.
var fullPrinted = Printed{Score: "7.2", Severity: "High", CVSS: "7.5", AARS: "1.02", FactorSum: "4.1", ThM: "1.0", MF: "0.85"}

func readFile(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// edit replaces old by new in s, and fails the test if s has no old: an
// edit that changes nothing would make the test check nothing.
func edit(t testing.TB, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("the text has no %q to replace", old)
	}
	return strings.Replace(s, old, new, 1)
}

// diffCards lists the fields in which got differs from want.
func diffCards(got, want *card.Card) []string {
	var diffs []string
	add := func(field string, g, w any) {
		if !reflect.DeepEqual(g, w) {
			diffs = append(diffs, fmt.Sprintf("%s = %#v, want %#v", field, g, w))
		}
	}
	add("Title", got.Title, want.Title)
	add("Summary", got.Summary, want.Summary)
	add("AIVSS.Edition", got.AIVSS.Edition, want.AIVSS.Edition)
	add("AIVSS.CVSSVector", got.AIVSS.CVSSVector, want.AIVSS.CVSSVector)
	add("AIVSS.CVSSScore", got.AIVSS.CVSSScore, want.AIVSS.CVSSScore)
	for i := range got.AIVSS.Factors {
		add(fmt.Sprintf("AIVSS.Factors[%d]", i), got.AIVSS.Factors[i], want.AIVSS.Factors[i])
	}
	add("AIVSS.ThM", got.AIVSS.ThM, want.AIVSS.ThM)
	add("AIVSS.MF", got.AIVSS.MF, want.AIVSS.MF)
	for i := range got.MAESTRO.Layers {
		g, w := got.MAESTRO.Layers[i], want.MAESTRO.Layers[i]
		add(fmt.Sprintf("L%d.Status", i+1), g.Status.String(), w.Status.String())
		add(fmt.Sprintf("L%d.Notes", i+1), g.Notes, w.Notes)
		add(fmt.Sprintf("L%d.Threats", i+1), g.Threats, w.Threats)
	}
	add("MAESTRO.CrossLayer", got.MAESTRO.CrossLayer, want.MAESTRO.CrossLayer)
	return diffs
}

func warningTexts(ws []Warning) []string {
	var s []string
	for _, w := range ws {
		s = append(s, w.String())
	}
	return s
}

// checkResult compares a whole result with what is wanted.
func checkResult(t *testing.T, r *Result, want *card.Card, printed Printed, warnings []string) {
	t.Helper()
	for _, diff := range diffCards(r.Card, want) {
		t.Error(diff)
	}
	if r.Printed != printed {
		t.Errorf("Printed = %+v, want %+v", r.Printed, printed)
	}
	if got := warningTexts(r.Warnings); !reflect.DeepEqual(got, warnings) {
		t.Errorf("warnings:\n got  %q\n want %q", got, warnings)
	}
}

func TestParseWholeCards(t *testing.T) {
	example := readFile(t, exampleFile)
	full := readFile(t, fullFile)
	tests := []struct {
		name     string
		text     string
		want     *card.Card
		printed  Printed
		warnings []string
	}{
		{"short layout: the example card imports as written", example, exampleCard(), Printed{}, nil},
		{"short layout with CRLF endings and trailing spaces gives the same card",
			strings.ReplaceAll(example, "\n", "  \r\n"), exampleCard(), Printed{}, nil},
		{"short layout with a byte-order mark and tab-indented lines gives the same card",
			"\uFEFF" + strings.ReplaceAll(example, "\n", "\n\t"), exampleCard(), Printed{}, nil},
		{"short layout with blank lines between the parts gives the same card",
			strings.ReplaceAll(example, "\n", "\n\n"), exampleCard(), Printed{}, nil},
		{"full layout: nav line, back link, headline, chips, alternate factor lines, glued headings; printed numbers match",
			full, fullCard(), fullPrinted, nil},
		{"labelled paragraphs are placed by their label, L3 before L2",
			readFile(t, labelFile), exampleCard(), Printed{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.text)
			if err != nil {
				t.Fatal(err)
			}
			checkResult(t, r, tt.want, tt.printed, tt.warnings)
		})
	}
}

func TestParsePartialPaste(t *testing.T) {
	// The example card cut in the middle of L3's paragraph (line 19).
	r, err := Parse(readFile(t, partialFile))
	if err != nil {
		t.Fatal(err)
	}
	want := exampleCard()
	want.MAESTRO.Layers[2].Notes = "The orchestration layer manages 'Multi-Model Switching' and 'AI Prompt Optimization'. Threats include prompt injection manipulating the optimization step to generate"
	for i := 3; i < maestro.NumLayers; i++ {
		want.MAESTRO.Layers[i] = layer(maestro.NotAssessed, "")
	}
	checkResult(t, r, want, Printed{}, []string{
		"line 19: L3's text does not end a sentence; it may have been cut short",
		"L4, L5, L6 and L7 are not in the text; marked not assessed",
	})
}

// TestParsePrintedNumbers changes one printed number of the AiMod card at a
// time. The card edition's values for its inputs are those the real card
// printed (maestro.md §4.1): AIVSS 7.2 High, AARS 1.02, factor sum 4.1.
func TestParsePrintedNumbers(t *testing.T) {
	full := readFile(t, fullFile)
	tests := []struct {
		name, old, new string
		printed        func(p *Printed)
		warnings       []string
	}{
		{"a wrong printed score is a mismatch warning",
			"7.2AIVSS 7.2 · High", "7.3AIVSS 7.3 · High",
			func(p *Printed) { p.Score = "7.3" },
			[]string{"line 4: printed AIVSS 7.3 but the card edition computes 7.2 from these inputs"}},
		{"a wrong printed severity is a mismatch warning",
			"7.2AIVSS 7.2 · High", "7.2AIVSS 7.2 · Medium",
			func(p *Printed) { p.Severity = "Medium" },
			[]string{"line 4: printed severity Medium but the card edition computes High from these inputs"}},
		{"a wrong printed AARS uplift is a mismatch warning",
			"AARS uplift 1.02", "AARS uplift 1.05",
			func(p *Printed) { p.AARS = "1.05" },
			[]string{"line 9: printed AARS uplift 1.05 but the card edition computes 1.02 from these inputs"}},
		{"a printed factor sum other than the sum of the rows is a warning",
			"Factor sum 4.1/10", "Factor sum 4.2/10",
			func(p *Printed) { p.FactorSum = "4.2" },
			[]string{"line 9: printed factor sum 4.2 but the factor values add up to 4.1"}},
		{"a factor changed under a right printed sum is caught by the sum and the score",
			"Dynamic Identity\n0.20", "Dynamic Identity\n0.90",
			func(p *Printed) {},
			[]string{
				"line 9: printed factor sum 4.1 but the factor values add up to 4.8",
				"line 4: printed AIVSS 7.2 but the card edition computes 7.4 from these inputs",
				"line 9: printed AARS uplift 1.02 but the card edition computes 1.20 from these inputs",
			}},
		{"a headline whose big number differs from its label is a warning; the label's score is taken",
			"7.2AIVSS 7.2 · High", "7.3AIVSS 7.2 · High",
			func(p *Printed) {},
			[]string{"line 4: the headline prints two different scores, 7.3 and 7.2; 7.2 is taken"}},
		{"printed numbers written with other decimals are the same numbers",
			"Threat ×1.0Mitigation ×0.85", "Threat ×1.00Mitigation ×0.850",
			func(p *Printed) { p.ThM, p.MF = "1.00", "0.850" },
			nil},
		{"without the chips the printed score cannot be checked, and says why",
			"CVSS base 7.5AARS uplift 1.02Factor sum 4.1/10Threat ×1.0Mitigation ×0.85\n", "",
			func(p *Printed) { *p = Printed{Score: "7.2", Severity: "High"} },
			[]string{"line 4: printed AIVSS 7.2 cannot be checked: the card lacks CVSS, ThM, MF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(edit(t, full, tt.old, tt.new))
			if err != nil {
				t.Fatal(err)
			}
			printed := fullPrinted
			tt.printed(&printed)
			if r.Printed != printed {
				t.Errorf("Printed = %+v, want %+v", r.Printed, printed)
			}
			if got := warningTexts(r.Warnings); !reflect.DeepEqual(got, tt.warnings) {
				t.Errorf("warnings:\n got  %q\n want %q", got, tt.warnings)
			}
		})
	}
}

// TestParseVariants checks one way of writing a part of a card at a time,
// each an edit of the example or the AiMod card.
func TestParseVariants(t *testing.T) {
	example := readFile(t, exampleFile)
	full := readFile(t, fullFile)
	type edit1 struct{ old, new string }
	tests := []struct {
		name     string
		base     string
		edits    []edit1
		change   func(c *card.Card) // the wanted card, from the base's
		warnings []string
	}{
		{"the uncertain prefix with an en dash is cut",
			example, []edit1{{"Not certain from the listing — No details", "Not certain from the listing – No details"}},
			nil, nil},
		{"the uncertain prefix with -- is cut",
			example, []edit1{{"Not certain from the listing — No details", "Not certain from the listing -- No details"}},
			nil, nil},
		{"the uncertain prefix with a hyphen is cut",
			example, []edit1{{"Not certain from the listing — No details", "Not certain from the listing - No details"}},
			nil, nil},
		{"factor rows are matched by name, in any order",
			example, []edit1{{"| Autonomy of Action | 0.20 | |\n", ""}, {"| Opacity & Reflexivity | 0.70 |", "| Opacity & Reflexivity | 0.70 |\n| Autonomy of Action | 0.20 | |"}},
			nil, nil},
		{"factor names with \"and\" for \"&\", other case and spaces for hyphens are the same factors",
			example, []edit1{{"| Opacity & Reflexivity |", "| opacity and reflexivity |"}, {"| Goal-Driven Planning |", "| Goal Driven Planning |"}},
			nil, nil},
		{"AIVSS v0.5's short names Tool Use and Memory Use are Dynamic Tool Use and Persistent Memory",
			example, []edit1{{"| Dynamic Tool Use |", "| Tool Use |"}, {"| Persistent Memory |", "| Memory Use |"}},
			nil, nil},
		{"a factor table with a header row and a rule imports the same",
			example, []edit1{{"OWASP AIVSS score rationale\n", "OWASP AIVSS score rationale\n| Factor | Value | |\n|---|---|---|\n"}},
			nil, nil},
		{"a factor name and value on one line, tab-separated",
			example, []edit1{{"| Self-Modification | 0.10 | |", "Self-Modification\t0.10"}},
			nil, nil},
		{"a missing factor is left unset, with a warning",
			example, []edit1{{"| Self-Modification | 0.10 | |\n", ""}},
			func(c *card.Card) { c.AIVSS.Factors[2] = decimal.Optional{} },
			[]string{"no value for Self-Modification; left unset"}},
		{"text in a factor row's third cell is not kept, with a warning",
			example, []edit1{{"| Non-Determinism | 0.80 | |", "| Non-Determinism | 0.80 | output varies |"}},
			nil, []string{"line 12: the text after the value of Non-Determinism is not kept"}},
		{"more than seven unlabelled paragraphs: the eighth is ignored, with a warning",
			example, []edit1{{"MAESTRO — the 7-layer", "One more paragraph.\nMAESTRO — the 7-layer"}},
			nil, []string{"line 24: text after the seventh layer's paragraph; ignored"}},
		{"text between the factors and the MAESTRO section is ignored, with a warning",
			example, []edit1{{"MAESTRO 7-layer threat model\n", "A stray line.\nMAESTRO 7-layer threat model\n"}},
			nil, []string{"line 15: text in the AIVSS rationale that is not a factor or a printed number; ignored"}},
		{"text after the MAESTRO footer line is ignored, with a warning",
			example, []edit1{{"(Cloud Security Alliance / Ken Huang).", "(Cloud Security Alliance / Ken Huang).\nShare this card"}},
			nil, []string{"line 25: text after the end of the MAESTRO section; ignored"}},
		{"a card without a summary imports, with a warning",
			example, []edit1{{exampleSummary + "\n", ""}},
			func(c *card.Card) { c.Summary = "" }, []string{"the card has no summary"}},
		{"a summary of two lines keeps both",
			example, []edit1{{exampleSummary, "First line.\nSecond line."}},
			func(c *card.Card) { c.Summary = "First line.\nSecond line." }, nil},
		{"the \"and\" spelling of a layer name in a heading is the same layer",
			full, []edit1{{"L4 · Deployment & Infrastructure⚠", "L4 · Deployment and Infrastructure ⚠"}},
			nil, nil},
		{"a heading's status on a line of its own",
			full, []edit1{{"L3 · Agent Frameworks✓ mapped", "L3 · Agent Frameworks\n✓ mapped"}},
			nil, nil},
		{"a heading without a status: the paragraph's prefix decides",
			full, []edit1{{"L2 · Data Operations⚠ not certain from listing", "L2 · Data Operations"}, {"L3 · Agent Frameworks✓ mapped", "L3 · Agent Frameworks"}},
			nil, nil},
		{"a heading marked uncertain whose paragraph has no prefix is uncertain, text as is",
			full, []edit1{{"Not certain from the listing — Hosting", "Hosting"}},
			nil, nil},
		{"a heading marked mapped whose paragraph has the prefix stays mapped, text as is, with a warning",
			full, []edit1{{"The agent calls platform", "Not certain from the listing — The agent calls platform"}},
			func(c *card.Card) {
				c.MAESTRO.Layers[2].Notes = "Not certain from the listing — " + c.MAESTRO.Layers[2].Notes
			},
			[]string{"line 38: L3 is marked mapped but its text begins \"Not certain from the listing\"; kept as mapped, text as is"}},
		{"inside the MAESTRO section a factor name or a table row is the layer's text",
			full, []edit1{{"L3 · Agent Frameworks✓ mapped\n", "L3 · Agent Frameworks✓ mapped\nDynamic Tool Use\n| Tool | Risk |\n"}},
			func(c *card.Card) {
				c.MAESTRO.Layers[2].Notes = "Dynamic Tool Use\n| Tool | Risk |\n" + c.MAESTRO.Layers[2].Notes
			}, nil},
		{"two lines under one heading are both that layer's notes",
			full, []edit1{{"suppress a legitimate report.", "suppress a legitimate report.\nA second paragraph."}},
			func(c *card.Card) { c.MAESTRO.Layers[2].Notes += "\nA second paragraph." }, nil},
		{"a heading that names another layer is placed by its number, with a warning",
			full, []edit1{{"L5 · Evaluation & Observability", "L5 · Security & Compliance"}},
			nil, []string{"line 41: the heading L5 names Security and Compliance; the layer is placed by its number as L5 Evaluation and Observability"}},
		{"a heading with no text keeps its status, with a warning",
			full, []edit1{{"\nNot certain from the listing — No audit trail of automated decisions is mentioned, which would make wrongful removals hard to detect or appeal.", ""}},
			func(c *card.Card) { c.MAESTRO.Layers[4].Notes = "" },
			[]string{"line 41: L5 has a heading but no text"}},
		{"a heading without status or text leaves its layer not assessed, with a warning",
			full, []edit1{{"L5 · Evaluation & Observability⚠ not certain from listing\nNot certain from the listing — No audit trail of automated decisions is mentioned, which would make wrongful removals hard to detect or appeal.", "L5 · Evaluation & Observability"}},
			func(c *card.Card) { c.MAESTRO.Layers[4] = layer(maestro.NotAssessed, "") },
			[]string{"line 41: L5 has a heading but no text"}},
		{"a layer missing in the middle is not assessed, with a warning",
			full, []edit1{{"L6 · Security & Compliance⚠ not certain from listing\nNot certain from the listing — Content-moderation duties under regional platform rules are not addressed, nor is who may override the agent.\n", ""}},
			func(c *card.Card) { c.MAESTRO.Layers[5] = layer(maestro.NotAssessed, "") },
			[]string{"L6 is not in the text; marked not assessed"}},
		{"a paragraph on the heading's line after the status",
			full, []edit1{{"L7 · Agent Ecosystem✓ mapped\n", "L7 · Agent Ecosystem✓ mapped "}},
			nil, nil},
		{"without a title line the back link gives the title, with a warning",
			full, []edit1{{"AiMod — agentic threat model\n", ""}},
			nil, []string{"line 2: no title line \"<agent> — agentic threat model\"; the title is taken from the back link"}},
		{"a back link to another agent than the title's is a warning",
			full, []edit1{{"← AiMod", "← AiMod Pro"}},
			nil, []string{"line 2: the back link names \"AiMod Pro\" but the title is \"AiMod\"; the title is kept"}},
		{"the headline on two lines, big number and label apart, before the summary",
			full, []edit1{{"7.2AIVSS 7.2 · High", "AIVSS 7.2 · High"}},
			nil, nil},
		{"chips one per line, with spaces and separators",
			full, []edit1{{"CVSS base 7.5AARS uplift 1.02Factor sum 4.1/10Threat ×1.0Mitigation ×0.85", "CVSS base: 7.5\nAARS uplift 1.02 · Factor sum 4.1 / 10\nThreat × 1.0 | Mitigation × 0.85"}},
			nil, nil},
		{"a title with an en dash and other case",
			full, []edit1{{"AiMod — agentic threat model", "AiMod – Agentic Threat Model"}},
			nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.base
			for _, e := range tt.edits {
				text = edit(t, text, e.old, e.new)
			}
			r, err := Parse(text)
			if err != nil {
				t.Fatal(err)
			}
			want, printed := exampleCard(), Printed{}
			if tt.base == full {
				want, printed = fullCard(), fullPrinted
			}
			if tt.change != nil {
				tt.change(want)
			}
			checkResult(t, r, want, printed, tt.warnings)
		})
	}
}

func TestParseErrors(t *testing.T) {
	example := readFile(t, exampleFile)
	full := readFile(t, fullFile)
	long := func(n int) string { return strings.Repeat("a", n) }
	tests := []struct {
		name  string
		text  string
		line  int
		msg   string // the start of ParseError.Msg
		field string // the *card.FieldError underneath, if any
	}{
		{"empty input", "", 0, "the text is empty", ""},
		{"blank lines only", "\n  \r\n\t\n", 0, "the text is empty", ""},
		{"garbage: no title line", "hello world\nthis is not a card\n| a | b |", 1, "expected the card's title line", ""},
		{"garbage after blank lines names the first line of text", "\n\nhello", 3, "expected the card's title line", ""},
		{"a title line too far down", "one\ntwo\nthree\nfour\nX — agentic threat model", 1, "expected the card's title line", ""},
		{"a factor given twice",
			edit(t, example, "| Self-Modification | 0.10 | |", "| Self-Modification | 0.10 | |\n| self-modification | 0.30 |"),
			7, "Self-Modification is given a second time; it was first on line 6", ""},
		{"a factor given twice in the alternate layout",
			edit(t, full, "Self-Modification\n0.10", "Self-Modification\n0.10\nSelf-Modification\n0.10"),
			16, "Self-Modification is given a second time; it was first on line 15", ""},
		{"an unknown factor row", edit(t, example, "| Dynamic Identity |", "| Identity |"),
			10, `unknown factor "Identity"; the card's factors are Autonomy of Action, Goal-Driven Planning,`, ""},
		{"a factor row without a value", edit(t, example, "| Dynamic Identity | 0.10 | |", "| Dynamic Identity | |"),
			10, "the row of Dynamic Identity has no value", ""},
		{"a factor value above 1", edit(t, example, "| Non-Determinism | 0.80 |", "| Non-Determinism | 1.20 |"),
			12, "Non-Determinism: 1.20 is above 1.00", ""},
		{"a factor value that is not a number", edit(t, example, "| Non-Determinism | 0.80 |", "| Non-Determinism | high |"),
			12, `Non-Determinism: "high" is not a factor value`, ""},
		{"a factor value with three decimals", edit(t, example, "| Non-Determinism | 0.80 |", "| Non-Determinism | 0.805 |"),
			12, `Non-Determinism: "0.805" is not a factor value`, ""},
		{"a factor value line that is not a number", edit(t, full, "Dynamic Identity\n0.20", "Dynamic Identity\nlow"),
			23, `Dynamic Identity: "low" is not a factor value`, ""},
		{"a layer label twice", edit(t, full, "L3 · Agent Frameworks", "L2 · Agent Frameworks"),
			37, "L2 appears a second time; it was first on line 35", ""},
		{"a layer that does not exist", edit(t, full, "L7 · Agent Ecosystem", "L8 · Agent Ecosystem"),
			45, "there is no layer L8; MAESTRO has L1 to L7", ""},
		{"a control character", edit(t, example, "GPT Image 2 presents", "GPT Image 2\x07 presents"),
			2, "contains the control character U+0007", ""},
		{"text that is not UTF-8", edit(t, example, "Utilizes", "Util\xffizes"),
			17, "is not valid UTF-8 text", ""},
		{"a title over the limit", edit(t, example, "GPT Image 2 —", long(card.MaxTitle+1)+" —"),
			1, "the title has 201 characters; the limit is 200", "title"},
		{"a summary over the limit", edit(t, example, exampleSummary, long(card.MaxSummary+1)),
			2, "the summary has 2001 characters; the limit is 2000", "summary"},
		{"a layer's notes over the limit", edit(t, example, exampleL6, long(card.MaxNotes+1)),
			22, "the notes of L6 Security and Compliance have 4001 characters; the limit is 4000", "maestro.layers[5].notes"},
		{"a labelled layer's notes over the limit name the heading's line", edit(t, full, "It takes reports", long(card.MaxNotes)),
			45, "the notes of L7 Agent Ecosystem have", "maestro.layers[6].notes"},
		{"a CVSS base with two decimals", edit(t, full, "CVSS base 7.5", "CVSS base 7.55"),
			9, "the CVSS score is 7.55; a CVSS v4.0 score is 0.0 to 10.0 with one decimal", "aivss.cvss_score"},
		{"a CVSS base over 10", edit(t, full, "CVSS base 7.5", "CVSS base 11.0"),
			9, "the CVSS score is 11.0", "aivss.cvss_score"},
		{"a threat multiplier the card edition does not take", edit(t, full, "Threat ×1.0", "Threat ×2.5"),
			9, "the threat multiplier (ThM) is 2.5; the AgentReady threat-model cards edition takes 0 to 2", "aivss.thm"},
		{"a mitigation multiplier the card edition does not take", edit(t, full, "Mitigation ×0.85", "Mitigation ×1.5"),
			9, "the mitigation factor (MF) is 1.5; the AgentReady threat-model cards edition takes 0 to 1", "aivss.mf"},
		{"a chip printed twice with two values", edit(t, full, "Mitigation ×0.85", "Mitigation ×0.85\nCVSS base 7.4"),
			10, "CVSS base 7.4 differs from 7.5 on line 9", ""},
		{"unreadable text after two chips", edit(t, full, "Mitigation ×0.85", "Mitigation ×0.85Bonus 3"),
			9, `cannot read the chip that begins "Bonus 3"`, ""},
		{"a headline score over 10", edit(t, full, "7.2AIVSS 7.2 · High", "AIVSS 12.5 · High"),
			4, `"12.5" is not an AIVSS score`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse(tt.text)
			if err == nil {
				t.Fatalf("no error; card %+v", r.Card)
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %T %v is not a *ParseError", err, err)
			}
			if pe.Line != tt.line || !strings.HasPrefix(pe.Msg, tt.msg) {
				t.Errorf("error at line %d: %q\nwant line %d: %q…", pe.Line, pe.Msg, tt.line, tt.msg)
			}
			if tt.line > 0 {
				lines := strings.Split(strings.ReplaceAll(tt.text, "\r\n", "\n"), "\n")
				if want := strings.TrimSpace(strings.ToValidUTF8(lines[tt.line-1], "\uFFFD")); pe.Text != want {
					t.Errorf("Text = %q, want line %d, %q", pe.Text, tt.line, want)
				}
			}
			var fe *card.FieldError
			if gotField := errors.As(err, &fe); gotField != (tt.field != "") || (gotField && fe.Loc.Path() != tt.field) {
				t.Errorf("FieldError underneath: %v, want field %q", fe, tt.field)
			}
		})
	}
}

func TestParseErrorUnderneath(t *testing.T) {
	_, err := Parse(edit(t, readFile(t, exampleFile), "| Non-Determinism | 0.80 |", "| Non-Determinism | 0.8.0 |"))
	var se *decimal.SyntaxError
	if !errors.As(err, &se) || se.Text != "0.8.0" {
		t.Errorf("error %v does not wrap the *decimal.SyntaxError for \"0.8.0\"", err)
	}
}

func TestErrorText(t *testing.T) {
	tests := []struct {
		name string
		err  *ParseError
		want string
	}{
		{"a line", &ParseError{Line: 12, Text: "| Identity | 0.10 | |", Msg: `unknown factor "Identity"`},
			`cardtext: line 12 "| Identity | 0.10 | |": unknown factor "Identity"`},
		{"a long line is shortened to 60 characters", &ParseError{Line: 3, Text: strings.Repeat("é", 70), Msg: "m"},
			`cardtext: line 3 "` + strings.Repeat("é", 60) + `…": m`},
		{"the text as a whole", &ParseError{Msg: "the text is empty"}, "cardtext: the text is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWarningText(t *testing.T) {
	tests := []struct {
		w    Warning
		want string
	}{
		{Warning{Line: 4, Msg: "printed AIVSS 7.3 but the card edition computes 7.2 from these inputs"},
			"line 4: printed AIVSS 7.3 but the card edition computes 7.2 from these inputs"},
		{Warning{Msg: "the card has no summary"}, "the card has no summary"},
	}
	for _, tt := range tests {
		if got := tt.w.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
