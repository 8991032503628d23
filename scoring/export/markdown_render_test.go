package export

import (
	"bytes"
	"cmp"
	"html"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// The tests in this file render the Markdown export with goldmark and
// GitHub's extensions (tables, strike-through, extended autolinks, task
// lists) and compare what a reader of the rendered ticket sees with the
// card: every piece of the card's text must read as typed, and the card's
// link must be the only link, with no image and no HTML.

// gfm renders like GitHub: CommonMark with the GFM extensions.
var gfm = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList))

// Markers for the inline elements in visible text. No card text in these
// tests holds them.
const (
	mStrong, mStrongEnd = "⟦b⟧", "⟦/b⟧"
	mCode, mCodeEnd     = "⟦code⟧", "⟦/code⟧"
	mLink, mLinkEnd     = "⟦a⟧", "⟦/a⟧"
)

// rendered is a Markdown document as goldmark reads and renders it.
type rendered struct {
	blocks []string // visible text of each block, see visibleBlocks
	links  []string // destinations of links, autolinks included
	images int
	html   int // raw HTML, inline or block
}

func render(t *testing.T, md string) rendered {
	t.Helper()
	src := []byte(md)
	doc := gfm.Parser().Parse(text.NewReader(src))
	var r rendered
	err := gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Link:
			r.links = append(r.links, string(n.Destination))
		case *gast.AutoLink:
			r.links = append(r.links, string(n.URL(src)))
		case *gast.Image:
			r.images++
		case *gast.RawHTML, *gast.HTMLBlock:
			r.html++
		}
		return gast.WalkContinue, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := gfm.Renderer().Render(&out, src, doc); err != nil {
		t.Fatal(err)
	}
	r.blocks = visibleBlocks(out.String())
	return r
}

// visibleBlocks reads goldmark's HTML as a list of blocks, each the kind
// of block ("p", "h3", "th", "td") and its visible text: entities
// decoded, runs of white space made one space, and inline elements marked
// (⟦b⟧…⟦/b⟧ for strong, ⟦code⟧…⟦/code⟧, ⟦a⟧…⟦/a⟧, ⟦em⟧, ⟦del⟧, ⟦img⟧ and
// so on). Any other element, or text outside a block, is a block of its
// own, so a list, quote, code block or rule the card's text makes shows.
func visibleBlocks(h string) []string {
	var blocks []string
	var cur *strings.Builder
	open := ""
	flush := func() {
		if cur != nil {
			blocks = append(blocks, open+": "+strings.Join(strings.Fields(cur.String()), " "))
			cur = nil
		}
	}
	for h != "" {
		lt := strings.IndexByte(h, '<')
		if lt < 0 {
			lt = len(h)
		}
		if txt := html.UnescapeString(h[:lt]); cur != nil {
			cur.WriteString(txt)
		} else if strings.TrimSpace(txt) != "" {
			blocks = append(blocks, "text: "+strings.TrimSpace(txt))
		}
		h = h[lt:]
		if h == "" {
			break
		}
		gt := strings.IndexByte(h, '>')
		if gt < 0 { // goldmark writes no bare '<'
			blocks = append(blocks, "text: "+h)
			break
		}
		tag := h[1:gt]
		h = h[gt+1:]
		end := strings.HasPrefix(tag, "/")
		name := strings.TrimPrefix(tag, "/")
		if i := strings.IndexAny(name, " \t\n/"); i >= 0 {
			name = name[:i]
		}
		switch name {
		case "p", "h1", "h2", "h3", "h4", "h5", "h6", "th", "td":
			flush()
			if !end {
				cur, open = &strings.Builder{}, name
			}
			continue
		case "table", "thead", "tbody", "tr":
			if cur == nil {
				continue
			}
		}
		marker := "⟦" + name + "⟧"
		switch name {
		case "strong":
			marker = "⟦b⟧"
		case "!--":
			marker = "⟦comment⟧"
		}
		if end {
			marker = "⟦/" + strings.TrimPrefix(marker, "⟦")
		}
		if cur != nil {
			cur.WriteString(marker)
		} else {
			blocks = append(blocks, marker)
		}
	}
	flush()
	return blocks
}

// anyText in a wanted block matches any text.
const anyText = "\x00"

// blockMatches reports whether got is the wanted block.
func blockMatches(want, got string) bool {
	before, after, wild := strings.Cut(want, anyText)
	if !wild {
		return got == want
	}
	return len(got) >= len(before)+len(after) && strings.HasPrefix(got, before) && strings.HasSuffix(got, after)
}

// norm makes runs of white space one space and trims the ends, as HTML
// shows text.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// nonBlankLines are the lines of s that hold more than white space.
func nonBlankLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if norm(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// wantBlocks is what a reader should see of c's Markdown: the blocks of
// visibleBlocks, with every piece of the card's text as typed (line
// breaks within a table cell or a bold name read as spaces; a summary's or
// notes' lines are paragraphs). The words the export adds are those of
// markdown.go.
func wantBlocks(c *card.Card) []string {
	ev := card.Evaluate(c)
	ed := ev.Edition
	in := &c.AIVSS
	var b []string
	add := func(kind string, s ...string) {
		for _, x := range s {
			b = append(b, kind+": "+norm(x))
		}
	}

	first := ""
	if norm(c.Title) != "" {
		first = mStrong + norm(c.Title) + mStrongEnd + " — "
	}
	switch {
	case ev.Err != nil:
		first += "AIVSS not scored:" + anyText + "("
	case ev.Complete():
		first += "AIVSS " + ev.Result.Score + " " + string(ev.Result.Severity) + " ("
	default:
		// What is missing is in the edition's words, not the card's text.
		first += "AIVSS incomplete, missing" + anyText + "("
	}
	first += ed.Name + ") · "
	// The findings, highest first (ties in card order), and what the
	// headline says of them.
	type shown struct {
		id, score, category, name, cvss string
		value                           decimal.Decimal
		scored                          bool
	}
	var findings []shown
	counts := map[aivss.Severity]int{}
	unscored := 0
	for _, f := range c.Findings() {
		a := &f.Threat.AIVSS
		s := shown{id: norm(a.ID), category: "—", name: norm(f.Threat.Name()), cvss: "not set"}
		if id := f.Threat.CatalogID; id != "" {
			if _, known := maestro.LookupThreat(id); !known {
				s.name = mCode + id + mCodeEnd
			}
		}
		if a.Category != 0 {
			s.category = a.Category.String()
		}
		switch {
		case f.Eval.Vector != nil:
			s.cvss = f.Eval.Vector.BaseScore().Format(1) + " from " + mCode + a.CVSSVector + mCodeEnd
		case a.CVSSScore.Set:
			s.cvss = a.CVSSScore.Value.Format(1)
		}
		if f.Eval.Complete() {
			s.score, s.value, s.scored = f.Eval.Result.Score+" "+string(f.Eval.Result.Severity), f.Eval.Result.Value, true
			counts[f.Eval.Result.Severity]++
		} else {
			s.score = "not scored:" + anyText
			unscored++
		}
		findings = append(findings, s)
	}
	slices.SortStableFunc(findings, func(a, b shown) int {
		switch {
		case a.scored && b.scored:
			return cmp.Compare(b.value, a.value)
		case a.scored != b.scored:
			if a.scored {
				return -1
			}
			return 1
		}
		return 0
	})
	if len(findings) > 0 && findings[0].scored {
		var parts []string
		for _, sev := range []aivss.Severity{aivss.Critical, aivss.High, aivss.Medium, aivss.Low, aivss.None} {
			if counts[sev] > 0 {
				parts = append(parts, strconv.Itoa(counts[sev])+" "+string(sev))
			}
		}
		if unscored > 0 {
			parts = append(parts, strconv.Itoa(unscored)+" not scored")
		}
		first += "Highest finding: " + findings[0].score + " — " + findings[0].name + "; " + strings.Join(parts, ", ") + " · "
	}
	add("p", first+mLink+"Open the threatcard"+mLinkEnd)
	add("p", nonBlankLines(c.Summary)...)

	add("th", "AIVSS input", "Value")
	cvss := "not set"
	switch {
	case ev.Vector != nil:
		cvss = ev.Vector.BaseScore().Format(1) + " from " + mCode + in.CVSSVector + mCodeEnd
	case in.CVSSScore.Set:
		cvss = in.CVSSScore.Value.Format(1)
	}
	add("td", "CVSS v4.0 base score", cvss)
	if name, score, ok := ev.OtherCVSS(); ok {
		add("td", name+" score (for reference; AIVSS takes the base score)", score.Format(1))
	}
	for i, f := range ed.Factors {
		add("td", f.Name, scaleValue(&ed.Levels, in.Factors[i]))
	}
	thm := scaleValue(&ed.ThM, ev.ThM)
	if src := ev.ThMSource(); src != "" {
		thm += ", " + src
	}
	add("td", "Threat multiplier (ThM)", thm)
	if ed.HasMF {
		add("td", "Mitigation factor (MF)", scaleValue(&ed.MF, in.MF))
	}

	if len(findings) > 0 {
		add("h3", "Findings")
		add("th", "Finding", "AIVSS", "OWASP core risk", "Threat", "CVSS v4.0")
		for _, f := range findings {
			add("td", f.id, f.score, f.category, f.name, f.cvss)
		}
	}
	add("h3", "MAESTRO threat model")
	threats := func(ts []maestro.Threat, cross bool) {
		if len(ts) == 0 {
			return
		}
		head := []string{"Threat", "ASI", "Likelihood", "Impact", "Risk", "State", "Mitigations"}
		if cross {
			head = []string{"Threat", "Layers", "ASI", "Likelihood", "Impact", "Risk", "State", "Mitigations"}
		}
		add("th", head...)
		for i := range ts {
			t := &ts[i]
			name := norm(t.Name())
			desc := t.Description
			if t.CatalogID != "" {
				e, known := maestro.LookupThreat(t.CatalogID)
				if !known {
					name = mCode + t.CatalogID + mCodeEnd
				} else if desc == "" {
					desc = e.Description
				}
			}
			threat := mStrong + name + mStrongEnd
			if norm(desc) != "" {
				threat += " — " + norm(desc)
			}
			add("td", threat)
			if cross {
				add("td", layerList(t.Layers))
			}
			asi := "—"
			if t.ASI != 0 {
				asi = mCode + t.ASI.Code() + mCodeEnd + " " + t.ASI.Name()
			}
			mit := "—"
			if ls := nonBlankLines(t.Mitigations); len(ls) > 0 {
				for j := range ls {
					ls[j] = norm(ls[j])
				}
				mit = strings.Join(ls, "; ")
			}
			add("td", asi, orDash(t.Likelihood.String()), orDash(t.Impact.String()), orDash(t.Risk().String()),
				t.State.String(), mit)
		}
	}
	for _, l := range maestro.Layers() {
		e := c.MAESTRO.Layer(l)
		add("h4", l.Code()+" · "+l.Name()+" — "+statusLabel(e.Status))
		notes := nonBlankLines(e.Notes)
		if len(notes) > 0 && e.Status == maestro.Uncertain {
			notes[0] = UncertainPrefix + notes[0]
		}
		add("p", notes...)
		threats(e.Threats, false)
	}
	if len(c.MAESTRO.CrossLayer) > 0 {
		add("h4", maestro.CrossLayerName())
		threats(c.MAESTRO.CrossLayer, true)
	}
	return b
}

// checkRendered renders c's Markdown and checks that it shows each piece
// of c's text as typed, and holds the card's link and no other link, no
// image and no HTML. It returns the Markdown.
func checkRendered(t *testing.T, c *card.Card, link string) string {
	t.Helper()
	md, err := Markdown(c, link)
	if err != nil {
		t.Fatal(err)
	}
	r := render(t, md)
	if len(r.links) != 1 || r.links[0] != link {
		t.Errorf("rendered Markdown has links %q; want only the card's %q\n%s", r.links, link, md)
	}
	if r.images != 0 || r.html != 0 {
		t.Errorf("rendered Markdown has %d images and %d pieces of raw HTML; want none\n%s", r.images, r.html, md)
	}
	want := wantBlocks(c)
	for i := 0; i < len(want) || i < len(r.blocks); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(r.blocks) {
			g = r.blocks[i]
		}
		if !blockMatches(w, g) {
			t.Errorf("block %d reads\n  %q\nwant\n  %q\nMarkdown:\n%s", i, g, w, md)
			break
		}
	}
	return md
}

// TestRenderedMarkdownReadsAsTyped puts each text into every text field of
// a card (the title, the summary, the notes of every layer, each threat's
// title, catalog id, description and mitigations) and checks the rendered
// Markdown (see checkRendered), and that the title line carries the title
// with only the escapes that are needed: raw is how the title is written
// between the "**".
func TestRenderedMarkdownReadsAsTyped(t *testing.T) {
	tests := []struct {
		name, text string
		raw        string // the title in the Markdown's first line
	}{
		// Ordinary text is written as typed.
		{"hyphen in a name stays", "Ticket-Triage Agent", "Ticket-Triage Agent"},
		{"dollar amount and period stay", "$500.", "$500."},
		{"parentheses stay", "(jailbreaks)", "(jailbreaks)"},
		{"ampersand between words stays", "Opacity & Reflexivity", "Opacity & Reflexivity"},
		{"ampersand in a query stays", "a=b&c=d", "a=b&c=d"},
		{"underscore inside words stays", "self_mod and snake_case", "self_mod and snake_case"},
		{"lone asterisk between spaces stays", "2 * 3", "2 * 3"},
		{"comparison stays", "a < b <= c > d", "a < b <= c > d"},
		{"colon, slash and CVSS-like text stay", "CVSS:4.0/AV:N ratio 1:2", "CVSS:4.0/AV:N ratio 1:2"},
		{"exclamation mark stays", "Wow! (really)", "Wow! (really)"},
		{"mention and issue number stay", "ask @alice about #12", "ask @alice about #12"},
		{"non-ASCII text stays", "Ünïcödé 日本語 🛡️", "Ünïcödé 日本語 🛡️"},
		// Emphasis, strike-through and code.
		{"asterisk emphasis is escaped", "*bold*", `\*bold\*`},
		{"double asterisks are escaped", "**bold**", `\*\*bold\*\*`},
		{"underscore emphasis is escaped", "_x_", `\_x\_`},
		{"asterisk inside a word is escaped", "a*b*c", `a\*b\*c`},
		{"double tilde is escaped", "~~s~~", `\~\~s\~\~`},
		{"single tilde is escaped", "~s~", `\~s\~`},
		{"backticks are escaped", "`code`", "\\`code\\`"},
		{"math dollars are escaped", "$x$", `$x\$`},
		// Links, images, autolinks and HTML.
		{"inline link is escaped", "[a](http://e.vil)", `\[a\](http\://e.vil)`},
		{"image is escaped", "![i](x)", `!\[i\](x)`},
		{"reference definition is escaped", "[ref]: http://evil.example", `\[ref\]: http\://evil.example`},
		{"footnote is escaped", "[^1]", `\[^1\]`},
		{"script tag is escaped", "<script>alert(1)</script>", `\<script>alert(1)\</script>`},
		{"bold tag is escaped", "<b>", `\<b>`},
		{"HTML comment is escaped", "<!-- c -->", `\<!-- c -->`},
		{"autolink in angle brackets is escaped", "<http://evil.example>", `\<http\://evil.example>`},
		{"e-mail autolink in angle brackets is escaped", "<a@b.example>", `\<a\@b.example>`},
		{"bare URL is escaped", "http://evil.example", `http\://evil.example`},
		{"https URL with www is escaped", "https://www.evil.example/a?b=c#d", `https\://www\.evil.example/a?b=c#d`},
		{"www is escaped", "www.evil.example", `www\.evil.example`},
		{"www after a parenthesis is escaped", "(www.evil.example)", `(www\.evil.example)`},
		{"www after an underscore is escaped", "_www.evil.example", `\_www\.evil.example`},
		{"e-mail address is escaped", "a@b.example", `a\@b.example`},
		{"mailto is escaped", "mailto:a@b.example", `mailto:a\@b.example`},
		{"named entity is escaped", "&amp;", `\&amp;`},
		{"hex reference is escaped", "&#x41;", `\&#x41;`},
		{"decimal reference is escaped", "&#65;", `\&#65;`},
		// Tables and backslashes.
		{"pipes stay outside tables", "| pipe |", "| pipe |"},
		{"backslash at the end is escaped", `trailing \`, `trailing \\`},
		{"backslash before punctuation is escaped", `a\*b`, `a\\\*b`},
		{"backslash before a pipe is escaped", `a\|b`, `a\\|b`},
		{"backslash before a letter stays", `C:\Users`, `C:\Users`},
		// Line starts: each is a paragraph line of the summary and notes.
		{"heading", "# heading", "# heading"},
		{"heading without text", "##", "##"},
		{"bullet item with hyphen", "- item", "- item"},
		{"bullet item with plus", "+ item", "+ item"},
		{"bullet item with asterisk", "* item", `\* item`},
		{"ordered item", "1. item", "1. item"},
		{"ordered item with parenthesis", "1) item", "1) item"},
		{"block quote", "> quote", "> quote"},
		{"GitHub alert", "> [!NOTE]", `> \[!NOTE\]`},
		{"thematic break", "---", "---"},
		{"thematic break of spaced asterisks", "* * *", `\* * \*`},
		{"setext underline", "===", "==="},
		{"indented code", "    code", "code"},
		{"fence", "```\ncode\n```", "\\`\\`\\` code \\`\\`\\`"},
		{"tilde fence", "~~~", `\~\~\~`},
		{"task list item", "- [x] done", `- \[x\] done`},
		{"HTML block", "<div>", `\<div>`},
		{"every line start at once", "first\n# heading\n- item\n1. item\n> quote\n    indented\n---\n===\n```",
			"first # heading - item 1. item > quote     indented --- === \\`\\`\\`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := checkRendered(t, cardtest.HostileCard(tt.text), "#v1&e=v0.8")
			if want := "**" + tt.raw + "** — AIVSS"; !strings.HasPrefix(md, want) {
				t.Errorf("Markdown starts\n  %q\nwant\n  %q", strings.SplitAfter(md, "\n")[0], want)
			}
			// The text as every finding's id, and (in the headline) as the
			// highest finding's title.
			checkRendered(t, withFindings(cardtest.HostileCard(tt.text), tt.text), "#v1&e=v0.8")
		})
	}
}

func TestRenderedMarkdownOfHandCardReadsAsTyped(t *testing.T) {
	checkRendered(t, cardtest.Hand(), handLink)
	checkRendered(t, cardtest.Incomplete(), "#v1&e=v0.8")
	checkRendered(t, cardtest.HandWithFindings(), handLink)
}

func TestRenderedMarkdownOfRandomCardsReadsAsTyped(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for i := range 400 {
		c := cardtest.Random(r)
		if i%2 == 1 {
			cardtest.AddFindings(r, c)
		}
		checkRendered(t, c, "https://threatcard.example/#v1")
		if t.Failed() {
			break
		}
	}
}

// checkEscapedText renders s escaped in each place the export puts text —
// a paragraph line, inside a line, between "**" and in a table cell — and
// fails unless each reads as typed (white space aside) with no link,
// image or HTML.
func checkEscapedText(t *testing.T, s string) {
	t.Helper()
	want := norm(s)
	places := []struct {
		name, md, want string
	}{
		{"a paragraph line", escapeLine(s), "p: " + want},
		{"inside a line", "Say " + escapeInline(s) + " now", "p: " + norm("Say "+s+" now")},
		{"bold", "**" + escapeInline(s) + "** — x", "p: " + mStrong + want + mStrongEnd + " — x"},
		{"a table cell", "| a | b |\n| --- | --- |\n| **" + escapeCell(s) + "** — " + escapeCell(s) + " | " + escapeCell(s) + " |",
			"th: a\nth: b\ntd: " + norm(mStrong+want+mStrongEnd+" — "+s) + "\ntd: " + want},
	}
	if strings.TrimSpace(s) == "" || strings.ContainsAny(s, "\n") {
		places = places[1:2] // the export writes no blank line, bold or cell of these
	}
	for _, p := range places {
		r := render(t, p.md)
		got := strings.Join(r.blocks, "\n")
		if got != p.want || len(r.links) != 0 || r.images != 0 || r.html != 0 {
			t.Errorf("%q in %s: Markdown %q reads %q (links %q, %d images, %d HTML); want %q",
				s, p.name, p.md, got, r.links, r.images, r.html, p.want)
		}
	}
}

// TestEscapedRandomTextReadsAsTyped checks escaped text made of the
// characters Markdown gives a meaning, in random order.
func TestEscapedRandomTextReadsAsTyped(t *testing.T) {
	alphabet := []string{"*", "_", "~", "`", "[", "]", "(", ")", "!", "<", ">", "&", "#", ";", "\\", "|", "$", "@", ":", "/",
		".", "-", "+", "=", "1", "a", "w", "x", " ", " ", "\u00a0", "é", "€", "。", "http", "www.", "amp", "#x4"}
	r := rand.New(rand.NewPCG(9, 10))
	for range 3000 {
		var sb strings.Builder
		for range 1 + r.IntN(12) {
			sb.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := strings.TrimSpace(sb.String())
		if s == "" {
			continue
		}
		checkEscapedText(t, s)
		if t.Failed() {
			break
		}
	}
}

// FuzzEscapedTextReadsAsTyped checks escaped text as
// TestEscapedRandomTextReadsAsTyped does, for any text a card can hold.
func FuzzEscapedTextReadsAsTyped(f *testing.F) {
	for _, s := range []string{"*bold*", "_x_", "[a](http://e.vil)", "<b>", "&amp;", "a@b.example", "~~s~~", "`code`",
		"# h", "1. x", "---", `\`, "$x$", "www.x.example", "a_b", "| p |"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && unicode.IsControl(r) }) {
			return // a card holds no such text
		}
		checkEscapedText(t, strings.TrimSpace(s))
	})
}
