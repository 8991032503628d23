package export

import (
	"errors"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/card/cardtest"
	"github.com/threatcard/threatcard/scoring/decimal"
)

const handLink = "https://threatcard.example/app/#v1&e=v0.8"

// wantHandMarkdown is handCard's Markdown, written out by hand.
const wantHandMarkdown = `**Ticket triage bot** — AIVSS 9.6 Critical (OWASP AIVSS v0.8) · [Open the threatcard](https://threatcard.example/app/#v1&e=v0.8)

Reads support tickets

and labels them.

| AIVSS input | Value |
| --- | --- |
| CVSS v4.0 base score | 9.3 from ` + "`CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N`" + ` |
| Execution Autonomy | 1 (Full) |
| External Tool Control Surface | 1 (Full) |
| Natural Language Interface | 1 (Full) |
| Contextual Awareness | 0.5 (Partial) |
| Behavioral Non-Determinism | 0.5 (Partial) |
| Opacity & Reflexivity | 0.5 (Partial) |
| Persistent State Retention | 0 (None) |
| Dynamic Identity | 0 (None) |
| Multi-Agent Interactions | 0 (None) |
| Self-Modification | 0 (None) |
| Threat multiplier (ThM) | 0.97 (Proof-of-Concept) |
| Mitigation factor (MF) | 1 (None) |

### MAESTRO threat model

#### L1 · Foundation Models — ✓ mapped

Reads untrusted ticket text.

| Threat | ASI | Likelihood | Impact | Risk | State | Mitigations |
| --- | --- | --- | --- | --- | --- | --- |
| **Prompt Injection and Jailbreaks** — Text in the input overrides the system instructions or slips past the safety filters. | ` + "`ASI01`" + ` Agent Goal Hijack | High | Medium | High | mitigated | Strip markup; Review labels |
| **Label flooding** — Many bogus labels. | — | — | — | — | accepted | — |

#### L2 · Data Operations — ⚠ not certain from listing

Not certain from the listing — Ticket storage is not described.

#### L3 · Agent Frameworks — not assessed

#### L4 · Deployment and Infrastructure — not assessed

#### L5 · Evaluation and Observability — not assessed

#### L6 · Security and Compliance — ✓ mapped

#### L7 · Agent Ecosystem — not assessed

#### Cross-Layer

| Threat | Layers | ASI | Likelihood | Impact | Risk | State | Mitigations |
| --- | --- | --- | --- | --- | --- | --- | --- |
| **Lateral Movement** — Via the shared queue. | L2, L4 | — | Low | High | Medium | open | — |
`

func TestMarkdownOfHandCardIsAsWrittenByHand(t *testing.T) {
	got, err := Markdown(cardtest.Hand(), handLink)
	if err != nil {
		t.Fatal(err)
	}
	if got != wantHandMarkdown {
		t.Errorf("Markdown differs from the hand-written text:\n%s", lineDiff(wantHandMarkdown, got))
	}
}

func TestMarkdownOfIncompleteCardSaysWhatIsMissing(t *testing.T) {
	got, err := Markdown(cardtest.Incomplete(), "#v1&e=v0.8")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"**Ticket triage bot** — AIVSS incomplete, missing Self-Modification, ThM (OWASP AIVSS v0.8) · [Open the threatcard](#v1&e=v0.8)\n",
		"\n| Self-Modification | not set |\n",
		"\n| Threat multiplier (ThM) | not set |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown lacks %q; it is:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Critical") {
		t.Errorf("an incomplete card's Markdown shows a severity:\n%s", got)
	}
}

func TestMarkdownOfOtherEditions(t *testing.T) {
	tests := []struct {
		name      string
		card      *card.Card
		wantFirst string
		wantRows  []string
	}{
		{
			// v0.5: ((9.3 + 4.5) / 2) × 0.97 = 6.693 → 6.7 Medium; no MF row.
			name: "v0.5",
			card: func() *card.Card {
				c := cardtest.Hand()
				c.AIVSS.Edition = "v0.5"
				c.AIVSS.MF = decimal.Optional{}
				return c
			}(),
			wantFirst: "**Ticket triage bot** — AIVSS 6.7 Medium (OWASP AIVSS v0.5) · [Open the threatcard](#x)\n",
			wantRows:  []string{"| Autonomy of Action | 1 (Full) |\n", "| Threat multiplier (ThM) | 0.97 (Proof-of-Concept) |\n\n"},
		},
		{
			// card edition, bare CVSS 7.5, factors 0.25 × 10 = 2.5, ThM 1,
			// MF 1: AARS = 2.5 × 0.25 × 1 = 0.625, AIVSS = 8.125 → 8.1 High.
			name: "card, bare CVSS score, no title",
			card: func() *card.Card {
				c := &card.Card{AIVSS: card.Inputs{Edition: "card", CVSSScore: dec("7.5"), ThM: dec("1"), MF: dec("1")}}
				for i := range c.AIVSS.Factors {
					c.AIVSS.Factors[i] = dec("0.25")
				}
				return c
			}(),
			wantFirst: "AIVSS 8.1 High (AgentReady threat-model cards) · [Open the threatcard](#x)\n",
			wantRows:  []string{"| CVSS v4.0 base score | 7.5 |\n", "| Autonomy of Action | 0.25 |\n", "| Mitigation factor (MF) | 1 |\n"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Markdown(tt.card, "#x")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(got, tt.wantFirst) {
				t.Errorf("first line is %q; want %q", strings.SplitAfter(got, "\n")[0], tt.wantFirst)
			}
			for _, row := range tt.wantRows {
				if !strings.Contains(got, row) {
					t.Errorf("Markdown lacks %q:\n%s", row, got)
				}
			}
		})
	}
}

func TestMarkdownBoldTextHasNoSpacesInside(t *testing.T) {
	c := cardtest.Hand()
	c.Title = "  Spaced bot  "
	c.MAESTRO.Layers[0].Threats[1].Title = " Spaced threat\u00a0"
	got, err := Markdown(c, "#x")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"**Spaced bot** — AIVSS", "| **Spaced threat** — Many bogus labels. |"} {
		if !strings.Contains(got, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, got)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	const (
		inline = iota // inside a line
		line          // a line of its own
		cell          // in a table cell
	)
	tests := []struct {
		name  string
		where int
		in    string
		want  string
	}{
		{"plain words stay", inline, "plain words", "plain words"},
		{"non-ASCII text stays", inline, "Ünïcödé 日本語 🛡️", "Ünïcödé 日本語 🛡️"},
		{"harmless punctuation stays", inline, `! ( ) { } . - + = ^ : ; , ? " ' / % #`, `! ( ) { } . - + = ^ : ; , ? " ' / % #`},
		{"hyphens, periods, parentheses and dollars stay", inline, "Ticket-Triage Agent (low-to-moderate), $500.", "Ticket-Triage Agent (low-to-moderate), $500."},
		{"ampersand before a space stays", inline, "Opacity & Reflexivity", "Opacity & Reflexivity"},
		{"entity and references are escaped", inline, "&amp; &#12; &#x1F; &lt;b&gt;", `\&amp; \&#12; \&#x1F; \&lt;b\&gt;`},
		{"ampersand without a semicolon stays", inline, "a=b&c=d &amp", "a=b&c=d &amp"},
		{"brackets and backticks are always escaped", inline, "[x] `y`", "\\[x\\] \\`y\\`"},
		{"link and image are escaped", inline, "![i](x) [x](javascript:alert(1))", `!\[i\](x) \[x\](javascript:alert(1))`},
		{"tags are escaped", inline, "<img src=x onerror=alert(1)> </b> <!-- c --> <?x",
			`\<img src=x onerror=alert(1)> \</b> \<!-- c --> \<?x`},
		{"less-than that opens nothing stays", inline, "a < b, x <= y, <3, <-", "a < b, x <= y, <3, <-"},
		{"less-than before an e-mail address is escaped", inline, "<a.b@c.example>", `\<a.b\@c.example>`},
		{"less-than at the end is escaped", inline, "a <", `a \<`},
		{"URL scheme is escaped", inline, "see http://evil.example and FTP://x", `see http\://evil.example and FTP\://x`},
		{"www is escaped at a word start only", inline, "www.evil.example WWW.EVIL (www.x) awww.y", `www\.evil.example WWW\.EVIL (www\.x) awww.y`},
		{"e-mail address is escaped", inline, "mail a@b.example", `mail a\@b.example`},
		{"mention and issue reference stay", inline, "ping @alice about #12", "ping @alice about #12"},
		{"emphasis is escaped", inline, "*a* _b_ **c** __d__", `\*a\* \_b\_ \*\*c\*\* \_\_d\_\_`},
		{"underscore inside a word stays", inline, "self_mod snake_case_name", "self_mod snake_case_name"},
		{"underscore at a word edge is escaped", inline, "_x y_ z", `\_x y\_ z`},
		{"asterisk between spaces stays", inline, "2 * 3", "2 * 3"},
		{"asterisk inside a word is escaped", inline, "a*b", `a\*b`},
		{"asterisk at an end is escaped", inline, "* a *", `\* a \*`},
		{"strike-through is escaped", inline, "~~s~~ ~t~ a ~ b", `\~\~s\~\~ \~t\~ a ~ b`},
		{"math closing dollar is escaped", inline, "$x$ and $$y$$, 5 $ each", `$x\$ and $\$y\$\$, 5 $ each`},
		{"backslash before punctuation is escaped", inline, `a\*b \\ \[`, `a\\\*b \\\ \\\[`},
		{"backslash before a letter stays", inline, `C:\Users\x`, `C:\Users\x`},
		{"backslash at the end is escaped", inline, `trailing \`, `trailing \\`},
		{"pipes stay outside tables", inline, "| pipe |", "| pipe |"},
		{"pipes are escaped in a table cell", cell, "| pipe | a\\|b", `\| pipe \| a\\\|b`},
		{"line breaks become spaces", inline, "line\nbreak", "line break"},
		{"heading is escaped at a line start", line, "# heading", `\# heading`},
		{"heading without text is escaped", line, "###", `\###`},
		{"hash without a space stays at a line start", line, "#12 is open", "#12 is open"},
		{"seven hashes stay", line, "####### x", "####### x"},
		{"heading stays inside a line", inline, "# heading", "# heading"},
		{"bullet items are escaped", line, "- a", `\- a`},
		{"plus item is escaped", line, "+ a", `\+ a`},
		{"asterisk item is escaped", line, "* a", `\* a`},
		{"empty item is escaped", line, "-", `\-`},
		{"hyphenated word at a line start stays", line, "low-to-moderate", "low-to-moderate"},
		{"ordered item is escaped", line, "1. item", `1\. item`},
		{"ordered item with parenthesis is escaped", line, "12) item", `12\) item`},
		{"year at a line start is escaped", line, "2024. A year", `2024\. A year`},
		{"number with a decimal stays", line, "1.5 points", "1.5 points"},
		{"ten digits are no item", line, "1234567890. x", "1234567890. x"},
		{"quote is escaped", line, "> quote", `\> quote`},
		{"thematic break is escaped", line, "---", `\---`},
		{"spaced thematic break is escaped", line, "- - -", `\- - -`},
		{"underscore break is escaped", line, "___", `\_\_\_`},
		{"setext underline is escaped", line, "===", `\===`},
		{"equals sign in text stays", line, "= 5", "= 5"},
		{"fence is escaped", line, "```go", "\\`\\`\\`go"},
		{"tilde fence is escaped", line, "~~~", `\~\~\~`},
		{"HTML block is escaped", line, "<div>", `\<div>`},
		{"display math is broken", line, "$$", `$\$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := escapeMarkdown(tt.in, tt.where == line, tt.where == cell)
			if got != tt.want {
				t.Errorf("escapeMarkdown(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCodeSpan(t *testing.T) {
	tests := []struct {
		name, in string
		table    bool
		want     string
	}{
		{"plain code", "CVSS:4.0/AV:N", false, "`CVSS:4.0/AV:N`"},
		{"backticks inside get a longer fence", "a`b``c", false, "```a`b``c```"},
		{"backtick at an end is padded", "`x", false, "`` `x ``"},
		{"spaces at both ends are padded", " x ", false, "`  x  `"},
		{"only spaces stay", "  ", false, "`  `"},
		{"space at one end stays", " x", false, "` x`"},
		{"pipes are escaped in a table", "a|b", true, "`a\\|b`"},
		{"pipes stay outside a table", "a|b", false, "`a|b`"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codeSpan(tt.in, tt.table); got != tt.want {
				t.Errorf("codeSpan(%q, %v) = %q; want %q", tt.in, tt.table, got, tt.want)
			}
		})
	}
}

// checkInert fails if md, apart from the card's link, holds anything a
// Markdown renderer would turn into a link, an image or HTML, a line of
// the card's text that starts a block, or a table row with more cells than
// its header. (checkRendered asks a renderer; this reads the text.)
func checkInert(t *testing.T, md, link string) {
	t.Helper()
	own := "[Open the threatcard](" + link + ")"
	if n := strings.Count(md, own); n != 1 {
		t.Fatalf("Markdown has the card's link %d times; want once:\n%s", n, md)
	}
	body := withoutCodeSpans(strings.Replace(md, own, "", 1))
	if strings.Contains(strings.ToLower(body), "www.") {
		t.Errorf("Markdown holds an unescaped www.:\n%s", md)
	}
	for _, bad := range []struct {
		what string
		re   *regexp.Regexp // the first character of a match must be escaped
	}{
		{"bracket", regexp.MustCompile(`[\[\]]`)},
		{"URL scheme", regexp.MustCompile(`:\\?//`)},
		{"tag or autolink", regexp.MustCompile(`<[A-Za-z/!?]`)},
		{"entity", regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)},
		{"e-mail address", regexp.MustCompile(`@[A-Za-z0-9]`)},
	} {
		for _, m := range bad.re.FindAllStringIndex(body, -1) {
			i := m[0]
			if bad.what == "e-mail address" && (i == 0 || !isASCIIAlnum(rune(body[i-1]))) {
				continue // a mention
			}
			if !escapedAt(body, i) {
				t.Errorf("Markdown holds an unescaped %s %q at byte %d:\n%s", bad.what, body[i:m[1]], i, md)
				break
			}
		}
	}
	for _, line := range strings.Split(md, "\n") {
		for _, start := range []string{"    ", "```", "~~~", "- ", "* ", "+ ", "> ", "1. ", "<"} {
			if strings.HasPrefix(line, start) {
				t.Errorf("a line starts a block with %q: %q", start, line)
			}
		}
		if atxHeading.MatchString(line) && line != "### Findings" && !strings.HasPrefix(line, "### MAESTRO threat model") && !strings.HasPrefix(line, "#### L") && line != "#### Cross-Layer" {
			t.Errorf("a line of the card's text is a heading: %q", line)
		}
	}
	checkTables(t, md)
}

// withoutCodeSpans is md without its code spans: the runs of unescaped
// backticks and what is between them. (The card's own backticks are all
// escaped, so only the export's code spans remain.)
func withoutCodeSpans(md string) string {
	var sb strings.Builder
	for i := 0; i < len(md); {
		if md[i] != '`' || escapedAt(md, i) {
			sb.WriteByte(md[i])
			i++
			continue
		}
		n := 1
		for i+n < len(md) && md[i+n] == '`' {
			n++
		}
		fence := md[i : i+n]
		end := i + n
		for {
			k := strings.Index(md[end:], fence)
			if k < 0 {
				return sb.String() + md[i:] // no closing fence: not a code span
			}
			end += k
			m := len(fence)
			for end+m < len(md) && md[end+m] == '`' {
				m++
			}
			if m == len(fence) {
				break
			}
			end += m
		}
		i = end + n
	}
	return sb.String()
}

// atxHeading is a line that starts a heading ("#12" does not).
var atxHeading = regexp.MustCompile(`^#{1,6}([ \t]|$)`)

// escapedAt reports whether s[i] follows an odd number of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for i-n-1 >= 0 && s[i-n-1] == '\\' {
		n++
	}
	return n%2 == 1
}

// checkTables checks that every table row has as many unescaped '|' as the
// table's header row.
func checkTables(t *testing.T, md string) {
	t.Helper()
	want := -1
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			want = -1
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if want < 0 {
			want = n
		} else if n != want {
			t.Errorf("table row has %d cell separators; the header has %d: %q", n, want, line)
		}
	}
}

func TestMarkdownEscapesHostileTextInEveryField(t *testing.T) {
	for _, s := range cardtest.Hostile {
		t.Run(s, func(t *testing.T) {
			for _, c := range []*card.Card{cardtest.HostileCard(s), withFindings(cardtest.HostileCard(s), s)} {
				md, err := Markdown(c, "#v1&e=v0.8")
				if err != nil {
					t.Fatal(err)
				}
				checkInert(t, md, "#v1&e=v0.8")
			}
		})
	}
}

func TestMarkdownOfRandomCardsIsInert(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		c := cardtest.RandomWithFindings(r)
		md, err := Markdown(c, "#v1")
		if err != nil {
			t.Fatal(err)
		}
		checkInert(t, md, "#v1")
		if t.Failed() {
			break
		}
	}
}

func TestMarkdownLink(t *testing.T) {
	tests := []struct {
		link     string
		wantDest string // "" if the link is refused
	}{
		{"#v1&e=v0.8&d=abc-_", "#v1&e=v0.8&d=abc-_"},
		{"https://example.org/app/#v1&e=v0.8", "https://example.org/app/#v1&e=v0.8"},
		{"http://localhost:8080/#v1", "http://localhost:8080/#v1"},
		{"https://example.org/a b)(<>\\`;\"|{}^é#v1", "https://example.org/a%20b%29%28%3C%3E%5C%60%3B%22%7C%7B%7D%5E%C3%A9#v1"},
		{"", ""},
		{"javascript:alert(1)#v1", ""},
		{"data:text/html,<script>#v1", ""},
		{"//example.org/#v1", ""},
		{"v1&e=v0.8", ""},
		{"https:///#v1", ""},
	}
	for _, tt := range tests {
		md, err := Markdown(cardtest.Hand(), tt.link)
		if tt.wantDest == "" {
			var le *LinkError
			if !errors.As(err, &le) {
				t.Errorf("Markdown with link %q: error %v; want a *LinkError", tt.link, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Markdown with link %q: %v", tt.link, err)
			continue
		}
		if want := "[Open the threatcard](" + tt.wantDest + ")\n"; !strings.Contains(md, want) {
			t.Errorf("Markdown with link %q lacks %q:\n%s", tt.link, want, strings.SplitAfter(md, "\n")[0])
		}
	}
}

func TestExportsRefuseAnInvalidCard(t *testing.T) {
	c := cardtest.Hand()
	c.Title = strings.Repeat("x", card.MaxTitle+1)
	var fe *card.FieldError
	if _, err := Markdown(c, "#x"); !errors.As(err, &fe) || fe.Loc.Section != card.SectionTitle {
		t.Errorf("Markdown: error %v; want a *card.FieldError on title", err)
	}
	if _, err := Badge(c); !errors.As(err, &fe) || fe.Loc.Section != card.SectionTitle {
		t.Errorf("Badge: error %v; want a *card.FieldError on title", err)
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var sb strings.Builder
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			sb.WriteString("line " + strconv.Itoa(i+1) + ":\n  want " + wl + "\n  got  " + gl + "\n")
		}
	}
	return sb.String()
}
