//go:build !wasm

package ui

import (
	"encoding/json"
	"errors"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
)

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// ctxProbe hands out the context go-app gives a mounted component. Natively
// go-app calls OnPreRender (as a server would), which is how a test gets a
// real app.Context: its page (address, title) and localStorage are
// in-memory, fresh for each probe.
type ctxProbe struct {
	app.Compo
	ctx app.Context
}

func (c *ctxProbe) OnPreRender(ctx app.Context) { c.ctx = ctx }
func (c *ctxProbe) Render() app.UI              { return app.Elem("div") }

func testContext(t *testing.T) app.Context {
	t.Helper()
	probe := &ctxProbe{}
	e := app.NewTestEngine()
	if err := e.Load(probe); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	return probe.ctx
}

// navigate points the test page's address at raw and lets p read it, as
// go-app does on a navigation.
func navigate(t *testing.T, ctx app.Context, p *Page, raw string) {
	t.Helper()
	ctx.Page().ReplaceURL(mustURL(t, raw))
	p.OnNav(ctx)
}

// newPage returns an initialised page, as go-app mounts it.
func newPage() *Page {
	p := &Page{}
	p.OnInit()
	return p
}

// goldenLink is one of scoring/link's permanent links with the card it
// carries (the JSON export, reviewed by hand when the pair was added).
type goldenLink struct {
	Fragment string // as its file has it (format 1)
	Link     string // the link Encode writes for its card (format 2)
	Card     struct {
		AIVSS struct {
			Edition    string             `json:"edition"`
			CVSSVector *string            `json:"cvss_vector"`
			CVSSScore  *string            `json:"cvss_score"`
			Factors    map[string]*string `json:"factors"`
			ThM        *string            `json:"thm"`
			MF         *string            `json:"mf"`
			Score      *string            `json:"score"`
			Severity   *string            `json:"severity"`
		} `json:"aivss"`
		Title string `json:"title"`
	}
}

func loadGoldenLink(t *testing.T, name string) goldenLink {
	t.Helper()
	dir := filepath.Join("..", "..", "scoring", "link", "testdata", "links")
	frag, err := os.ReadFile(filepath.Join(dir, name+".link"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	g := goldenLink{Fragment: strings.TrimSuffix(string(frag), "\n")}
	// The golden links are format 1, which format 2 writes the same way
	// for a card without findings, under its own version.
	g.Link = "v2" + strings.TrimPrefix(g.Fragment, "v1")
	if err := json.Unmarshal(raw, &g.Card); err != nil {
		t.Fatal(err)
	}
	return g
}

// A minimal reader of the HTML go-app writes (app.HTMLString): elements,
// attributes quoted with strconv.Quote, escaped text. Enough to find an
// element by id and read its text like the DOM's textContent.

type htmlNode struct {
	tag   string
	attrs map[string]string
	kids  []*htmlNode
	text  string // for text nodes (tag "")
}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "param": true, "source": true}

func parseHTML(t *testing.T, s string) *htmlNode {
	t.Helper()
	root := &htmlNode{tag: "#root"}
	stack := []*htmlNode{root}
	for i := 0; i < len(s); {
		top := stack[len(stack)-1]
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			top.kids = append(top.kids, &htmlNode{text: html.UnescapeString(unindent(s[i:i+j], len(stack)-1))})
			i += j
			continue
		}
		if strings.HasPrefix(s[i:], "</") {
			j := strings.IndexByte(s[i:], '>')
			tag := s[i+2 : i+j]
			if top.tag != tag {
				t.Fatalf("HTML: </%s> closes <%s>", tag, top.tag)
			}
			stack = stack[:len(stack)-1]
			i += j + 1
			continue
		}
		i++
		n := &htmlNode{attrs: map[string]string{}}
		for i < len(s) && s[i] != ' ' && s[i] != '>' {
			n.tag += string(s[i])
			i++
		}
		for s[i] != '>' {
			for s[i] == ' ' {
				i++
			}
			if s[i] == '>' {
				break
			}
			name := ""
			for s[i] != '=' && s[i] != ' ' && s[i] != '>' {
				name += string(s[i])
				i++
			}
			value := ""
			if s[i] == '=' {
				i++
				q, err := strconv.QuotedPrefix(s[i:])
				if err != nil {
					t.Fatalf("HTML: attribute %s: %v", name, err)
				}
				value, _ = strconv.Unquote(q)
				i += len(q)
			}
			n.attrs[name] = value
		}
		i++
		top.kids = append(top.kids, n)
		if !voidElements[n.tag] {
			stack = append(stack, n)
		}
	}
	return root
}

// unindent removes the line breaks and indentation go-app writes around a
// text node that is one of several children of an element at the given
// depth: a newline and two spaces per level before it, a newline and
// spaces after it.
func unindent(raw string, depth int) string {
	if !strings.HasPrefix(raw, "\n") {
		return raw // the only child, written inline
	}
	raw = strings.TrimPrefix(raw, "\n"+strings.Repeat(" ", 2*depth))
	if i := strings.LastIndexByte(raw, '\n'); i >= 0 && strings.Trim(raw[i:], "\n ") == "" {
		raw = raw[:i]
	}
	if strings.Trim(raw, "\n ") == "" && strings.Contains(raw, "\n") {
		return ""
	}
	return raw
}

// byID finds the element with the given id, or nil.
func (n *htmlNode) byID(id string) *htmlNode {
	if n.tag != "" && n.attrs["id"] == id {
		return n
	}
	for _, k := range n.kids {
		if f := k.byID(id); f != nil {
			return f
		}
	}
	return nil
}

// all returns the elements for which keep is true, in document order.
func (n *htmlNode) all(keep func(*htmlNode) bool) []*htmlNode {
	var out []*htmlNode
	if n.tag != "" && keep(n) {
		out = append(out, n)
	}
	for _, k := range n.kids {
		out = append(out, k.all(keep)...)
	}
	return out
}

// textContent is the element's text, as the DOM's textContent.
func (n *htmlNode) textContent() string {
	var b strings.Builder
	var walk func(*htmlNode)
	walk = func(n *htmlNode) {
		if n.tag == "" {
			b.WriteString(n.text)
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(n)
	return b.String()
}

// view is a page drawn as HTML, to look things up in.
type view struct {
	t    *testing.T
	root *htmlNode
}

// render draws c's current state (not what go-app mounted earlier).
func render(t *testing.T, c interface{ Render() app.UI }) view {
	t.Helper()
	return view{t, parseHTML(t, app.HTMLString(c.Render()))}
}

func (v view) has(id string) bool { return v.root.byID(id) != nil }

func (v view) text(id string) string {
	v.t.Helper()
	n := v.root.byID(id)
	if n == nil {
		v.t.Fatalf("no element #%s", id)
	}
	return n.textContent()
}

func (v view) attr(id, name string) (string, bool) {
	v.t.Helper()
	n := v.root.byID(id)
	if n == nil {
		v.t.Fatalf("no element #%s", id)
	}
	a, ok := n.attrs[name]
	return a, ok
}

// checked lists the values of the checked radio buttons named name.
func (v view) checked(name string) []string {
	var out []string
	for _, n := range v.root.all(func(n *htmlNode) bool { return n.tag == "input" && n.attrs["name"] == name }) {
		if _, ok := n.attrs["checked"]; ok {
			out = append(out, n.attrs["value"])
		}
	}
	return out
}

// selected returns the value of the selected option of the select id.
func (v view) selected(id string) string {
	v.t.Helper()
	s := v.root.byID(id)
	if s == nil {
		v.t.Fatalf("no element #%s", id)
	}
	for _, o := range s.all(func(n *htmlNode) bool { return n.tag == "option" }) {
		if _, ok := o.attrs["selected"]; ok {
			return o.attrs["value"]
		}
	}
	return ""
}

func TestRecoveredTurnsAPanicIntoAPanicError(t *testing.T) {
	err := recovered("reading the link", func() { panic("boom") })
	var pe *PanicError
	if !errors.As(err, &pe) || pe.During != "reading the link" || pe.Value != "boom" {
		t.Fatalf("recovered = %#v, want *PanicError{During: reading the link, Value: boom}", err)
	}
	if got, want := err.Error(), "internal error while reading the link: boom"; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
	if err := recovered("calm", func() {}); err != nil {
		t.Errorf("recovered without panic = %v, want nil", err)
	}
}

func TestFragmentOfReturnsTheFragmentAsWrittenAfterCheckingItsLength(t *testing.T) {
	tests := []struct {
		url  string
		want string
	}{
		{"https://example.org/", ""},
		{"https://example.org/#", ""},
		{"https://example.org/#v1&e=v0.8", "v1&e=v0.8"},
		{"https://example.org/repo/?q=1#v1&e=v0.8&c=CVSS%3A4.0", "v1&e=v0.8&c=CVSS%3A4.0"},
		{"https://example.org/#" + strings.Repeat("a", MaxFragmentBytes), strings.Repeat("a", MaxFragmentBytes)},
	}
	for _, tt := range tests {
		got, err := fragmentOf(mustURL(t, tt.url))
		if err != nil || got != tt.want {
			t.Errorf("fragmentOf(%s) = %q, %v; want %q", tt.url, got, err, tt.want)
		}
	}
	_, err := fragmentOf(mustURL(t, "https://example.org/#"+strings.Repeat("%41", MaxFragmentBytes/3+1)))
	var long *FragmentTooLongError
	if !errors.As(err, &long) || long.Length != 3*(MaxFragmentBytes/3+1) || long.Max != MaxFragmentBytes {
		t.Errorf("oversized fragment: %#v, want *FragmentTooLongError with the escaped length", err)
	}
	var unreadable *UnreadableURLError
	if _, err := fragmentOf(nil); !errors.As(err, &unreadable) {
		t.Errorf("nil URL: %#v, want *UnreadableURLError", err)
	}
}

// Each golden link shows the score its JSON export records, or, for a card
// with inputs left out, "incomplete" and the inputs the export has as null.
func TestGoldenLinksShowTheirScore(t *testing.T) {
	for _, name := range []string{"v08-tool-misuse-scores-only", "card-edition-full-model", "v05-calculator-defaults",
		"gpt-image-2", "v08-incomplete"} {
		t.Run(name, func(t *testing.T) {
			g := loadGoldenLink(t, name)
			ctx := testContext(t)
			p := newPage()
			navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
			if p.failure != nil {
				t.Fatalf("the link failed: %v", p.failure)
			}
			v := render(t, p)
			a := g.Card.AIVSS
			if a.Score != nil {
				if got := v.text("score-value"); got != *a.Score {
					t.Errorf("#score-value %q, want %q", got, *a.Score)
				}
				if got := v.text("severity"); got != *a.Severity {
					t.Errorf("#severity %q, want %q", got, *a.Severity)
				}
				if got, want := v.text("score"), "AIVSS "+*a.Score+" "+*a.Severity; got != want {
					t.Errorf("#score reads %q, want %q", got, want)
				}
				return
			}
			var missing []string
			if a.CVSSVector == nil && a.CVSSScore == nil {
				missing = append(missing, "CVSS")
			}
			unset := 0
			for _, f := range a.Factors {
				if f == nil {
					unset++
				}
			}
			if unset > 0 {
				missing = append(missing, strconv.Itoa(unset)+" of 10 factors")
			}
			if a.ThM == nil {
				missing = append(missing, "ThM")
			}
			if a.MF == nil && a.Edition != "v0.5" {
				missing = append(missing, "MF")
			}
			if got, want := v.text("score"), "incomplete: missing "+strings.Join(missing, ", "); got != want {
				t.Errorf("#score reads %q, want %q", got, want)
			}
			if v.has("severity") {
				t.Error("an incomplete score shows a severity")
			}
		})
	}
}

func TestAGoldenLinkFillsTheInputs(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	v := render(t, p)
	if got := v.selected("edition"); got != "v0.8" {
		t.Errorf("edition %q selected, want v0.8", got)
	}
	if got, _ := v.attr("cvss-vector", "value"); got != *g.Card.AIVSS.CVSSVector {
		t.Errorf("#cvss-vector holds %q", got)
	}
	for metric, want := range map[string]string{"AV": "N", "UI": "A", "SA": "H"} {
		if got := v.checked("cvss-" + metric); len(got) != 1 || got[0] != want {
			t.Errorf("cvss-%s: checked %v, want [%s]", metric, got, want)
		}
	}
	// The vector has no Threat, Environmental or Supplemental metric: those
	// folded groups draw their buttons only once opened.
	for _, metric := range []string{"E", "MSI", "U"} {
		if v.has("cvss-" + metric) {
			t.Errorf("cvss-%s is drawn in its folded group, which has nothing set", metric)
		}
	}
	for id, want := range g.Card.AIVSS.Factors {
		if got := v.checked("factor-" + id); len(got) != 1 || got[0] != *want {
			t.Errorf("factor-%s: checked %v, want [%s]", id, got, *want)
		}
	}
	if got := v.selected("thm"); got != "0.97" {
		t.Errorf("ThM %q selected, want 0.97", got)
	}
	if got := v.selected("mf"); got != "1.00" {
		t.Errorf("MF %q selected, want 1.00", got)
	}
}

// v0.8 worked examples 3.6.1 and 3.6.4 (testdata/aivss-vectors.json) have
// the same CVSS score (9.4), ThM and MF, and factors that differ only in
// persistence (0.5, then 1): 9.9 then 10.0, both Critical.
func TestChangingAFactorUpdatesScoreFragmentAndDraft(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	if got := render(t, p).text("score-value"); got != "9.9" {
		t.Fatalf("before: score %s, want 9.9", got)
	}
	panel := &FactorsPanel{Editor: p, Edition: "v0.8", Factors: p.card.AIVSS.Factors}
	if msg := panel.set(ctx, "v0.8", 6, "1"); msg != "" { // persistence
		t.Fatalf("the edit was refused: %s", msg)
	}
	v := render(t, p)
	if got := v.text("score"); got != "AIVSS 10.0 Critical" {
		t.Errorf("after: #score reads %q, want AIVSS 10.0 Critical", got)
	}
	want := "v2&e=v0.8&c=" + *g.Card.AIVSS.CVSSVector + "&f=1,1,1,1,1,1,1,1,1,0.5&thm=0.97&mf=1"
	if p.fragment != want {
		t.Errorf("fragment\n got %s\nwant %s", p.fragment, want)
	}
	if got := ctx.Page().URL().Fragment; got != want {
		t.Errorf("address fragment\n got %s\nwant %s", got, want)
	}
	if d, ok := p.drafts(ctx).Load(); !ok || d.Fragment != want || d.Score != "10.0" || d.Severity != "Critical" {
		t.Errorf("draft %+v, %v; want the new fragment with 10.0 Critical", d, ok)
	}
}

// In the page's first frame the calculator draws the edition and the
// result, with the score, and leaves its inputs for the next frame.
func TestCalculatorLaterDrawsTheScoreAndLeavesTheInputs(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	for _, later := range []bool{false, true} {
		html := app.HTMLString(&Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval, Later: later})
		for _, id := range []string{"edition", "score-value"} {
			if !strings.Contains(html, `id="`+id+`"`) {
				t.Errorf("Later %v: no #%s", later, id)
			}
		}
		for _, id := range []string{"cvss", "factors", "multipliers"} {
			if got := strings.Contains(html, `id="`+id+`"`); got == later {
				t.Errorf("Later %v: #%s drawn: %v", later, id, got)
			}
		}
	}
}

// Switching from v0.8 to v0.5 carries each factor to the v0.5 factor that
// means the same (research note aivss.md §4): of the golden card's
// f=1,1,1,1,1,1,0.5,1,1,0.5 (v0.8's order: autonomy, tools, language,
// context, non-determinism, opacity, persistence, identity, multi-agent,
// self-modification), Natural Language Interface has no counterpart, and
// v0.5's Goal-Driven Planning none in v0.8; in v0.5's order the factors
// are then 1 (autonomy), 1 (tools), 0.5 (memory ← persistence), 1, 1, 1,
// 0.5 (self-modification), unset, 1 (context), 1 (opacity). ThM keeps its
// label, Proof-of-Concept, 0.97 in both; v0.5 has no MF.
func TestSwitchingEditionCarriesWhatMeansTheSameAndGoingBackRestores(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	calc := &Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval}
	calc.switchEdition(ctx, "v0.5")

	want := "v2&e=v0.5&c=" + *g.Card.AIVSS.CVSSVector + "&f=1,1,0.5,1,1,1,0.5,,1,1&thm=0.97"
	if p.fragment != want {
		t.Errorf("link\n got %s\nwant %s", p.fragment, want)
	}
	calc.Inputs, calc.Eval = p.card.AIVSS, p.eval
	note := render(t, calc).text("edition-note")
	for _, part := range []string{
		"Switched from OWASP AIVSS v0.8 to OWASP AIVSS v0.5. The CVSS input is kept. ",
		"OWASP AIVSS v0.5 has no counterpart of Natural Language Interface. ",
		"To set: Goal-Driven Planning. ",
		"ThM kept as 0.97 (Proof-of-Concept). ",
		"OWASP AIVSS v0.5 has no MF. ",
		"Switching back to OWASP AIVSS v0.8 restores its inputs as you left them.",
	} {
		if !strings.Contains(note, part) {
			t.Errorf("the note does not say %q:\n%s", part, note)
		}
	}
	if got, _ := render(t, calc).attr("edition-note", "role"); got != "status" {
		t.Errorf("the note's role is %q, want status", got)
	}
	v := render(t, p)
	if got := v.text("score"); got != "incomplete: missing Goal-Driven Planning" {
		t.Errorf("#score reads %q", got)
	}
	if v.has("mf") || !v.has("mf-none") {
		t.Error("v0.5 shows an MF field")
	}
	if got := v.selected("edition"); got != "v0.5" {
		t.Errorf("edition %q selected", got)
	}
	if names := v.root.all(func(n *htmlNode) bool { return n.tag == "fieldset" && strings.HasPrefix(n.attrs["id"], "factor-") }); len(names) != 10 ||
		names[0].attrs["id"] != "factor-autonomy_of_action" || names[1].attrs["id"] != "factor-tool_use" {
		t.Errorf("v0.5's factors are not shown in its order")
	}

	// Back to v0.8: what was set there comes back, and with it the score.
	calc.switchEdition(ctx, "v0.8")
	if got := render(t, p).text("score"); got != "AIVSS "+*g.Card.AIVSS.Score+" "+*g.Card.AIVSS.Severity {
		t.Errorf("back in v0.8: #score reads %q", got)
	}
	if p.fragment != g.Link {
		t.Errorf("back in v0.8 the card is not the one opened:\n got %s\nwant %s", p.fragment, g.Link)
	}
}

func TestTheCardEditionHasSlidersAndNumberFields(t *testing.T) {
	g := loadGoldenLink(t, "card-edition-full-model")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	v := render(t, p)
	for id, want := range g.Card.AIVSS.Factors {
		// The number field shows two decimals; the JSON export the shortest form.
		if got, _ := v.attr("factor-"+id, "value"); !sameNumber(got, *want) {
			t.Errorf("factor-%s field %q, want %s", id, got, *want)
		}
		if got, _ := v.attr("factor-"+id+"-range", "value"); !sameHundredths(got, *want) {
			t.Errorf("factor-%s slider %q, want %s", id, got, *want)
		}
	}
	if got, _ := v.attr("thm", "value"); !sameNumber(got, *g.Card.AIVSS.ThM) {
		t.Errorf("#thm %q, want %s", got, *g.Card.AIVSS.ThM)
	}
	if got, _ := v.attr("mf", "value"); !sameNumber(got, *g.Card.AIVSS.MF) {
		t.Errorf("#mf %q, want %s", got, *g.Card.AIVSS.MF)
	}

	// A value out of range is refused next to its field; the card keeps its value.
	panel := &FactorsPanel{Editor: p, Edition: "card", Factors: p.card.AIVSS.Factors}
	before := p.fragment
	msg := panel.set(ctx, "card", 0, "1.5")
	if want := "Not accepted: Autonomy of Action is 1.5; the AgentReady threat-model cards edition takes 0 to 1."; msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
	if p.fragment != before {
		t.Error("a refused value changed the card")
	}
}

// sameNumber reports whether two decimal texts are the same number.
func sameNumber(a, b string) bool {
	x, err1 := decimal.Parse(a)
	y, err2 := decimal.Parse(b)
	return err1 == nil && err2 == nil && x == y
}

func TestABadLinkShowsItsErrorAndLeavesTheDraftUntouched(t *testing.T) {
	tests := []struct {
		name     string
		fragment string
		want     string
	}{
		{"unknown edition", "v1&e=v9", `The link's edition part (e=) is not right: unknown AIVSS edition "v9".`},
		{"not a link", "hello", `A threatcard link starts with its version, v2 (v1 in older links); this one starts "hello".`},
		{"bad vector", "v1&e=v0.8&c=CVSS:4.0/AV:Q", "The link's CVSS part (c=) is not right: AV:Q is not allowed; AV takes N, A, L, P."},
		{"a finding of a threat the link has not", "v2&e=v0.8&s=3.3;F-001;;;;;&d=YhT0SMxJ003LzMkBVYJFiWklgAAAAP__",
			"The link's findings part (s=) is not right: finding s=3.3 (threat 3 of L3 Agent Frameworks): the text has no such threat; it has 0 threats under L3 Agent Frameworks."},
		{"too long", strings.Repeat("x", MaxFragmentBytes+1), "This link is 434,177 characters long; threatcard opens links of up to 434,176 characters."},
	}
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := testContext(t)
			p := newPage()
			navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
			draft, _ := p.drafts(ctx).Load()

			navigate(t, ctx, p, "https://example.org/#"+tt.fragment)
			v := render(t, p)
			if !v.has("link-error") {
				t.Fatal("no #link-error")
			}
			if got := v.text("error-text"); got != tt.want {
				t.Errorf("error text\n got %s\nwant %s", got, tt.want)
			}
			if v.has("calculator") {
				t.Error("the calculator is shown under the error")
			}
			if got := v.text("open-draft"); !strings.HasPrefix(got, "Open my draft: Untitled card, AIVSS 9.9 Critical, saved ") {
				t.Errorf("#open-draft reads %q", got)
			}
			if err := p.edit(ctx, func(c *card.Card) { c.Title = "x" }); err == nil {
				t.Error("an edit was applied under the error")
			}
			if after, _ := p.drafts(ctx).Load(); after != draft {
				t.Errorf("the draft changed:\n%+v\n%+v", after, draft)
			}

			p.reopenDraft(ctx, app.Event{})
			if p.failure != nil || p.fragment != g.Link || ctx.Page().URL().Fragment != g.Link {
				t.Errorf("open my draft: failure %v, fragment %s, address %s", p.failure, p.fragment, ctx.Page().URL())
			}
		})
	}
}

// A new page opened on a bad link offers the draft saved by an earlier one.
func TestABadLinkInANewPageOffersTheDraft(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	first := newPage()
	navigate(t, ctx, first, "https://example.org/#"+g.Fragment)

	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v9")
	v := render(t, p)
	if !v.has("link-error") || !v.has("open-draft") {
		t.Fatalf("link error shown %v, open my draft offered %v", v.has("link-error"), v.has("open-draft"))
	}
	p.reopenDraft(ctx, app.Event{})
	if p.failure != nil || p.fragment != g.Link {
		t.Errorf("open my draft: failure %v, fragment %s", p.failure, p.fragment)
	}
}

func TestStartANewCardKeepsTheOldOneAmongTheRecent(t *testing.T) {
	g := loadGoldenLink(t, "v08-tool-misuse-scores-only")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#v1&e=v9")
	p.reopenDraft(ctx, app.Event{}) // no draft yet: a new card
	if p.failure != nil || p.fragment != blankFragment() {
		t.Fatalf("without a draft: failure %v, fragment %s", p.failure, p.fragment)
	}
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment)
	navigate(t, ctx, p, "https://example.org/#broken")
	p.startOver(ctx, app.Event{})
	if p.failure != nil || p.fragment != blankFragment() || ctx.Page().URL().Fragment != "" {
		t.Errorf("start over: failure %v, fragment %s, address %s", p.failure, p.fragment, ctx.Page().URL())
	}
	recent := p.drafts(ctx).Recent()
	if len(recent) != 1 || recent[0].Fragment != g.Link {
		t.Errorf("recent %+v, want the card opened before", recent)
	}
	if got := render(t, p).text("score"); got != "incomplete: missing CVSS, 10 of 10 factors" {
		t.Errorf("new card: #score reads %q", got)
	}
}

func TestTheBareAddressOpensTheDraft(t *testing.T) {
	g := loadGoldenLink(t, "card-edition-full-model")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	if p.fragment != blankFragment() || ctx.Page().URL().Fragment != "" {
		t.Fatalf("no draft: fragment %s, address %s; want a new card at the bare address", p.fragment, ctx.Page().URL())
	}
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment) // becomes the draft

	again := newPage()
	again.store = p.store
	navigate(t, ctx, again, "https://example.org/")
	if again.fragment != g.Link || ctx.Page().URL().Fragment != g.Link {
		t.Errorf("fragment %s, address %s; want the draft's", again.fragment, ctx.Page().URL())
	}
	if got := render(t, again).text("score-value"); got != *g.Card.AIVSS.Score {
		t.Errorf("score %s, want %s", got, *g.Card.AIVSS.Score)
	}
}

// The layer overview's links name sections (#layer-3); opened in a tab of
// their own, they show the draft, not a bad-link error.
func TestASectionAnchorInANewPageOpensTheDraft(t *testing.T) {
	g := loadGoldenLink(t, "card-edition-full-model")
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/#layer-3")
	if p.failure != nil || p.fragment != blankFragment() {
		t.Fatalf("no draft: failure %v, fragment %s; want a new card", p.failure, p.fragment)
	}
	navigate(t, ctx, p, "https://example.org/#"+g.Fragment) // becomes the draft

	for _, anchor := range []string{"layer-3", "layer-cross"} {
		again := newPage()
		again.store = p.store
		navigate(t, ctx, again, "https://example.org/#"+anchor)
		if again.failure != nil || again.fragment != g.Link || ctx.Page().URL().Fragment != g.Link {
			t.Errorf("#%s: failure %v, fragment %s, address %s; want the draft's", anchor, again.failure, again.fragment, ctx.Page().URL())
		}
	}
	// Not a section: still a bad link.
	bad := newPage()
	navigate(t, ctx, bad, "https://example.org/#layer-8")
	if bad.failure == nil {
		t.Error("#layer-8 opened without an error")
	}
}

func TestARefusedEditChangesNothing(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	before, rev := p.card, p.rev
	err := p.edit(ctx, func(c *card.Card) { c.Title = strings.Repeat("n", card.MaxTitle+1) })
	var refused *EditRefusedError
	if !errors.As(err, &refused) || refused.Field == nil || refused.Field.Loc.Path() != "title" ||
		refused.Field.Msg != "has 201 characters; the limit is 200" {
		t.Fatalf("err %#v", err)
	}
	if want := "Not changed: the title has 201 characters; the limit is 200."; err.Error() != want {
		t.Errorf("message %q, want %q", err.Error(), want)
	}
	if p.card != before || p.rev != rev {
		t.Error("the card changed")
	}

	header := &CardHeader{Editor: p}
	header.setTitle(ctx, "line\x07bell")
	if want := "Not accepted: the title contains the control character U+0007. The card keeps its earlier title."; header.titleErr != want {
		t.Errorf("title message %q, want %q", header.titleErr, want)
	}
	header.setTitle(ctx, "Ticket triage bot")
	if header.titleErr != "" || p.card.Title != "Ticket triage bot" || p.title != "Ticket triage bot · threatcard" {
		t.Errorf("title %q, message %q, page title %q", p.card.Title, header.titleErr, p.title)
	}
}

func TestGuardRecoversAPanickingEdit(t *testing.T) {
	ctx := testContext(t)
	p := newPage()
	navigate(t, ctx, p, "https://example.org/")
	h := p.handler("changing the title", func(ctx app.Context, e app.Event) {
		p.edit(ctx, func(c *card.Card) { panic("nil map") })
	})
	h(ctx, app.Event{})
	var pe *PanicError
	if !errors.As(p.failure, &pe) || p.failure.Error() != "internal error while changing the title: nil map" {
		t.Fatalf("failure %v", p.failure)
	}
	v := render(t, p)
	if !v.has("error") || v.text("error-title") != "Something went wrong" ||
		v.text("error-text") != "internal error while changing the title: nil map" {
		t.Errorf("error panel: %q / %q", v.text("error-title"), v.text("error-text"))
	}
	if !v.has("start-over") {
		t.Error("no way out of the error")
	}
}

func TestPageOffersReloadWhenAnUpdateIsInstalled(t *testing.T) {
	p := newPage()
	p.updateAvailable = true
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	// The banner comes between the header and <main>, in a slot that is
	// always there, so that <main> keeps its place when it appears.
	if err := app.Match(app.Elem("button").ID("update-reload").Attr("type", "button").OnClick(func(app.Context, app.Event) {}), p, 0, 1, 0, 0, 1); err != nil {
		t.Error(err)
	}
	// app.Match compares an element's attributes and handlers, not its
	// children: the button's words are checked as its own text node.
	if err := app.Match(app.Text("Reload"), p, 0, 1, 0, 0, 1, 0); err != nil {
		t.Error(err)
	}
	if err := app.Match(app.Elem("main").ID("main"), p, 0, 2); err != nil {
		t.Error(err)
	}
}

func TestPageLandmarksAndParts(t *testing.T) {
	p := newPage()
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	checks := []struct {
		name     string
		expected app.UI
		path     []int
	}{
		{"header first", app.Elem("header").Class("tc-header"), []int{0, 0}},
		{"then the update banner's slot", app.Elem("div").Class("tc-banner-slot"), []int{0, 1}},
		{"main", app.Elem("main").ID("main"), []int{0, 2}},
		{"footer", app.Elem("footer").Class("tc-footer"), []int{0, 3}},
		{"the toolbar first in main", app.Elem("div").Class("tc-toolbar-wrap"), []int{0, 2, 0, 0}},
		{"its tools", &Toolbar{Page: p, Opened: p.opened, All: true}, []int{0, 2, 0, 0, 0}},
		{"then the messages", app.Elem("div").Class("tc-messages"), []int{0, 2, 0, 1}},
		{"the card's title", &CardHeader{Editor: p, Title: "", Summary: ""}, []int{0, 2, 0, 2}},
		{"then the calculator", &Calculator{Editor: p, Inputs: p.card.AIVSS, Eval: p.eval}, []int{0, 2, 0, 3}},
		{"then the share bar", &panel{Name: panelShare, Rev: p.followRev, Page: p}, []int{0, 2, 0, 4}},
		{"then Compare with…", &CompareWith{Page: p, Fragment: p.fragment}, []int{0, 2, 0, 5}},
		{"then the MAESTRO editor", &panel{Name: panelMaestro, Rev: p.textRev, Page: p}, []int{0, 2, 0, 6}},
		{"the printed report last", &panel{Name: panelReport, Rev: p.followRev, Page: p}, []int{0, 4}},
	}
	for _, c := range checks {
		if err := app.Match(c.expected, p, c.path...); err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}

func TestErrorPanelRender(t *testing.T) {
	tests := []struct {
		name    string
		panel   *ErrorPanel
		buttons []string
	}{
		{"both ways out", &ErrorPanel{ID: "link-error", Message: "<b>bad</b>", Draft: RecentEntry{Title: "Bot"},
			OnOpenDraft: func(app.Context, app.Event) {}, OnStartOver: func(app.Context, app.Event) {}}, []string{"open-draft", "start-over"}},
		{"no draft", &ErrorPanel{ID: "link-error", Message: "<b>bad</b>", OnStartOver: func(app.Context, app.Event) {}}, []string{"start-over"}},
		{"none", &ErrorPanel{Message: "<b>bad</b>"}, nil},
	}
	for _, tt := range tests {
		v := render(t, tt.panel)
		if got := v.text("error-text"); got != "<b>bad</b>" {
			t.Errorf("%s: message %q", tt.name, got)
		}
		tree := tt.panel.Render()
		if err := app.Match(app.Elem("p").ID("error-text").Role("alert"), tree, 1); err != nil {
			t.Errorf("%s: %v", tt.name, err)
		}
		if err := app.Match(app.Text("<b>bad</b>"), tree, 1, 0); err != nil {
			t.Errorf("%s: the message is not one text node: %v", tt.name, err)
		}
		var got []string
		for _, b := range v.root.all(func(n *htmlNode) bool { return n.tag == "button" }) {
			got = append(got, b.attrs["id"])
		}
		if strings.Join(got, ",") != strings.Join(tt.buttons, ",") {
			t.Errorf("%s: buttons %v, want %v", tt.name, got, tt.buttons)
		}
	}
}

func TestGoldenCopiesMatchTheirFiles(t *testing.T) {
	for name, frag := range goldenCopies {
		if got := loadGoldenLink(t, name).Fragment; got != frag {
			t.Errorf("goldenCopies[%q] differs from %s.link", name, name)
		}
	}
}

// sameHundredths reports whether a slider position (hundredths) is the
// decimal d.
func sameHundredths(position, d string) bool {
	n, err1 := strconv.Atoi(position)
	v, err2 := decimal.Parse(d)
	return err1 == nil && err2 == nil && int64(n) == v.Hundredths()
}
