package cvss4

import (
	"strings"

	gocvss40 "github.com/pandatix/go-cvss/40"
)

// prefix starts every CVSS v4.0 vector.
const prefix = "CVSS:4.0"

// Parse reads a complete CVSS v4.0 vector: the "CVSS:4.0" prefix, the 11
// Base metrics in order, then any Threat, Environmental and Supplemental
// metrics in specification order, each at most once, with case-sensitive
// values. Nothing is repaired or defaulted: any deviation is a *ParseError
// naming the metric and what it accepts.
//
// The text must pass both go-cvss's parser (the project's reference for
// what a valid vector is) and this package's own scan, which exists to
// explain refusals in words and to read the values out for scoring.
// FuzzParse checks that the two accept the same texts.
func Parse(s string) (*Vector, error) {
	_, gerr := gocvss40.ParseVector(s)
	vals, perr := scan(s)
	if perr != nil {
		perr.Err = gerr
		return nil, perr
	}
	if gerr != nil {
		// Not expected: go-cvss refuses something the scan accepts.
		return nil, &ParseError{Vector: s, Kind: ErrSyntax, Msg: "invalid CVSS v4.0 vector: " + gerr.Error(), Err: gerr}
	}
	return &Vector{vals: vals}, nil
}

// scan checks s against the CVSS v4.0 vector grammar and returns the index
// (into metricTable[m].Values) of every metric's value; metrics outside
// Base that are not given stay 0, which is X.
func scan(s string) (vals [numMetrics]uint8, _ *ParseError) {
	if s == "" {
		return vals, &ParseError{Vector: s, Kind: ErrEmpty, Msg: `empty vector; a CVSS v4.0 vector starts with "CVSS:4.0/"`}
	}
	if !strings.HasPrefix(s, prefix) {
		return vals, prefixError(s)
	}
	rest := s[len(prefix):]
	if rest == "" || rest == "/" {
		return vals, &ParseError{Vector: s, Kind: ErrMissing, Metric: "AV", Offset: len(s),
			Msg: `no metrics after "CVSS:4.0"; the 11 Base metrics ` + baseList() + " are mandatory"}
	}
	if rest[0] != '/' {
		return vals, &ParseError{Vector: s, Kind: ErrPrefix, Offset: len(prefix),
			Msg: `"CVSS:4.0" must be followed by "/", not ` + quote(rest[:1])}
	}

	next := 0       // canonical index of the first metric that may still come
	var seen uint32 // bit m set once metric m was given
	last := ""      // the previous component, for messages
	off := len(prefix) + 1
	for {
		end := strings.IndexByte(s[off:], '/')
		comp := s[off:]
		if end >= 0 {
			comp = s[off : off+end]
		}
		if comp == "" {
			if end < 0 {
				return vals, &ParseError{Vector: s, Kind: ErrSyntax, Offset: off - 1, Msg: `trailing "/" after ` + show(last)}
			}
			return vals, &ParseError{Vector: s, Kind: ErrSyntax, Offset: off, Msg: `empty metric ("//") after ` + show(last)}
		}
		abv, val, hasColon := strings.Cut(comp, ":")
		m := metricIndex(abv)
		switch {
		case m < 0 && !hasColon:
			return vals, &ParseError{Vector: s, Kind: ErrSyntax, Offset: off,
				Msg: show(comp) + ` is not NAME:VALUE (no ":")`}
		case m < 0:
			msg := "unknown metric " + show(abv) + " in " + show(comp)
			if u := strings.ToUpper(abv); metricIndex(u) >= 0 {
				msg += "; metric names are upper case: " + u
			}
			return vals, &ParseError{Vector: s, Kind: ErrUnknownMetric, Metric: abv, Offset: off, Msg: msg}
		case !hasColon:
			a := metricTable[m].Abbrev
			return vals, &ParseError{Vector: s, Kind: ErrSyntax, Metric: a, Offset: off, Allowed: allowedValues(m),
				Msg: a + ` has no ":value"; ` + a + " takes " + strings.Join(allowedValues(m), ", ")}
		case seen&(1<<m) != 0:
			return vals, &ParseError{Vector: s, Kind: ErrDuplicate, Metric: abv, Offset: off,
				Msg: abv + " appears more than once"}
		case m < next:
			return vals, &ParseError{Vector: s, Kind: ErrOrder, Metric: abv, Offset: off,
				Msg: abv + " is out of order; " + abv + " must come before " + metricOf(last)}
		case next <= mSA && m > next:
			msg := "mandatory Base metric " + metricTable[next].Abbrev + " is missing"
			if next > 0 {
				msg += " after " + metricTable[next-1].Abbrev
			}
			return vals, &ParseError{Vector: s, Kind: ErrMissing, Metric: metricTable[next].Abbrev, Offset: off,
				Msg: msg + " (found " + abv + "); the 11 Base metrics " + baseList() + " are mandatory, in this order"}
		}
		vi := valueIndex(m, val)
		if vi < 0 {
			return vals, notAllowed(s, off, m, val)
		}
		vals[m] = uint8(vi)
		seen |= 1 << m
		next = m + 1
		last = comp
		if end < 0 {
			break
		}
		off += end + 1
	}
	if next <= mSA {
		return vals, &ParseError{Vector: s, Kind: ErrMissing, Metric: metricTable[next].Abbrev, Offset: len(s),
			Msg: "mandatory Base metric " + metricTable[next].Abbrev + " is missing at the end, after " + metricTable[next-1].Abbrev +
				"; the 11 Base metrics " + baseList() + " are mandatory, in this order"}
	}
	return vals, nil
}

// prefixError explains a text that does not start with "CVSS:4.0".
func prefixError(s string) *ParseError {
	e := &ParseError{Vector: s, Kind: ErrPrefix}
	head, _, _ := strings.Cut(s, "/")
	switch {
	case strings.TrimLeft(s, " \t\r\n\v\f") != s:
		e.Msg = `vector starts with white space; it must start with "CVSS:4.0/"`
	case strings.EqualFold(head, prefix):
		e.Msg = "prefix " + quote(head) + ` must be written "CVSS:4.0" (upper case)`
	case strings.HasPrefix(head, "CVSS:"):
		e.Msg = quote(head) + ` is not CVSS v4.0; the vector must start with "CVSS:4.0/"`
	default:
		e.Msg = `missing "CVSS:4.0/" prefix; the vector starts with ` + quote(head)
	}
	return e
}

// metricOf returns the metric abbreviation of a component "AV:N".
func metricOf(comp string) string {
	abv, _, _ := strings.Cut(comp, ":")
	return abv
}

// baseList returns "AV, AC, …, SA".
func baseList() string {
	var b strings.Builder
	for m := mAV; m <= mSA; m++ {
		if m > mAV {
			b.WriteString(", ")
		}
		b.WriteString(metricTable[m].Abbrev)
	}
	return b.String()
}
