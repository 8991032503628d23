package decimal

import "strconv"

// SyntaxError reports text that is not a decimal this package accepts.
type SyntaxError struct {
	Text string // the text as given
	Msg  string // what is wrong with it
}

func (e *SyntaxError) Error() string {
	return "decimal " + strconv.Quote(e.Text) + ": " + e.Msg
}
