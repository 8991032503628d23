package batch

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A small strict JSON reader for the one shape a batch line has: an object
// of strings, numbers and one array. encoding/json's Token API costs about
// ten times more per line; this keeps 10,000 lines well under a second.

// tokKind is the kind of a JSON token.
type tokKind int

const (
	tokEOF tokKind = iota
	tokBeginObject
	tokEndObject
	tokBeginArray
	tokEndArray
	tokColon
	tokComma
	tokString
	tokNumber
	tokTrue
	tokFalse
	tokNull
)

// lexer reads JSON tokens from a line.
type lexer struct {
	data []byte
	pos  int
}

// syntaxErr reports malformed JSON at byte offset off.
func syntaxErr(off int, what string) error {
	return &FieldError{Msg: "not valid JSON at byte " + strconv.Itoa(off) + ": " + what}
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		switch l.data[l.pos] {
		case ' ', '\t', '\r', '\n':
			l.pos++
		default:
			return
		}
	}
}

// next returns the next token and, for strings and numbers, its text
// (a string's value with escapes resolved; a number as written).
func (l *lexer) next() (tokKind, string, error) {
	l.skipSpace()
	if l.pos == len(l.data) {
		return tokEOF, "", nil
	}
	start := l.pos
	c := l.data[l.pos]
	if k := punctuation(c); k != tokEOF {
		l.pos++
		return k, "", nil
	}
	switch c {
	case '"':
		s, err := l.scanString()
		return tokString, s, err
	case 't', 'f', 'n':
		for _, lit := range [...]struct {
			text string
			kind tokKind
		}{{"true", tokTrue}, {"false", tokFalse}, {"null", tokNull}} {
			if len(l.data)-l.pos >= len(lit.text) && string(l.data[l.pos:l.pos+len(lit.text)]) == lit.text {
				l.pos += len(lit.text)
				return lit.kind, "", nil
			}
		}
	}
	if c == '-' || '0' <= c && c <= '9' {
		if err := l.scanNumber(); err != nil {
			return tokEOF, "", err
		}
		return tokNumber, string(l.data[start:l.pos]), nil
	}
	return tokEOF, "", syntaxErr(start, "unexpected "+quoteByte(c))
}

// punctuation returns the token a structural character is, or tokEOF.
func punctuation(c byte) tokKind {
	switch c {
	case '{':
		return tokBeginObject
	case '}':
		return tokEndObject
	case '[':
		return tokBeginArray
	case ']':
		return tokEndArray
	case ':':
		return tokColon
	case ',':
		return tokComma
	}
	return tokEOF
}

// scanNumber scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (l *lexer) scanNumber() error {
	d := l.data
	if d[l.pos] == '-' {
		l.pos++
	}
	digits := func() int {
		n := 0
		for l.pos < len(d) && '0' <= d[l.pos] && d[l.pos] <= '9' {
			l.pos++
			n++
		}
		return n
	}
	if l.pos < len(d) && d[l.pos] == '0' {
		l.pos++
	} else if digits() == 0 {
		return syntaxErr(l.pos, "a number needs digits")
	}
	if l.pos < len(d) && d[l.pos] == '.' {
		l.pos++
		if digits() == 0 {
			return syntaxErr(l.pos, "a number needs digits after the point")
		}
	}
	if l.pos < len(d) && (d[l.pos] == 'e' || d[l.pos] == 'E') {
		l.pos++
		if l.pos < len(d) && (d[l.pos] == '+' || d[l.pos] == '-') {
			l.pos++
		}
		if digits() == 0 {
			return syntaxErr(l.pos, "a number needs digits in its exponent")
		}
	}
	return nil
}

// scanString scans a string starting at the opening quote.
func (l *lexer) scanString() (string, error) {
	d := l.data
	start := l.pos
	l.pos++
	// Fast path: no escapes, valid UTF-8.
	for i := l.pos; i < len(d); i++ {
		switch c := d[i]; {
		case c == '"':
			if !utf8.Valid(d[start+1 : i]) {
				return l.escapedStr(start)
			}
			l.pos = i + 1
			return string(d[start+1 : i]), nil
		case c == '\\':
			return l.escapedStr(start)
		case c < 0x20:
			return "", syntaxErr(i, "control character in a string")
		}
	}
	return "", syntaxErr(start, "the string is not closed")
}

// escapedStr scans a string with escapes or invalid UTF-8, as
// encoding/json reads it.
func (l *lexer) escapedStr(start int) (string, error) {
	d := l.data
	out := make([]byte, 0, 32)
	i := start + 1
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			l.pos = i + 1
			return string(out), nil
		case c < 0x20:
			return "", syntaxErr(i, "control character in a string")
		case c >= utf8.RuneSelf:
			// Invalid UTF-8 becomes U+FFFD byte by byte, as in encoding/json.
			r, size := utf8.DecodeRune(d[i:])
			out = utf8.AppendRune(out, r)
			i += size
			continue
		case c != '\\':
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(d) {
			break
		}
		switch e := d[i+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(d, i+2)
			if !ok {
				return "", syntaxErr(i, `\u needs four hex digits`)
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if r2, ok := hex4(d, i+2); ok && i+1 < len(d) && d[i] == '\\' && d[i+1] == 'u' {
					if p := utf16.DecodeRune(r, r2); p != utf8.RuneError {
						i += 6
						r = p
					} else {
						r = utf8.RuneError
					}
				} else {
					r = utf8.RuneError
				}
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", syntaxErr(i, "unknown escape "+quoteByte(e))
		}
		i += 2
	}
	return "", syntaxErr(start, "the string is not closed")
}

// hex4 reads four hex digits at d[i:].
func hex4(d []byte, i int) (rune, bool) {
	if i+4 > len(d) {
		return 0, false
	}
	var r rune
	for _, c := range d[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

func quoteByte(c byte) string {
	if c < utf8.RuneSelf {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}
