package jsonvalue

import (
	"errors"
	"testing"
)

func TestLexerTokens(t *testing.T) {
	type tok struct {
		kind       Token
		text       string
		start, pos int
	}
	data := []byte(" {\"k\\u00e9\": [-1.5e3, true,false ,null]}\n")
	want := []tok{
		{TokBeginObject, "", 1, 2},
		{TokString, "ké", 2, 11},
		{TokColon, "", 11, 12},
		{TokBeginArray, "", 13, 14},
		{TokNumber, "-1.5e3", 14, 20},
		{TokComma, "", 20, 21},
		{TokTrue, "", 22, 26},
		{TokComma, "", 26, 27},
		{TokFalse, "", 27, 32},
		{TokComma, "", 33, 34},
		{TokNull, "", 34, 38},
		{TokEndArray, "", 38, 39},
		{TokEndObject, "", 39, 40},
		{TokEOF, "", 41, 41},
	}
	l := NewLexer(data)
	for i, w := range want {
		kind, text, err := l.Next()
		if err != nil {
			t.Fatalf("token %d: %v", i, err)
		}
		if got := (tok{kind, text, l.Start(), l.Pos()}); got != w {
			t.Errorf("token %d: %+v, want %+v", i, got, w)
		}
	}
}

// The lexer reads a string's invalid UTF-8 as U+FFFD, byte by byte, as
// encoding/json does (Parse refuses such a document before lexing).
func TestLexerReplacesInvalidUTF8(t *testing.T) {
	l := NewLexer([]byte("\"a\xffb\xe2\x82\""))
	_, text, err := l.Next()
	if err != nil || text != "a\uFFFDb\uFFFD\uFFFD" {
		t.Errorf("text %q, %v; want a, U+FFFD, b, U+FFFD twice", text, err)
	}
}

func TestLexerErrorsAreErrors(t *testing.T) {
	l := NewLexer([]byte("\n  @"))
	_, _, err := l.Next()
	e, ok := errors.AsType[*Error](err)
	if !ok || *e != (Error{Offset: 3, Line: 2, Msg: "not valid JSON at byte 3: unexpected '@'"}) {
		t.Errorf("error %#v; want an *Error at byte 3, line 2", err)
	}
	if e := l.SyntaxError(1, "what"); e.Offset != 1 || e.Line != 2 || e.Msg != "not valid JSON at byte 1: what" {
		t.Errorf("SyntaxError(1) = %+v", e)
	}
}

func BenchmarkParse(b *testing.B) {
	doc := []byte(`{"format":"threatcard/2","aivss":{"edition":"v0.8","factors":{"autonomy":"1","tools":"0.5"},"thm":"0.97"},` +
		`"maestro":{"layers":[{"layer":1,"threats":[{"title":"Tool misuse","aivss":{"id":"F-001","cvss_score":"8.0"}}]},` +
		`{"layer":2},{"layer":3},{"layer":4},{"layer":5},{"layer":6},{"layer":7}]}}`)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(doc); err != nil {
			b.Fatal(err)
		}
	}
}
