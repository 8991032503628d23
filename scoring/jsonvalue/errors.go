package jsonvalue

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// Error reports JSON that is not accepted, naming where.
type Error struct {
	// Path is where in the document, in the form
	// "maestro.layers[2].threats[0].state" (see Join and Index); "" for
	// the document as a whole or a place only the offset names.
	Path string
	// Offset is the byte offset in the document the error is about, or
	// -1 when it is about no one place (a document over the size limit).
	Offset int
	// Line is the 1-based line of Offset, for an error found while
	// reading the JSON text (not well-formed, not UTF-8, a duplicate key,
	// nested too deep); 0 otherwise.
	Line int
	Msg  string // the whole message, e.g. "not valid JSON at byte 10: …" or "unknown field"
	Err  error  // the underlying error, if any
}

// Error returns the path, if any, then the message: "title: duplicate
// field", "not valid JSON at byte 10: invalid character '1' after object key".
func (e *Error) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// textError is an error at byte off of data, found while reading the text.
func textError(data []byte, off int, path, msg string) *Error {
	return &Error{Path: path, Offset: off, Line: lineOf(data, off), Msg: msg}
}

// syntaxError reports text that is not JSON at byte off.
func syntaxError(data []byte, off int, what string) *Error {
	return textError(data, off, "", "not valid JSON at byte "+strconv.Itoa(off)+": "+what)
}

// lineOf is the 1-based line of byte off.
func lineOf(data []byte, off int) int {
	if off < 0 {
		return 0
	}
	return bytes.Count(data[:min(off, len(data))], []byte{'\n'}) + 1
}

// quoteChar shows the character at data[off] in a message: 'x', '\”,
// 'é', or byte 0xff for a byte that does not start a UTF-8 character.
func quoteChar(data []byte, off int) string {
	r, size := utf8.DecodeRune(data[off:])
	if r == utf8.RuneError && size <= 1 {
		return "byte 0x" + strconv.FormatUint(uint64(data[off]), 16)
	}
	return strconv.QuoteRune(r)
}
