// Package cardtest makes cards for tests: random valid cards that exercise
// every kind of field, for round-trip and property tests of the packages
// that read and write cards.
package cardtest

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/corerisk"
	"github.com/threatcard/threatcard/scoring/cvss4"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// Random returns a card that passes card.Validate, drawn from r: any
// edition; a CVSS vector (with Threat, Environmental and Supplemental
// metrics at times), a bare CVSS score or none; factors, ThM and MF each
// sometimes unset; Unicode, multi-line text and Markdown/HTML/URL
// look-alikes in every text field; layers of every status; catalog threats
// (and now and then an id the catalog does not know), custom threats with
// every field set, and cross-layer threats touching no named layer or two
// and more.
//
// Text is kept short enough that every card also fits in a link.
func Random(r *rand.Rand) *card.Card {
	g := gen{r}
	eds := aivss.Editions()
	ed := eds[r.IntN(len(eds))]
	c := &card.Card{AIVSS: card.Inputs{Edition: ed.ID}}
	if r.IntN(4) > 0 {
		c.Title = g.text(titlePieces(r), false)
	}
	if r.IntN(3) > 0 {
		c.Summary = g.text(6, true)
	}
	g.inputs(ed, &c.AIVSS)
	m := &c.MAESTRO
	for _, l := range maestro.Layers() {
		e := m.Layer(l)
		e.Status = maestro.Status(r.IntN(3))
		if r.IntN(3) > 0 {
			e.Notes = g.text(5, true)
		}
		for range r.IntN(3) {
			e.Threats = append(e.Threats, g.threat(l))
		}
	}
	for range r.IntN(3) {
		t := g.threat(0)
		t.Layers = g.crossLayers()
		m.CrossLayer = append(m.CrossLayer, t)
	}
	return c
}

type gen struct{ r *rand.Rand }

// titlePieces picks how many pieces a title gets at most: usually a few,
// now and then many (text trims them to the title limit).
func titlePieces(r *rand.Rand) int {
	if r.IntN(10) == 0 {
		return 12
	}
	return 1 + r.IntN(3)
}

func (g gen) inputs(ed *aivss.Edition, in *card.Inputs) {
	r := g.r
	switch r.IntN(3) {
	case 0:
		in.CVSSVector = g.vector()
	case 1:
		in.CVSSScore = decimal.Some(decimal.FromHundredths(int64(r.IntN(101)) * 10))
	}
	for i := range in.Factors {
		if r.IntN(6) > 0 {
			in.Factors[i] = decimal.Some(g.value(&ed.Levels))
		}
	}
	if r.IntN(6) > 0 {
		in.ThM = decimal.Some(g.value(&ed.ThM))
	}
	if ed.HasMF && r.IntN(6) > 0 {
		in.MF = decimal.Some(g.value(&ed.MF))
	}
}

// value is one of the values s allows.
func (g gen) value(s *aivss.Scale) decimal.Decimal {
	if s.Choices != nil {
		return s.Choices[g.r.IntN(len(s.Choices))].Value
	}
	lo, hi := s.Min.Hundredths(), s.Max.Hundredths()
	return decimal.FromHundredths(lo + g.r.Int64N(hi-lo+1))
}

// vector is a random canonical CVSS v4.0 vector: every Base metric, and
// each other metric left out or set now and then.
func (g gen) vector() string {
	var sb strings.Builder
	sb.WriteString("CVSS:4.0")
	extra := g.r.IntN(3) == 0
	for _, m := range cvss4.Metrics() {
		vals := m.Values
		if !m.Mandatory {
			if !extra || g.r.IntN(3) > 0 {
				continue
			}
			vals = vals[1:] // not X: a canonical vector leaves X out
		}
		fmt.Fprintf(&sb, "/%s:%s", m.Abbrev, vals[g.r.IntN(len(vals))].Abbrev)
	}
	v, err := cvss4.Parse(sb.String())
	if err != nil {
		panic("cardtest: made an invalid vector " + sb.String() + ": " + err.Error())
	}
	return v.String()
}

func (g gen) threat(l maestro.Layer) maestro.Threat {
	r := g.r
	var t maestro.Threat
	switch n := r.IntN(10); {
	case n < 4:
		cat := maestro.CatalogFor(l)
		t.CatalogID = cat[r.IntN(len(cat))].ID
	case n == 4:
		t.CatalogID = fmt.Sprintf("x-not-in-catalog-%d", r.IntN(1000))
	default:
		t.Title = g.text(3, false)
		if strings.TrimSpace(t.Title) == "" {
			t.Title = "Threat " + g.piece()
		}
	}
	if r.IntN(2) == 0 {
		t.Description = g.text(4, true)
	}
	if r.IntN(2) == 0 {
		t.Mitigations = g.text(4, true)
	}
	t.ASI = maestro.ASI(r.IntN(maestro.NumASI + 1))
	t.Likelihood = maestro.Level(r.IntN(4))
	t.Impact = maestro.Level(r.IntN(4))
	t.State = maestro.State(r.IntN(3))
	return t
}

// crossLayers is none, or two or more distinct layers in ascending order.
func (g gen) crossLayers() []maestro.Layer {
	if g.r.IntN(4) == 0 {
		return nil
	}
	for {
		var ls []maestro.Layer
		for _, l := range maestro.Layers() {
			if g.r.IntN(3) == 0 {
				ls = append(ls, l)
			}
		}
		if len(ls) >= 2 {
			return ls
		}
	}
}

// pieces are what random text is made of: plain words, text in several
// scripts, emoji, combining marks, and strings that mean something to
// Markdown, HTML, JSON or a URL parser. None holds a control character.
var pieces = []string{
	"agent", "tool", "memory", "the", "planner", "calls", "an API", "42", "0.5",
	"Ünïcödé", "日本語のテキスト", "עברית", "العربية", "Ελληνικά", "ǅemal",
	"🛡️", "🤖", "👩🏽‍💻", "e\u0301", "\u200b", "\u2028", "\u00a0", "\ufeff",
	"<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "[x](javascript:alert(1))",
	"![i](http://evil/x.png)", "http://evil.example", "https://evil.example/a?b=c#d", "www.evil.example",
	"| pipe |", "`code`", "**bold**", "_em_", "# heading", "- item", "1. item", "> quote",
	"~~~", "&amp;", "&lt;", "\\", `"quoted"`, "'single'", "@someone", "#12", "$x$", "a=b&c=d",
	"{\"json\": true}", "  indented", "trailing  ",
}

func (g gen) piece() string { return pieces[g.r.IntN(len(pieces))] }

// text joins up to n random pieces with spaces, or, when multiline, with
// newlines too (blank lines included).
func (g gen) text(n int, multiline bool) string {
	var sb strings.Builder
	for i := range g.r.IntN(n + 1) {
		if i > 0 {
			switch {
			case multiline && g.r.IntN(4) == 0:
				sb.WriteString("\n")
			case multiline && g.r.IntN(12) == 0:
				sb.WriteString("\n\n")
			default:
				sb.WriteString(" ")
			}
		}
		sb.WriteString(g.piece())
	}
	s := sb.String()
	if utf8.RuneCountInString(s) > card.MaxTitle {
		s = string([]rune(s)[:card.MaxTitle])
	}
	return s
}

// AddFindings makes about half of c's threats findings, drawn from r:
// ids new ("F-004"), report-like ("VULN-12") or any text; any core-risk
// category or none; their own CVSS vector, bare score or none; each
// factor, ThM and MF sometimes overridden, often left to the card; and
// now and then a finding whose custom threat has no title, as a report
// may leave it out. c stays valid.
func AddFindings(r *rand.Rand, c *card.Card) {
	g := gen{r}
	ed, err := aivss.Lookup(c.AIVSS.Edition)
	if err != nil {
		panic("cardtest: AddFindings on a card without a known edition")
	}
	add := func(t *maestro.Threat) {
		if r.IntN(2) == 0 {
			return
		}
		a := &t.AIVSS
		switch r.IntN(4) {
		case 0:
			a.ID = fmt.Sprintf("VULN-%d", 100+r.IntN(900))
		case 1:
			a.ID = strings.TrimSpace(g.text(1, false))
		}
		if a.ID == "" || utf8.RuneCountInString(a.ID) > card.MaxFindingID || taken(c, a.ID) {
			a.ID = c.NextFindingID()
		}
		a.Category = corerisk.Risk(r.IntN(corerisk.NumRisks + 1))
		var in card.Inputs
		g.inputs(ed, &in)
		a.CVSSVector, a.CVSSScore = in.CVSSVector, in.CVSSScore
		for i := range a.Factors {
			if r.IntN(3) == 0 {
				a.Factors[i] = decimal.Some(g.value(&ed.Levels))
			}
		}
		if r.IntN(3) == 0 {
			a.ThM = in.ThM
		}
		if r.IntN(3) == 0 {
			a.MF = in.MF
		}
		if t.CatalogID == "" && r.IntN(8) == 0 {
			t.Title = ""
		}
	}
	for i := range c.MAESTRO.Layers {
		for j := range c.MAESTRO.Layers[i].Threats {
			add(&c.MAESTRO.Layers[i].Threats[j])
		}
	}
	for j := range c.MAESTRO.CrossLayer {
		add(&c.MAESTRO.CrossLayer[j])
	}
}

// taken reports whether a threat of c has the finding id id.
func taken(c *card.Card, id string) bool {
	n := 0
	for _, f := range c.Findings() {
		if f.Threat.AIVSS.ID == id {
			n++
		}
	}
	return n > 1 // the threat being made a finding already holds id
}

// RandomWithFindings is Random with AddFindings.
func RandomWithFindings(r *rand.Rand) *card.Card {
	c := Random(r)
	AddFindings(r, c)
	return c
}
