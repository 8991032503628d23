package corerisk

import "strconv"

// ParseError reports text that is not one of the core-risk categories.
type ParseError struct {
	Text string // the text as given
}

func (e *ParseError) Error() string {
	t := e.Text
	if r := []rune(t); len(r) > 60 {
		t = string(r[:60]) + "…"
	}
	return strconv.Quote(t) + " is not an OWASP AIVSS v0.8 core-risk category; the categories are " + list()
}

func list() string {
	s := ""
	for r := Risk(1); r <= NumRisks; r++ {
		if r > 1 {
			s += ", "
		}
		s += strconv.Quote(names[r])
	}
	return s
}
