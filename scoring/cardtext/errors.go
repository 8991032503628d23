package cardtext

import (
	"strconv"
	"unicode/utf8"
)

// ParseError reports text that cannot be imported as a card, and where.
type ParseError struct {
	Line int    // 1-based line number; 0 when the problem is the text as a whole
	Text string // the line as given (spaces trimmed), "" when Line is 0
	Msg  string // what is wrong, e.g. `unknown factor "Autonomy"`
	// Err is the error underneath, when there is one: a *decimal.SyntaxError
	// for a number, a *card.FieldError for a card limit. It may be nil.
	Err error
}

// maxQuoted bounds how much of the line an error message repeats.
const maxQuoted = 60

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return "cardtext: " + e.Msg
	}
	return "cardtext: line " + strconv.Itoa(e.Line) + " " + strconv.Quote(shorten(e.Text)) + ": " + e.Msg
}

// Unwrap returns the error underneath, if any.
func (e *ParseError) Unwrap() error { return e.Err }

// shorten cuts s to maxQuoted characters, marking the cut with "…".
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
