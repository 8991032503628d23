package batch

import (
	"encoding/json"
	"strconv"

	"github.com/threatcard/threatcard/scoring/aivss"
)

const keyList = "edition, cvss, cvss_score, factors, thm, mf"

// ParseLine reads one JSON line into a Request. Unknown or repeated keys,
// nulls, and values of the wrong type are errors (*FieldError).
func ParseLine(line []byte) (Request, error) {
	var r Request
	l := lexer{data: line}
	tok, _, err := l.next()
	if err != nil {
		return r, err
	}
	if tok != tokBeginObject {
		return r, &FieldError{Msg: "want a JSON object {…} with the keys " + keyList}
	}
	var seen [6]bool
	tok, key, err := l.next()
	for err == nil && tok != tokEndObject {
		if tok != tokString {
			return r, l.unexpected(tok, "a key in quotes")
		}
		if err := l.field(&r, key, &seen); err != nil {
			return r, err
		}
		if tok, _, err = l.next(); err != nil || tok == tokEndObject {
			break
		}
		if tok != tokComma {
			return r, l.unexpected(tok, "a comma or the end of the object")
		}
		if tok, key, err = l.next(); err == nil && tok == tokEndObject {
			return r, syntaxErr(l.pos-1, "a comma before the end of the object")
		}
	}
	if err != nil {
		return r, err
	}
	if tok, _, err := l.next(); err != nil {
		return r, err
	} else if tok != tokEOF {
		return r, &FieldError{Msg: "more after the JSON object; put one object on each line"}
	}
	return r, nil
}

// field reads the colon and the value of key into r.
func (l *lexer) field(r *Request, key string, seen *[6]bool) error {
	if tok, _, err := l.next(); err != nil {
		return err
	} else if tok != tokColon {
		return l.unexpected(tok, "a colon after the key")
	}
	k := keyIndex(key)
	if k < 0 {
		return &FieldError{Field: shown(key), Msg: "unknown key; keys are " + keyList}
	}
	if seen[k] {
		return &FieldError{Field: shown(key), Msg: "given twice"}
	}
	seen[k] = true
	var err error
	switch key {
	case "edition":
		if r.Edition, err = l.str(key); err == nil && r.Edition == "" {
			err = &FieldError{Field: key, Msg: "empty; leave the key out for " + aivss.Default}
		}
	case "cvss":
		if r.CVSSVector, err = l.str(key); err == nil && r.CVSSVector == "" {
			err = &FieldError{Field: key, Msg: "empty; give a CVSS v4.0 vector"}
		}
	case "cvss_score":
		r.CVSSScore, err = l.number(key)
	case "thm":
		r.ThM, err = l.number(key)
	case "mf":
		r.MF, err = l.number(key)
	case "factors":
		r.Factors, err = l.numbers(key)
	}
	return err
}

func keyIndex(key string) int {
	switch key {
	case "edition":
		return 0
	case "cvss":
		return 1
	case "cvss_score":
		return 2
	case "factors":
		return 3
	case "thm":
		return 4
	case "mf":
		return 5
	}
	return -1
}

// unexpected reports a token where the grammar wants something else.
func (l *lexer) unexpected(tok tokKind, want string) error {
	if tok == tokEOF {
		return &FieldError{Msg: "not valid JSON: the line ends inside the object"}
	}
	return syntaxErr(l.pos-1, "want "+want+", got "+kind(tok))
}

// str reads a JSON string value.
func (l *lexer) str(key string) (string, error) {
	tok, s, err := l.next()
	if err != nil {
		return "", err
	}
	if tok == tokString {
		return s, nil
	}
	return "", l.wrongType(tok, key, "a string")
}

// number reads a JSON number or string as decimal text.
func (l *lexer) number(key string) (string, error) {
	tok, s, err := l.next()
	if err != nil {
		return "", err
	}
	switch tok {
	case tokNumber:
		return s, nil
	case tokString:
		if s == "" {
			return "", &FieldError{Field: key, Msg: "empty; give a number, or leave the key out"}
		}
		return s, nil
	}
	return "", l.wrongType(tok, key, "a number (or a decimal string)")
}

// numbers reads a JSON array of numbers or strings.
func (l *lexer) numbers(key string) ([]string, error) {
	tok, _, err := l.next()
	if err != nil {
		return nil, err
	}
	if tok != tokBeginArray {
		return nil, l.wrongType(tok, key, "an array of "+strconv.Itoa(aivss.NumFactors)+" numbers")
	}
	out := make([]string, 0, aivss.NumFactors)
	l.skipSpace()
	if l.pos < len(l.data) && l.data[l.pos] == ']' {
		l.pos++
		return out, nil
	}
	for {
		if len(out) == aivss.NumFactors {
			return nil, &FieldError{Field: key, Msg: "more than " + strconv.Itoa(aivss.NumFactors) + " values"}
		}
		s, err := l.number(key + "[" + strconv.Itoa(len(out)) + "]")
		if err != nil {
			return nil, err
		}
		out = append(out, s)
		tok, _, err := l.next()
		switch {
		case err != nil:
			return nil, err
		case tok == tokEndArray:
			return out, nil
		case tok != tokComma:
			return nil, l.unexpected(tok, "a comma or the end of the array")
		}
	}
}

// wrongType reports a value of the wrong JSON type.
func (l *lexer) wrongType(tok tokKind, key, want string) error {
	if tok == tokEOF {
		return &FieldError{Msg: "not valid JSON: the line ends inside the object"}
	}
	if tok == tokColon || tok == tokComma || tok == tokEndObject || tok == tokEndArray {
		return l.unexpected(tok, "a value")
	}
	return &FieldError{Field: key, Msg: "want " + want + ", got " + kind(tok)}
}

// kind names a token's type for a message.
func kind(tok tokKind) string {
	switch tok {
	case tokNull:
		return "null"
	case tokTrue, tokFalse:
		return "a boolean"
	case tokNumber:
		return "a number"
	case tokString:
		return "a string"
	case tokBeginObject:
		return "an object"
	case tokBeginArray:
		return "an array"
	case tokColon:
		return "':'"
	case tokComma:
		return "','"
	case tokEndObject:
		return "'}'"
	case tokEndArray:
		return "']'"
	}
	return "the end of the line"
}

// shown is a key as a message shows it: quoted, and cut if long.
func shown(key string) string {
	const maxShown = 32
	if len(key) > maxShown {
		return strconv.Quote(key[:maxShown]) + "…"
	}
	return strconv.Quote(key)
}

// AppendResult appends r as one JSON object (no newline) to dst, decimals
// as strings written as Result.Shown writes them (intermediates with at
// most four decimals); "vector" is added when the edition has one (v0.5).
func AppendResult(dst []byte, r *aivss.Result) []byte {
	dst = append(dst, `{"edition":`...)
	dst = appendString(dst, r.Edition)
	s := r.Shown()
	for _, f := range [...]struct{ key, val string }{
		{"cvss", s.CVSS}, {"factor_sum", s.FactorSum.Text}, {"aars", s.AARS.Text}, {"raw", s.Raw.Text},
		{"score", s.Score}, {"severity", string(r.Severity)},
	} {
		dst = append(dst, ',', '"')
		dst = append(dst, f.key...)
		dst = append(dst, '"', ':')
		dst = appendString(dst, f.val)
	}
	if r.Vector != "" {
		dst = append(dst, `,"vector":`...)
		dst = appendString(dst, r.Vector)
	}
	return append(dst, '}')
}

// AppendError appends {"error":"…"} to dst.
func AppendError(dst []byte, err error) []byte {
	dst = append(dst, `{"error":`...)
	dst = appendString(dst, err.Error())
	return append(dst, '}')
}

// appendString appends s as a JSON string. Scores are plain ASCII and go
// through fast; anything else (error messages quoting input) is escaped by
// encoding/json, which also replaces invalid UTF-8.
func appendString(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string always marshals
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}
