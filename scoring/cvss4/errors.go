package cvss4

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Kinds of parse failure. A *ParseError matches exactly one of them with
// errors.Is, so callers can branch without reading messages.
var (
	ErrEmpty         = errors.New("empty vector")
	ErrPrefix        = errors.New(`vector does not start with "CVSS:4.0/"`)
	ErrSyntax        = errors.New("malformed metric (want NAME:VALUE between slashes)")
	ErrUnknownMetric = errors.New("unknown metric")
	ErrNotAllowed    = errors.New("value not allowed for metric")
	ErrOrder         = errors.New("metric out of order")
	ErrDuplicate     = errors.New("duplicate metric")
	ErrMissing       = errors.New("mandatory Base metric missing")
)

// ParseError reports why a text is not a CVSS v4.0 vector this package
// accepts. Its message names the metric at fault and, for a bad value, the
// values that metric takes: "AV:X is not allowed; AV takes N, A, L, P".
// The vector itself is not repeated in the message (it is in Vector).
type ParseError struct {
	Vector  string   // the text as given to Parse
	Kind    error    // one of ErrEmpty … ErrMissing
	Metric  string   // abbreviation of the metric concerned ("AV"), if any
	Value   string   // the value given for Metric, when the value is the problem
	Allowed []string // the values Metric takes, when the value is the problem
	Offset  int      // byte offset in Vector where the problem is
	Msg     string   // the whole explanation
	Err     error    // go-cvss's own error for the same text, if it gave one
}

func (e *ParseError) Error() string { return e.Msg }

// Unwrap exposes Kind and go-cvss's error to errors.Is and errors.As.
func (e *ParseError) Unwrap() []error {
	if e.Err == nil {
		return []error{e.Kind}
	}
	return []error{e.Kind, e.Err}
}

// show renders a piece of user input inside a message: plain metric-like
// text as is, anything else quoted, and long text shortened so a hostile
// input cannot make a huge message.
func show(s string) string {
	const maxShown = 24
	if len(s) > maxShown {
		cut := maxShown
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return strconv.Quote(s[:cut]) + "…"
	}
	if s == "" {
		return `""`
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == ':' || c == '.') {
			return strconv.Quote(s)
		}
	}
	return s
}

// quote is show, always in quotes.
func quote(s string) string {
	if q := show(s); q != "" && q[0] == '"' {
		return q
	}
	return strconv.Quote(s)
}

// allowedValues returns the abbreviations of metric m's values.
func allowedValues(m int) []string {
	vs := metricTable[m].Values
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.Abbrev
	}
	return out
}

// notAllowed builds the error for a value metric m does not take.
func notAllowed(s string, off, m int, val string) *ParseError {
	abv := metricTable[m].Abbrev
	allowed := allowedValues(m)
	var b strings.Builder
	if val == "" {
		b.WriteString(abv + " has an empty value")
	} else {
		b.WriteString(show(abv+":"+val) + " is not allowed")
	}
	b.WriteString("; " + abv + " takes " + strings.Join(allowed, ", "))
	switch {
	case val == "S" && (m == mSI || m == mSA):
		b.WriteString(" (S, Safety, exists only for MSI and MSA)")
	case val != "":
		for _, a := range allowed {
			if strings.EqualFold(a, val) {
				b.WriteString(" (values are case-sensitive)")
				break
			}
		}
	}
	return &ParseError{Vector: s, Kind: ErrNotAllowed, Metric: abv, Value: val, Allowed: allowed, Offset: off, Msg: b.String()}
}
