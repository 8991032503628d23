package cardtext

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// line is one line of the pasted text.
type line struct {
	n    int    // 1-based
	text string // spaces trimmed at both ends, tabs turned into spaces
}

// splitLines cuts text into lines, accepting \n, \r\n and \r endings and a
// leading byte-order mark. A line that is not UTF-8 or holds a control
// character cannot be part of a card and is an error naming it.
func splitLines(text string) ([]line, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	raw := strings.Split(text, "\n")
	lines := make([]line, len(raw))
	for i, s := range raw {
		n := i + 1
		if !utf8.ValidString(s) {
			return nil, &ParseError{Line: n, Text: strings.ToValidUTF8(s, "\uFFFD"), Msg: "is not valid UTF-8 text"}
		}
		// A tab is how a browser copies the cells of a grid; it separates
		// like a space.
		s = strings.ReplaceAll(s, "\t", " ")
		for _, r := range s {
			if unicode.IsControl(r) {
				return nil, &ParseError{Line: n, Text: strings.TrimSpace(s), Msg: fmt.Sprintf("contains the control character %U", r)}
			}
		}
		lines[i] = line{n: n, text: strings.TrimSpace(s)}
	}
	return lines, nil
}

// key reduces a name to what matching cares about: lower case, "&" read as
// "and", every run of other non-letters and non-digits one space. So
// "Opacity & Reflexivity" and "opacity and reflexivity" have the same key,
// as do "Goal-Driven Planning" and "Goal Driven Planning".
func key(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "&", " and ")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}
