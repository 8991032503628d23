package carddiff

import (
	"bytes"
	"encoding/json"
	"html"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/carddiff/carddifftest"
)

// mfChange is Hand with MF 0.83 (see TestCompareHandWrittenCases).
func mfChange() Diff {
	b := cardtest.Hand()
	b.AIVSS.MF = dec("0.83")
	return Compare(cardtest.Hand(), b)
}

func TestTextIsAsWrittenByHand(t *testing.T) {
	d := mfChange()
	want := `A: Ticket triage bot — AIVSS 9.6 Critical (OWASP AIVSS v0.8)
B: Ticket triage bot — AIVSS 8.0 High (OWASP AIVSS v0.8)
Delta (B − A): -1.6
3 changes:
- MF: None (1) → Partial (0.83) [aivss.mf]
- AIVSS score: 9.6 Critical → 8.0 High (computed) [aivss.score]
- AIVSS severity: Critical → High (computed) [aivss.severity]
`
	if got := d.Text(); got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
	same := Compare(cardtest.Incomplete(), cardtest.Incomplete())
	want = `A: Ticket triage bot — AIVSS not scored (missing Self-Modification, ThM) (OWASP AIVSS v0.8)
B: Ticket triage bot — AIVSS not scored (missing Self-Modification, ThM) (OWASP AIVSS v0.8)
Delta (B − A): none, neither card has a score
The cards are the same.
`
	if got := same.Text(); got != want {
		t.Errorf("Text:\n%s\nwant:\n%s", got, want)
	}
}

func TestMarkdownIsAsWrittenByHand(t *testing.T) {
	d := mfChange()
	want := `**Comparison of two threatcards**

- **A:** **Ticket triage bot** — AIVSS 9.6 Critical (OWASP AIVSS v0.8)
- **B:** **Ticket triage bot** — AIVSS 8.0 High (OWASP AIVSS v0.8)
- **Delta (B − A):** -1.6

3 changes:

| Where | Field | A | B | Change |
| --- | --- | --- | --- | --- |
| — | MF | None (1) | Partial (0.83) | changed |
| — | AIVSS score | 9.6 Critical | 8.0 High | changed (computed) |
| — | AIVSS severity | Critical | High | changed (computed) |
`
	if got := d.Markdown(); got != want {
		t.Errorf("Markdown:\n%s\nwant:\n%s", got, want)
	}
}

func TestJSONIsAsWrittenByHand(t *testing.T) {
	d := mfChange()
	want := `{
  "a": {
    "title": "Ticket triage bot",
    "score": "9.6",
    "severity": "Critical"
  },
  "b": {
    "title": "Ticket triage bot",
    "score": "8.0",
    "severity": "High"
  },
  "delta": "-1.6",
  "changes": [
    {
      "path": "aivss.mf",
      "a": "1",
      "b": "0.83",
      "kind": "changed"
    },
    {
      "path": "aivss.score",
      "a": "9.6",
      "b": "8.0",
      "kind": "changed",
      "derived": true
    },
    {
      "path": "aivss.severity",
      "a": "Critical",
      "b": "High",
      "kind": "changed",
      "derived": true
    }
  ]
}
`
	if got := string(d.JSON()); got != want {
		t.Errorf("JSON:\n%s\nwant:\n%s", got, want)
	}
	// No score: null score, severity and delta; an unset value is null.
	b := cardtest.Hand()
	b.AIVSS.ThM = dec("0.97")
	b.AIVSS.Factors[0] = dec("0")
	a := cardtest.Incomplete()
	a.Title = "<b>&"
	var doc struct {
		A struct {
			Title           string
			Score, Severity *string
		}
		Delta   *string
		Changes []struct {
			Path string
			A, B *string
			Kind string
		}
	}
	if err := json.Unmarshal(Compare(a, b).JSON(), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.A.Title != "<b>&" || doc.A.Score != nil || doc.A.Severity != nil || doc.Delta != nil {
		t.Errorf("a %+v, delta %v", doc.A, doc.Delta)
	}
	var thm bool
	for _, c := range doc.Changes {
		if c.Path == "aivss.thm" {
			thm = c.A == nil && c.B != nil && *c.B == "0.97" && c.Kind == "added"
		}
	}
	if !thm {
		t.Errorf("aivss.thm not added from null: %+v", doc.Changes)
	}
}

// gfm renders like GitHub: CommonMark with the GFM extensions.
var gfm = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))

var tagRE = regexp.MustCompile(`<[^>]*>`)

// visible is HTML's text as a reader sees it: tags dropped, entities
// decoded, white space runs one space.
func visible(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tagRE.ReplaceAllString(h, " "))), " ")
}

// checkRendered renders d's Markdown as GitHub would and checks that it
// has no link, image or HTML, that no text of the cards became markup
// (only the writer's own bold), and that every cell of the table reads as
// the change's words.
func checkRendered(t *testing.T, d Diff) {
	t.Helper()
	md := d.Markdown()
	src := []byte(md)
	doc := gfm.Parser().Parse(text.NewReader(src))
	var bad []string
	gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *gast.Link, *gast.AutoLink, *gast.Image, *gast.RawHTML, *gast.HTMLBlock,
				*gast.CodeSpan, *gast.Emphasis, *gast.CodeBlock, *gast.FencedCodeBlock, *gast.Blockquote, *gast.Heading, *gast.ThematicBreak:
				if e, ok := n.(*gast.Emphasis); ok && e.Level == 2 {
					break // the writer's bold
				}
				bad = append(bad, n.Kind().String())
			}
		}
		return gast.WalkContinue, nil
	})
	if len(bad) > 0 {
		t.Fatalf("Markdown has %v:\n%s", bad, md)
	}
	var out bytes.Buffer
	if err := gfm.Renderer().Render(&out, src, doc); err != nil {
		t.Fatal(err)
	}
	h := out.String()
	if n := strings.Count(h, "<strong>"); n != 4+boolInt(strings.TrimSpace(d.A.Title) != "")+boolInt(strings.TrimSpace(d.B.Title) != "") {
		t.Errorf("%d bold runs:\n%s", n, md)
	}
	for _, s := range []*Side{&d.A, &d.B} {
		if title := strings.Join(strings.Fields(s.Title), " "); !strings.Contains(visible(h), title) {
			t.Errorf("title %q does not read as typed in\n%s", title, visible(h))
		}
	}
	if d.Same() {
		return
	}
	rows := strings.Split(h[strings.Index(h, "<tbody>"):], "<tr>")[1:]
	if len(rows) != len(d.Changes) {
		t.Fatalf("%d rows for %d changes:\n%s", len(rows), len(d.Changes), md)
	}
	for i, row := range rows {
		cells := strings.Split(row, "<td>")[1:]
		c := &d.Changes[i]
		a, b := c.AText, c.BText
		if a == "" {
			a = "—"
		}
		if b == "" {
			b = "—"
		}
		want := []string{orDashWords(c.Where), c.Field, a, b, c.KindWords()}
		if len(cells) != len(want) {
			t.Fatalf("row %d has %d cells:\n%s", i, len(cells), md)
		}
		for k := range want {
			if got := visible(cells[k]); got != strings.Join(strings.Fields(want[k]), " ") {
				t.Errorf("row %d cell %d reads %q, want %q", i, k, got, want[k])
			}
		}
	}
}

func orDashWords(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestRenderedMarkdownOfHostileCardsReadsAsTyped(t *testing.T) {
	for _, s := range cardtest.Hostile {
		a := cardtest.HostileCard(s)
		checkRendered(t, Compare(a, cardtest.Hand()))
		checkRendered(t, Compare(cardtest.Hand(), a))
	}
}

func TestRenderedMarkdownOfRandomCardsReadsAsTyped(t *testing.T) {
	r := rand.New(rand.NewPCG(12, 4))
	for range 200 {
		a := cardtest.RandomWithFindings(r)
		var b *card.Card
		if r.IntN(2) == 0 {
			b = cardtest.RandomWithFindings(r)
		} else {
			b, _ = carddifftest.ChangeOne(r, a)
		}
		checkRendered(t, Compare(a, b))
	}
}
