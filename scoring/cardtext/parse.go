package cardtext

import (
	"errors"
	"fmt"
	"strings"

	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// maxLead is how many non-blank lines may come before and including the
// title: a navigation line or two, the back link, the title.
const maxLead = 4

// section is the part of the card a line is in; it decides where a line of
// plain text goes.
type section int

const (
	inSummary section = iota // after the title
	inAIVSS                  // the score rationale: nothing but numbers belongs here
	inMAESTRO                // the layer paragraphs
	afterCard                // after the MAESTRO footer line
)

var (
	titleRE    = lazy(`(?i)^(.*\S)\s*(?:—|–|--|-|:|\|)\s*agentic\s+threat\s+model$`)
	backLinkRE = lazy(`^←\s*(\S.*)$`)
)

// layerText is what the text says about one layer.
type layerText struct {
	line     int // the line it starts on
	status   maestro.Status
	hasBadge bool
	heading  bool // opened by a heading (else an unlabelled paragraph)
	text     []string
	textLine int // the line of its first text, 0 for none
}

func (l *layerText) add(n int, s string) {
	if l.textLine == 0 {
		l.textLine = n
	}
	l.text = append(l.text, s)
}

type parser struct {
	lines []line
	c     card.Card
	res   Result

	sec       section
	titleLine int
	backLink  string
	backLine  int

	summary     []string
	summaryLine int

	factorLine  [card.NumFactors]int
	pending     int // a factor whose name was on a line of its own and waits for its value; -1 for none
	pendingLine int

	layers  [maestro.NumLayers]*layerText
	seq     int        // unlabelled paragraphs placed so far, one layer each from L1
	current *layerText // the layer the last heading opened

	scoreLine int
	chipLine  [numChips]int
}

// Parse imports the text of an agentic threat-model card. It returns a
// *ParseError naming the line for text it cannot read: no title, a factor
// that does not exist or is given twice, a value that is not a number, a
// layer label twice, or text over a card limit. Text pasted only in part
// is imported as far as it goes, with warnings for what is missing.
func Parse(text string) (*Result, error) {
	lines, err := splitLines(text)
	if err != nil {
		return nil, err
	}
	p := &parser{lines: lines, pending: -1}
	p.c.AIVSS.Edition = Edition
	start, err := p.title()
	if err != nil {
		return nil, err
	}
	for _, ln := range lines[start:] {
		if ln.text == "" {
			continue
		}
		if err := p.line(ln); err != nil {
			return nil, err
		}
	}
	return p.finish()
}

func (p *parser) warn(n int, format string, args ...any) {
	p.res.Warnings = append(p.res.Warnings, Warning{Line: n, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) fail(n int, err error, format string, args ...any) error {
	text := ""
	if n > 0 {
		text = p.lines[n-1].text
	}
	return &ParseError{Line: n, Text: text, Msg: fmt.Sprintf(format, args...), Err: err}
}

// title finds the title line among the first lines and reads what comes
// before it. It returns the index of the line after the title.
func (p *parser) title() (int, error) {
	var lead []int // indexes of the first non-blank lines
	for i, ln := range p.lines {
		if ln.text != "" {
			if lead = append(lead, i); len(lead) == maxLead {
				break
			}
		}
	}
	if len(lead) == 0 {
		return 0, &ParseError{Msg: "the text is empty; paste the whole card, from its title line on"}
	}
	for _, i := range lead {
		s := p.lines[i].text
		if !strings.EqualFold(s[max(0, len(s)-len("model")):], "model") {
			continue
		}
		if m := titleRE.FindStringSubmatch(s); m != nil {
			p.c.Title, p.titleLine = m[1], p.lines[i].n
			return i + 1, p.lead(p.lines[:i])
		}
	}
	// No title line: the back link still names the agent.
	for _, i := range lead {
		if m := backLinkRE.FindStringSubmatch(p.lines[i].text); m != nil {
			p.c.Title, p.titleLine = strings.TrimSpace(m[1]), p.lines[i].n
			p.warn(p.titleLine, "no title line \"<agent> — agentic threat model\"; the title is taken from the back link")
			return i + 1, p.lead(p.lines[:i])
		}
	}
	return 0, p.fail(p.lines[lead[0]].n, nil, "expected the card's title line, \"<agent> — agentic threat model\"")
}

// lead reads the lines before the title: a back link and a headline are
// kept, anything else is the site's navigation and is dropped.
func (p *parser) lead(lines []line) error {
	for _, ln := range lines {
		if m := backLinkRE.FindStringSubmatch(ln.text); m != nil {
			p.backLink, p.backLine = strings.TrimSpace(m[1]), ln.n
			continue
		}
		if h, ok := parseHeadline(ln.text); ok {
			if err := p.headline(ln, h); err != nil {
				return err
			}
		}
	}
	return nil
}

// line reads one non-blank line after the title.
func (p *parser) line(ln line) error {
	s := ln.text
	if p.pending >= 0 {
		return p.factorValue(ln)
	}
	switch boilerplate(s) {
	case rationaleHead, aivssNote:
		p.enter(inAIVSS)
		return nil
	case maestroHead:
		p.enter(inMAESTRO)
		return nil
	case maestroFooter:
		p.sec, p.current = afterCard, nil
		return nil
	case tableHeadOrRule:
		p.enter(inAIVSS)
		return nil
	}
	if m := backLinkRE.FindStringSubmatch(s); m != nil {
		return nil // the page repeats its back link; the first one is kept
	}
	if h, ok := parseHeadline(s); ok {
		return p.headline(ln, h)
	}
	chips, ok, msg := parseChips(s)
	if msg != "" {
		return p.fail(ln.n, nil, "%s", msg)
	}
	if ok {
		p.enter(inAIVSS)
		return p.chips(ln, chips)
	}
	// Factors come before the MAESTRO section; there a table row or a
	// line that reads like a factor is the layer's text.
	if p.sec < inMAESTRO {
		if strings.HasPrefix(s, "|") {
			p.enter(inAIVSS)
			return p.factorRow(ln)
		}
		if done, err := p.factorLineText(ln); done || err != nil {
			return err
		}
	}
	h, ok, msg := parseHeading(s)
	if msg != "" {
		return p.fail(ln.n, nil, "%s", msg)
	}
	if ok {
		return p.heading(ln, h)
	}
	if st, ok := parseBadge(s); ok && p.current != nil && !p.current.hasBadge && p.current.textLine == 0 {
		p.current.status, p.current.hasBadge = st, true
		return nil
	}
	switch p.sec {
	case inSummary:
		if p.summaryLine == 0 {
			p.summaryLine = ln.n
		}
		p.summary = append(p.summary, s)
	case inAIVSS:
		p.warn(ln.n, "text in the AIVSS rationale that is not a factor or a printed number; ignored")
	case inMAESTRO:
		p.paragraph(ln)
	case afterCard:
		p.warn(ln.n, "text after the end of the MAESTRO section; ignored")
	}
	return nil
}

// enter moves on to section s; the card's sections only go forward.
func (p *parser) enter(s section) {
	if s > p.sec {
		p.sec = s
	}
}

func (p *parser) headline(ln line, h headline) error {
	score, err := decimal.Parse(h.score)
	if err != nil || score > decimal.FromInt(10) {
		return p.fail(ln.n, err, "%q is not an AIVSS score (0.0 to 10.0)", h.score)
	}
	if h.big != "" && !sameNumber(h.big, h.score) {
		p.warn(ln.n, "the headline prints two different scores, %s and %s; %s is taken", h.big, h.score, h.score)
	}
	pr := &p.res.Printed
	if pr.Score != "" {
		if !sameNumber(pr.Score, h.score) || !strings.EqualFold(pr.Severity, h.severity) {
			p.warn(ln.n, "a second headline, AIVSS %s %s, differs from line %d; the first is kept", h.score, h.severity, p.scoreLine)
		}
		return nil
	}
	pr.Score, pr.Severity, p.scoreLine = h.score, h.severity, ln.n
	return nil
}

// sameNumber reports whether two printed numbers have the same value
// ("1.0" and "1.00" do).
func sameNumber(a, b string) bool {
	x, err1 := decimal.Parse(a)
	y, err2 := decimal.Parse(b)
	return err1 == nil && err2 == nil && x == y
}

func (p *parser) chips(ln line, chips []chip) error {
	pr := &p.res.Printed
	for _, ch := range chips {
		d, err := decimal.Parse(ch.value)
		if err != nil {
			return p.fail(ln.n, err, "%s %q is not a number this card can hold", chipNames[ch.kind], ch.value)
		}
		field := [numChips]*string{&pr.CVSS, &pr.AARS, &pr.FactorSum, &pr.ThM, &pr.MF}[ch.kind]
		if *field != "" {
			if !sameNumber(*field, ch.value) {
				return p.fail(ln.n, nil, "%s %s differs from %s on line %d", chipNames[ch.kind], ch.value, *field, p.chipLine[ch.kind])
			}
			continue
		}
		*field, p.chipLine[ch.kind] = ch.value, ln.n
		switch ch.kind {
		case chipCVSS:
			p.c.AIVSS.CVSSScore = decimal.Some(d)
		case chipThM:
			p.c.AIVSS.ThM = decimal.Some(d)
		case chipMF:
			p.c.AIVSS.MF = decimal.Some(d)
		}
	}
	return nil
}

// factorRow reads a table row "| Autonomy of Action | 0.20 | |".
func (p *parser) factorRow(ln line) error {
	cells := tableCells(ln.text)
	if len(cells) == 0 {
		return nil // an empty row
	}
	i, ok := factorNamed(cells[0])
	if !ok {
		return p.fail(ln.n, nil, "unknown factor %q; the card's factors are %s", cells[0], factorNames())
	}
	if len(cells) < 2 || cells[1] == "" {
		return p.fail(ln.n, nil, "the row of %s has no value", edition.Factors[i].Name)
	}
	for _, extra := range cells[2:] {
		if extra != "" {
			p.warn(ln.n, "the text after the value of %s is not kept", edition.Factors[i].Name)
			break
		}
	}
	return p.setFactor(ln, i, cells[1])
}

// factorLineText reads a factor name on a line of its own (its value is on
// the next line) or a name and value on one line. done is false for a line
// that is neither.
func (p *parser) factorLineText(ln line) (done bool, err error) {
	if i, ok := factorNamed(ln.text); ok {
		p.enter(inAIVSS)
		if p.factorLine[i] != 0 {
			return true, p.duplicate(ln, i)
		}
		p.pending, p.pendingLine = i, ln.n
		return true, nil
	}
	if last := ln.text[len(ln.text)-1]; last < '0' || last > '9' {
		return false, nil
	}
	m := factorOnOneLine.FindStringSubmatch(ln.text)
	if m == nil {
		return false, nil
	}
	i, ok := factorNamed(m[1])
	if !ok {
		return false, nil
	}
	p.enter(inAIVSS)
	return true, p.setFactor(ln, i, m[2])
}

// factorValue reads the line after a factor's name: its value.
func (p *parser) factorValue(ln line) error {
	i := p.pending
	p.pending = -1
	return p.setFactor(ln, i, ln.text)
}

func (p *parser) setFactor(ln line, i int, value string) error {
	name := edition.Factors[i].Name
	if p.factorLine[i] != 0 {
		return p.duplicate(ln, i)
	}
	d, msg, err := parseFactorValue(name, value)
	if msg != "" {
		return p.fail(ln.n, err, "%s", msg)
	}
	p.c.AIVSS.Factors[i] = decimal.Some(d)
	p.factorLine[i] = ln.n
	return nil
}

func (p *parser) duplicate(ln line, i int) error {
	return p.fail(ln.n, nil, "%s is given a second time; it was first on line %d", edition.Factors[i].Name, p.factorLine[i])
}

// heading opens the layer a label names.
func (p *parser) heading(ln line, h heading) error {
	if prev := p.layers[h.layer-1]; prev != nil {
		return p.fail(ln.n, nil, "%s appears a second time; it was first on line %d", h.layer.Code(), prev.line)
	}
	if h.named != 0 && h.named != h.layer {
		p.warn(ln.n, "the heading %s names %s; the layer is placed by its number as %s", h.layer.Code(), h.named.Name(), h.layer)
	}
	l := &layerText{line: ln.n, status: h.status, hasBadge: h.hasBadge, heading: true}
	if h.rest != "" {
		l.add(ln.n, h.rest)
	}
	p.layers[h.layer-1], p.current = l, l
	p.enter(inMAESTRO)
	return nil
}

// paragraph places a line of MAESTRO text: under the last heading, or,
// before any heading, as the next layer's paragraph.
func (p *parser) paragraph(ln line) {
	if p.current != nil {
		p.current.add(ln.n, ln.text)
		return
	}
	if p.seq == maestro.NumLayers {
		p.warn(ln.n, "text after the seventh layer's paragraph; ignored")
		return
	}
	l := &layerText{line: ln.n}
	l.add(ln.n, ln.text)
	p.layers[p.seq] = l
	p.seq++
}

// finish builds the card from what was read, checks it and its printed
// numbers.
func (p *parser) finish() (*Result, error) {
	if p.pending >= 0 {
		p.warn(p.pendingLine, "%s has no value after it; left unset", edition.Factors[p.pending].Name)
	}
	if p.backLink != "" && p.backLine != p.titleLine && p.backLink != p.c.Title {
		p.warn(p.backLine, "the back link names %q but the title is %q; the title is kept", p.backLink, p.c.Title)
	}
	p.c.Summary = strings.Join(p.summary, "\n")
	if p.c.Summary == "" {
		p.warn(0, "the card has no summary")
	}
	var missing []string
	for i, f := range p.c.AIVSS.Factors {
		if !f.Set {
			missing = append(missing, edition.Factors[i].Name)
		}
	}
	switch {
	case len(missing) == card.NumFactors:
		p.warn(0, "the text has no AIVSS factor values; they are left unset")
	case len(missing) > 0:
		p.warn(0, "no value for %s; left unset", strings.Join(missing, ", "))
	}
	p.buildLayers()
	p.res.Card = &p.c
	if err := p.c.Validate(); err != nil {
		return nil, p.invalid(err)
	}
	p.checkPrinted()
	return &p.res, nil
}

// buildLayers fills the MAESTRO model from the layer texts.
func (p *parser) buildLayers() {
	var absent []string
	for i, l := range p.layers {
		layer := maestro.Layer(i + 1)
		e := p.c.MAESTRO.Layer(layer)
		if l == nil {
			absent = append(absent, layer.Code())
			continue
		}
		notes := strings.Join(l.text, "\n")
		cut, uncertain := cutUncertain(notes)
		switch {
		case l.hasBadge && l.status == maestro.Mapped && uncertain:
			// The badge is the card's flag; the words are kept as written.
			e.Status, e.Notes = maestro.Mapped, notes
			p.warn(l.textLine, "%s is marked mapped but its text begins \"Not certain from the listing\"; kept as mapped, text as is", layer.Code())
		case l.hasBadge:
			e.Status, e.Notes = l.status, notes
			if uncertain && l.status == maestro.Uncertain {
				e.Notes = cut
			}
		case uncertain:
			e.Status, e.Notes = maestro.Uncertain, cut
		case notes != "":
			e.Status, e.Notes = maestro.Mapped, notes
		default:
			e.Status = maestro.NotAssessed
		}
		if notes == "" {
			p.warn(l.line, "%s has a heading but no text", layer.Code())
		} else if !endsSentence(notes) {
			p.warn(l.textLine, "%s's text does not end a sentence; it may have been cut short", layer.Code())
		}
	}
	if len(absent) > 0 {
		p.warn(0, "%s not in the text; marked not assessed", list(absent))
	}
}

// list writes "L4", "L4 is" style lists: "L4, L5 and L7 are".
func list(items []string) string {
	if len(items) == 1 {
		return items[0] + " is"
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1] + " are"
}

// invalid turns a card limit broken into an error on the line the field
// came from.
func (p *parser) invalid(err error) error {
	fe, ok := errors.AsType[*card.FieldError](err)
	if !ok {
		return &ParseError{Msg: err.Error(), Err: err}
	}
	n := 0
	switch loc := fe.Loc; loc.Section {
	case card.SectionTitle:
		n = p.titleLine
	case card.SectionSummary:
		n = p.summaryLine
	case card.SectionAIVSS:
		switch loc.Input {
		case card.InputCVSSScore:
			n = p.chipLine[chipCVSS]
		case card.InputThM:
			n = p.chipLine[chipThM]
		case card.InputMF:
			n = p.chipLine[chipMF]
		case card.InputFactor:
			if i, ok := edition.FactorIndex(loc.Factor.ID); ok {
				n = p.factorLine[i]
			}
		}
	case card.SectionLayer:
		if i := int(loc.Layer) - 1; i >= 0 && i < maestro.NumLayers && p.layers[i] != nil {
			n = p.layers[i].line
		}
	}
	return p.fail(n, err, "%s", fe.Error())
}
