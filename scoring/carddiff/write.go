package carddiff

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"github.com/threatcard/threatcard/scoring/export"
)

// DeltaWords is the delta as a person reads it: "+0.4", "-0.3", "0.0";
// "" when there is none.
func (d Diff) DeltaWords() string {
	if d.Delta == "" || strings.HasPrefix(d.Delta, "-") || strings.Trim(d.Delta, "0.") == "" {
		return d.Delta
	}
	return "+" + d.Delta
}

// NoDelta says why a Diff has no delta: which card has no score.
func (d Diff) NoDelta() string {
	switch {
	case d.A.Score == "" && d.B.Score == "":
		return "neither card has a score"
	case d.A.Score == "":
		return "card A has no score"
	case d.B.Score == "":
		return "card B has no score"
	}
	return ""
}

// ScoreWords is a side's score in words: "AIVSS 9.4 Critical", or
// "AIVSS not scored (missing CVSS)".
func (s *Side) ScoreWords() string {
	if s.Score == "" {
		return "AIVSS not scored (" + s.Unscored + ")"
	}
	return "AIVSS " + s.Score + " " + s.Severity
}

// FindingsWords is a side's findings headline: "Highest finding: 9.4
// Critical — Tool Misuse (F-001); 1 Critical"; "" without scored findings.
func (s *Side) FindingsWords() string {
	if s.Highest == "" {
		return ""
	}
	return "Highest finding: " + s.Highest + "; " + s.Counts
}

// KindWords is the change's kind in words, "computed" added for a
// derived one: "changed", "added", "changed (computed)".
func (c *Change) KindWords() string {
	if c.Derived {
		return string(c.Kind) + " (computed)"
	}
	return string(c.Kind)
}

// Text is the comparison as plain text, one line per change, each with
// its path.
func (d Diff) Text() string {
	var sb strings.Builder
	side := func(name string, s *Side) {
		title := strings.TrimSpace(s.Title)
		if title == "" {
			title = "(untitled)"
		}
		sb.WriteString(name + ": " + oneLine(title) + " — " + s.ScoreWords() + " (" + s.Edition + ")\n")
		if f := s.FindingsWords(); f != "" {
			sb.WriteString("   " + f + "\n")
		}
	}
	side("A", &d.A)
	side("B", &d.B)
	if d.Delta != "" {
		sb.WriteString("Delta (B − A): " + d.DeltaWords() + "\n")
	} else {
		sb.WriteString("Delta (B − A): none, " + d.NoDelta() + "\n")
	}
	if d.Same() {
		sb.WriteString("The cards are the same.\n")
		return sb.String()
	}
	sb.WriteString(countWords(len(d.Changes)) + ":\n")
	for i := range d.Changes {
		c := &d.Changes[i]
		sb.WriteString("- " + oneLine(c.Words()))
		if c.Derived {
			sb.WriteString(" (computed)")
		}
		sb.WriteString(" [" + c.Path + "]\n")
	}
	return sb.String()
}

// countWords is "1 change", "3 changes".
func countWords(n int) string {
	if n == 1 {
		return "1 change"
	}
	return strconv.Itoa(n) + " changes"
}

// oneLine is s with its line breaks as spaces.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// Markdown is the comparison for a ticket: the two cards' headlines and
// the delta as a list, then a table of the changes. All the cards' text is
// escaped as scoring/export escapes it, so it renders and reads as typed
// and the result has no link, image or HTML.
func (d Diff) Markdown() string {
	var blocks []string
	blocks = append(blocks, "**Comparison of two threatcards**")
	var list strings.Builder
	side := func(name string, s *Side) {
		list.WriteString("- **" + name + ":** ")
		if title := strings.TrimSpace(s.Title); title != "" {
			list.WriteString("**" + export.EscapeInline(title) + "** — ")
		}
		score := "AIVSS " + s.Score + " " + s.Severity
		if s.Score == "" {
			score = "AIVSS not scored (" + export.EscapeInline(s.Unscored) + ")"
		}
		list.WriteString(score + " (" + s.Edition + ")")
		if s.Highest != "" {
			list.WriteString(" · Highest finding: " + export.EscapeInline(s.Highest) + "; " + s.Counts)
		}
		list.WriteString("\n")
	}
	side("A", &d.A)
	side("B", &d.B)
	if d.Delta != "" {
		list.WriteString("- **Delta (B − A):** " + d.DeltaWords())
	} else {
		list.WriteString("- **Delta (B − A):** none, " + d.NoDelta())
	}
	blocks = append(blocks, list.String())
	if d.Same() {
		blocks = append(blocks, "The cards are the same.")
		return strings.Join(blocks, "\n\n") + "\n"
	}
	var t strings.Builder
	t.WriteString("| Where | Field | A | B | Change |\n| --- | --- | --- | --- | --- |")
	for i := range d.Changes {
		c := &d.Changes[i]
		a, b := c.AText, c.BText
		switch {
		case c.Kind == Added && a == "":
			a = "—"
		case c.Kind == Removed && b == "":
			b = "—"
		}
		t.WriteString("\n| " + cell(c.Where) + " | " + cell(c.Field) + " | " + cell(a) + " | " + cell(b) + " | " + c.KindWords() + " |")
	}
	blocks = append(blocks, countWords(len(d.Changes))+":", t.String())
	return strings.Join(blocks, "\n\n") + "\n"
}

// cell is s escaped for a table cell; "—" for "".
func cell(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return export.EscapeCell(strings.TrimSpace(s))
}

// The JSON document, as JSON writes it.
type jsonDiff struct {
	A       jsonSide     `json:"a"`
	B       jsonSide     `json:"b"`
	Delta   *string      `json:"delta"`
	Changes []jsonChange `json:"changes"`
}

type jsonSide struct {
	Title    string  `json:"title"`
	Score    *string `json:"score"`
	Severity *string `json:"severity"`
}

type jsonChange struct {
	Path    string  `json:"path"`
	A       *string `json:"a"`
	B       *string `json:"b"`
	Kind    Kind    `json:"kind"`
	Derived bool    `json:"derived,omitempty"`
}

// orNull is s, or nil for "".
func orNull(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// JSON is the comparison as a JSON document, indented by two spaces and
// ending in a newline:
//
//	{"a": {"title", "score", "severity"}, "b": {…}, "delta": "-0.3",
//	 "changes": [{"path", "a", "b", "kind", "derived"}]}
//
// score, severity and delta are null when there is none, a change's a or
// b when that card has no value; kind is "added", "removed" or
// "changed"; derived is true for a computed value, and left out otherwise.
func (d Diff) JSON() []byte {
	doc := jsonDiff{
		A:       jsonSide{d.A.Title, orNull(d.A.Score), orNull(d.A.Severity)},
		B:       jsonSide{d.B.Title, orNull(d.B.Score), orNull(d.B.Severity)},
		Delta:   orNull(d.Delta),
		Changes: make([]jsonChange, len(d.Changes)),
	}
	for i, c := range d.Changes {
		doc.Changes[i] = jsonChange{c.Path, orNull(c.A), orNull(c.B), c.Kind, c.Derived}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		panic("carddiff: " + err.Error()) // strings and bools always encode
	}
	return b.Bytes()
}
