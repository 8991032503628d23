package export

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/card"
	"github.com/threatcard/threatcard/scoring/decimal"
	"github.com/threatcard/threatcard/scoring/maestro"
)

// UncertainPrefix starts the notes of a layer whose status is Uncertain
// when they are written out, as the published cards write them. The card
// keeps its notes without it.
const UncertainPrefix = "Not certain from the listing — "

// Markdown returns c as Markdown to paste into a ticket: a first line with
// the title, the score and severity (or what is still missing), the
// edition, the highest finding and the findings counted by severity, and
// the link; the summary; a table of the AIVSS inputs; the findings,
// highest score first; then the seven MAESTRO layers with their status,
// notes and threats, and the cross-layer threats.
//
// link is the card's link: an http or https URL, or "#" and the fragment;
// any other link is a *LinkError. The card's text is escaped where
// Markdown would read it as markup (see escapeMarkdown), so it renders and
// reads as typed and the link is the only link, image or HTML in the
// result. CVSS vectors, ASI codes and unknown catalog ids are code spans.
func Markdown(c *card.Card, link string) (string, error) {
	if err := c.Validate(); err != nil {
		return "", err
	}
	dest, err := linkDestination(link)
	if err != nil {
		return "", err
	}
	ev := card.Evaluate(c)
	ed := ev.Edition
	var blocks []string

	var first strings.Builder
	// Bold text must not start or end with a space, or the ** show.
	if title := strings.TrimSpace(c.Title); title != "" {
		first.WriteString("**" + escapeInline(title) + "** — ")
	}
	switch {
	case ev.Err != nil:
		first.WriteString("AIVSS not scored: " + escapeInline(ev.Err.Error()))
	case ev.Complete():
		first.WriteString("AIVSS " + ev.Result.Score + " " + string(ev.Result.Severity))
	default:
		first.WriteString("AIVSS incomplete, missing " + escapeInline(ev.MissingText()))
	}
	first.WriteString(" (" + ed.Name + ")")
	findings := c.Findings()
	card.RankFindings(findings)
	tally := card.Tally(findings)
	if top := tally.Top; top != nil {
		// Scores are ordinal: the highest and the count per severity, never
		// an average.
		first.WriteString(" · Highest finding: " + top.Eval.Result.Score + " " + string(top.Eval.Result.Severity) +
			" — " + findingTitle(top.Threat, false) + "; " + tally.Text())
		if n := tally.Findings - tally.Scored; n > 0 {
			first.WriteString(", " + strconv.Itoa(n) + " not scored")
		}
	}
	first.WriteString(" · [Open the threatcard](" + dest + ")")
	blocks = append(blocks, first.String())
	blocks = append(blocks, paragraphs("", c.Summary)...)
	blocks = append(blocks, inputTable(c, &ev))
	if len(findings) > 0 {
		blocks = append(blocks, "### Findings", findingTable(findings))
	}

	blocks = append(blocks, "### MAESTRO threat model")
	for _, l := range maestro.Layers() {
		e := c.MAESTRO.Layer(l)
		blocks = append(blocks, "#### "+l.Code()+" · "+l.Name()+" — "+statusLabel(e.Status))
		prefix := ""
		if e.Status == maestro.Uncertain {
			prefix = escapeLine(UncertainPrefix)
		}
		blocks = append(blocks, paragraphs(prefix, e.Notes)...)
		if len(e.Threats) > 0 {
			blocks = append(blocks, threatTable(e.Threats, false))
		}
	}
	if len(c.MAESTRO.CrossLayer) > 0 {
		blocks = append(blocks, "#### "+maestro.CrossLayerName(), threatTable(c.MAESTRO.CrossLayer, true))
	}
	return strings.Join(blocks, "\n\n") + "\n", nil
}

// findingTable is the table of the findings, in the order given: id,
// score and severity (or what is missing), core-risk category, threat and
// CVSS input.
func findingTable(fs []card.Finding) string {
	var sb strings.Builder
	sb.WriteString("| Finding | AIVSS | OWASP core risk | Threat | CVSS v4.0 |\n| --- | --- | --- | --- | --- |")
	for i := range fs {
		f := &fs[i]
		a := &f.Threat.AIVSS
		score := "not scored: missing " + escapeCell(f.Eval.MissingText())
		switch {
		case f.Eval.Err != nil:
			score = "not scored: " + escapeCell(f.Eval.Err.Error())
		case f.Eval.Complete():
			score = f.Eval.Result.Score + " " + string(f.Eval.Result.Severity)
		}
		category := "—"
		if a.Category != 0 {
			category = escapeCell(a.Category.String())
		}
		cvss := "not set"
		switch {
		case f.Eval.Vector != nil:
			cvss = f.Eval.Vector.BaseScore().Format(1) + " from " + codeSpan(a.CVSSVector, true)
		case a.CVSSScore.Set:
			cvss = a.CVSSScore.Value.Format(1)
		}
		sb.WriteString("\n| " + escapeCell(a.ID) + " | " + score + " | " + category + " | " +
			findingTitle(f.Threat, true) + " | " + cvss + " |")
	}
	return sb.String()
}

// findingTitle is the name of a finding's threat, escaped for a table cell
// or, unless table, for a line of text; an id the catalog does not know is
// a code span.
func findingTitle(t *maestro.Threat, table bool) string {
	if t.CatalogID != "" {
		if _, ok := maestro.LookupThreat(t.CatalogID); !ok {
			return codeSpan(t.CatalogID, table)
		}
	}
	name := strings.TrimSpace(t.Name())
	if table {
		return escapeCell(name)
	}
	return escapeInline(name)
}

// statusLabel is a layer's status as the published cards mark it.
func statusLabel(s maestro.Status) string {
	switch s {
	case maestro.Mapped:
		return "✓ " + s.Label()
	case maestro.Uncertain:
		return "⚠ " + s.Label()
	}
	return s.Label()
}

// inputTable is the table of the AIVSS inputs: CVSS, the factors in the
// edition's order, ThM and (in editions with one) MF.
func inputTable(c *card.Card, ev *card.Evaluation) string {
	ed := ev.Edition
	in := &c.AIVSS
	rows := [][2]string{{"AIVSS input", "Value"}, {"---", "---"}}
	cvss := "not set"
	switch {
	case ev.Vector != nil:
		cvss = ev.Vector.BaseScore().Format(1) + " from " + codeSpan(in.CVSSVector, true)
	case in.CVSSScore.Set:
		cvss = in.CVSSScore.Value.Format(1)
	}
	rows = append(rows, [2]string{"CVSS v4.0 base score", cvss})
	if name, score, ok := ev.OtherCVSS(); ok {
		rows = append(rows, [2]string{name + " score (for reference; AIVSS takes the base score)", score.Format(1)})
	}
	for i, f := range ed.Factors {
		rows = append(rows, [2]string{escapeCell(f.Name), scaleValue(&ed.Levels, in.Factors[i])})
	}
	thm := scaleValue(&ed.ThM, ev.ThM)
	if src := ev.ThMSource(); src != "" {
		thm += ", " + src
	}
	rows = append(rows, [2]string{"Threat multiplier (ThM)", thm})
	if ed.HasMF {
		rows = append(rows, [2]string{"Mitigation factor (MF)", scaleValue(&ed.MF, in.MF)})
	}
	var sb strings.Builder
	for i, r := range rows {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString("| " + r[0] + " | " + r[1] + " |")
	}
	return sb.String()
}

// scaleValue shows an input's value with its label on the scale, if the
// scale has labels: "0.5 (Partial)", "0.97 (Proof-of-Concept)", "0.35".
func scaleValue(s *aivss.Scale, o decimal.Optional) string {
	v, ok := o.Get()
	if !ok {
		return "not set"
	}
	return s.Describe(v, 0) // the edition's own words: nothing to escape
}

// threatTable is one table of threats; a cross-layer table has a column
// for the layers each threat touches.
func threatTable(ts []maestro.Threat, cross bool) string {
	head := []string{"Threat", "ASI", "Likelihood", "Impact", "Risk", "State", "Mitigations"}
	if cross {
		head = append(head[:1], append([]string{"Layers"}, head[1:]...)...)
	}
	var sb strings.Builder
	row := func(cells []string) {
		sb.WriteString("| " + strings.Join(cells, " | ") + " |")
	}
	row(head)
	sb.WriteByte('\n')
	rule := make([]string, len(head))
	for i := range rule {
		rule[i] = "---"
	}
	row(rule)
	for i := range ts {
		t := &ts[i]
		sb.WriteByte('\n')
		threat := "**" + threatName(t) + "**"
		desc := t.Description
		if desc == "" && t.CatalogID != "" {
			if e, ok := maestro.LookupThreat(t.CatalogID); ok {
				desc = e.Description
			}
		}
		if d := lines(desc); len(d) > 0 {
			threat += " — " + escapeCell(strings.Join(d, " "))
		}
		cells := []string{threat}
		if cross {
			cells = append(cells, layerList(t.Layers))
		}
		asi := "—"
		if t.ASI != 0 {
			asi = codeSpan(t.ASI.Code(), true) + " " + escapeCell(t.ASI.Name())
		}
		cells = append(cells, asi, orDash(t.Likelihood.String()), orDash(t.Impact.String()),
			orDash(t.Risk().String()), t.State.String(), cell(t.Mitigations, "; "))
		row(cells)
	}
	return sb.String()
}

// threatName is a threat's name for a table cell, to go between "**"
// (bold text must not start or end with a space, or the ** show): its
// title, or its catalog entry's name, or, for an id the catalog does not
// know, the id as a code span.
func threatName(t *maestro.Threat) string { return findingTitle(t, true) }

// layerList is "L2, L4", or a dash for a threat that names no layer.
func layerList(ls []maestro.Layer) string {
	if len(ls) == 0 {
		return "—"
	}
	codes := make([]string, len(ls))
	for i, l := range ls {
		codes[i] = l.Code()
	}
	return strings.Join(codes, ", ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// linkDestination checks link and writes it as a Markdown link
// destination: characters that could end the destination or be read as
// an escape or an entity are percent-encoded.
func linkDestination(link string) (string, error) {
	if link == "" {
		return "", &LinkError{Link: link, Msg: "is empty; give the card's URL, or '#' and its fragment"}
	}
	if !strings.HasPrefix(link, "#") {
		u, err := url.Parse(link)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return "", &LinkError{Link: link, Msg: "is neither an http or https URL nor '#' and a fragment"}
		}
	}
	const hex = "0123456789ABCDEF"
	var sb strings.Builder
	for i := 0; i < len(link); i++ {
		b := link[i]
		if 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || strings.IndexByte("-._~:/?#[]@!$&'*+,=%", b) >= 0 {
			sb.WriteByte(b)
			continue
		}
		sb.WriteByte('%')
		sb.WriteByte(hex[b>>4])
		sb.WriteByte(hex[b&15])
	}
	return sb.String(), nil
}
