package jsonvalue

import (
	"unicode/utf16"
	"unicode/utf8"
)

// Token is the kind of a JSON token.
type Token uint8

const (
	TokEOF Token = iota // the end of the input
	TokBeginObject
	TokEndObject
	TokBeginArray
	TokEndArray
	TokColon
	TokComma
	TokString
	TokNumber
	TokTrue
	TokFalse
	TokNull
)

// Lexer reads JSON tokens from a byte slice. It checks each token's own
// form (a number's digits, a string's escapes and control characters) but
// not the grammar between tokens; that is the reader's.
//
// A string's invalid UTF-8, and a \u escape of a lone surrogate, read as
// U+FFFD, as encoding/json reads them; Parse refuses invalid UTF-8 before
// lexing.
type Lexer struct {
	data       []byte
	pos, start int
}

// NewLexer returns a Lexer at the start of data.
func NewLexer(data []byte) Lexer { return Lexer{data: data} }

// Start is the byte offset of the last token's first byte (len(data) after
// TokEOF).
func (l *Lexer) Start() int { return l.start }

// Pos is the byte offset just after the last token.
func (l *Lexer) Pos() int { return l.pos }

// SyntaxError returns the *Error for what is wrong at byte off: "not valid
// JSON at byte off: what", with its line.
func (l *Lexer) SyntaxError(off int, what string) *Error { return syntaxError(l.data, off, what) }

// Next returns the next token and, for a string or number, its text: a
// string's value with its escapes resolved, a number exactly as written.
// Malformed input is an *Error.
func (l *Lexer) Next() (Token, string, error) {
	d := l.data
	for l.pos < len(d) && (d[l.pos] == ' ' || d[l.pos] == '\t' || d[l.pos] == '\r' || d[l.pos] == '\n') {
		l.pos++
	}
	l.start = l.pos
	if l.pos == len(d) {
		return TokEOF, "", nil
	}
	switch c := d[l.pos]; c {
	case '{':
		l.pos++
		return TokBeginObject, "", nil
	case '}':
		l.pos++
		return TokEndObject, "", nil
	case '[':
		l.pos++
		return TokBeginArray, "", nil
	case ']':
		l.pos++
		return TokEndArray, "", nil
	case ':':
		l.pos++
		return TokColon, "", nil
	case ',':
		l.pos++
		return TokComma, "", nil
	case '"':
		s, err := l.scanString()
		return TokString, s, err
	case 't':
		return l.literal("true", TokTrue)
	case 'f':
		return l.literal("false", TokFalse)
	case 'n':
		return l.literal("null", TokNull)
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if err := l.scanNumber(); err != nil {
			return TokEOF, "", err
		}
		return TokNumber, string(d[l.start:l.pos]), nil
	}
	return TokEOF, "", l.SyntaxError(l.start, "unexpected "+quoteChar(d, l.start))
}

func (l *Lexer) literal(word string, tok Token) (Token, string, error) {
	if len(l.data)-l.pos >= len(word) && string(l.data[l.pos:l.pos+len(word)]) == word {
		l.pos += len(word)
		return tok, "", nil
	}
	return TokEOF, "", l.SyntaxError(l.start, "unexpected "+quoteChar(l.data, l.start))
}

// scanNumber scans -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?.
func (l *Lexer) scanNumber() error {
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
		return l.SyntaxError(l.pos, "a number needs digits")
	}
	if l.pos < len(d) && d[l.pos] == '.' {
		l.pos++
		if digits() == 0 {
			return l.SyntaxError(l.pos, "a number needs digits after the point")
		}
	}
	if l.pos < len(d) && (d[l.pos] == 'e' || d[l.pos] == 'E') {
		l.pos++
		if l.pos < len(d) && (d[l.pos] == '+' || d[l.pos] == '-') {
			l.pos++
		}
		if digits() == 0 {
			return l.SyntaxError(l.pos, "a number needs digits in its exponent")
		}
	}
	return nil
}

// scanString scans a string starting at its opening quote.
func (l *Lexer) scanString() (string, error) {
	d := l.data
	start := l.pos
	// Fast path: plain ASCII, no escapes.
	for i := start + 1; i < len(d); i++ {
		switch c := d[i]; {
		case c == '"':
			l.pos = i + 1
			return string(d[start+1 : i]), nil
		case c == '\\' || c >= utf8.RuneSelf:
			return l.slowString(start, i)
		case c < 0x20:
			return "", l.SyntaxError(i, "control character in a string")
		}
	}
	return "", l.SyntaxError(start, "the string is not closed")
}

// slowString scans a string with escapes or non-ASCII bytes from byte i on,
// the bytes from start+1 to i being plain.
func (l *Lexer) slowString(start, i int) (string, error) {
	d := l.data
	// Without escapes and with valid UTF-8 the text is the value.
	for j := i; j < len(d); j++ {
		if c := d[j]; c == '"' {
			if utf8.Valid(d[i:j]) {
				l.pos = j + 1
				return string(d[start+1 : j]), nil
			}
			break
		} else if c == '\\' || c < 0x20 {
			break
		}
	}
	out := make([]byte, i-start-1, i-start-1+32)
	copy(out, d[start+1:i])
	for i < len(d) {
		c := d[i]
		switch {
		case c == '"':
			l.pos = i + 1
			return string(out), nil
		case c < 0x20:
			return "", l.SyntaxError(i, "control character in a string")
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(d[i:]) // invalid UTF-8 reads as U+FFFD, byte by byte
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
				return "", l.SyntaxError(i, `\u needs four hex digits`)
			}
			i += 6
			if utf16.IsSurrogate(r) {
				r2, ok := hex4(d, i+2)
				if ok && d[i] == '\\' && d[i+1] == 'u' {
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
			return "", l.SyntaxError(i, "unknown escape "+quoteChar(d, i+1))
		}
		i += 2
	}
	return "", l.SyntaxError(start, "the string is not closed")
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
