package batch

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/threatcard/threatcard/scoring/aivss"
	"github.com/threatcard/threatcard/scoring/jsonvalue"
)

const keyList = "edition, cvss, cvss_score, factors, thm, mf"

// lineReader reads one line's tokens with jsonvalue's lexer, which checks
// each token's form; the grammar of the one shape a line has (an object
// of strings, numbers and one array) is read here, without building a
// tree: encoding/json's Token API costs about ten times more per line.
type lineReader struct {
	lex jsonvalue.Lexer
}

// next returns the next token and its text; a malformed token is a
// *FieldError with the lexer's message ("not valid JSON at byte …").
func (l *lineReader) next() (jsonvalue.Token, string, error) {
	tok, text, err := l.lex.Next()
	if err != nil {
		msg := err.Error()
		if je, ok := errors.AsType[*jsonvalue.Error](err); ok {
			msg = je.Msg
		}
		return tok, "", &FieldError{Msg: msg}
	}
	return tok, text, nil
}

// syntaxErr reports malformed JSON at byte offset off.
func syntaxErr(off int, what string) error {
	return &FieldError{Msg: "not valid JSON at byte " + strconv.Itoa(off) + ": " + what}
}

// ParseLine reads one JSON line into a Request. Unknown or repeated keys,
// nulls, and values of the wrong type are errors (*FieldError).
func ParseLine(line []byte) (Request, error) {
	var r Request
	l := lineReader{lex: jsonvalue.NewLexer(line)}
	tok, _, err := l.next()
	if err != nil {
		return r, err
	}
	if tok != jsonvalue.TokBeginObject {
		return r, &FieldError{Msg: "want a JSON object {…} with the keys " + keyList}
	}
	var seen [6]bool
	tok, key, err := l.next()
	for err == nil && tok != jsonvalue.TokEndObject {
		if tok != jsonvalue.TokString {
			return r, l.unexpected(tok, "a key in quotes")
		}
		if err := l.field(&r, key, &seen); err != nil {
			return r, err
		}
		if tok, _, err = l.next(); err != nil || tok == jsonvalue.TokEndObject {
			break
		}
		if tok != jsonvalue.TokComma {
			return r, l.unexpected(tok, "a comma or the end of the object")
		}
		if tok, key, err = l.next(); err == nil && tok == jsonvalue.TokEndObject {
			return r, syntaxErr(l.lex.Start(), "a comma before the end of the object")
		}
	}
	if err != nil {
		return r, err
	}
	if tok, _, err := l.next(); err != nil {
		return r, err
	} else if tok != jsonvalue.TokEOF {
		return r, &FieldError{Msg: "more after the JSON object; put one object on each line"}
	}
	return r, nil
}

// field reads the colon and the value of key into r.
func (l *lineReader) field(r *Request, key string, seen *[6]bool) error {
	if tok, _, err := l.next(); err != nil {
		return err
	} else if tok != jsonvalue.TokColon {
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
func (l *lineReader) unexpected(tok jsonvalue.Token, want string) error {
	if tok == jsonvalue.TokEOF {
		return &FieldError{Msg: "not valid JSON: the line ends inside the object"}
	}
	return syntaxErr(l.lex.Start(), "want "+want+", got "+kind(tok))
}

// str reads a JSON string value.
func (l *lineReader) str(key string) (string, error) {
	tok, s, err := l.next()
	if err != nil {
		return "", err
	}
	if tok == jsonvalue.TokString {
		return s, nil
	}
	return "", l.wrongType(tok, key, "a string")
}

// number reads a JSON number or string as decimal text.
func (l *lineReader) number(key string) (string, error) {
	tok, s, err := l.next()
	if err != nil {
		return "", err
	}
	return l.numberValue(tok, s, key)
}

// numberValue takes the token tok, already read, as a number.
func (l *lineReader) numberValue(tok jsonvalue.Token, s, key string) (string, error) {
	switch tok {
	case jsonvalue.TokNumber:
		return s, nil
	case jsonvalue.TokString:
		if s == "" {
			return "", &FieldError{Field: key, Msg: "empty; give a number, or leave the key out"}
		}
		return s, nil
	}
	return "", l.wrongType(tok, key, "a number (or a decimal string)")
}

// numbers reads a JSON array of numbers or strings.
func (l *lineReader) numbers(key string) ([]string, error) {
	tok, _, err := l.next()
	if err != nil {
		return nil, err
	}
	if tok != jsonvalue.TokBeginArray {
		return nil, l.wrongType(tok, key, "an array of "+strconv.Itoa(aivss.NumFactors)+" numbers")
	}
	out := make([]string, 0, aivss.NumFactors)
	tok, s, err := l.next()
	if err != nil {
		return nil, err
	}
	if tok == jsonvalue.TokEndArray {
		return out, nil
	}
	for {
		if len(out) == aivss.NumFactors {
			return nil, &FieldError{Field: key, Msg: "more than " + strconv.Itoa(aivss.NumFactors) + " values"}
		}
		v, err := l.numberValue(tok, s, key+"["+strconv.Itoa(len(out))+"]")
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		sep, _, err := l.next()
		switch {
		case err != nil:
			return nil, err
		case sep == jsonvalue.TokEndArray:
			return out, nil
		case sep != jsonvalue.TokComma:
			return nil, l.unexpected(sep, "a comma or the end of the array")
		}
		if tok, s, err = l.next(); err != nil {
			return nil, err
		}
	}
}

// wrongType reports a value of the wrong JSON type.
func (l *lineReader) wrongType(tok jsonvalue.Token, key, want string) error {
	switch tok {
	case jsonvalue.TokEOF:
		return &FieldError{Msg: "not valid JSON: the line ends inside the object"}
	case jsonvalue.TokColon, jsonvalue.TokComma, jsonvalue.TokEndObject, jsonvalue.TokEndArray:
		return l.unexpected(tok, "a value")
	}
	return &FieldError{Field: key, Msg: "want " + want + ", got " + kind(tok)}
}

// kind names a token's type for a message.
func kind(tok jsonvalue.Token) string {
	switch tok {
	case jsonvalue.TokNull:
		return "null"
	case jsonvalue.TokTrue, jsonvalue.TokFalse:
		return "a boolean"
	case jsonvalue.TokNumber:
		return "a number"
	case jsonvalue.TokString:
		return "a string"
	case jsonvalue.TokBeginObject:
		return "an object"
	case jsonvalue.TokBeginArray:
		return "an array"
	case jsonvalue.TokColon:
		return "':'"
	case jsonvalue.TokComma:
		return "','"
	case jsonvalue.TokEndObject:
		return "'}'"
	case jsonvalue.TokEndArray:
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
